// Not part of the build. The "types match GNOME 43" gate type-checks this file on its own and
// expects exactly these lines to fail: each API appeared after GTK 4.8 / libadwaita 1.2.
import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

export const dialog = new Gtk.FileDialog(); // GTK 4.10
export const toolbar = new Adw.ToolbarView(); // libadwaita 1.4
export const alert = new Adw.AlertDialog(); // libadwaita 1.5
new Gtk.CssProvider().load_from_string('window {}'); // GTK 4.12
