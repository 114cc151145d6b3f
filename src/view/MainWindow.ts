import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import mainWindowUi from '../../data/ui/main-window.ui';
import shortcutsUi from '../../data/ui/shortcuts-window.ui';
import { _ } from '../lib/i18n.ts';
import { templateBytes } from './template.ts';

/**
 * The main window. It shows the model and turns clicks into actions; it never touches the
 * network or the disk (files chosen here are handed to the controller as URIs).
 */
export class MainWindow extends Adw.ApplicationWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsMainWindow',
        Template: templateBytes(mainWindowUi),
        InternalChildren: ['toast_overlay', 'main_stack', 'empty_page'],
      },
      this,
    );
  }

  declare _toast_overlay: Adw.ToastOverlay;
  declare _main_stack: Gtk.Stack;
  declare _empty_page: Adw.StatusPage;

  constructor(params: Partial<Adw.ApplicationWindow.ConstructorProps>) {
    super(params);
    const builder = Gtk.Builder.new_from_string(shortcutsUi, -1);
    this.set_help_overlay(builder.get_object('help_overlay') as Gtk.ShortcutsWindow);
    this.#installActions();
  }

  #installActions(): void {
    const addTorrents = new Gio.SimpleAction({ name: 'add-torrents' });
    addTorrents.connect('activate', () => this.chooseTorrentFiles());
    this.add_action(addTorrents);
    this.application?.set_accels_for_action('win.add-torrents', ['<Primary>o']);
  }

  /** Opens the file chooser (a portal inside Flatpak) and hands the chosen files to app.add-uris. */
  chooseTorrentFiles(): void {
    const chooser = new Gtk.FileChooserNative({
      title: _('Add Torrents'),
      transient_for: this,
      modal: true,
      action: Gtk.FileChooserAction.OPEN,
      select_multiple: true,
      accept_label: _('_Add'),
    });
    const filter = new Gtk.FileFilter({ name: _('Torrent files') });
    filter.add_mime_type('application/x-bittorrent');
    filter.add_suffix('torrent');
    chooser.add_filter(filter);
    chooser.connect('response', (_c, response: number) => {
      if (response === Gtk.ResponseType.ACCEPT) {
        const files = chooser.get_files();
        const uris: string[] = [];
        for (let i = 0; i < files.get_n_items(); i++) uris.push((files.get_item(i) as Gio.File).get_uri());
        this.application?.activate_action('add-uris', new GLib.Variant('as', uris));
      }
      chooser.destroy();
    });
    chooser.show();
  }

  showToast(title: string): void {
    this._toast_overlay.add_toast(new Adw.Toast({ title, timeout: 5 }));
  }

  showPreferences(): void {
    // The preferences window arrives with the settings store.
  }
}
