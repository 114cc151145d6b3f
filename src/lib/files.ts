import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import './promisify.ts';

/** True for a Gio I/O error with this code (e.g. Gio.IOErrorEnum.NOT_FOUND). */
export function isIOError(e: unknown, code: number): boolean {
  return e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, code);
}

/**
 * `replace_contents_bytes_async` as a promise (registered in promisify.ts; the generated types
 * lack that form). The bytes version: GLib owns a copy, so a collection cannot free the buffer
 * in the middle of the write.
 */
export function writeBytes(file: Gio.File, bytes: Uint8Array, flags: Gio.FileCreateFlags): Promise<unknown> {
  const write = file.replace_contents_bytes_async as unknown as (
    contents: GLib.Bytes,
    etag: string | null,
    makeBackup: boolean,
    flags: Gio.FileCreateFlags,
    cancellable: Gio.Cancellable | null,
  ) => Promise<unknown>;
  return write.call(file, new GLib.Bytes(bytes), null, false, flags, null);
}

/** Creates a folder and its missing parents without blocking the main loop. */
export async function ensureDirectory(dir: Gio.File): Promise<void> {
  try {
    await dir.make_directory_async(GLib.PRIORITY_DEFAULT, null);
  } catch (e) {
    if (isIOError(e, Gio.IOErrorEnum.EXISTS)) return;
    const parent = dir.get_parent();
    if (!isIOError(e, Gio.IOErrorEnum.NOT_FOUND) || !parent) throw e;
    await ensureDirectory(parent);
    await dir.make_directory_async(GLib.PRIORITY_DEFAULT, null);
  }
}
