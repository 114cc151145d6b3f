import GLib from 'gi://GLib';
import { programArgs } from 'system';

import { SettingsStore } from '../../../src/model/settings/SettingsStore.ts';
import { normalizeTorrentState } from '../../../src/model/settings/TorrentState.ts';

/**
 * Saves settings in a loop with a rising counter until it is killed (the crash-safety spec
 * SIGKILLs it at random moments). Every save writes one consistent generation: the counter `n`
 * is in every torrent's state and in `tickspeed`, so a file mixing two saves would show.
 *
 *   gjs -m settings-writer.js CONFIG_DIR [TORRENTS]
 */
const [dir, count = '200'] = programArgs;
const torrents = Number(count);
const store = SettingsStore.open(dir);
if (store.problems.length > 0) printerr(`PROBLEMS ${store.problems.join(' | ')}`);
const key = (i: number) => `${dir}/torrents/t${i}.torrent`;
let n = store.getTorrentState(key(0))?.session_uploaded ?? 0;
// A realistic amount of state per torrent, so a write takes long enough to be interrupted.
const comment = 'c'.repeat(600);

async function run(): Promise<void> {
  for (;;) {
    n++;
    for (let i = 0; i < torrents; i++) {
      store.setTorrentState(key(i), {
        ...normalizeTorrentState({}),
        name: `t${i}`,
        comment,
        session_uploaded: n,
        total_uploaded: n * 1000 + i,
      });
    }
    store.set('tickspeed', 1 + (n % 60));
    await store.saveNow();
  }
}

const loop = new GLib.MainLoop(null, false);
run().catch((e: unknown) => {
  printerr(`writer failed: ${String(e)}`);
  loop.quit();
});
loop.run();
