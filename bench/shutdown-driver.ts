// Measures the quit sequence of the real app from outside: for each torrent count it starts
// `gjs -m dist/main.js` with that many torrents in a fresh config folder, waits until the
// tracker holds every one of them as a seeder, sends SIGTERM and times the window hiding
// (logged by the app under DFS_BENCH=1, on the same monotonic clock) and the process exit,
// then counts the `stopped` events the tracker received. Run through bench/shutdown.sh.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { programArgs } from 'system';

import bencode from 'bencode';

import '../src/lib/promisify.ts';
import { ShutdownTracker } from '../tests/integration/shutdownTracker.ts';
import { delay } from '../tests/support/async.ts';
import { OpenTracker } from '../tests/support/opentracker.ts';
import { makeTempDir, projectRoot, readText, removeTree, writeFile } from '../tests/support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../tests/support/torrents.ts';
import { runMain } from './runMain.ts';

type TrackerKind = 'live' | 'silent';

interface Row {
  kind: TrackerKind;
  torrents: number;
  startMs: number;
  hiddenMs: number | null;
  exitMs: number | null;
  exitStatus: string;
  stoppedReceived: number;
  breakdown: string;
}

interface Tracker {
  announceUrl: string;
  /** Seeders the tracker holds now (live) or `started` it answered (silent). */
  seeders(): Promise<number>;
  /** Called once every torrent is seeding, right before SIGTERM. */
  goQuiet(): void;
  stoppedReceived(seedersBefore: number): Promise<number>;
  stop(): Promise<void>;
}

const SIGTERM = 15;
const START_TIMEOUT_MS = 180000;
const EXIT_TIMEOUT_MS = 15000;

const args = programArgs;
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const counts = (opt('--counts') ?? '1,5,10,20,50,100,1000').split(',').map(Number);
const kinds = (opt('--trackers') ?? 'live,silent').split(',') as TrackerKind[];
const headless = args.includes('--headless');
const verbose = GLib.getenv('DFS_BENCH_VERBOSE') === '1';
const budgetOption = opt('--budget-ms');
/** Written to settings.json when given; the app's default (2000 ms) otherwise. */
const budgetMs = budgetOption === undefined ? null : Number(budgetOption);

function liveTracker(ot: OpenTracker): Tracker {
  // `stats?mode=peer` answers "<peers>\n<seeds>\n…"; every peer here is a seeder.
  const seeds = async () => Number((await ot.stats('peer')).split('\n')[1]);
  return {
    announceUrl: ot.announceUrl,
    seeders: seeds,
    goQuiet: () => undefined,
    // A `stopped` removes the peer, so the seeders that went away are the `stopped` received.
    stoppedReceived: async (before) => before - (await seeds()),
    stop: () => ot.stop(),
  };
}

function silentTracker(t: ShutdownTracker): Tracker {
  // Answers `started`, then stops answering anything: connections are accepted, requests read
  // and counted, never answered.
  return {
    announceUrl: t.announceUrl,
    seeders: () => Promise.resolve(t.startedHashes.size),
    goQuiet: () => (t.silent = true),
    stoppedReceived: () => Promise.resolve(t.stoppedRequests),
    stop: async () => t.stop(),
  };
}

function withAnnounce(torrent: Uint8Array, url: string): Uint8Array {
  const root = bencode.decode(torrent) as Record<string, unknown>;
  root.announce = url;
  return bencode.encode(root);
}

async function runOnce(kind: TrackerKind, n: number): Promise<Row> {
  const home = makeTempDir('dfs-bench-shutdown');
  const configDir = `${home}/config/dfakeseeder`;
  const ot = kind === 'live' ? new OpenTracker() : null;
  const tracker = ot ? liveTracker(ot) : silentTracker(new ShutdownTracker(0));
  const files = Array.from({ length: n }, (_, i) =>
    makeTorrent({ name: `bench-${i}.bin`, announce: tracker.announceUrl }),
  );
  const hashes = files.map(fixtureInfoHashHex);
  // Debian's opentracker is whitelist-only: it must know the hashes before the app starts.
  await ot?.start(hashes);
  // It moves to another port if its port was taken: the announce URL (outside the info dict,
  // so the hashes stay) then follows it.
  const url = tracker.announceUrl;
  files.forEach((bytes, i) => writeFile(`${configDir}/torrents/bench-${i}.torrent`, withAnnounce(bytes, url)));
  if (budgetMs !== null) {
    writeFile(`${configDir}/settings.json`, JSON.stringify({ shutdown: { budget_ms: budgetMs } }, null, 2));
  }
  return measure(kind, n, home, tracker);
}

async function measure(kind: TrackerKind, n: number, home: string, tracker: Tracker): Promise<Row> {
  // GLib's default log writer puts info lines on stdout and warnings on stderr: keep both.
  const logPath = `${home}/app.log`;
  const launcher = new Gio.SubprocessLauncher({ flags: Gio.SubprocessFlags.STDERR_MERGE });
  launcher.set_stdout_file_path(logPath);
  launcher.setenv('XDG_CONFIG_HOME', `${home}/config`, true);
  launcher.setenv('XDG_DATA_HOME', `${home}/data`, true);
  launcher.setenv('XDG_CACHE_HOME', `${home}/cache`, true);
  launcher.setenv('DFS_BENCH', '1', true);
  // Info logging costs time at 1000 torrents; a user's app does not print it (the headless
  // app always does). DFS_BENCH=1 prints the two lines the bench reads either way.
  if (verbose) launcher.setenv('G_MESSAGES_DEBUG', 'dfakeseeder', true);
  const argv = ['gjs', '-m', `${projectRoot()}/dist/main.js`, ...(headless ? ['--headless'] : [])];
  const startedAt = GLib.get_monotonic_time();
  const proc = launcher.spawnv(argv);
  let exitedEarly = false;
  const exited = proc.wait_async(null).then(() => (exitedEarly = true));

  let seedersBefore = 0;
  const deadline = startedAt + START_TIMEOUT_MS * 1000;
  // Seeding means: the tracker lists every torrent. Then a pause lets the app read the last
  // replies (a `started` still in flight at the quit is cancelled and counts as never
  // acknowledged) and finish start-up work still queued on its main loop (first frames, rows).
  while (!exitedEarly && GLib.get_monotonic_time() < deadline) {
    seedersBefore = await tracker.seeders();
    if (seedersBefore >= n) break;
    await delay(200);
  }
  await delay(1500);
  const startMs = (GLib.get_monotonic_time() - startedAt) / 1000;
  const row: Row = {
    kind,
    torrents: n,
    startMs,
    hiddenMs: null,
    exitMs: null,
    exitStatus: '',
    stoppedReceived: 0,
    breakdown: '',
  };
  if (seedersBefore < n) {
    row.exitStatus = exitedEarly ? 'exited before seeding' : `only ${seedersBefore}/${n} seeding`;
    proc.force_exit();
    await exited;
  } else {
    tracker.goQuiet();
    const signalledAt = GLib.get_monotonic_time();
    proc.send_signal(SIGTERM);
    const killer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, EXIT_TIMEOUT_MS, () => {
      proc.force_exit();
      return GLib.SOURCE_REMOVE;
    });
    await exited;
    const exitedAt = GLib.get_monotonic_time();
    GLib.source_remove(killer);
    row.exitMs = (exitedAt - signalledAt) / 1000;
    row.exitStatus = proc.get_if_exited() ? `exit ${proc.get_exit_status()}` : 'killed';
    // Let the tracker process whatever reached it before counting.
    await delay(200);
    row.stoppedReceived = await tracker.stoppedReceived(seedersBefore);
    const log = readText(logPath);
    const hidden = /DFS_BENCH quit requested at (\d+) hidden at (\d+)/.exec(log);
    if (hidden) row.hiddenMs = (Number(hidden[2]) - signalledAt) / 1000;
    row.breakdown = /SHUTDOWN PHASE BREAKDOWN: (.*)/.exec(log)?.[1] ?? '(no breakdown line)';
    if (hidden && verbose) {
      for (const m of log.matchAll(/DFS_BENCH (.*) at (\d+)$/gm))
        printerr(`  ${m[1]}: ${(Number(m[2]) - signalledAt) / 1000} ms after SIGTERM`);
      printerr(`  exit: ${row.exitMs} ms after SIGTERM`);
      printerr(`${kind} ${n}: SIGTERM→sequence start ${(Number(hidden[1]) - signalledAt) / 1000} ms`);
      printerr(log.split('\n').slice(-40).join('\n'));
    }
  }
  await tracker.stop();
  removeTree(home);
  return row;
}

function fmt(ms: number | null): string {
  return ms === null ? '—' : ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

async function main(): Promise<void> {
  if (!OpenTracker.isAvailable() && kinds.includes('live')) throw new Error('opentracker is not installed');
  print(
    `shutdown bench: ${headless ? 'headless app' : 'windowed app under Xvfb'}, budget ${budgetMs ?? 'default'} ms, ` +
      `SIGTERM once every torrent is seeding`,
  );
  print('');
  print(
    '| tracker | torrents | ms to window hidden | ms to process exit | `stopped` received | exit | app breakdown |',
  );
  print('|---|---:|---:|---:|---:|---|---|');
  for (const kind of kinds) {
    for (const n of counts) {
      const r = await runOnce(kind, n);
      print(
        `| ${r.kind} | ${r.torrents} | ${fmt(r.hiddenMs)} | ${fmt(r.exitMs)} | ${r.stoppedReceived}/${r.torrents} | ` +
          `${r.exitStatus} | ${r.breakdown} |`,
      );
    }
  }
}

runMain(main);
