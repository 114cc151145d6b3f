import GLib from 'gi://GLib';
import type GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

/**
 * GJS 1.74 ignores a template given as a plain XML string (it is taken for a URI), so the
 * .ui text that esbuild inlines is handed over as bytes.
 */
export function templateBytes(xml: string): GLib.Bytes {
  return new GLib.Bytes(new TextEncoder().encode(xml));
}

/**
 * A template child by its id, checked to be of the class the code expects (for children looked
 * up from a table, where an `InternalChildren` field name cannot be typed).
 */
export function templateChild<T extends GObject.Object>(
  widget: Gtk.Widget,
  owner: GObject.GType,
  id: string,
  expected: abstract new (...args: never[]) => T,
): T {
  const child = widget.get_template_child(owner, id);
  if (!(child instanceof expected)) throw new Error(`template child “${id}” is missing or of another class`);
  return child;
}
