import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import {
  breakdownLine,
  ShutdownCoordinator,
  type ShutdownParticipant,
  type ShutdownSteps,
} from '../../src/controller/ShutdownCoordinator.ts';
import { addLogListener } from '../../src/lib/log.ts';
import type { FarewellResult } from '../../src/model/torrent/TorrentWorker.ts';
import { delay } from '../support/async.ts';

/**
 * A worker as the coordinator sees it: its farewell completes after `farewellMs` of main-loop
 * time (or never, if null) unless the farewell cancellable is cancelled first, and it drains
 * once cancelled and its farewell settled. Every call is written to the shared event list.
 */
class RecordingWorker implements ShutdownParticipant {
  readonly drained: Promise<void>;
  readonly #events: string[];
  readonly #name: string;
  readonly #farewellMs: number | null;
  readonly result: FarewellResult;
  #cancelled = false;
  /** Settles `drained` (once the farewell settled). */
  markDrained!: () => void;
  farewellCancellable: Gio.Cancellable | null = null;

  constructor(events: string[], name: string, farewellMs: number | null, result: FarewellResult = 'sent') {
    this.#events = events;
    this.#name = name;
    this.#farewellMs = farewellMs;
    this.result = result;
    this.drained = new Promise((resolve) => (this.markDrained = resolve));
  }

  cancel(): void {
    this.#events.push(`cancel ${this.#name}`);
    this.#cancelled = true;
  }

  farewell(cancellable: Gio.Cancellable): Promise<FarewellResult> {
    this.#events.push(`farewell ${this.#name}`);
    this.farewellCancellable = cancellable;
    if (!this.#cancelled) throw new Error('farewell before cancel');
    return new Promise<FarewellResult>((resolve, reject) => {
      let source = 0;
      const handler = cancellable.connect(() => {
        if (source) GLib.source_remove(source);
        this.#events.push(`farewell cancelled ${this.#name}`);
        // The same GLib.Error a cancelled Gio operation rejects with.
        try {
          cancellable.set_error_if_cancelled();
        } catch (e) {
          reject(e);
        }
      });
      if (this.#farewellMs !== null) {
        source = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.#farewellMs, () => {
          source = 0;
          cancellable.disconnect(handler);
          this.#events.push(`farewell done ${this.#name}`);
          resolve(this.result);
          return GLib.SOURCE_REMOVE;
        });
      }
    }).finally(() => this.markDrained());
  }
}

/**
 * A RecordingWorker that says goodbye with a callback when `callback` says it can: its
 * farewellThen answers after `farewellMs` (or throws), else declines and farewell() is used.
 */
class CallbackWorker extends RecordingWorker {
  readonly #events: string[];
  readonly #name: string;
  readonly #mode: 'callback' | 'decline' | 'throw';
  constructor(events: string[], name: string, mode: 'callback' | 'decline' | 'throw', result: FarewellResult) {
    super(events, name, 10, result);
    this.#events = events;
    this.#name = name;
    this.#mode = mode;
  }

  farewellThen(cancellable: Gio.Cancellable, done: (result: FarewellResult) => void): boolean {
    this.#events.push(`farewellThen ${this.#name}`);
    this.farewellCancellable = cancellable;
    if (this.#mode === 'throw') {
      this.markDrained(); // nothing of it runs
      throw new Error('farewellThen broke');
    }
    if (this.#mode === 'decline') return false;
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 10, () => {
      done(this.result);
      return GLib.SOURCE_REMOVE;
    });
    return true;
  }
}

function makeSteps(events: string[], workers: ShutdownParticipant[], budgetMs = 2000): ShutdownSteps {
  return {
    hideWindows: () => events.push('hide'),
    stopNewWork: () => events.push('stop new work'),
    participants: () => workers,
    budgetMs: () => budgetMs,
    prepareSave: () => events.push('prepare save'),
    save: async () => {
      events.push('save start');
      await delay(20);
      events.push('save done');
    },
    quit: () => events.push('quit'),
  };
}

function captureLogs(): { lines: string[]; stop: () => void } {
  const lines: string[] = [];
  const stop = addLogListener((_level, message) => lines.push(message));
  return { lines, stop };
}

describe('ShutdownCoordinator', () => {
  it('hides, cancels every worker in one pass, then says goodbye to all at once, then saves, then quits', async () => {
    const events: string[] = [];
    const workers = Array.from({ length: 20 }, (_, i) => new RecordingWorker(events, `t${i}`, 30 + (i % 5) * 10));
    const coordinator = new ShutdownCoordinator(makeSteps(events, workers));
    const report = await coordinator.run('test');

    expect(events.slice(0, 2)).toEqual(['hide', 'stop new work']);
    // All twenty cancels come straight after the hide, before any farewell starts.
    expect(events.slice(2, 22).every((e) => e.startsWith('cancel '))).toBeTrue();
    // The last save is serialized once nothing can move any more, before the farewells.
    expect(events[22]).toBe('prepare save');
    // All twenty farewells start before any of them completes: nothing waits per torrent.
    expect(events.slice(23, 43).every((e) => e.startsWith('farewell t'))).toBeTrue();
    expect(events.slice(43, 63).every((e) => e.startsWith('farewell done'))).toBeTrue();
    expect(events.slice(63)).toEqual(['save start', 'save done', 'quit']);
    expect(report.torrents).toBe(20);
    expect(report.stoppedSent).toBe(20);
    expect(report.timedOut).toBe(0);
    expect(report.budgetFired).toBeFalse();
    expect(report.undrained).toBe(0);
    expect(report.saveError).toBeNull();
  });

  it('gives every farewell the same cancellable, and counts torrents with nothing to say apart', async () => {
    const events: string[] = [];
    const workers = [
      new RecordingWorker(events, 'a', 10, 'sent'),
      new RecordingWorker(events, 'b', 10, 'nothing'),
      new RecordingWorker(events, 'c', 10, 'sent'),
    ];
    const report = await new ShutdownCoordinator(makeSteps(events, workers)).run('test');
    expect(workers[0].farewellCancellable).not.toBeNull();
    expect(workers.every((w) => w.farewellCancellable === workers[0].farewellCancellable)).toBeTrue();
    expect(report.stoppedSent).toBe(2);
    expect(report.timedOut).toBe(0);
  });

  it('counts farewells the trackers refused as rejected, not as nothing to send', async () => {
    const events: string[] = [];
    const logs = captureLogs();
    const workers = [
      new RecordingWorker(events, 'a', 10, 'sent'),
      new RecordingWorker(events, 'b', 10, 'rejected'),
      new RecordingWorker(events, 'c', 10, 'rejected'),
      new RecordingWorker(events, 'd', 10, 'nothing'),
      new RecordingWorker(events, 'e', 10, 'unanswered'),
    ];
    const report = await new ShutdownCoordinator(makeSteps(events, workers)).run('test');
    logs.stop();
    expect(report.stoppedSent).toBe(1);
    expect(report.rejected).toBe(2);
    expect(report.failed).toBe(1);
    expect(logs.lines.find((l) => l.startsWith('shutdown phase drain:'))).toMatch(
      /^shutdown phase drain: stopped sent for 1, rejected by the tracker for 2, nothing to send for 1, timed out 0, failed 1;/,
    );
    expect(breakdownLine(report)).toContain('(stopped sent 1, rejected 2, timed out 0, failed 1)');
  });

  it('takes a farewell with a callback where the worker offers one, and farewell() where it declines', async () => {
    const events: string[] = [];
    const logs = captureLogs();
    const workers = [
      new CallbackWorker(events, 'a', 'callback', 'sent'),
      new CallbackWorker(events, 'b', 'callback', 'nothing'),
      new CallbackWorker(events, 'c', 'callback', 'unanswered'),
      new CallbackWorker(events, 'd', 'decline', 'sent'),
      new CallbackWorker(events, 'e', 'throw', 'sent'),
    ];
    const report = await new ShutdownCoordinator(makeSteps(events, workers)).run('test');
    logs.stop();
    // Each is offered the callback; only the worker that declined (d) is asked through farewell().
    expect(events.filter((e) => e.startsWith('farewellThen')).length).toBe(5);
    expect(events.filter((e) => /^farewell \w$/.test(e))).toEqual(['farewell d']);
    expect(report.stoppedSent).toBe(2); // a (callback) and d (promise)
    expect(report.failed).toBe(2); // c unanswered, e threw
    expect(report.undrained).toBe(0);
    expect(report.budgetFired).toBeFalse();
    expect(workers.every((w) => w.farewellCancellable === workers[0].farewellCancellable)).toBeTrue();
    expect(logs.lines.some((l) => l.includes('farewellThen broke'))).toBeTrue();
    expect(events.slice(-3)).toEqual(['save start', 'save done', 'quit']);
  });

  it('cancels the farewells still pending when the one budget fires, then still saves and quits', async () => {
    const events: string[] = [];
    const fast = [0, 1, 2].map((i) => new RecordingWorker(events, `fast${i}`, 10));
    const silent = [0, 1, 2, 3, 4].map((i) => new RecordingWorker(events, `silent${i}`, null));
    const logs = captureLogs();
    const steps = makeSteps(events, [...fast, ...silent], 300);
    const report = await new ShutdownCoordinator(steps).run('test');
    logs.stop();

    expect(report.budgetFired).toBeTrue();
    expect(report.budgetMs).toBe(300);
    expect(report.stoppedSent).toBe(3);
    expect(report.timedOut).toBe(5);
    expect(silent.every((w) => w.farewellCancellable?.is_cancelled())).toBeTrue();
    // One cancellation reached every silent farewell, before the save started.
    const saveAt = events.indexOf('save start');
    for (let i = 0; i < 5; i++) {
      const at = events.indexOf(`farewell cancelled silent${i}`);
      expect(at).toBeGreaterThan(-1);
      expect(at).toBeLessThan(saveAt);
    }
    expect(events.slice(-3)).toEqual(['save start', 'save done', 'quit']);
    expect(logs.lines).toContain(breakdownLine(report));
    expect(logs.lines.some((l) => /\(stopped sent 3, timed out 5\)/.test(l))).toBeTrue();
  });

  it('counts the budget from the quit request, not from when the last farewell started', async () => {
    // Each farewell spends 10 ms starting (20 of them: 200 ms, twice the 100 ms budget) and is
    // answered 60 ms after it started. A budget armed only once every farewell had started
    // would fire at about 300 ms, after every answer; counted from the request it is already
    // due when the starting ends, and fires before any answer is read.
    const events: string[] = [];
    const workers = Array.from({ length: 20 }, (_, i) => {
      const w = new RecordingWorker(events, `slow${i}`, 60);
      const farewell = w.farewell.bind(w);
      w.farewell = (c) => {
        const until = GLib.get_monotonic_time() + 10_000;
        while (GLib.get_monotonic_time() < until);
        return farewell(c);
      };
      return w;
    });
    const logs = captureLogs();
    const report = await new ShutdownCoordinator(makeSteps(events, workers, 100)).run('test');
    logs.stop();
    expect(report.budgetFired).toBeTrue();
    expect(report.timedOut).toBe(20);
    expect(report.stoppedSent).toBe(0);
    expect(events).not.toContain('farewell done slow0');
  });

  it('lets a second quit request join the running sequence instead of starting another', async () => {
    const events: string[] = [];
    const workers = [new RecordingWorker(events, 'a', 50)];
    const coordinator = new ShutdownCoordinator(makeSteps(events, workers));
    expect(coordinator.started).toBeFalse();
    const first = coordinator.run('Ctrl+Q');
    await delay(10);
    expect(coordinator.started).toBeTrue();
    expect(coordinator.finished).toBeFalse();
    const second = coordinator.run('SIGTERM');
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(coordinator.finished).toBeTrue();
    expect(events.filter((e) => e === 'hide').length).toBe(1);
    expect(events.filter((e) => e === 'save start').length).toBe(1);
    expect(events.filter((e) => e === 'quit').length).toBe(1);
    expect(coordinator.run('again')).toBe(first);
  });

  it('still saves and quits when a worker throws, a farewell fails or the save fails', async () => {
    const events: string[] = [];
    const broken: ShutdownParticipant = {
      cancel: () => {
        throw new Error('cancel broke');
      },
      farewell: () => Promise.reject(new Error('tracker unreachable')),
      drained: Promise.resolve(),
    };
    const steps = makeSteps(events, [broken, new RecordingWorker(events, 'ok', 10)]);
    steps.save = async () => {
      events.push('save start');
      throw new Error('disk full');
    };
    const report = await new ShutdownCoordinator(steps).run('test');
    expect(report.failed).toBe(1);
    expect(report.stoppedSent).toBe(1);
    expect(report.saveError).toBe('disk full');
    expect(events.slice(-2)).toEqual(['save start', 'quit']);
  });

  it('logs the start, one line per phase and the breakdown summary', async () => {
    const events: string[] = [];
    const logs = captureLogs();
    const report = await new ShutdownCoordinator(
      makeSteps(events, [new RecordingWorker(events, 'a', 5), new RecordingWorker(events, 'b', 5)]),
    ).run('window closed');
    logs.stop();
    const shutdownLines = logs.lines.filter((l) => /shutdown|SHUTDOWN/.test(l));
    expect(shutdownLines[0]).toMatch(/^shutdown started \(window closed\): 2 torrents, farewell budget 2000 ms$/);
    expect(shutdownLines[1]).toMatch(/^shutdown phase hide: /);
    expect(shutdownLines[2]).toMatch(/^shutdown phase signal: 2 torrents cancelled in /);
    expect(shutdownLines[3]).toMatch(/^shutdown phase prepare: the last save serialized in /);
    expect(shutdownLines[4]).toMatch(/^shutdown phase drain: stopped sent for 2, /);
    expect(shutdownLines[5]).toMatch(/^shutdown phase save: settings and torrent state saved in /);
    expect(shutdownLines[6]).toMatch(
      /^SHUTDOWN PHASE BREAKDOWN: signal=[\d.]+ms prepare=[\d.]+ms drain=[\d.]+ms \(stopped sent 2, timed out 0\) save=[\d.]+ms total=[\d.]+ms$/,
    );
    expect(shutdownLines[6]).toBe(breakdownLine(report));
  });

  it('falls back to the default budget when the setting is not a number', async () => {
    const events: string[] = [];
    const report = await new ShutdownCoordinator(makeSteps(events, [], Number.NaN)).run('test');
    expect(report.budgetMs).toBe(2000);
    expect(events).toEqual(['hide', 'stop new work', 'prepare save', 'save start', 'save done', 'quit']);
  });
});
