import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_ID, APP_NAME, PROGRAM_NAME } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { _, format } from '../lib/i18n.ts';
import { variantFromJson } from '../lib/variant.ts';
import { isTorrentAction, TORRENT_ACTIONS, type TorrentActionName } from '../view/torrentActions.ts';
import { usage } from './TorrentActions.ts';

/** Exit status when the action was refused, or no instance runs to do it. */
export const EXIT_ACTION_FAILED = 1;
/** Exit status for a command line that cannot be understood. */
export const EXIT_USAGE = 2;

const OBJECT_PATH = `/${APP_ID.replace(/\./g, '/')}`;

export interface ActionRequest {
  name: string;
  /** The parameter in its JSON form, as typed; null when none was given. */
  parameterJson: string | null;
}

/**
 * `--action NAME [--parameter JSON]` (also `--action=NAME`, `--parameter=JSON`) in argv, or
 * null when no action is asked for. Read before anything else: NAME is not a FILE argument.
 */
export function actionRequest(argv: string[]): ActionRequest | null {
  let name: string | null = null;
  let parameterJson: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    for (const option of ['--action', '--parameter']) {
      let value: string | undefined;
      if (arg === option) value = argv[++i] ?? '';
      else if (arg.startsWith(`${option}=`)) value = arg.slice(option.length + 1);
      if (value === undefined) continue;
      if (option === '--action') name = value;
      else parameterJson = value;
    }
  }
  return name === null ? null : { name, parameterJson };
}

/**
 * Runs a torrent action in the running instance, over its Torrents D-Bus interface (the same
 * TorrentActions.invoke the window and org.gtk.Actions reach), and says in words why when it
 * cannot. Returns the exit status. Synchronous: it runs before any main loop, and exits after.
 */
export function runActionInRunningInstance(request: ActionRequest): number {
  if (!isTorrentAction(request.name)) {
    printerr(`${PROGRAM_NAME}: ${format(_('There is no action “%1$s”.'), request.name)}`);
    printerr(actionList());
    return EXIT_USAGE;
  }
  let parameter: GLib.Variant | null;
  try {
    parameter = parseParameter(request.name, request.parameterJson);
  } catch (e) {
    printerr(`${PROGRAM_NAME}: ${errorMessage(e)}`);
    return EXIT_USAGE;
  }
  let bus: Gio.DBusConnection;
  try {
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, null);
  } catch (e) {
    printerr(`${PROGRAM_NAME}: ${format(_('No session bus to reach %1$s: %2$s'), APP_NAME, errorMessage(e))}`);
    return EXIT_ACTION_FAILED;
  }
  const [running] = bus
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
  if (!running) {
    printerr(`${PROGRAM_NAME}: ${format(_('%1$s is not running; start it, then ask again.'), APP_NAME)}`);
    return EXIT_ACTION_FAILED;
  }
  try {
    bus.call_sync(
      APP_ID,
      OBJECT_PATH,
      `${APP_ID}.Torrents`,
      'Activate',
      new GLib.Variant('(sav)', [request.name, parameter ? [parameter] : []]),
      null,
      Gio.DBusCallFlags.NONE,
      120000,
      null,
    );
  } catch (e) {
    if (e instanceof GLib.Error) Gio.DBusError.strip_remote_error(e);
    printerr(`${PROGRAM_NAME}: ${errorMessage(e)}`);
    return EXIT_ACTION_FAILED;
  }
  return 0;
}

function parseParameter(name: TorrentActionName, json: string | null): GLib.Variant | null {
  const { type } = TORRENT_ACTIONS[name];
  if (type === null) {
    if (json !== null) throw new Error(usage(name));
    return null;
  }
  if (json === null) throw new Error(`${usage(name)} ${_('Give it with --parameter.')}`);
  let args: unknown;
  try {
    args = JSON.parse(json);
  } catch (e) {
    throw new Error(`${usage(name)} ${format(_('--parameter is not JSON: %1$s'), errorMessage(e))}`, { cause: e });
  }
  try {
    return variantFromJson(type, args);
  } catch (e) {
    throw new Error(`${usage(name)} ${errorMessage(e)}`, { cause: e });
  }
}

/** One line per action with its parameter's JSON form, for `--action help`. */
export function actionList(): string {
  const lines = (Object.keys(TORRENT_ACTIONS) as TorrentActionName[]).map((name) => {
    const { example } = TORRENT_ACTIONS[name];
    return example ? `  ${name} --parameter '${example}'` : `  ${name}`;
  });
  return [_('Actions (torrents are named by info hash):'), ...lines].join('\n');
}
