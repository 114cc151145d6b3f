import GObject from 'gi://GObject';

import { Torrent } from '../../src/model/torrent/Torrent.ts';

/** Every property's JS name and its ParamSpec. */
function specs(): [string, GObject.ParamSpec][] {
  return GObject.Object.list_properties
    .call(Torrent)
    .map((p: GObject.ParamSpec) => [p.get_name().replace(/-/g, '_'), p] as [string, GObject.ParamSpec]);
}

describe('Torrent values (the plain storage behind its GObject properties)', () => {
  it('holds every property, starting from its ParamSpec default', () => {
    const t = new Torrent();
    const values = t.values as unknown as Record<string, unknown>;
    const all = specs();
    expect(all.length).toBeGreaterThan(40);
    for (const [key, spec] of all) {
      expect(key in values)
        .withContext(key)
        .toBeTrue();
      expect(values[key]).withContext(key).toEqual(spec.get_default_value());
    }
    expect(Object.keys(values).length).toBe(all.length);
  });

  it('is what JS, g_object_get and g_object_set see, in both directions', () => {
    const t = new Torrent();
    t.total_uploaded = 1234;
    expect(t.values.total_uploaded).toBe(1234);
    const v = new GObject.Value();
    v.init(GObject.TYPE_DOUBLE);
    t.get_property('total-uploaded', v);
    expect(v.get_double()).toBe(1234);
    // A write from C (a binding, g_object_set) lands in the same values.
    t.set_property('name', 'from-c.iso');
    expect(t.values.name).toBe('from-c.iso');
    expect(t.name).toBe('from-c.iso');
    const target = new Torrent();
    const binding = t.bind_property('label', target, 'label', GObject.BindingFlags.DEFAULT);
    t.label = 'linux';
    expect(target.values.label).toBe('linux');
    binding.unbind();
  });

  it('notifies every change of a property that is not a per-tick figure', () => {
    const t = new Torrent();
    const seen: string[] = [];
    t.connect('notify', (_o, pspec: GObject.ParamSpec) => seen.push(pspec.get_name()));
    t.status = 'paused';
    t.status = 'paused'; // unchanged: no notification
    t.progress = 0.5;
    t.label = 'x';
    expect(seen).toEqual(['status', 'progress', 'label']);
  });

  it('notifies the per-tick figures only while someone observes them', () => {
    const t = new Torrent();
    const seen: string[] = [];
    t.connect('notify', (_o, pspec: GObject.ParamSpec) => seen.push(pspec.get_name()));
    expect(Torrent.figuresObserved).toBeFalse();
    t.upload_rate = 10;
    t.total_uploaded = 100;
    expect(seen).toEqual([]);
    expect(t.upload_rate).toBe(10); // kept all the same

    const release = Torrent.observeFigures();
    const second = Torrent.observeFigures();
    t.upload_rate = 20;
    t.figureChanged('total_uploaded');
    expect(seen).toEqual(['upload-rate', 'total-uploaded']);
    release();
    release(); // a second call changes nothing
    expect(Torrent.figuresObserved).toBeTrue();
    second();
    expect(Torrent.figuresObserved).toBeFalse();
    t.upload_rate = 30;
    expect(seen).toEqual(['upload-rate', 'total-uploaded']);
  });
});
