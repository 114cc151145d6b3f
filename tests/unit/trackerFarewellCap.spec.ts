import GLib from 'gi://GLib';

import { farewellCapFor, openFilesLimit } from '../../src/model/tracker/index.ts';

describe('farewell cap (open-files bound)', () => {
  it('leaves a reserve of descriptors and never drops below 256', () => {
    expect(farewellCapFor(1024)).toBe(768);
    expect(farewellCapFor(20000)).toBe(19744);
    expect(farewellCapFor(300)).toBe(256);
    expect(farewellCapFor(null)).toBe(256);
    expect(farewellCapFor(Infinity)).toBe(65536);
  });

  it('reads the process’s soft open-files limit (what `ulimit -n` says)', () => {
    const [ok, out] = GLib.spawn_command_line_sync('sh -c "ulimit -n"');
    expect(ok).toBeTrue();
    const text = new TextDecoder().decode(out!).trim();
    expect(openFilesLimit()).toBe(text === 'unlimited' ? Infinity : Number(text));
  });
});
