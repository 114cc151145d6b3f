import Gdk from 'gi://Gdk?version=4.0';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';
import type { TorrentColumn } from './torrentColumns.ts';

/**
 * The column chooser a right click on the list's headers opens: one check box per column, bound
 * to its `list.column-<id>` action. Unlike a menu it stays open while columns are toggled, so
 * several can be shown or hidden in one go.
 */
export class ColumnChooser extends Gtk.Popover {
  static {
    GObject.registerClass({ GTypeName: 'DfsColumnChooser' }, this);
  }

  readonly checks = new Map<string, Gtk.CheckButton>();

  constructor(columns: readonly TorrentColumn[]) {
    super({ has_arrow: false, halign: Gtk.Align.START });
    const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL, spacing: 2 });
    box.append(
      new Gtk.Label({ label: _('Columns'), xalign: 0, css_classes: ['heading'], margin_bottom: 6, margin_start: 6 }),
    );
    for (const c of columns) {
      const check = new Gtk.CheckButton({
        label: c.id === 'id' ? _('Queue Position') : c.title,
        action_name: `list.column-${c.id}`,
      });
      this.checks.set(c.id, check);
      box.append(check);
    }
    const scroller = new Gtk.ScrolledWindow({
      hscrollbar_policy: Gtk.PolicyType.NEVER,
      propagate_natural_height: true,
      propagate_natural_width: true,
      max_content_height: 420,
      child: box,
    });
    this.set_child(scroller);
  }

  /** Opens at (x, y) of the parent widget. */
  popupAt(x: number, y: number): void {
    this.set_pointing_to(new Gdk.Rectangle({ x: Math.round(x), y: Math.round(y), width: 1, height: 1 }));
    this.popup();
  }
}
