import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import '../../src/lib/promisify.ts';
import { delay } from './async.ts';
import { runProcess } from './process.ts';

let wm: Gio.Subprocess | null = null;

/**
 * A real window manager on the spec display (Debian's metacity), so windows get the keyboard
 * focus as on a desktop; keys are then typed with xdotool (XTEST). Started once and left to the
 * display's end. Returns false when metacity or xdotool is missing (the spec says pending).
 */
export async function ensureWindowManager(): Promise<boolean> {
  if (!GLib.find_program_in_path('metacity') || !GLib.find_program_in_path('xdotool')) return false;
  if (wm) return true;
  wm = Gio.Subprocess.new(
    ['metacity', '--sm-disable', '--replace'],
    Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
  );
  // Ready once it has put its own window (the _NET_SUPPORTING_WM_CHECK) on the root window.
  const deadline = GLib.get_monotonic_time() + 10_000_000;
  while (GLib.get_monotonic_time() < deadline) {
    const r = await runProcess(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], { timeoutMs: 2000 });
    if (r.status === 0 && /window id/.test(r.stdout)) return true;
    await delay(100);
  }
  return true;
}

/** Raises a window and gives it the keyboard, as a click on it would (xdotool windowactivate). */
export async function activateWindow(window: Gtk.Window): Promise<void> {
  const title = `dfs-spec-${GLib.random_int()}`;
  const saved = window.get_title();
  window.set_title(title);
  window.present();
  await runProcess(['xdotool', 'search', '--sync', '--name', `^${title}$`, 'windowactivate', '--sync'], {
    timeoutMs: 10_000,
  });
  window.set_title(saved);
}

/** Types keys into whatever window has the focus, e.g. `xkeys('ctrl+f')`, `xtype('bravo')`. */
export async function xkeys(...keys: string[]): Promise<void> {
  await runProcess(['xdotool', 'key', '--delay', '40', ...keys], { timeoutMs: 10_000 });
}

export async function xtype(text: string): Promise<void> {
  await runProcess(['xdotool', 'type', '--delay', '40', text], { timeoutMs: 10_000 });
}
