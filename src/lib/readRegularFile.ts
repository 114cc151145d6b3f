import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { concatBytes } from './bytes.ts';
import { format, _ } from './i18n.ts';
import './promisify.ts';

/** How much may be read from one kind of file, and how to say it is too much. */
export interface ReadLimit {
  bytes: number;
  /** "it is larger than 16 MiB, the limit for a .torrent file" */
  tooLarge: () => string;
}

export const TORRENT_FILE_LIMIT: ReadLimit = {
  bytes: 16 * 1024 * 1024,
  tooLarge: () => format(_('it is larger than %1$s, the limit for a .torrent file'), '16 MiB'),
};

/** Far above any real settings file (2000 torrents' state is about 2 MB). */
export const SETTINGS_FILE_LIMIT: ReadLimit = {
  bytes: 64 * 1024 * 1024,
  tooLarge: () => format(_('it is larger than %1$s, the limit for a settings file'), '64 MiB'),
};

/** Why a file was not read; the message completes "“x” could not be read: …". */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

const ATTRIBUTES = 'standard::type,standard::size,unix::mode';
const CHUNK = 64 * 1024;
const S_IFMT = 0o170000;
const S_IFIFO = 0o010000;
const S_IFSOCK = 0o140000;

/** Refuses anything but a regular file within the limit, in plain words. */
function check(info: Gio.FileInfo, limit: ReadLimit): void {
  const type = info.get_file_type();
  if (type === Gio.FileType.DIRECTORY) throw new FileReadError(_('it is a folder, not a file'));
  if (type !== Gio.FileType.REGULAR) {
    const kind = info.get_attribute_uint32('unix::mode') & S_IFMT;
    if (kind === S_IFIFO) throw new FileReadError(_('it is a named pipe, not a regular file, and only files are read'));
    if (kind === S_IFSOCK) throw new FileReadError(_('it is a socket, not a regular file, and only files are read'));
    throw new FileReadError(_('it is a device or another special file, not a regular file, and only files are read'));
  }
  if (info.get_size() > limit.bytes) throw new FileReadError(limit.tooLarge());
}

/**
 * Reads a whole regular file, at most `limit.bytes` of it, without blocking the main loop.
 *
 * Only a regular file is ever opened (a symbolic link counts as what it points to): the type is
 * looked up first, which never blocks, so a named pipe, a socket or `/dev/zero` is refused
 * before any open. The opened file is checked again (fstat), and reading stops one chunk past
 * the limit, so a file swapped or grown meanwhile cannot make the app read without end.
 */
export async function readRegularFile(
  file: Gio.File,
  limit: ReadLimit,
  cancellable: Gio.Cancellable | null = null,
): Promise<Uint8Array> {
  check(
    await file.query_info_async(ATTRIBUTES, Gio.FileQueryInfoFlags.NONE, GLib.PRIORITY_DEFAULT, cancellable),
    limit,
  );
  const stream = await file.read_async(GLib.PRIORITY_DEFAULT, cancellable);
  try {
    check(await stream.query_info_async(ATTRIBUTES, GLib.PRIORITY_DEFAULT, cancellable), limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const bytes = await stream.read_bytes_async(CHUNK, GLib.PRIORITY_DEFAULT, cancellable);
      const size = bytes.get_size();
      if (size === 0) break;
      total += size;
      if (total > limit.bytes) throw new FileReadError(limit.tooLarge());
      chunks.push(bytes.toArray());
    }
    return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks);
  } finally {
    await stream.close_async(GLib.PRIORITY_DEFAULT, null).catch(() => undefined);
  }
}

/**
 * The same, synchronously, for start-up (settings.json, the torrents folder) and the launcher's
 * own checks. The first read asks for the size the file has, so a small file costs one buffer of
 * its own size (64 KiB reads of 5 KiB torrents left the heap fragmented: 17 MB of RSS per 1 000).
 */
export function readRegularFileSync(file: Gio.File, limit: ReadLimit): Uint8Array {
  check(file.query_info(ATTRIBUTES, Gio.FileQueryInfoFlags.NONE, null), limit);
  const stream = file.read(null);
  try {
    const info = stream.query_info(ATTRIBUTES, null);
    check(info, limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    // One byte more than the size, so a file read whole is seen to end without another read.
    const size = info.get_size();
    let want = Math.min(Math.max(1, size + 1), CHUNK);
    for (;;) {
      const bytes = stream.read_bytes(want, null);
      const got = bytes.get_size();
      if (got === 0) break;
      total += got;
      if (total > limit.bytes) throw new FileReadError(limit.tooLarge());
      chunks.push(bytes.toArray());
      want = total < size ? Math.min(size + 1 - total, CHUNK) : total === size ? 1 : CHUNK;
    }
    return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks);
  } finally {
    try {
      stream.close(null);
    } catch {
      // nothing was written: a failed close loses nothing
    }
  }
}

/** The last part of a file's name, for people: bytes that are not UTF-8 show as “�”. */
export function displayBasename(file: Gio.File): string {
  const uri = file.get_uri().replace(/\/+$/, '');
  return unescapeForDisplay(uri.slice(uri.lastIndexOf('/') + 1)) || uri;
}

/** A file's full path (or URI when it is not local), for people: bytes that are not UTF-8 show as “�”. */
export function displayPath(file: Gio.File): string {
  const uri = file.get_uri();
  if (!uri.startsWith('file://')) return uri;
  const rest = uri.slice('file://'.length);
  return unescapeForDisplay(rest.slice(rest.indexOf('/')));
}

function unescapeForDisplay(escaped: string): string {
  try {
    return new TextDecoder().decode(GLib.Uri.unescape_bytes(escaped, -1, null).toArray());
  } catch {
    return escaped;
  }
}

/**
 * A file's name as a string that maps back to exactly that file (Gio.File.parse_name): the
 * path when it is valid UTF-8, else its escaped `file://` URI. File names are bytes; a JS
 * string cannot hold every one of them as a path (GJS throws “Failed to copy exception string”).
 */
export function fileKey(file: Gio.File): string {
  return file.get_parse_name();
}
