import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_ID, APP_NAME, PROGRAM_NAME, VERSION } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { _, format } from '../lib/i18n.ts';
import { readRegularFileSync, TORRENT_FILE_LIMIT } from '../lib/readRegularFile.ts';
import { MetainfoError, parseMetainfo } from '../model/metainfo/index.ts';
import { addRemoteOptions } from './remote/remoteOptions.ts';

/** Options shared by the windowed and the headless application, so --help is the same for both. */
export function addCommandLineOptions(app: Gio.Application): void {
  app.add_main_option(
    'version',
    'v'.charCodeAt(0),
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Show the version and exit'),
    null,
  );
  app.add_main_option(
    'headless',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Seed without a window: load the torrents folder and announce until SIGINT or SIGTERM'),
    null,
  );
  app.add_main_option(
    'background',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Start seeding without showing the window (used by “Start on login”)'),
    null,
  );
  // Read by main.ts before the application starts (commandLineAction.ts); listed here for --help.
  app.add_main_option(
    'action',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.STRING,
    _('Ask the running instance for a torrent action (pause, resume, remove…; “--action help” lists them)'),
    _('NAME'),
  );
  app.add_main_option(
    'parameter',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.STRING,
    _('The action’s parameter as JSON, e.g. \'["<info hash>"]\''),
    _('JSON'),
  );
  addRemoteOptions(app);
  app.set_option_context_parameter_string(_('[FILE.torrent…]'));
  app.set_option_context_summary(
    _('Announces .torrent files to their trackers as a seeding client, with simulated upload and download figures.'),
  );
}

let backgroundStart = false;

/**
 * Handles options that need no window (`--version`, `--background`). Returns an exit code, or
 * -1 to go on.
 */
export function handleLocalOptions(options: GLib.VariantDict, app?: Gio.Application): number {
  if (options.contains('version')) {
    print(`${APP_NAME} ${VERSION}`);
    return 0;
  }
  if (options.contains('background') && app) {
    // Already running: it seeds already, and showing its window is not what was asked.
    app.register(null);
    if (app.get_is_remote()) return 0;
    backgroundStart = true;
  }
  return -1;
}

/** True once, when this instance was started with --background and has not shown a window yet. */
export function takeBackgroundStart(): boolean {
  const was = backgroundStart;
  backgroundStart = false;
  return was;
}

/** True when argv asks for headless mode; decided before any GTK code runs. */
export function wantsHeadless(argv: string[]): boolean {
  return argv.slice(1).some((a) => a === '--headless');
}

/** GApplication's object path for the app id (and where the app's D-Bus interfaces live). */
const APP_OBJECT_PATH = `/${APP_ID.replace(/\./g, '/')}`;

/** Exit status when some FILE arguments could not be added. */
export const EXIT_BAD_FILES = 2;

export interface FileArgumentCheck {
  /** argv without the files that cannot be added. */
  argv: string[];
  /** How many FILE arguments were refused (each already reported on stderr). */
  refused: number;
  /** How many FILE arguments are good and go on to the application. */
  accepted: number;
  /** The good FILE arguments as given, with their URIs. */
  files: { arg: string; uri: string }[];
}

const NO_FILE_CHECK = new Set(['-h', '--help', '--help-all', '--help-gapplication', '-v', '--version']);

/**
 * Checks every FILE argument in the launching process, before it is handed to the running
 * instance (GApplication's `open` carries no answer back), so the person at the terminal gets
 * one line per file and a non-zero exit status for files that cannot be added. Start-up only:
 * it reads the files synchronously.
 */
export function checkFileArguments(argv: string[]): FileArgumentCheck {
  const kept = [argv[0]];
  let refused = 0;
  let accepted = 0;
  let optionsEnded = false;
  const args = argv.slice(1);
  const files: { arg: string; uri: string }[] = [];
  if (args.some((a) => NO_FILE_CHECK.has(a))) return { argv, refused: 0, accepted: 0, files };
  for (const arg of args) {
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      kept.push(arg);
      continue;
    }
    if (!optionsEnded && arg.startsWith('-')) {
      kept.push(arg);
      continue;
    }
    const problem = torrentFileProblem(arg);
    if (problem) {
      printerr(`${PROGRAM_NAME}: ${problem}`);
      refused++;
    } else {
      kept.push(arg);
      files.push({ arg, uri: Gio.File.new_for_commandline_arg(arg).get_uri() });
      accepted++;
    }
  }
  return { argv: kept, refused, accepted, files };
}

/**
 * Hands the checked files to an instance that is already running and prints, per file, what
 * became of it (added, or why not: a duplicate, say). Returns the exit status, or null when no
 * instance runs (this process becomes the app and adds them itself; it says "Adding …" then).
 * Synchronous D-Bus calls: this runs before the main loop, in a process that exits right after.
 */
export function addToRunningInstance(checked: FileArgumentCheck): number | null {
  if (checked.files.length === 0) return null;
  let results: [string, boolean, string][] | null = null;
  try {
    const bus = Gio.bus_get_sync(Gio.BusType.SESSION, null);
    const [owned] = bus
      .call_sync(
        'org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus',
        'NameHasOwner',
        new GLib.Variant('(s)', [APP_ID]),
        new GLib.VariantType('(b)'),
        Gio.DBusCallFlags.NONE,
        5000,
        null,
      )
      .deepUnpack() as [boolean];
    if (owned) {
      [results] = bus
        .call_sync(
          APP_ID,
          APP_OBJECT_PATH,
          `${APP_ID}.Torrents`,
          'Add',
          new GLib.Variant('(as)', [checked.files.map((f) => f.uri)]),
          new GLib.VariantType('(a(sbs))'),
          Gio.DBusCallFlags.NONE,
          120000,
          null,
        )
        .deepUnpack() as [[string, boolean, string][]];
    }
  } catch {
    // No session bus, or an instance without this interface: GApplication's `open` it is.
    results = null;
  }
  if (!results) {
    for (const f of checked.files) print(_('Adding %s').replace('%s', f.arg));
    return null;
  }
  const argOf = new Map(checked.files.map((f) => [f.uri, f.arg]));
  let failed = checked.refused;
  for (const [uri, added, message] of results) {
    const arg = argOf.get(uri) ?? uri;
    if (added) {
      print(_('%s: added').replace('%s', arg));
    } else {
      printerr(`${PROGRAM_NAME}: ${arg}: ${message}`);
      failed++;
    }
  }
  return failed > 0 ? EXIT_BAD_FILES : 0;
}

/** Why `arg` cannot be added as a torrent, in plain words, or null when it can. */
export function torrentFileProblem(arg: string): string | null {
  const file = Gio.File.new_for_commandline_arg(arg);
  if (!file.is_native()) {
    return _('%s: only .torrent files on this computer can be added').replace('%s', arg);
  }
  let bytes: Uint8Array;
  try {
    // Only a regular file of at most 16 MiB is opened: a named pipe would block the launcher,
    // `/dev/zero` would never end.
    bytes = readRegularFileSync(file, TORRENT_FILE_LIMIT);
  } catch (e) {
    if (e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND)) {
      return _('%s: no such file').replace('%s', arg);
    }
    const folder = e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.IS_DIRECTORY);
    if (folder || file.query_file_type(Gio.FileQueryInfoFlags.NONE, null) === Gio.FileType.DIRECTORY) {
      return _('%s: this is a folder, not a .torrent file').replace('%s', arg);
    }
    return format(_('%1$s: cannot be read (%2$s)'), arg, errorMessage(e));
  }
  try {
    parseMetainfo(bytes);
    return null;
  } catch (e) {
    if (e instanceof MetainfoError) return `${arg}: ${e.message}`;
    return format(_('%1$s: not a torrent file (%2$s)'), arg, errorMessage(e));
  }
}
