import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

/**
 * A two-column grid of dim titles and selectable values, as in GNOME's properties dialogs.
 * `set(key, text)` changes one value without touching the others.
 */
export function infoGrid(rows: [key: string, title: string][]): {
  widget: Gtk.Grid;
  set(key: string, text: string): void;
  get(key: string): string;
} {
  const grid = new Gtk.Grid({ column_spacing: 18, row_spacing: 6, valign: Gtk.Align.START });
  grid.add_css_class('dfs-info-grid');
  const values = new Map<string, Gtk.Label>();
  rows.forEach(([key, title], i) => {
    const name = new Gtk.Label({ label: title, xalign: 1, yalign: 0 });
    name.add_css_class('dim-label');
    const value = new Gtk.Label({
      label: '',
      xalign: 0,
      yalign: 0,
      hexpand: true,
      selectable: true,
      wrap: true,
      wrap_mode: Pango.WrapMode.WORD_CHAR,
      // Never narrower than a few words, so a narrow window wraps words, not letters.
      width_chars: 18,
      max_width_chars: 60,
    });
    // Selectable labels grab focus on click; keep keyboard focus in the list instead.
    value.set_can_focus(false);
    grid.attach(name, 0, i, 1, 1);
    grid.attach(value, 1, i, 1, 1);
    values.set(key, value);
  });
  return {
    widget: grid,
    set(key, text) {
      const label = values.get(key)!;
      if (label.get_label() !== text) label.set_label(text);
    },
    get(key) {
      return values.get(key)!.get_label();
    },
  };
}
