import GObject from 'gi://GObject';

type Handler = (...args: never[]) => unknown;

/**
 * Connects a signal the generated types do not list on this class (interface signals such as
 * Gio.ListModel::items-changed, or a property's notify detail). Returns the handler id.
 * GObject.signal_connect is GJS's untyped connect by name.
 */
export function connectSignal(object: GObject.Object, signal: string, handler: Handler): number {
  return GObject.signal_connect(object, signal, handler);
}
