import GLib from 'gi://GLib';

/** A fresh folder under the test run's temp dir; removed with removeTree(). */
export function makeTempDir(prefix = 'dfs-test'): string {
  return GLib.dir_make_tmp(`${prefix}-XXXXXX`);
}

export function removeTree(path: string): void {
  GLib.spawn_command_line_sync(`rm -rf ${GLib.shell_quote(path)}`);
}

export function writeFile(path: string, data: Uint8Array | string): void {
  GLib.mkdir_with_parents(GLib.path_get_dirname(path), 0o755);
  GLib.file_set_contents(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
}

export function readText(path: string): string {
  const [, bytes] = GLib.file_get_contents(path);
  return new TextDecoder().decode(bytes);
}

/** Project root (the test command exports DFS_ROOT). */
export function projectRoot(): string {
  return GLib.getenv('DFS_ROOT') ?? GLib.get_current_dir();
}
