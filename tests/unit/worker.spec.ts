import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../src/lib/promisify.ts';
import { isCancelled } from '../../src/lib/errors.ts';
import { RateBudget } from '../../src/model/simulation/RateBudget.ts';
import { chooseRatioTarget, type StopSettings } from '../../src/model/simulation/stopConditions.ts';
import { TickScheduler } from '../../src/model/torrent/TickScheduler.ts';
import { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { TrackerInfo } from '../../src/model/tracker/types.ts';
import {
  type Announcer,
  type AnnounceStats,
  type EngineContext,
  TorrentWorker,
} from '../../src/model/torrent/TorrentWorker.ts';
import { delay, waitFor } from '../support/async.ts';

/**
 * An announcer that really goes over HTTP (libsoup, with the worker's Gio.Cancellable) to a
 * local server, and records what the worker asked of it. The tracker protocol itself is
 * specced with the real TorrentAnnouncer elsewhere; here the subject is the worker.
 */
class HttpAnnouncer implements Announcer {
  startedAcknowledged = false;
  readonly trackers: TrackerInfo[] = [];
  due = true;
  calls: { kind: string; stats: AnnounceStats; cancellable: Gio.Cancellable }[] = [];
  outcomes: string[] = [];
  readonly #session = new Soup.Session({ timeout: 30 });
  readonly #url: string;
  constructor(url: string) {
    this.#url = url;
  }
  nextAnnounceAt(): number {
    return this.due ? 0 : Infinity;
  }
  earliestForcedAnnounce(): number {
    return 0;
  }
  async #send(kind: string, stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void> {
    this.calls.push({ kind, stats, cancellable });
    this.due = false;
    const msg = Soup.Message.new('GET', `${this.#url}?event=${kind}&uploaded=${stats.uploaded}`)!;
    try {
      await this.#session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, cancellable);
      this.outcomes.push(`${kind} ok`);
      if (kind !== 'stopped') this.startedAcknowledged = true;
    } catch (e) {
      this.outcomes.push(`${kind} ${isCancelled(e) ? 'cancelled' : 'failed'}`);
      throw e;
    }
  }
  announceDue(stats: AnnounceStats, c: Gio.Cancellable) {
    return this.#send('started', stats, c);
  }
  forceAnnounce(stats: AnnounceStats, c: Gio.Cancellable) {
    return this.#send('forced', stats, c);
  }
  async stop(stats: AnnounceStats, c: Gio.Cancellable) {
    await this.#send('stopped', stats, c);
    this.startedAcknowledged = false;
    this.due = true;
    return 1;
  }
}

/** An announcer that also says goodbye with a callback (what TorrentWorker.farewellThen uses). */
class CallbackAnnouncer extends HttpAnnouncer {
  stopThen(stats: AnnounceStats, c: Gio.Cancellable, done: (acknowledged: number) => void): void {
    this.stop(stats, c).then(done, () => done(0));
  }
}

/** A local HTTP server that answers at once, or holds every request open and never answers. */
class LocalTracker {
  readonly server = new Soup.Server({});
  readonly held: Soup.ServerMessage[] = [];
  requests: string[] = [];
  answer = true;
  constructor() {
    this.server.add_handler('/announce', (_s, msg) => {
      this.requests.push(msg.get_uri().get_query() ?? '');
      if (this.answer) {
        msg.set_status(200, null);
        msg.set_response('text/plain', Soup.MemoryUse.COPY, new TextEncoder().encode('d8:intervali1800ee'));
      } else {
        msg.pause();
        this.held.push(msg);
      }
    });
    this.server.listen_local(0, Soup.ServerListenOptions.IPV4_ONLY);
  }
  get url(): string {
    return `http://127.0.0.1:${this.server.get_uris()[0].get_port()}/announce`;
  }
  stop(): void {
    this.server.disconnect();
  }
}

function context(
  over: Partial<EngineContext> = {},
  stop: Partial<StopSettings> = {},
): EngineContext & {
  stops: string[];
  lines: string[];
} {
  const stops: string[] = [];
  const lines: string[] = [];
  const stopSettings: StopSettings = {
    stopAtRatio: 0,
    randomRatio: false,
    ratioMin: 0,
    ratioMax: 0,
    stopAfterSeedingHours: 0,
    ...stop,
  };
  return {
    stops,
    lines,
    random: () => 0.5,
    budget: new RateBudget(),
    tickSeconds: () => 1,
    environment: () => ({ variationMin: 0.2, variationMax: 0.8, uploadOnlyWithLeechers: false }),
    stopSettings: () => stopSettings,
    ratioTarget: () => chooseRatioTarget(stopSettings, () => 0.5),
    accrues: () => true,
    distributedSpeed: () => null,
    changed: () => undefined,
    stopConditionMet: (_w, reason) => stops.push(reason),
    log: (_t, level, m) => lines.push(`${level} ${m}`),
    ...over,
  };
}

function seed(): Torrent {
  const t = new Torrent();
  t.filepath = `/tmp/worker-spec-${GLib.random_int()}.torrent`;
  t.name = 'spec';
  t.total_size = 1048576;
  t.progress = 1;
  t.uploading = true;
  t.upload_speed = 100;
  t.active = true;
  return t;
}

describe('TorrentWorker', () => {
  let tracker: LocalTracker;
  beforeEach(() => (tracker = new LocalTracker()));
  afterEach(() => {
    for (const m of tracker.held) m.unpause();
    tracker.stop();
  });

  it('has one call on the engine clock while running; cancel() removes it, and is idempotent', async () => {
    tracker.answer = true;
    const scheduler = new TickScheduler();
    const w = new TorrentWorker(seed(), new HttpAnnouncer(tracker.url), context({ scheduler }));
    w.start(50);
    const first = w.sourceId;
    expect(first).toBeGreaterThan(0);
    expect(scheduler.size).toBe(1);
    await waitFor(() => w.sourceId !== first, 'the first tick to install the ticker');
    const ticker = w.sourceId;
    expect(ticker).toBeGreaterThan(first);
    expect(scheduler.size).toBe(1); // the first-delay call is gone, the ticker replaced it
    w.cancel();
    expect(w.sourceId).toBe(0);
    expect(w.cancellable.is_cancelled()).toBeTrue();
    w.cancel();
    w.start();
    expect(w.sourceId).toBe(0); // a cancelled worker never runs again
    await w.drained;
  });

  it('holds a stop token only while something is in flight: a waiting torrent keeps no GObject for it', async () => {
    tracker.answer = true;
    const announcer = new HttpAnnouncer(tracker.url);
    const w = new TorrentWorker(seed(), announcer, context());
    expect(w.holdsStopToken).toBeFalse();
    w.start(0);
    await waitFor(() => announcer.outcomes.length === 1, 'the first announce to be answered');
    await w.drained;
    expect(announcer.outcomes).toEqual(['started ok']);
    expect(announcer.calls[0].cancellable.is_cancelled()).toBeFalse();
    expect(w.holdsStopToken).toBeFalse(); // dropped once nothing was in flight
    expect(w.isRunning).toBeTrue();
    w.cancel();
    expect(w.cancellable.is_cancelled()).toBeTrue(); // a halted worker's token is cancelled
    w.start();
    expect(w.isRunning).toBeFalse();
  });

  it('aborts an in-flight announce to a tracker that never answers, and drained settles', async () => {
    tracker.answer = false;
    const announcer = new HttpAnnouncer(tracker.url);
    const w = new TorrentWorker(seed(), announcer, context());
    w.start(0);
    await waitFor(() => tracker.held.length === 1, 'the announce to reach the server');
    let drained = false;
    void w.drained.then(() => (drained = true));
    await delay(100);
    expect(drained).toBeFalse(); // the announce is still in flight
    expect(announcer.calls[0].cancellable).toBe(w.cancellable);
    w.cancel();
    await waitFor(() => drained, 'drained to settle after cancel', 2000);
    expect(announcer.outcomes).toEqual(['started cancelled']);
  });

  it('credits traffic for the monotonic time that really elapsed', async () => {
    const t = seed();
    const announcer = new HttpAnnouncer(tracker.url);
    announcer.due = false;
    const w = new TorrentWorker(t, announcer, context());
    const before = GLib.get_monotonic_time();
    w.start(10_000); // no automatic tick in this spec
    const started = GLib.get_monotonic_time();
    await delay(700);
    const ticking = GLib.get_monotonic_time();
    w.tick();
    const after = GLib.get_monotonic_time();
    // 100 KB/s × variation 0.5 = 51200 B/s, for the elapsed seconds between start() and tick()
    const rate = 51200;
    expect(t.session_uploaded).toBeGreaterThanOrEqual(Math.floor((rate * (ticking - started)) / 1e6) - 1);
    expect(t.session_uploaded).toBeLessThanOrEqual(Math.ceil((rate * (after - before)) / 1e6) + 1);
    expect(Math.abs(t.upload_rate - rate)).toBeLessThanOrEqual(2); // whole bytes over a fraction of a second
    w.cancel();
  });

  it('rests a seeding torrent nobody observes (restSeconds), ticks for its announce on time, and wakes when observed', () => {
    let now = 5_000_000_000;
    const scheduler = new TickScheduler({ monotonicUs: () => now });
    const startUs = now;
    const t = seed();
    const announcer = new HttpAnnouncer(tracker.url);
    announcer.due = false;
    let nextAnnounce = Infinity;
    announcer.nextAnnounceAt = () => nextAnnounce;
    const ticks: number[] = [];
    let observed = false;
    const w = new TorrentWorker(
      t,
      announcer,
      context({
        scheduler,
        tickSeconds: () => 9,
        restSeconds: () => 30,
        observed: () => observed,
        changed: () => ticks.push(Math.round((now - startUs) / 1e6)),
      }),
    );
    const advance = (seconds: number) => {
      for (let i = 0; i < seconds; i++) {
        now += 1_000_000;
        scheduler.runDue();
      }
    };
    w.start(0);
    advance(60);
    // Unobserved and seeding: every 30 s, not every 9 s.
    expect(ticks).toEqual([1, 31]);
    // Its announce is due at 76 s: the tick armed at 61 comes then (the announce goes on time).
    nextAnnounce = startUs + 76 * 1e6;
    advance(20);
    nextAnnounce = Infinity;
    expect(ticks).toEqual([1, 31, 61, 76]);
    // Every elapsed second was credited: 100 KB/s × variation 0.5 over 75 s.
    expect(t.total_uploaded).toBeGreaterThanOrEqual(51200 * 74);
    // A window opens: at the next whole second, then every 9 s.
    observed = true;
    w.wake();
    ticks.length = 0;
    advance(20);
    expect(ticks).toEqual([81, 90, 99]);
    w.cancel();
    advance(60);
    expect(ticks).toEqual([81, 90, 99]);
  });

  it('shows the seconds to the next announce, and -1 when no tracker can be announced to', async () => {
    const t = seed();
    const announcer = new HttpAnnouncer(tracker.url);
    announcer.due = false; // nextAnnounceAt() is Infinity: nothing is scheduled
    const w = new TorrentWorker(t, announcer, context());
    w.start(10_000); // no automatic tick in this spec
    w.tick();
    expect(t.next_update).toBe(-1);
    (announcer as unknown as { nextRegularAnnounceAt: () => number }).nextRegularAnnounceAt = () =>
      GLib.get_monotonic_time() + 90 * 1e6;
    w.tick();
    expect(t.next_update).toBe(90);
    w.cancel();
  });

  it('pause sends stopped (only after an acknowledged started) and resume starts a new session', async () => {
    const t = seed();
    const announcer = new HttpAnnouncer(tracker.url);
    const w = new TorrentWorker(t, announcer, context());
    await w.pause();
    expect(announcer.calls.length).toBe(0); // nothing was started, nothing to stop
    w.resume(0);
    await waitFor(() => announcer.startedAcknowledged, 'started to be acknowledged');
    await w.pause();
    expect(announcer.calls.map((c) => c.kind)).toEqual(['started', 'stopped']);
    expect(w.sourceId).toBe(0);
    expect(w.isRunning).toBeFalse();
    // Trackers get counters since the new `started`; the user's "this session" figure goes on.
    t.session_uploaded = 999;
    w.resume(0);
    expect(w.announcedBytes).toEqual({ uploaded: 0, downloaded: 0 });
    expect(t.session_uploaded).toBe(999);
    await waitFor(() => announcer.calls.length === 3, 'a new started');
    expect(announcer.calls[2].kind).toBe('started');
    expect(announcer.calls[2].stats.uploaded).toBeLessThan(999); // counted from the new `started`
    expect(announcer.calls[2].cancellable.is_cancelled()).toBeFalse();
    w.cancel();
    await w.drained;
  });

  it('farewell after cancel sends stopped once the cancelled work has settled', async () => {
    const announcer = new HttpAnnouncer(tracker.url);
    const w = new TorrentWorker(seed(), announcer, context());
    w.start(0);
    await waitFor(() => announcer.startedAcknowledged, 'started to be acknowledged');
    w.cancel();
    const budget = new Gio.Cancellable();
    expect(await w.farewell(budget)).toBe('sent');
    expect(announcer.calls.map((c) => c.kind)).toEqual(['started', 'stopped']);
    expect(announcer.calls[1].cancellable).toBe(budget);
    // nothing acknowledged: nothing to say
    const quiet = new TorrentWorker(seed(), new HttpAnnouncer(tracker.url), context());
    quiet.cancel();
    expect(await quiet.farewell(new Gio.Cancellable())).toBe('nothing');
  });

  it('farewellThen says goodbye with a callback, but not while something of the worker is in flight', async () => {
    // Nothing acknowledged: 'nothing', at once.
    const quiet = new TorrentWorker(seed(), new CallbackAnnouncer(tracker.url), context());
    quiet.cancel();
    const quietResults: string[] = [];
    expect(quiet.farewellThen(new Gio.Cancellable(), (r) => quietResults.push(r))).toBeTrue();
    expect(quietResults).toEqual(['nothing']);

    const announcer = new CallbackAnnouncer(tracker.url);
    const w = new TorrentWorker(seed(), announcer, context());
    w.start(0);
    await waitFor(() => announcer.startedAcknowledged, 'started to be acknowledged');
    // A forced announce held by the tracker is in flight when the worker is cancelled.
    tracker.answer = false;
    void w.forceAnnounce();
    await waitFor(() => tracker.held.length === 1, 'the forced announce to reach the server');
    w.cancel();
    const budget = new Gio.Cancellable();
    const results: string[] = [];
    expect(w.farewellThen(budget, (r) => results.push(r))).toBeFalse(); // farewell() waits for it
    await w.drained;
    tracker.answer = true;
    expect(w.farewellThen(budget, (r) => results.push(r))).toBeTrue();
    let drained = false;
    void w.drained.then(() => (drained = true));
    await waitFor(() => results.length === 1, 'the farewell to be answered');
    expect(results).toEqual(['sent']);
    expect(announcer.calls.map((c) => c.kind)).toEqual(['started', 'forced', 'stopped']);
    expect(announcer.calls[2].cancellable).toBe(budget);
    await waitFor(() => drained, 'drained once the farewell is over');
  });

  it('reports a met stop condition in words and stops ticking when paused for it', async () => {
    const t = seed();
    t.total_uploaded = 3 * 1048576;
    const announcer = new HttpAnnouncer(tracker.url);
    announcer.due = false;
    const ctx = context({}, { stopAtRatio: 2 });
    ctx.stopConditionMet = (worker, reason) => {
      ctx.stops.push(reason);
      void worker.pause();
    };
    const w = new TorrentWorker(t, announcer, ctx);
    w.start(0);
    await waitFor(() => ctx.stops.length > 0, 'the stop condition');
    expect(ctx.stops).toEqual(['Ratio target 2.00 reached']);
    expect(w.sourceId).toBe(0);
    expect(w.isRunning).toBeFalse();
    w.cancel();
  });

  it('accrues nothing while its owner says no tracker answers, and goes on when one does', async () => {
    const t = seed();
    const announcer = new HttpAnnouncer(tracker.url);
    announcer.due = false;
    let accrues = false;
    const w = new TorrentWorker(t, announcer, context({ accrues: () => accrues }));
    w.start(10_000); // ticks by hand
    await delay(300);
    w.tick();
    expect(t.total_uploaded).toBe(0);
    expect(t.session_uploaded).toBe(0);
    expect(t.upload_rate).toBe(0);
    expect(t.ratio).toBe(0);
    accrues = true;
    await delay(300);
    w.tick();
    expect(t.total_uploaded).toBeGreaterThan(0);
    expect(t.upload_rate).toBeGreaterThan(0);
    w.cancel();
  });

  it('logs a failing announce in words and keeps running', async () => {
    tracker.stop();
    const announcer = new HttpAnnouncer('http://127.0.0.1:1/announce');
    const ctx = context();
    const w = new TorrentWorker(seed(), announcer, ctx);
    w.start(0);
    await waitFor(() => ctx.lines.length > 0, 'an error line');
    expect(ctx.lines[0]).toMatch(/^error /);
    expect(w.isRunning).toBeTrue();
    w.cancel();
    await w.drained;
  });
});
