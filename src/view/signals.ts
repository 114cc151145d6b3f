import type GObject from 'gi://GObject';

type Handler = (...args: never[]) => unknown;

/**
 * Connects a signal the generated types do not list on this class (interface signals such as
 * Gio.ListModel::items-changed, or a property's notify detail). Returns the handler id.
 */
export function connectSignal(object: GObject.Object, signal: string, handler: Handler): number {
  const connect = object.connect as unknown as (this: GObject.Object, name: string, cb: Handler) => number;
  return connect.call(object, signal, handler);
}
