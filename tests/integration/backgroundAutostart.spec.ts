import GLib from 'gi://GLib';

import { BackgroundAutostart, launchCommand } from '../../src/controller/BackgroundAutostart.ts';
import { runProcess } from '../support/process.ts';
import { readText } from '../support/tempdir.ts';

describe('Start on login (outside a sandbox)', () => {
  const entry = BackgroundAutostart.entryPath();

  afterEach(() => {
    if (GLib.file_test(entry, GLib.FileTest.EXISTS)) GLib.unlink(entry);
  });

  it('writes a valid XDG autostart entry that starts this installation in the background', async () => {
    expect(entry).toBe(`${GLib.get_user_config_dir()}/autostart/ie.fio.dfakeseeder.desktop`);
    await new BackgroundAutostart(null).apply(true);
    const text = readText(entry);
    expect(text).toContain('[Desktop Entry]');
    const exec = /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
    expect(exec.endsWith(' --background')).toBeTrue();
    expect(exec).toContain(launchCommand()[0]);
    const check = await runProcess(['desktop-file-validate', entry]);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('removes the entry when turned off, and turning it off twice is fine', async () => {
    const autostart = new BackgroundAutostart(null);
    await autostart.apply(true);
    expect(GLib.file_test(entry, GLib.FileTest.EXISTS)).toBeTrue();
    await autostart.apply(false);
    expect(GLib.file_test(entry, GLib.FileTest.EXISTS)).toBeFalse();
    await autostart.apply(false);
    expect(GLib.file_test(entry, GLib.FileTest.EXISTS)).toBeFalse();
  });
});
