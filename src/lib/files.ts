import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import './promisify.ts';

/** True for a Gio I/O error with this code (e.g. Gio.IOErrorEnum.NOT_FOUND). */
export function isIOError(e: unknown, code: number): boolean {
  return e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, code);
}

/**
 * `replace_contents_bytes_async` as a promise (registered in promisify.ts, typed in
 * types/gaps.d.ts). The bytes version: GLib owns a copy, so a collection cannot free the buffer
 * in the middle of the write.
 */
export function writeBytes(file: Gio.File, bytes: Uint8Array, flags: Gio.FileCreateFlags): Promise<unknown> {
  return file.replace_contents_bytes_async(new GLib.Bytes(bytes), null, false, flags, null);
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
    try {
      await dir.make_directory_async(GLib.PRIORITY_DEFAULT, null);
    } catch (again) {
      // Another caller (a D-Bus Add during the first load) made it meanwhile: that is success.
      if (!isIOError(again, Gio.IOErrorEnum.EXISTS)) throw again;
    }
  }
}

/**
 * Takes the group's and others' permissions away from a file or folder of the app's own
 * (0644 → 0600, 0755 → 0700): the folder holds .torrent files with private passkeys. Never
 * through a symbolic link. `info` saves the lookup when an enumeration already has the mode.
 * One chmod at most: cheap enough to run on the main loop. Returns false if it could not.
 */
export function makePrivate(file: Gio.File, info?: Gio.FileInfo): boolean {
  try {
    const known =
      info && info.has_attribute('unix::mode') && info.has_attribute('standard::type')
        ? info
        : file.query_info('standard::type,unix::mode', Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    const type = known.get_file_type();
    if (type !== Gio.FileType.REGULAR && type !== Gio.FileType.DIRECTORY) return true;
    const permissions = known.get_attribute_uint32('unix::mode') & 0o7777;
    if ((permissions & 0o077) === 0) return true;
    file.set_attribute_uint32('unix::mode', permissions & ~0o077, Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    return true;
  } catch {
    return false;
  }
}

/** A folder of the app's own (created with its missing parents), readable by the user only. */
export async function ensurePrivateDirectory(dir: Gio.File): Promise<void> {
  await ensureDirectory(dir);
  makePrivate(dir);
}

/** The config folder and the files directly in it (settings.json, its copies), for the user only. */
export function makeFolderPrivate(path: string): void {
  const dir = Gio.File.new_for_path(path);
  if (!makePrivate(dir)) return;
  try {
    const e = dir.enumerate_children(
      'standard::name,standard::type,unix::mode',
      Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS,
      null,
    );
    try {
      for (let info = e.next_file(null); info !== null; info = e.next_file(null)) {
        if (info.get_file_type() === Gio.FileType.REGULAR) makePrivate(e.get_child(info), info);
      }
    } finally {
      e.close(null);
    }
  } catch {
    // missing or unreadable: nothing of ours to protect there
  }
}
