import Gdk from 'gi://Gdk?version=4.0';
import type Gio from 'gi://Gio';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';

/**
 * The Add Torrents chooser (a portal inside Flatpak). The caller must hold it until it answers:
 * GTK does not, and the garbage collector would close it under the user. `onUris` gets the
 * chosen files (nothing when cancelled); the chooser is destroyed either way.
 */
export function newTorrentChooser(parent: Gtk.Window, onUris: (uris: string[]) => void): Gtk.FileChooserNative {
  const chooser = new Gtk.FileChooserNative({
    title: _('Add Torrents'),
    transient_for: parent,
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
    const uris: string[] = [];
    if (response === Gtk.ResponseType.ACCEPT) {
      const files = chooser.get_files();
      for (let i = 0; i < files.get_n_items(); i++) uris.push((files.get_item(i) as Gio.File).get_uri());
    }
    chooser.destroy();
    onUris(uris);
  });
  return chooser;
}

/** Files dropped on the window: .torrent files are added, anything else is said to be refused. */
export function torrentDropTarget(onUris: (uris: string[]) => void, say: (message: string) => void): Gtk.DropTarget {
  const target = Gtk.DropTarget.new(Gdk.FileList.$gtype, Gdk.DragAction.COPY);
  target.connect('drop', (_t, dropped: unknown) => {
    const files = (dropped as Gdk.FileList).get_files();
    const torrents = files.filter((f) => (f.get_basename() ?? '').toLowerCase().endsWith('.torrent'));
    if (torrents.length < files.length) say(_('Only .torrent files can be added'));
    onUris(torrents.map((f) => f.get_uri()));
    return torrents.length > 0;
  });
  return target;
}
