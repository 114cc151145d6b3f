import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/**
 * A GLib.Error in the Gio.DBusError domain: thrown from a method of a wrapJSObject service, GJS
 * answers it with the matching D-Bus error name (`org.freedesktop.DBus.Error.AccessDenied`, …)
 * and the message in words.
 */
export function dbusError(code: 'FAILED' | 'INVALID_ARGS' | 'ACCESS_DENIED', message: string): GLib.Error {
  // The generated constructor type lacks the (domain, code, message) form GJS accepts.
  const ErrorWithDomain = GLib.Error as unknown as new (domain: unknown, code: number, message: string) => GLib.Error;
  return new ErrorWithDomain(Gio.DBusError, Gio.DBusError[code] as number, message);
}
