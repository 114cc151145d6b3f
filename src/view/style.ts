import Gdk from 'gi://Gdk?version=4.0';
import Gtk from 'gi://Gtk?version=4.0';

import css from '../../data/style.css';

let applied = false;

/** Installs the app's stylesheet for the display once (bundled text, no file read). */
export function applyStyleSheet(): void {
  const display = Gdk.Display.get_default();
  if (applied || !display) return;
  applied = true;
  const provider = new Gtk.CssProvider();
  // GTK 4.12 added load_from_string and changed load_from_data's arguments; 4.8 has only the latter.
  if (typeof provider.load_from_string === 'function') provider.load_from_string(css);
  else provider.load_from_data(new TextEncoder().encode(css));
  Gtk.StyleContext.add_provider_for_display(display, provider, Gtk.STYLE_PROVIDER_PRIORITY_APPLICATION);
}
