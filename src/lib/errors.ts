import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/** True for the error a Gio operation rejects with when its Gio.Cancellable was cancelled. */
export function isCancelled(error: unknown): boolean {
  return error instanceof GLib.Error && error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED);
}

/** A readable message for anything thrown: GLib.Error, Error or a plain value. */
export function errorMessage(error: unknown): string {
  if (error instanceof GLib.Error) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
