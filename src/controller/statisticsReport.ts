import type { HealthSample } from '../model/health/AppHealthSampler.ts';
import type { BucketUnit } from '../model/history/BucketCalendar.ts';
import type { Bucket } from '../model/history/HistorySeries.ts';
import { HistoryStore } from '../model/history/HistoryStore.ts';
import type { StatisticsSource } from '../view/statistics/StatisticsSource.ts';

/**
 * The statistics history and app health as JSON, the same figures for D-Bus
 * (`ie.fio.dfakeseeder.Statistics`) and the remote API (`/api/v1/statistics…`); docs/API.md
 * describes the shapes. Times are unix seconds; days are the user's local calendar days.
 */

/** Most days a per-day request may ask for (three years: the history keeps days that long). */
export const MAX_DAYS = 1096;
/** Health samples younger than this are reused rather than read again from /proc. */
const FRESH_SAMPLE_S = 2;
const HASH = /^[0-9a-f]{40}$/;

export interface Figures {
  uploaded: number;
  downloaded: number;
  announces_ok: number;
  announces_failed: number;
}

function figures(b: Bucket): Figures {
  return { uploaded: b[1], downloaded: b[2], announces_ok: b[3], announces_failed: b[4] };
}

function healthJson(s: HealthSample) {
  return {
    time: s.time,
    cpu_percent: Math.round(s.cpuPercent * 10) / 10,
    rss_bytes: s.rssBytes,
    open_files: s.openFiles,
    announces_in_flight: s.announcesInFlight,
    loop_delay_ms: Math.round(s.loopDelayMs * 10) / 10,
  };
}

/** The latest health sample, read now unless one was taken in the last two seconds. */
function latestHealth(source: StatisticsSource): HealthSample {
  const last = source.health.samples.at(-1);
  const now = source.history.now();
  return last && now - last.time < FRESH_SAMPLE_S ? last : source.health.sample();
}

/** Totals for today, this week (from Monday), this month and all time; per tracker; app health now. */
export function statisticsSummary(source: StatisticsSource) {
  const h = source.history;
  const now = h.now();
  const today = h.calendar.start('day', now);
  const totals = (from: number) => figures(h.totals(from, Infinity));
  return {
    now: Math.floor(now),
    history_loaded: h.loaded,
    today: totals(today),
    this_week: totals(h.calendar.weekStart(now)),
    this_month: totals(h.calendar.start('month', now)),
    all_time: totals(-Infinity),
    trackers: h.trackerTotals(-Infinity, Infinity).map(({ host, totals: b }) => ({
      host,
      today: figures(h.totals(today, Infinity, HistoryStore.trackerKey(host))),
      all_time: figures(b),
    })),
    health: healthJson(latestHealth(source)),
  };
}

function bucketsJson(source: StatisticsSource, unit: BucketUnit, from: number, to: number, key?: string) {
  const cal = source.history.calendar;
  const pattern = unit === 'day' ? '%Y-%m-%d' : '%Y-%m-%d %H:%M';
  return source.history
    .buckets(unit, from, to, key)
    .map((b) => ({ start: b[0], local: cal.format(b[0], pattern), ...figures(b) }));
}

/**
 * `days` must be a whole number from 1 to MAX_DAYS; anything else is an Error in words. The
 * callers check their own input first (the remote answers 400), this is the last word.
 */
export function checkDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new RangeError(`days must be a whole number from 1 to ${MAX_DAYS}`);
  return days;
}

/** Uploaded, downloaded and announces per local day, the last `days` days, today last. */
export function dailyFigures(source: StatisticsSource, days: number) {
  const now = source.history.now();
  const from = source.history.calendar.firstDay(now, checkDays(days));
  return { days: bucketsJson(source, 'day', from, source.history.calendar.end('day', now)) };
}

/**
 * One torrent's history: all time, per hour for the last 24 hours and per day for the last 31
 * days (zeros for a library torrent that has not transferred yet). Null when neither the library
 * nor the history knows that info hash (a malformed one included).
 */
export function torrentHistory(source: StatisticsSource, infoHash: string) {
  const hash = infoHash.toLowerCase();
  const h = source.history;
  const key = HistoryStore.torrentKey(hash);
  if (!HASH.test(hash)) return null;
  const inLibrary = source.ratioInputs().find((t) => t.infoHash === hash);
  if (!h.series.has(key) && !h.torrents.has(hash) && !inLibrary) return null;
  const now = h.now();
  const hourEnd = h.calendar.end('hour', now);
  const described = h.torrents.get(hash);
  return {
    info_hash: hash,
    name: described?.name ?? '',
    size: described?.size ?? inLibrary?.size ?? 0,
    all_time: figures(h.totals(-Infinity, Infinity, key)),
    hours: bucketsJson(source, 'hour', hourEnd - 24 * 3600, hourEnd, key),
    days: bucketsJson(source, 'day', h.calendar.firstDay(now, 31), h.calendar.end('day', now), key),
  };
}

/** App health now, and the samples of the last ten minutes while someone watches it. */
export function healthReport(source: StatisticsSource) {
  const latest = latestHealth(source);
  return { latest: healthJson(latest), recent: source.health.samples.map(healthJson) };
}
