import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/**
 * A GLib.Error in the Gio.DBusError domain: thrown from a method of a wrapJSObject service, GJS
 * answers it with the matching D-Bus error name (`org.freedesktop.DBus.Error.AccessDenied`, …)
 * and the message in words.
 */
export function dbusError(code: 'FAILED' | 'INVALID_ARGS' | 'ACCESS_DENIED', message: string): GLib.Error {
  return GLib.Error.new_literal(Gio.DBusError, Gio.DBusError[code], message);
}
