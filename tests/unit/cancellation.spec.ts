import Gio from 'gi://Gio';

import { offCancelled, onCancelled } from '../../src/lib/cancellation.ts';

describe('onCancelled / offCancelled (waits on a Gio.Cancellable through its signal)', () => {
  it('calls back once when cancelled, and not after offCancelled', () => {
    const c = new Gio.Cancellable();
    const calls: string[] = [];
    const a = onCancelled(c, () => calls.push('a'));
    const b = onCancelled(c, () => calls.push('b'));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    offCancelled(c, b);
    c.cancel();
    c.cancel();
    expect(calls).toEqual(['a']);
  });

  it('calls back at once for a cancellable already cancelled (as g_cancellable_connect does), id 0', () => {
    const c = new Gio.Cancellable();
    c.cancel();
    let called = 0;
    const id = onCancelled(c, () => called++);
    expect(called).toBe(1);
    expect(id).toBe(0);
    offCancelled(c, id); // nothing to disconnect, no warning
  });

  it('leaves GIO’s own cancellable handlers working beside it', () => {
    const c = new Gio.Cancellable();
    let gio = 0;
    let ours = 0;
    c.connect(() => gio++);
    onCancelled(c, () => ours++);
    c.cancel();
    expect([gio, ours]).toEqual([1, 1]);
  });
});
