import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/**
 * Real hostile files for the specs: named pipes (mkfifo), names that are not UTF-8, links to
 * devices, sparse files far over a size limit. Made with the real tools, never imitated.
 */

function run(argv: string[]): void {
  const [, , stderr, status] = GLib.spawn_sync(null, argv, null, GLib.SpawnFlags.SEARCH_PATH, null);
  if (status !== 0)
    throw new Error(`${argv.join(' ')} failed: ${new TextDecoder().decode(stderr ?? new Uint8Array())}`);
}

/** A named pipe nobody writes to: opening it for reading would block for ever. */
export function makeFifo(path: string): void {
  run(['mkfifo', path]);
}

/** A sparse file of `size` bytes (no disk space used). */
export function makeSparseFile(path: string, size: string): void {
  run(['truncate', '-s', size, path]);
}

export function makeSymlink(target: string, path: string): void {
  Gio.File.new_for_path(path).make_symbolic_link(target, null);
}

/** The folder's child whose name is `prefix`, the byte 0xFF, then `suffix` (not UTF-8). */
export function badlyNamedFile(folder: string, prefix: string, suffix: string): Gio.File {
  const uri = GLib.filename_to_uri(folder, null);
  return Gio.File.new_for_uri(`${uri}/${encodeURIComponent(prefix)}%FF${encodeURIComponent(suffix)}`);
}

export function writeBytesTo(file: Gio.File, bytes: Uint8Array): void {
  file.replace_contents(bytes, null, false, Gio.FileCreateFlags.NONE, null);
}

/** Permission bits of a file or folder (not following a link). */
export function modeOf(path: string): number {
  const info = Gio.File.new_for_path(path).query_info('unix::mode', Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
  return info.get_attribute_uint32('unix::mode') & 0o7777;
}

export function fileTypeOf(path: string): Gio.FileType {
  return Gio.File.new_for_path(path).query_file_type(Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
}

export function chmod(path: string, mode: number): void {
  Gio.File.new_for_path(path).set_attribute_uint32('unix::mode', mode, Gio.FileQueryInfoFlags.NONE, null);
}

export function isRoot(): boolean {
  return new TextDecoder().decode(GLib.spawn_command_line_sync('id -u')[1] ?? new Uint8Array()).trim() === '0';
}
