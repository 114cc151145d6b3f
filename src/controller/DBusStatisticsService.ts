import { APP_ID } from '../lib/config.ts';
import { _, format } from '../lib/i18n.ts';
import type { StatisticsSource } from '../view/statistics/StatisticsSource.ts';
import { dbusError } from './dbusError.ts';
import { DBusService } from './DBusService.ts';
import { dailyFigures, healthReport, MAX_DAYS, statisticsSummary, torrentHistory } from './statisticsReport.ts';

export const STATISTICS_INTERFACE = `${APP_ID}.Statistics`;

const INTERFACE_XML = `<node>
  <interface name="${STATISTICS_INTERFACE}">
    <method name="GetStatistics"><arg type="s" direction="out" name="summary_json"/></method>
    <method name="GetDailyFigures">
      <arg type="u" direction="in" name="days"/>
      <arg type="s" direction="out" name="days_json"/>
    </method>
    <method name="GetTorrentHistory">
      <arg type="s" direction="in" name="info_hash"/>
      <arg type="s" direction="out" name="history_json"/>
    </method>
    <method name="GetHealth"><arg type="s" direction="out" name="health_json"/></method>
  </interface>
</node>`;

/**
 * `ie.fio.dfakeseeder.Statistics`: the statistics history and app health, read only, as JSON
 * (the same shapes as the remote API's `/api/v1/statistics…`, built by statisticsReport.ts).
 * Tracker hosts only, never announce URLs (a private tracker's URL carries a passkey).
 */
export class DBusStatisticsService extends DBusService<StatisticsSource> {
  constructor() {
    super(INTERFACE_XML);
  }

  /** Totals today, this week, this month and all time, per tracker, and app health now. */
  GetStatistics(): string {
    return JSON.stringify(statisticsSummary(this.host));
  }

  /** Per local day, the last `days` days (1 to 1096), today last. */
  GetDailyFigures(days: number): string {
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw dbusError('INVALID_ARGS', format(_('Ask for 1 to %1$d days.'), MAX_DAYS));
    return JSON.stringify(dailyFigures(this.host, days));
  }

  /** One torrent's history by info hash (40 hex digits). */
  GetTorrentHistory(infoHash: string): string {
    const history = torrentHistory(this.host, infoHash);
    if (!history)
      throw dbusError(
        'INVALID_ARGS',
        format(_('The statistics history has nothing for the info hash “%1$s”.'), infoHash.slice(0, 80)),
      );
    return JSON.stringify(history);
  }

  GetHealth(): string {
    return JSON.stringify(healthReport(this.host));
  }
}
