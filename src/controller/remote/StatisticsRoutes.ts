import { _, format } from '../../lib/i18n.ts';
import { dailyFigures, healthReport, MAX_DAYS, statisticsSummary, torrentHistory } from '../statisticsReport.ts';
import { HttpError } from './httpReply.ts';
import type { BuiltInTrackerReader, RemoteSource } from './RemoteSource.ts';
import type { Query } from './TorrentRoutes.ts';

/** Days of the per-day figures when the request does not say. */
const DEFAULT_DAYS = 30;

/**
 * The read-only figures of the JSON API: `/statistics` (totals, per tracker, app health),
 * `/statistics/daily?days=N`, `/statistics/health`, `/statistics/torrents/:hash` (the same JSON
 * as D-Bus `ie.fio.dfakeseeder.Statistics`) and `/tracker-server` (the built-in tracker).
 */
export class StatisticsRoutes {
  readonly #source: RemoteSource;

  constructor(source: RemoteSource) {
    this.#source = source;
  }

  /** True for the paths this class answers (the first part of the route). */
  static owns(top: string | undefined): boolean {
    return top === 'statistics' || top === 'tracker-server';
  }

  /** The reply body for a GET of `parts` (the route split on '/'); throws HttpError. */
  get(parts: string[], query: Query): unknown {
    if (parts[0] === 'tracker-server' && parts.length === 1) return this.#trackerServer();
    const stats = this.#source.statistics();
    if (!stats) throw new HttpError(503, 'unavailable', _('This app keeps no statistics history.'));
    const route = parts.slice(1);
    if (route.length === 0) return statisticsSummary(stats);
    if (route.length === 1 && route[0] === 'daily') return dailyFigures(stats, this.#days(query));
    if (route.length === 1 && route[0] === 'health') return healthReport(stats);
    if (route.length === 2 && route[0] === 'torrents') {
      const history = torrentHistory(stats, route[1]);
      if (!history)
        throw new HttpError(
          404,
          'not_found',
          _('There is no torrent with that info hash in the library or the history.'),
        );
      return history;
    }
    throw new HttpError(404, 'not_found', format(_('There is no API call GET %1$s.'), `/api/v1/${parts.join('/')}`));
  }

  #days(query: Query): number {
    const raw = query.days;
    if (raw === undefined || raw === '') return DEFAULT_DAYS;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > MAX_DAYS)
      throw new HttpError(
        400,
        'bad_parameter',
        format(_('“%1$s” must be a whole number from %2$s to %3$s.'), 'days', '1', String(MAX_DAYS)),
      );
    return n;
  }

  /** The built-in tracker: whether it listens, where, its counters and its torrents. */
  #trackerServer() {
    const tracker: BuiltInTrackerReader | null = this.#source.builtInTracker();
    if (!tracker) throw new HttpError(503, 'unavailable', _('This app has no built-in tracker.'));
    const f = tracker.figures();
    return {
      running: tracker.running,
      error: tracker.error,
      announce_urls: tracker.running ? tracker.announceUrls() : [],
      torrents: f.torrents,
      peers: f.peers,
      announces: f.announces,
      announces_per_minute: f.announcesPerMinute,
      scrapes: f.scrapes,
      refused: f.failures,
      udp_connects: f.udpConnects,
      announces_per_second: f.history,
      swarms: tracker.torrents().map((t) => ({
        info_hash: t.infoHashHex,
        name: t.name,
        seeders: t.seeders,
        leechers: t.leechers,
        completed: t.completed,
        announces: t.announces,
      })),
    };
  }
}
