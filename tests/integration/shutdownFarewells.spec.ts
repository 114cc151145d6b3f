import Gio from 'gi://Gio';

import '../../src/lib/promisify.ts';
import { modelShutdownSteps } from '../../src/controller/shutdown/modelShutdownSteps.ts';
import { ShutdownCoordinator } from '../../src/controller/ShutdownCoordinator.ts';
import { TorrentLibrary } from '../../src/model/library/index.ts';
import { Model } from '../../src/model/Model.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { waitFor } from '../support/async.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';
import { ShutdownTracker } from './shutdownTracker.ts';

/**
 * The quit sequence over the real engine (SettingsStore, TorrentLibrary, TrackerNetwork +
 * TorrentAnnouncer, Model and its workers) against a local tracker that holds every `stopped`
 * for a while, or never answers it: the faults a real tracker will not produce on demand.
 */
describe('quit sequence over the engine (integration)', () => {
  let dir: string;
  let settings: SettingsStore;
  let model: Model;
  let tracker: ShutdownTracker;
  let events: string[];

  beforeEach(() => {
    dir = makeTempDir('dfs-shutdown');
    settings = SettingsStore.open(dir);
    const network = new TrackerNetwork(settings);
    model = new Model({
      settings,
      createAnnouncer: (metainfo, _tiers, onChanged) => new TorrentAnnouncer({ metainfo, network, onChanged }),
    });
    events = [];
  });

  afterEach(async () => {
    model.stopTimers();
    for (const w of model.workers()) w.cancel();
    await Promise.all(model.workers().map((w) => w.drained));
    tracker?.stop();
    removeTree(dir);
  });

  /** Adds `n` torrents announcing to the tracker, starts them and waits for every `started`. */
  async function seed(n: number): Promise<void> {
    const library = new TorrentLibrary(`${dir}/torrents`);
    for (let i = 0; i < n; i++) {
      writeFile(`${dir}/in/t${i}.torrent`, makeTorrent({ name: `t${i}.bin`, announce: tracker.announceUrl }));
      model.add(await library.add(Gio.File.new_for_path(`${dir}/in/t${i}.torrent`)));
    }
    model.startAll();
    await waitFor(() => tracker.startedHashes.size === n, `${n} started announces`, 30000);
    await waitFor(() => model.workers().every((w) => w.announcer.startedAcknowledged), 'every start acknowledged');
  }

  function coordinator(): ShutdownCoordinator {
    return new ShutdownCoordinator(
      modelShutdownSteps({
        model,
        settings,
        hideWindows: () => events.push('hide'),
        quit: () => events.push('quit'),
      }),
    );
  }

  function savedTorrentStates(): Record<string, { session_uploaded?: number }> {
    return JSON.parse(readText(`${dir}/settings.json`)).torrents ?? {};
  }

  it('has all 200 `stopped` in flight at once at a tracker that answers after 1 s, and none times out', async () => {
    tracker = new ShutdownTracker(1000);
    // Answers none before all 200 are held together: a client that queued or serialised its
    // farewells would never get there, and its budget would fire.
    tracker.answerOnceInFlight = 200;
    // This spec is about concurrency, not speed: a budget and a client `stopped` timeout
    // (Transmission's 10 s) that a busy test machine cannot exhaust while it sends 200 requests.
    settings.set('agent', 'transmission-4.1.3');
    settings.set('shutdown.budget_ms', 20000);
    await seed(200);
    const report = await coordinator().run('spec');

    expect(tracker.stoppedRequests).toBe(200);
    expect(tracker.stoppedHashes.size).toBe(200);
    // Nothing waits per torrent: the tracker held every farewell at the same moment.
    expect(tracker.maxStoppedInFlight).toBe(200);
    expect(tracker.stoppedAnswered).toBe(200);
    expect(report.stoppedSent).toBe(200);
    expect(report.timedOut).toBe(0);
    expect(report.budgetFired).toBeFalse();
    expect(report.saveError).toBeNull();
    expect(events).toEqual(['hide', 'quit']);
    expect(Object.keys(savedTorrentStates()).length).toBe(200);
  }, 60000);

  it('cancels every farewell still pending when the budget fires at a silent tracker, and still saves', async () => {
    tracker = new ShutdownTracker(0);
    await seed(20);
    settings.set('shutdown.budget_ms', 400);
    tracker.silent = true;
    const report = await coordinator().run('spec');

    expect(report.budgetMs).toBe(400);
    expect(report.budgetFired).toBeTrue();
    expect(report.timedOut).toBe(20);
    expect(report.stoppedSent).toBe(0);
    // They all reached the tracker together; none was answered.
    expect(tracker.stoppedRequests).toBe(20);
    expect(tracker.maxStoppedInFlight).toBe(20);
    expect(events).toEqual(['hide', 'quit']);
    expect(Object.keys(savedTorrentStates()).length).toBe(20);
    // The budget's one cancellation aborted the requests themselves: every worker drains.
    let drained = false;
    void Promise.all(model.workers().map((w) => w.drained)).then(() => (drained = true));
    await waitFor(() => drained, 'every worker to drain after the budget', 2000);
  }, 30000);

  it('cancels a `started` still in flight at quit and sends `stopped` to that tracker too', async () => {
    // The tracker holds every `started` for 30 s: the quit finds it in flight. The tracker may
    // already list us, so the farewell covers it.
    tracker = new ShutdownTracker(0);
    tracker.startedDelayMs = 30000;
    const library = new TorrentLibrary(`${dir}/torrents`);
    writeFile(`${dir}/in/slow.torrent`, makeTorrent({ name: 'slow.bin', announce: tracker.announceUrl }));
    model.add(await library.add(Gio.File.new_for_path(`${dir}/in/slow.torrent`)));
    model.startAll();
    await waitFor(() => tracker.startedRequests === 1, 'the held started');
    expect(model.workers()[0].announcer.startedAcknowledged).toBeFalse();
    const report = await coordinator().run('spec');

    expect(report.stoppedSent).toBe(1);
    expect(report.timedOut).toBe(0);
    expect(report.budgetFired).toBeFalse();
    expect(tracker.stoppedRequests).toBe(1);
    expect([...tracker.stoppedHashes]).toEqual([...tracker.startedArrived]);
    // the `started` was never answered: it was cancelled, not waited for
    expect(tracker.startedHashes.size).toBe(0);
    expect(events).toEqual(['hide', 'quit']);
  }, 20000);

  it('sends no `stopped` for a torrent that never sent `started`', async () => {
    tracker = new ShutdownTracker(0);
    const library = new TorrentLibrary(`${dir}/torrents`);
    writeFile(`${dir}/in/idle.torrent`, makeTorrent({ name: 'idle.bin', announce: tracker.announceUrl }));
    model.add(await library.add(Gio.File.new_for_path(`${dir}/in/idle.torrent`)));
    // Not started: no worker ticks, nothing was announced.
    const report = await coordinator().run('spec');

    expect(report.stoppedSent).toBe(0);
    expect(report.budgetFired).toBeFalse();
    expect(tracker.startedRequests).toBe(0);
    expect(tracker.stoppedRequests).toBe(0);
    expect(events).toEqual(['hide', 'quit']);
  }, 20000);

  it('sends all 300 `stopped` (more than the old cap of 256) to a tracker that stopped answering', async () => {
    tracker = new ShutdownTracker(0);
    // Transmission gives a `stopped` 10 s, so the budget (3 s) is what ends the wait.
    settings.set('agent', 'transmission-4.1.3');
    await seed(300);
    settings.set('shutdown.budget_ms', 3000);
    tracker.silent = true;
    const report = await coordinator().run('spec');

    // Every farewell went out at once; none was answered, so the budget cancelled them all.
    expect(tracker.stoppedRequests).toBe(300);
    expect(tracker.stoppedHashes.size).toBe(300);
    expect(report.budgetFired).toBeTrue();
    expect(report.timedOut).toBe(300);
    expect(events).toEqual(['hide', 'quit']);
  }, 90000);
});
