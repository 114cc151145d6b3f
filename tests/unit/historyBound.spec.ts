import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { BucketCalendar } from '../../src/model/history/BucketCalendar.ts';
import { HistoryJournal } from '../../src/model/history/HistoryJournal.ts';
import { AGGREGATE_TIERS, maxBuckets, TORRENT_TIERS } from '../../src/model/history/HistorySeries.ts';
import { HistoryStore, MAX_TORRENT_SERIES, MAX_TRACKERS } from '../../src/model/history/HistoryStore.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';

const TORRENTS = 10000;
const HOSTS = 80; // more than MAX_TRACKERS: the rest share one series
/** The stated bound for 10 000 torrents seeding every hour of a year (ARCHITECTURE.md). */
const BOUND_BYTES = 16 * 1024 * 1024;
const DAY = 86400;

describe('History size bound', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('dfs-history-bound');
  });
  afterAll(() => removeTree(dir));

  it('holds a bounded number of buckets per series, whatever the years', () => {
    expect(maxBuckets(AGGREGATE_TIERS)).toBeLessThan(3500);
    expect(maxBuckets(TORRENT_TIERS)).toBeLessThan(200);
  });

  it(`keeps 10 000 torrents × a simulated year under ${BOUND_BYTES / 1048576} MB`, async () => {
    const start = GLib.DateTime.new_from_iso8601('2025-12-01T00:00:00Z', null)!.to_unix();
    const clock = { now: start };
    // Simulated in memory (the journal's cost is bench/history.sh's business), then written once.
    const store = new HistoryStore({ calendar: BucketCalendar.forZone('Europe/Dublin'), clock: () => clock.now });
    const hashes = Array.from({ length: TORRENTS }, (_, i) => i.toString(16).padStart(40, '0'));
    const hosts = hashes.map((_, i) => [`tracker${i % HOSTS}.example`]);
    hashes.forEach((h, i) => store.describeTorrent(h, `Torrent number ${i}`, 1e9 + i));
    const end = start + 365 * DAY;
    // Every torrent uploads every day, at a different hour each (so every hour of every
    // aggregate is filled); the last day every torrent uploads every hour, spread over the
    // minutes (so every minute of the last day is filled too). Each torrent announces daily,
    // and one announce in ten fails (weekly: announces add no buckets of their own).
    for (let day = start; day < end - DAY; day += DAY) {
      for (let i = 0; i < TORRENTS; i++) {
        const t = day + (i % 24) * 3600 + (i % 60) * 60;
        store.recordTransfer(hashes[i], hosts[i], 50e6 + i, i % 7, t);
        if ((day - start) % (7 * DAY) === 0) store.recordAnnounce(hashes[i], hosts[i][0], i % 10 !== 0, t);
      }
      clock.now = day + DAY;
      void store.tick();
      if ((day - start) % (30 * DAY) === 0) print(`  day ${(day - start) / DAY}: ${store.bucketCount()} buckets`);
    }
    for (let hour = end - DAY; hour < end; hour += 3600) {
      for (let i = 0; i < TORRENTS; i++)
        store.recordTransfer(hashes[i], hosts[i], 2e6 + i, 0, hour + (i % 60) * 60 + (i % 59));
      clock.now = hour + 3600;
      void store.tick();
    }
    const journal = new HistoryJournal(dir);
    await journal.writeBase(store.snapshotText(), 1);
    const size = Gio.File.new_for_path(`${dir}/history.json`)
      .query_info('standard::size', Gio.FileQueryInfoFlags.NONE, null)
      .get_size();
    print(`history after a simulated year: ${TORRENTS} torrents, ${store.bucketCount()} buckets, ${size} bytes`);
    expect(size).toBeLessThan(BOUND_BYTES);
    const trackerSeries = [...store.series.keys()].filter((k) => k.startsWith('h:'));
    expect(trackerSeries.length).toBe(MAX_TRACKERS + 1);
    expect(store.bucketCount()).toBeLessThanOrEqual(
      (MAX_TRACKERS + 2) * maxBuckets(AGGREGATE_TIERS) +
        Math.min(TORRENTS, MAX_TORRENT_SERIES) * maxBuckets(TORRENT_TIERS),
    );
    // The minute tier of the total covers the whole last day.
    expect(store.series.get('all')!.tiers[0].length / 5).toBeGreaterThanOrEqual(1439);
  }, 900000);
});
