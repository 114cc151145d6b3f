import GLib from 'gi://GLib';
import { programArgs } from 'system';

import { BucketCalendar } from '../src/model/history/BucketCalendar.ts';
import { type Bucket, HistorySeries, TORRENT_TIERS, type TierPolicy } from '../src/model/history/HistorySeries.ts';

/**
 * What a per-torrent minute tier for the last day would cost (issue 17 asks "minutes for the last
 * day" per torrent too): one torrent seeding all day (a figure every tick, as the engine credits
 * a torrent with leechers), under the shipped tiers and with a minute tier in front, extrapolated
 * to the size bound's 10 000 torrents (base size, memory) and the disk budget's 1 000 (journal
 * per hour: one line per closed bucket, as HistoryStore writes it).
 *
 *   gjs -m history-minutes.js [TICK_SECONDS=3]
 */
const TICK = Number(programArgs[0] ?? 3);
const DAY = 86400;
const KEY = `t:${'0'.repeat(40)}`;

function measure(policy: readonly TierPolicy[]) {
  const cal = BucketCalendar.forZone('Europe/Dublin');
  const start = GLib.DateTime.new_from_iso8601('2026-01-01T00:00:00Z', null)!.to_unix();
  const s = new HistorySeries(KEY, policy);
  let journal = 0;
  const closed = (x: HistorySeries, b: Bucket) => (journal += JSON.stringify([x.key, ...b]).length + 1);
  for (let t = start; t < start + DAY; t += TICK) {
    s.add(cal, t, [0, 150000 + ((t * 7919) % 40000), 0, 0, 0], closed);
    if (t % 60 === 0) {
      s.closeOpen(closed, t, false);
      s.rollUp(cal, t);
    }
  }
  return { buckets: s.bucketCount(), base: JSON.stringify(s.toJSON()).length, journalPerHour: journal / 24 };
}

const MiB = 1048576;
for (const [name, policy] of [
  ['shipped (hours for the last day)', TORRENT_TIERS],
  ['minutes for the last day', [{ unit: 'minute', keepSeconds: DAY }, ...TORRENT_TIERS] as TierPolicy[]],
] as const) {
  const m = measure(policy);
  print(
    `${name}: ${m.buckets} buckets per torrent after a day; ` +
      `10 000 torrents: base ${((m.base * 10000) / MiB).toFixed(1)} MiB, ` +
      `in memory ≥ ${((m.buckets * 5 * 8 * 10000) / MiB).toFixed(0)} MiB; ` +
      `1 000 torrents: journal ${((m.journalPerHour * 1000) / MiB).toFixed(2)} MB/h`,
  );
}
