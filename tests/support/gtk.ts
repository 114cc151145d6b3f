import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import Graphene from 'gi://Graphene';
import Gtk from 'gi://Gtk?version=4.0';

import { projectRoot } from './tempdir.ts';

let initialised: boolean | null = null;

/**
 * Initialises GTK and libadwaita once. Returns false without a display (Gtk.init() would exit
 * the process there), so UI specs can mark themselves pending instead.
 */
export function initGtk(): boolean {
  if (initialised === null) {
    initialised = Gtk.init_check();
    if (initialised) Adw.init();
  }
  return initialised;
}

/** Runs pending main-loop work (layout, redraws) for about `ms` milliseconds. */
export function pumpEvents(ms = 50): Promise<void> {
  return new Promise((resolve) => {
    GLib.timeout_add(GLib.PRIORITY_LOW, ms, () => {
      resolve();
      return GLib.SOURCE_REMOVE;
    });
  });
}

/** Folder for screenshots and other test artifacts (git-ignored). */
export function artifactsDir(): string {
  const dir = GLib.build_filenamev([projectRoot(), 'artifacts', 'screenshots']);
  GLib.mkdir_with_parents(dir, 0o755);
  return dir;
}

/**
 * Renders a realised window into `artifacts/screenshots/<name>.png` in-process and returns the
 * path. The paintable must exist before the frame it captures, hence the queue_draw dance.
 */
export function saveScreenshot(window: Gtk.Window, name: string): Promise<string> {
  const path = GLib.build_filenamev([artifactsDir(), `${name}.png`]);
  return new Promise((resolve, reject) => {
    const paintable = new Gtk.WidgetPaintable({ widget: window });
    let done = false;
    const capture = (): boolean => {
      if (done) return GLib.SOURCE_REMOVE;
      const width = window.get_width();
      const height = window.get_height();
      const snapshot = Gtk.Snapshot.new();
      paintable.snapshot(snapshot, width, height);
      const node = snapshot.to_node();
      const renderer = window.get_native()?.get_renderer();
      if (!node || !renderer) return GLib.SOURCE_CONTINUE;
      done = true;
      paintable.disconnect(handler);
      try {
        const texture = renderer.render_texture(node, new Graphene.Rect().init(0, 0, width, height));
        texture.save_to_png(path);
        resolve(path);
      } catch (e) {
        reject(e);
      }
      return GLib.SOURCE_REMOVE;
    };
    const handler = paintable.connect('invalidate-contents', () => {
      GLib.idle_add(GLib.PRIORITY_LOW, capture);
    });
    window.queue_draw();
    GLib.timeout_add(GLib.PRIORITY_LOW, 300, capture);
  });
}
