import GLib from 'gi://GLib';
import { exit, gc } from 'system';

import { runFromC } from './garbageCollection.ts';

/**
 * Ends the process with `code` without tearing the JS context down.
 *
 * `exit()` at the top level of the script makes GJS 1.74 dispose its context on the way out: a
 * full garbage collection that finalizes every object (every torrent, worker and wrapper), then
 * the engine's teardown — 0.1–0.3 s at 1 000 torrents and about 1.5 s at 10 000, after
 * everything was already written. Called from inside a callback GJS runs for C code, `exit()`
 * makes GJS call the C library's exit() right there instead (gi/function.cpp): open files are
 * closed by the kernel, stdio is flushed, nothing of ours is lost. Only call it once every file
 * is written and closed (after the application's run() returned).
 *
 * The callback runs from C (runFromC). GJS 1.74 refuses to
 * run a callback while a collection is stuck between sweep slices (src/lib/garbageCollection.ts):
 * then the collection is finished and the call made again, and if that still fails the ordinary
 * exit follows. GJS writes its profile and coverage data during the teardown: with either
 * turned on, the ordinary exit is used.
 */
export function exitAtOnce(code: number): never {
  if (!GLib.getenv('GJS_ENABLE_PROFILER') && !GLib.getenv('GJS_COVERAGE_PREFIXES')) {
    const exitInCallback = (): void => exit(code);
    if (!runFromC(exitInCallback)) {
      gc();
      runFromC(exitInCallback);
    }
  }
  exit(code);
  throw new Error('exit() returned'); // never reached: exit() throws GJS's uncatchable exit
}
