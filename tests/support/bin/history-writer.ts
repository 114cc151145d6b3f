import GLib from 'gi://GLib';
import { programArgs } from 'system';

import { BucketCalendar } from '../../../src/model/history/BucketCalendar.ts';
import { HistoryStore } from '../../../src/model/history/HistoryStore.ts';

/**
 * Records history in a loop on a simulated clock, one minute per turn, until it is killed (the
 * crash spec SIGKILLs it at random moments). Minute i of the total holds exactly
 * WRITER_TORRENTS + 1 + i bytes, so a lost, doubled or torn bucket shows. After each bucket is on disk
 * it prints `durable <i>`; every tenth turn it also compacts (base rewritten, journal restarted).
 *
 *   gjs -m history-writer.js DIR
 *
 * WRITER_BASE (spec) = WRITER_TORRENTS + 1. Never import this file: it runs when loaded.
 */
const WRITER_T0 = 1_780_000_000 - (1_780_000_000 % 86400);
const WRITER_TORRENTS = 300;

const [dir] = programArgs;
const clock = { now: WRITER_T0 };
const store = new HistoryStore({ dir, calendar: BucketCalendar.forZone('UTC'), clock: () => clock.now });
const hashes = Array.from({ length: WRITER_TORRENTS }, (_, i) => i.toString(16).padStart(40, '0'));

async function run(): Promise<void> {
  await store.load();
  if (store.problems.length > 0) printerr(`PROBLEMS ${store.problems.join(' | ')}`);
  let i = (store.series.get('all')?.tiers[0].length ?? 0) / 5;
  clock.now = WRITER_T0 + i * 60;
  for (;;) {
    const t = WRITER_T0 + i * 60 + 1;
    store.recordTransfer('f'.repeat(40), ['writer.test'], i + 1, 0, t);
    for (const h of hashes) store.recordTransfer(h, ['writer.test'], 1, 0, t);
    clock.now = WRITER_T0 + (i + 1) * 60;
    await store.tick();
    print(`durable ${i}`);
    if (i % 10 === 9) await store.compact();
    i++;
  }
}

const loop = new GLib.MainLoop(null, false);
run().catch((e: unknown) => {
  printerr(`writer failed: ${String(e)}`);
  loop.quit();
});
loop.run();
