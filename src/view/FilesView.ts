import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import type { Torrent } from '../model/torrent/Torrent.ts';
import { formatBytes } from './format.ts';
import { RecordItem } from './RecordItem.ts';
import type { TorrentFile } from './TorrentSource.ts';

/** The Files tab: the torrent's files as a tree of folders, each with its size. */
export class FilesView extends Gtk.ListView {
  static {
    GObject.registerClass({ GTypeName: 'DfsFilesView' }, this);
  }

  readonly store = new Gio.ListStore({ item_type: RecordItem.$gtype });

  constructor() {
    super();
    const tree = Gtk.TreeListModel.new(
      this.store,
      false,
      true,
      (item: GObject.Object) => (item as RecordItem).children,
    );
    const factory = new Gtk.SignalListItemFactory();
    factory.connect('setup', (_f, obj) => {
      const item = obj as Gtk.ListItem;
      const name = new Gtk.Label({ xalign: 0, hexpand: true, ellipsize: Pango.EllipsizeMode.MIDDLE });
      const icon = new Gtk.Image();
      const inner = new Gtk.Box({ spacing: 8 });
      inner.append(icon);
      inner.append(name);
      const expander = new Gtk.TreeExpander({ child: inner, hexpand: true });
      const size = new Gtk.Label({ xalign: 1 });
      size.add_css_class('numeric');
      size.add_css_class('dim-label');
      const row = new Gtk.Box({ spacing: 12 });
      row.add_css_class('dfs-file-row');
      row.append(expander);
      row.append(size);
      item.set_child(row);
    });
    factory.connect('bind', (_f, obj) => {
      const item = obj as Gtk.ListItem;
      const treeRow = item.get_item() as Gtk.TreeListRow;
      const node = treeRow.get_item() as RecordItem;
      const row = item.get_child() as Gtk.Box;
      const expander = row.get_first_child() as Gtk.TreeExpander;
      expander.set_list_row(treeRow);
      const inner = expander.get_child() as Gtk.Box;
      (inner.get_first_child() as Gtk.Image).set_from_icon_name(
        node.children ? 'folder-symbolic' : 'text-x-generic-symbolic',
      );
      const label = inner.get_last_child() as Gtk.Label;
      label.set_label(String(node.record.name));
      label.set_tooltip_text(String(node.record.name));
      (row.get_last_child() as Gtk.Label).set_label(formatBytes(Number(node.record.size)));
    });
    this.set_model(new Gtk.NoSelection({ model: tree }));
    this.set_factory(factory);
    this.add_css_class('dfs-files');
  }

  /** Folders first, then files, each by name; a folder's size is the sum of its files. */
  showFiles(torrent: Torrent, files: TorrentFile[]): void {
    type Dir = { dirs: Map<string, Dir>; files: { name: string; size: number }[]; size: number };
    const root: Dir = { dirs: new Map(), files: [], size: 0 };
    for (const f of files) {
      let dir = root;
      dir.size += f.length;
      const parts = f.path.length ? f.path : [torrent.name];
      for (const part of parts.slice(0, -1)) {
        if (!dir.dirs.has(part)) dir.dirs.set(part, { dirs: new Map(), files: [], size: 0 });
        dir = dir.dirs.get(part)!;
        dir.size += f.length;
      }
      dir.files.push({ name: parts[parts.length - 1], size: f.length });
    }
    const build = (dir: Dir): RecordItem[] => {
      const out: RecordItem[] = [];
      for (const [name, sub] of [...dir.dirs].sort(([a], [b]) => a.localeCompare(b))) {
        const node = new RecordItem({ name, size: sub.size });
        node.children = new Gio.ListStore({ item_type: RecordItem.$gtype });
        node.children.splice(0, 0, build(sub));
        out.push(node);
      }
      for (const f of [...dir.files].sort((a, b) => a.name.localeCompare(b.name))) out.push(new RecordItem(f));
      return out;
    };
    let top = build(root);
    // A multi-file torrent shows under one folder named after the torrent, like file managers do.
    if (files.length > 1 || (files[0] && files[0].path.length > 1)) {
      const folder = new RecordItem({ name: torrent.name, size: root.size });
      folder.children = new Gio.ListStore({ item_type: RecordItem.$gtype });
      folder.children.splice(0, 0, top);
      top = [folder];
    }
    this.store.splice(0, this.store.get_n_items(), top);
  }
}
