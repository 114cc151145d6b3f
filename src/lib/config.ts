import GLib from 'gi://GLib';

/** Application identity, shared by every layer. */
export const APP_ID = 'ie.fio.dfakeseeder';
export const APP_NAME = "D' Fake Seeder";
export const PROGRAM_NAME = 'dfakeseeder';
export const VERSION = __VERSION__;
export const WEBSITE = 'https://github.com/dmzoneill/DFakeSeeder';
export const ISSUE_URL = 'https://github.com/dmzoneill/DFakeSeeder/issues';

/** Folder holding the running bundle (dist/ from source, $pkgdatadir when installed). */
export function bundleDir(): string {
  const [path] = GLib.filename_from_uri(import.meta.url);
  return GLib.path_get_dirname(path);
}

/** Installed data folder, or the source tree's data/ when run as `gjs -m dist/main.js`. */
export function dataDir(): string {
  if (typeof __PKGDATADIR__ === 'string') return __PKGDATADIR__;
  return GLib.build_filenamev([bundleDir(), '..', 'data']);
}

export function localeDir(): string {
  if (typeof __LOCALEDIR__ === 'string') return __LOCALEDIR__;
  return GLib.build_filenamev([bundleDir(), 'locale']);
}

/** `$XDG_CONFIG_HOME/dfakeseeder`: the original's config folder, kept for compatibility. */
export function configDir(): string {
  return GLib.build_filenamev([GLib.get_user_config_dir(), 'dfakeseeder']);
}

export function isFlatpak(): boolean {
  return GLib.getenv('FLATPAK_ID') !== null || GLib.file_test('/.flatpak-info', GLib.FileTest.EXISTS);
}
