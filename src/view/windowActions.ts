import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import type { TorrentActionActivator } from './torrentActions.ts';

export interface WindowActionHandlers {
  addTorrents(): void;
  activate: TorrentActionActivator;
  search(): void;
  togglePause(): void;
}

/**
 * The window's own `win.*` actions (the primary menu, the header buttons and the shortcuts):
 * add torrents, pause or resume all, double or halve speeds, search, Space's pause/resume.
 */
export function installWindowActions(window: Gtk.ApplicationWindow, on: WindowActionHandlers): void {
  const add = (name: string, callback: (param: GLib.Variant | null) => void, type?: string) => {
    const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
    action.connect('activate', (_a, param) => callback(param));
    window.add_action(action);
  };
  add('add-torrents', () => on.addTorrents());
  add('pause-all', () => on.activate('pause-all', null));
  add('resume-all', () => on.activate('resume-all', null));
  add(
    'scale-speed',
    (param) => {
      const [direction, factor] = (param?.get_string()[0] ?? '').split('-');
      if (direction !== 'upload' && direction !== 'download') return;
      on.activate('scale-speed', [direction, factor === '2' ? 2 : 0.5, []]);
    },
    's',
  );
  add('search', () => on.search());
  add('toggle-pause', () => on.togglePause());
  window.application?.set_accels_for_action('win.add-torrents', ['<Primary>o']);
  window.application?.set_accels_for_action('win.search', ['<Primary>f']);
}
