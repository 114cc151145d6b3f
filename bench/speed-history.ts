import GLib from 'gi://GLib';
import { gc } from 'system';

import { HISTORY_SECONDS, SpeedHistory } from '../src/model/session/SpeedHistory.ts';

/**
 * What every torrent's speed history costs: N SpeedHistory rings (one per torrent, as the model
 * keeps them), each filled to its 5 minutes, at the default tick (9 s) and the fastest (1 s).
 * Prints the samples' bytes and the process's RSS growth.
 *
 *   bash bench/speed-history.sh [N=10000]
 */
const n = Number(ARGV[0] ?? 10000);

function rssKb(): number {
  const [, bytes] = GLib.file_get_contents('/proc/self/status');
  const m = /VmRSS:\s+(\d+)/.exec(new TextDecoder().decode(bytes));
  return m ? Number(m[1]) : 0;
}

function measure(tickSeconds: number): void {
  gc();
  const before = rssKb();
  const rings: SpeedHistory[] = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const ring = new SpeedHistory(tickSeconds);
    const samples = SpeedHistory.capacityFor(tickSeconds);
    for (let k = 0; k < samples; k++) ring.push(51200 + k, 0, now + k * tickSeconds * 1000);
    rings.push(ring);
  }
  gc();
  const after = rssKb();
  const buffers = rings.reduce((sum, r) => sum + r.byteLength, 0);
  const label = `tick ${tickSeconds} s (${SpeedHistory.capacityFor(tickSeconds)} samples)`;
  print(
    `${label.padEnd(28)} ${String(n).padStart(6)} torrents: samples ${(buffers / 1048576).toFixed(2)} MB` +
      ` (${rings[0].byteLength} B each), RSS +${((after - before) / 1024).toFixed(1)} MB`,
  );
  rings.length = 0;
}

print(`speed history: ${HISTORY_SECONDS} s per torrent, one Float32Array ring (time, up, down) each`);
measure(9);
measure(1);
