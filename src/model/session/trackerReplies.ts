import { _, format } from '../../lib/i18n.ts';
import type { TrackerInfo } from '../tracker/types.ts';
import { type TrackerHealth, trackerHealth } from './trackerHealth.ts';
import type { TorrentLogLine } from './types.ts';

/** What a torrent takes from its trackers' states after one of them moved. */
export interface TrackerReplies {
  /** Some tracker replied since the last look (a reply is counted once). */
  replied: boolean;
  /** One log line per new reply that worked or failed. */
  lines: { level: TorrentLogLine['level']; message: string }[];
  /** The working tracker that answered last, or null. */
  best: TrackerInfo | null;
  /** Where the freshest seeders and leechers come from (an announce or a scrape), else `best`. */
  counts: TrackerInfo | null;
  health: TrackerHealth;
  /** The torrent's tracker message: the newest failure while failing, else the first tracker's words. */
  message: string;
}

/**
 * Reads the trackers' rows (a tracker announced to with each hash or over each address family has
 * a row per lane). `seen` keeps the last reply per row between calls, so each reply is logged once.
 */
export function readTrackerReplies(infos: readonly TrackerInfo[], seen: Map<string, string>): TrackerReplies {
  const lines: TrackerReplies['lines'] = [];
  let best: TrackerInfo | null = null;
  let freshest: TrackerInfo | null = null;
  let replied = false;
  for (const info of infos) {
    const reply = `${info.lastAnnounce ?? ''}|${info.state}`;
    const row = info.lane ? `${info.url} (${info.lane})` : info.url;
    if (info.lastAnnounce && seen.get(row) !== reply) {
      seen.set(row, reply);
      replied = true;
      if (info.state === 'working')
        lines.push({
          level: 'info',
          message: format(
            _('announced to %1$s: %2$s seeders, %3$s leechers'),
            row,
            String(info.seeders ?? '?'),
            String(info.leechers ?? '?'),
          ),
        });
      else if (info.state === 'error' || info.state === 'disabled')
        lines.push({ level: 'error', message: `${row}: ${info.message}` });
    }
    if (info.state === 'working' && (!best || (info.lastAnnounce ?? 0) > (best.lastAnnounce ?? 0))) best = info;
    if (info.countsAt !== null && (!freshest || info.countsAt > (freshest.countsAt ?? 0))) freshest = info;
  }
  const health = trackerHealth(infos);
  const message = health.failing ? health.lastFailure : (infos.map((i) => i.message).find((m) => m) ?? '');
  return { replied, lines, best, counts: freshest ?? best, health, message };
}
