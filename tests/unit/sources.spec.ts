import GLib from 'gi://GLib';

import { removeSource, sourceAlive } from '../../src/lib/sources.ts';

describe('sourceAlive / removeSource (stored source ids are looked up, not trusted)', () => {
  it('tells a source GLib still has from one it removed, and removes only a live one', () => {
    const id = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 60_000, () => GLib.SOURCE_REMOVE);
    expect(sourceAlive(id)).toBeTrue();
    // What GLib does after GJS 1.74 dropped the callback: the source is gone, the owner's id stays.
    GLib.source_remove(id);
    expect(sourceAlive(id)).toBeFalse();
    removeSource(id); // no "Source ID not found" critical for one already gone
    expect(sourceAlive(0)).toBeFalse();
    const live = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 60_000, () => GLib.SOURCE_REMOVE);
    removeSource(live);
    expect(sourceAlive(live)).toBeFalse();
  });
});
