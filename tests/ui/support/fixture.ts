import type Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { TorrentActions } from '../../../src/controller/TorrentActions.ts';
import { SettingsStore } from '../../../src/model/settings/index.ts';
import { MainWindow } from '../../../src/view/MainWindow.ts';
import { initGtk, pumpEvents } from '../../support/gtk.ts';
import { makeTempDir, projectRoot, removeTree } from '../../support/tempdir.ts';
import { ModelDouble } from './ModelDouble.ts';

let iconPathAdded = false;

/** GTK up, and the app icon findable from the source tree (as the GUI app does at start-up). */
export function initUi(): boolean {
  if (!initGtk()) return false;
  const display = Gdk.Display.get_default();
  if (display && !iconPathAdded) {
    Gtk.IconTheme.get_for_display(display).add_search_path(GLib.build_filenamev([projectRoot(), 'data', 'icons']));
    iconPathAdded = true;
  }
  return true;
}

export interface UiFixture {
  window: MainWindow;
  model: ModelDouble;
  /** The torrent actions the window activates (the real TorrentActions on the double). */
  actions: Gio.SimpleActionGroup;
  settings: SettingsStore;
  dir: string;
  dispose(): Promise<void>;
}

/** The real torrent actions on a model double, in a group as the application has them. */
export function torrentActionsOn(model: ModelDouble): Gio.SimpleActionGroup {
  const group = new Gio.SimpleActionGroup();
  new TorrentActions({
    model,
    addUris: (uris) => model.addUris(uris),
    notice: (kind, message) => model.post(kind, message),
    builtInTrackerUrl: () => null,
    settings: model.settings,
  }).addTo(group);
  return group;
}

/**
 * A main window attached to a model double with a real SettingsStore in a temp dir; its
 * commands go through the real TorrentActions.
 */
export async function openWindow(width = 1200, height = 760): Promise<UiFixture> {
  const dir = makeTempDir('dfs-ui');
  const settings = SettingsStore.open(dir);
  const model = new ModelDouble(settings);
  const actions = torrentActionsOn(model);
  const window = new MainWindow({});
  window.set_default_size(width, height);
  settings.set('window_width', width);
  settings.set('window_height', height);
  window.attach(model, actions);
  window.present();
  await pumpEvents(150);
  let disposed = false;
  return {
    window,
    model,
    actions,
    settings,
    dir,
    async dispose() {
      if (disposed) return;
      disposed = true;
      window.detach();
      window.destroy();
      await settings.saveNow();
      removeTree(dir);
    },
  };
}

/** Every widget of a type under `root`, depth first. */
export function findAll<T extends Gtk.Widget>(root: Gtk.Widget, type: abstract new (...args: never[]) => T): T[] {
  const out: T[] = [];
  const walk = (w: Gtk.Widget): void => {
    for (let c = w.get_first_child(); c; c = c.get_next_sibling()) {
      if (c instanceof type) out.push(c as T);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The texts of visible labels under `root`. */
export function labelsUnder(root: Gtk.Widget): string[] {
  // The torrent list's cells show their text in Gtk.Inscription (a label that never resizes).
  return [
    ...findAll(root, Gtk.Label)
      .filter((l) => l.get_mapped())
      .map((l) => l.get_label()),
    ...findAll(root, Gtk.Inscription)
      .filter((l) => l.get_mapped())
      .map((l) => l.get_text() ?? ''),
  ];
}

/**
 * UI specs draw real windows in software under Xvfb; on a busy machine that is slow. Call at
 * the top of a describe: it raises jasmine's async timeout for that describe only.
 */
export function useUiTimeout(ms = 30_000): void {
  let saved = 0;
  beforeAll(() => {
    saved = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = ms;
  });
  afterAll(() => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = saved;
  });
}

/** Answers a question dialog as a click on its button does: the response, then the dialog closes. */
export function answer(dialog: Adw.MessageDialog, response: string): void {
  dialog.response(response);
  dialog.close();
}
