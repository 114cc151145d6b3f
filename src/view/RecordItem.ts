import Gio from 'gi://Gio';
import GObject from 'gi://GObject';

/**
 * A plain record wrapped as a GObject, so the details tables (trackers, peers, log lines, files)
 * can show JS data in Gtk list models. `children` makes it a tree node (the Files tab).
 */
export class RecordItem extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsRecordItem' }, this);
  }

  record: Record<string, string | number>;
  children: Gio.ListStore | null = null;

  constructor(record: Record<string, string | number>) {
    super();
    this.record = record;
  }
}
