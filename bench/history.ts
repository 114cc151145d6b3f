import GLib from 'gi://GLib';
import { programArgs } from 'system';

import { cpuSecondsFromStat } from '../src/model/health/AppHealthSampler.ts';
import { BucketCalendar } from '../src/model/history/BucketCalendar.ts';
import { HistoryStore } from '../src/model/history/HistoryStore.ts';

/**
 * The history's cost with N torrents seeding: the engine's calls (one recordTransfer per torrent
 * per tick, an announce per torrent every 30 min) on a simulated clock, so hours run in seconds.
 * The store starts from a year of history (its base is the size a year-old install has). Prints
 * CPU seconds and bytes written per simulated hour, and one compaction's cost amortised.
 *
 *   gjs -m history.js DIR [TORRENTS=1000] [HOURS=3] [TICK_SECONDS=3]
 */
const [dir, torrentsArg = '1000', hoursArg = '3', tickArg = '3'] = programArgs;
const TORRENTS = Number(torrentsArg);
const HOURS = Number(hoursArg);
const TICK = Number(tickArg);
const cpu = () => cpuSecondsFromStat(new TextDecoder().decode(GLib.file_get_contents('/proc/self/stat')[1])) ?? 0;

async function main(): Promise<void> {
  const start = GLib.DateTime.new_from_iso8601('2026-01-01T00:00:00Z', null)!.to_unix();
  const clock = { now: start };
  const store = new HistoryStore({ dir, calendar: BucketCalendar.forZone('Europe/Dublin'), clock: () => clock.now });
  await store.load();
  const hashes = Array.from({ length: TORRENTS }, (_, i) => i.toString(16).padStart(40, '0'));
  const hosts = hashes.map((_, i) => [`tracker${i % 5}.example`]);
  hashes.forEach((h, i) => store.describeTorrent(h, `Torrent ${i}`, 1e9));
  // A year of history first (daily figures, hourly the last day), then one base written.
  for (let day = 0; day < 365; day++) {
    for (let i = 0; i < TORRENTS; i++) store.recordTransfer(hashes[i], hosts[i], 4e9, 0, clock.now + (i % 24) * 3600);
    clock.now += 86400;
    await store.tick();
  }
  await store.compact();
  print(`a year of history for ${TORRENTS} torrents: base of ${store.snapshotText().length} bytes`);

  const written0 = store.journal!.bytesWritten;
  const busy0 = store.busyUs;
  const cpu0 = cpu();
  const wall0 = GLib.get_monotonic_time();
  const end = clock.now + HOURS * 3600;
  let nextMinute = clock.now + 60;
  for (let t = clock.now; t < end; t += TICK) {
    clock.now = t;
    for (let i = 0; i < TORRENTS; i++) {
      store.recordTransfer(hashes[i], hosts[i], 50000 * TICK, 0, t);
      if ((t / TICK + i) % (1800 / TICK) === 0) store.recordAnnounce(hashes[i], hosts[i][0], true, t);
    }
    if (t >= nextMinute) {
      nextMinute += 60;
      await store.tick(t);
    }
  }
  await store.journal!.settled();
  const cpuPerHour = (cpu() - cpu0) / HOURS;
  const bytesPerHour = (store.journal!.bytesWritten - written0) / HOURS;
  const busyPerHour = (store.busyUs - busy0) / 1e6 / HOURS;

  // One compaction, measured, then amortised over the hours the journal takes to reach it.
  const c0 = cpu();
  const w0 = store.journal!.bytesWritten;
  await store.compact();
  const compactCpu = cpu() - c0;
  const compactBytes = store.journal!.bytesWritten - w0;
  const hoursPerCompaction = Math.max(1048576, compactBytes) / Math.max(1, bytesPerHour);
  const totalCpu = cpuPerHour + compactCpu / hoursPerCompaction;
  const totalBytes = bytesPerHour + compactBytes / hoursPerCompaction;
  print(
    `simulated ${HOURS} h of ${TORRENTS} torrents seeding (tick ${TICK} s) in ${((GLib.get_monotonic_time() - wall0) / 1e6).toFixed(1)} s`,
  );
  print(
    `recording: ${cpuPerHour.toFixed(3)} CPU s/h (closing buckets: ${busyPerHour.toFixed(3)} s/h wall), journal ${(bytesPerHour / 1024).toFixed(1)} KiB/h`,
  );
  print(
    `compaction: ${compactCpu.toFixed(3)} CPU s and ${(compactBytes / 1024).toFixed(0)} KiB, once every ${hoursPerCompaction.toFixed(1)} h`,
  );
  print(
    `HISTORY COST PER HOUR: ${((100 * totalCpu) / 3600).toFixed(4)} % of a core, ${(totalBytes / 1048576).toFixed(3)} MB written`,
  );
}

const loop = new GLib.MainLoop(null, false);
main()
  .catch((e: unknown) => printerr(String(e)))
  .finally(() => loop.quit());
loop.run();
