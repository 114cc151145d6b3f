import Gio from 'gi://Gio';
import type GObject from 'gi://GObject';

import { holdFromC } from '../../src/lib/garbageCollection.ts';

// ref_count is read on plain GIO objects: GJS 1.74 aborts on field reads of JS-defined classes.
// GObject.Object's instance fields are not in the type definitions, hence the cast.
const refCount = (o: GObject.Object): number => (o as unknown as { ref_count: number }).ref_count;
describe('holdFromC (no toggle down, so no full collection, when a long-lived object emits)', () => {
  it('adds one reference from C until released, once', () => {
    const emitter = new Gio.SimpleAction({ name: 'emitter' });
    const release = holdFromC(emitter);
    expect(refCount(emitter)).toBe(2);
    // An emission takes a reference and drops it: the count never falls back to one meanwhile.
    let during = 0;
    emitter.connect('activate', () => (during = refCount(emitter)));
    emitter.activate(null);
    expect(during).toBeGreaterThan(2);
    expect(refCount(emitter)).toBe(2);
    release();
    release();
    expect(refCount(emitter)).toBe(1);
  });

  it('holds several objects and releases each on its own', () => {
    const a = new Gio.Cancellable();
    const b = new Gio.Cancellable();
    const releaseA = holdFromC(a);
    const releaseB = holdFromC(b);
    releaseA();
    expect(refCount(a)).toBe(1);
    expect(refCount(b)).toBe(2);
    releaseB();
    expect(refCount(b)).toBe(1);
  });
});
