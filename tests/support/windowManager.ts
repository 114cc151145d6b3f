import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gdk from 'gi://Gdk?version=4.0';
import type Gtk from 'gi://Gtk?version=4.0';

import '../../src/lib/promisify.ts';
import { delay } from './async.ts';
import { runProcess } from './process.ts';

let wm: Gio.Subprocess | null = null;

/**
 * A real window manager on the spec display (Debian's metacity), so windows get the keyboard
 * focus as on a desktop; keys are then typed with xdotool (XTEST). Started once and left to the
 * display's end. tools/setup.sh installs both; a machine without them fails the spec, it does
 * not skip it.
 */
export async function ensureWindowManager(): Promise<void> {
  for (const program of ['metacity', 'xdotool', 'xprop'])
    if (!GLib.find_program_in_path(program)) throw new Error(`${program} is missing: run tools/setup.sh`);
  if (wm) return;
  wm = Gio.Subprocess.new(
    ['metacity', '--sm-disable', '--replace'],
    Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
  );
  // Ready once it has put its own window (the _NET_SUPPORTING_WM_CHECK) on the root window.
  const deadline = GLib.get_monotonic_time() + 10_000_000;
  while (GLib.get_monotonic_time() < deadline) {
    const r = await runProcess(['xprop', '-root', '_NET_SUPPORTING_WM_CHECK'], { timeoutMs: 2000 });
    if (r.status === 0 && /window id/.test(r.stdout)) return;
    await delay(100);
  }
  throw new Error('metacity did not start on the spec display');
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

const xWindows = new WeakMap<Gtk.Window, string>();

/** The X window id of a GTK window (found by a temporary unique title, as activateWindow). */
async function xWindowOf(window: Gtk.Window): Promise<string> {
  const known = xWindows.get(window);
  if (known) return known;
  const title = `dfs-spec-${GLib.random_int()}`;
  const saved = window.get_title();
  window.set_title(title);
  try {
    const r = await runProcess(['xdotool', 'search', '--sync', '--name', `^${title}$`], { timeoutMs: 10_000 });
    const id = r.stdout.trim().split('\n')[0];
    if (!id) throw new Error('xdotool found no window');
    xWindows.set(window, id);
    return id;
  } finally {
    window.set_title(saved);
  }
}

/**
 * Clicks with the real pointer at (x, y) of `widget` in `window` (xdotool, through the X server
 * and the window manager as a mouse would), holding `modifier` ('ctrl', 'shift') if given.
 */
export async function xclick(
  window: Gtk.Window,
  widget: Gtk.Widget,
  x: number,
  y: number,
  options: { button?: number; modifier?: string } = {},
): Promise<void> {
  // A widget in a popover is on the popover's own surface, placed relative to the window's.
  const native = widget.get_native()!;
  const point = widget.translate_coordinates(native as unknown as Gtk.Widget, x, y);
  if (!point[0]) throw new Error('the widget is not on screen');
  // The X window includes the client-side shadow around the GTK window.
  let [sx, sy] = native.get_surface_transform();
  if (native !== (window as unknown as Gtk.Native)) {
    const popup = native.get_surface() as Gdk.Popup;
    sx += popup.get_position_x();
    sy += popup.get_position_y();
  }
  const id = await xWindowOf(window);
  const at = [String(Math.round(point[1] + sx)), String(Math.round(point[2] + sy))];
  await runProcess(['xdotool', 'mousemove', '--window', id, ...at], { timeoutMs: 10_000 });
  // The app sees the pointer arrive first (a tooltip left from where it was goes away), as when
  // a hand moves the mouse; then the modifier goes down, then the click.
  await delay(300);
  const args = ['xdotool'];
  if (options.modifier) args.push('keydown', options.modifier, 'sleep', '0.1');
  args.push('click', String(options.button ?? 1));
  if (options.modifier) args.push('sleep', '0.1', 'keyup', options.modifier);
  await runProcess(args, { timeoutMs: 10_000 });
}

/** Types keys into whatever window has the focus, e.g. `xkeys('ctrl+f')`, `xtype('bravo')`. */
export async function xkeys(...keys: string[]): Promise<void> {
  await runProcess(['xdotool', 'key', '--delay', '40', ...keys], { timeoutMs: 10_000 });
}

export async function xtype(text: string): Promise<void> {
  await runProcess(['xdotool', 'type', '--delay', '40', text], { timeoutMs: 10_000 });
}
