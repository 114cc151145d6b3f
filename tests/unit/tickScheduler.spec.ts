import GLib from 'gi://GLib';

import { settleWithin, TickScheduler } from '../../src/model/torrent/TickScheduler.ts';
import { waitFor } from '../support/async.ts';

/** Busy-waits: stands for a callback that costs CPU time (a tick of a big torrent list). */
function spin(ms: number): void {
  const until = GLib.get_monotonic_time() + ms * 1000;
  while (GLib.get_monotonic_time() < until);
}

describe('TickScheduler (the engine clock: one GLib source for every worker)', () => {
  it('runs one-shot calls once, in due order, and never a cancelled one', async () => {
    const s = new TickScheduler();
    const ran: string[] = [];
    s.after(60, () => ran.push('c'));
    s.after(0, () => ran.push('a'));
    s.after(30, () => ran.push('b'));
    const cancelled = s.after(10, () => ran.push('never'));
    cancelled.cancel();
    expect(cancelled.pending).toBeFalse();
    await waitFor(() => ran.length === 3, 'three calls');
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(s.size).toBe(0);
  });

  it('repeats every period on the whole-second grid until cancelled', async () => {
    const s = new TickScheduler();
    const due: number[] = [];
    const call = s.every(1, () => due.push(call.dueUs));
    expect(call.dueUs % 1_000_000).toBe(0);
    await waitFor(() => due.length === 2, 'two repeats', 5000);
    call.cancel();
    const count = due.length;
    // Each next run is planned on the grid, a whole number of periods later.
    for (const t of due) expect(t % 1_000_000).toBe(0);
    expect(due[1] - due[0]).toBeGreaterThanOrEqual(1_000_000);
    await waitFor(() => s.size === 0, 'the cancelled call to leave the heap', 3000);
    expect(due.length).toBe(count);
  });

  it('holds 10 000 waiting calls without adding a GLib source per call', () => {
    const s = new TickScheduler();
    const before = probeSourceIds();
    const calls = Array.from({ length: 10_000 }, (_, i) => s.every(9 + (i % 5), () => undefined));
    const after = probeSourceIds();
    // GLib source ids count up: at most one new source for the whole scheduler.
    expect(after - before).toBeLessThanOrEqual(2);
    expect(s.size).toBe(10_000);
    for (const c of calls) c.cancel();
  });

  it('yields to the main loop when a dispatch runs long, then goes on with what is due', async () => {
    const s = new TickScheduler();
    const order: string[] = [];
    for (let i = 0; i < 40; i++)
      s.after(0, () => {
        if (i === 0)
          GLib.idle_add(GLib.PRIORITY_HIGH_IDLE, () => {
            order.push('redraw');
            return GLib.SOURCE_REMOVE;
          });
        spin(1);
        order.push(`call${i}`);
      });
    await waitFor(() => order.length === 41, 'every call and the redraw');
    // The high-priority idle (GTK's redraw runs there) got in before the last calls ran.
    expect(order.indexOf('redraw')).toBeLessThan(order.indexOf('call39'));
    expect(order.filter((x) => x.startsWith('call')).length).toBe(40);
  });

  it('goes on when GLib dropped its source (GJS 1.74 blocks callbacks in a stalled collection)', async () => {
    const s = new TickScheduler();
    const ran: string[] = [];
    s.after(100, () => ran.push('lost'));
    s.after(150, () => ran.push('next'));
    // GJS drops a callback that arrives during a stalled collection, and GLib then removes the
    // source: the same as removing it here, before it ran. (Exactly this scheduler's source: in
    // the whole suite other sources exist, and guessing ids took another component's away.)
    const armed = s.armedSourceId;
    expect(GLib.MainContext.default().find_source_by_id(armed)).not.toBeNull();
    GLib.source_remove(armed);
    // The watchdog finds the source gone and re-arms: both calls still run, in order.
    await waitFor(() => ran.length === 2, 'both calls after the source was lost', 10_000);
    expect(ran).toEqual(['lost', 'next']);
  }, 20_000);

  it('goes on when its source and the watchdog were both dropped (a rescue source re-arms them)', async () => {
    const s = new TickScheduler();
    const ran: string[] = [];
    s.after(100, () => ran.push('lost'));
    s.after(150, () => ran.push('next'));
    const context = GLib.MainContext.default();
    const watchdog = TickScheduler.watchdogSourceId;
    expect(context.find_source_by_id(watchdog)).not.toBeNull();
    GLib.source_remove(s.armedSourceId);
    GLib.source_remove(watchdog);
    // Nothing of the engine is left to notice, until the first rescue source (12 s out).
    await waitFor(() => ran.length === 2, 'both calls after the source and the watchdog were lost', 20_000);
    expect(ran).toEqual(['lost', 'next']);
    // The watchdog is back, on a new source.
    expect(TickScheduler.watchdogSourceId).not.toBe(watchdog);
    expect(context.find_source_by_id(TickScheduler.watchdogSourceId)).not.toBeNull();
  }, 30_000);
});

/** The id the next GLib source gets (ids only grow), without leaving a source behind. */
function probeSourceIds(): number {
  const id = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => GLib.SOURCE_REMOVE);
  GLib.source_remove(id);
  return id;
}

describe('settleWithin (a wait whose completion GJS may have dropped does not hold its chain for good)', () => {
  it('settles with the promise, or after the time with onLate called once', async () => {
    let late = 0;
    await settleWithin(Promise.resolve(1), 50, () => late++);
    await settleWithin(Promise.reject(new Error('failed')), 50, () => late++);
    expect(late).toBe(0);
    const never = new Promise(() => {});
    const start = GLib.get_monotonic_time();
    await settleWithin(never, 100, () => late++);
    expect(late).toBe(1);
    expect(GLib.get_monotonic_time() - start).toBeGreaterThanOrEqual(90_000);
  });
});
