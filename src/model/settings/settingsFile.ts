import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { makePrivate } from '../../lib/files.ts';
import { format, _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { FileReadError, readRegularFileSync, SETTINGS_FILE_LIMIT } from '../../lib/readRegularFile.ts';
import { isPlainObject, type JsonObject } from './json.ts';

export interface SettingsFileRead {
  /** The file's settings object, or null (no file, unreadable, or moved aside). */
  settings: JsonObject | null;
  /** What to tell the user, in plain words, or null. */
  problem: string | null;
  /** True when the file is still there and must not be written over this run. */
  keep: boolean;
}

/** No file to read: missing, or the config folder itself is missing or not a folder. */
function isAbsent(e: unknown): boolean {
  return (
    e instanceof GLib.Error &&
    (e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND) || e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_DIRECTORY))
  );
}

/**
 * Reads settings.json (synchronously: start-up only). Only a regular file is opened (a named
 * pipe there would hang the start), at most 64 MiB of it.
 *
 * A file that cannot be *read* (no permission, a pipe, an I/O error) is not corrupt: it is kept
 * exactly as it is and must not be written over this run, so nothing in it is lost. Only a file
 * that was read and holds no settings object is moved aside (`settings.json.corrupt-<time>`).
 */
export function readSettingsFile(path: string): SettingsFileRead {
  const file = Gio.File.new_for_path(path);
  let bytes: Uint8Array;
  try {
    bytes = readRegularFileSync(file, SETTINGS_FILE_LIMIT);
  } catch (e) {
    if (isAbsent(e)) return { settings: null, problem: null, keep: false };
    if (!(e instanceof GLib.Error) && !(e instanceof FileReadError)) throw e;
    const reason = errorMessage(e);
    logger.warning(`settings: ${path} could not be read (${reason}); kept, and not saved over`);
    const problem = format(
      _(
        'Your settings file “%1$s” could not be read (%2$s). It is kept as it is and will not be overwritten: the default settings are in use and nothing is saved until the app is started again with a readable file.',
      ),
      path,
      reason,
    );
    return { settings: null, problem, keep: true };
  }
  let reason: string;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (isPlainObject(parsed)) return { settings: parsed, problem: null, keep: false };
    reason = _('it does not hold a settings object');
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    reason = format(_('it is not valid JSON: %1$s'), e.message);
  }
  return { settings: null, ...moveAside(file, path, reason) };
}

function moveAside(file: Gio.File, path: string, reason: string): { problem: string; keep: boolean } {
  const stamp = GLib.DateTime.new_now_local().format('%Y%m%d-%H%M%S');
  let aside = Gio.File.new_for_path(`${path}.corrupt-${stamp}`);
  for (let n = 2; aside.query_exists(null); n++) aside = Gio.File.new_for_path(`${path}.corrupt-${stamp}-${n}`);
  try {
    file.move(aside, Gio.FileCopyFlags.NONE, null, null);
    makePrivate(aside); // it keeps the old file's mode otherwise
    logger.warning(`settings: ${path} unreadable (${reason}); moved to ${aside.get_path()}`);
    const problem = format(
      _(
        'Your settings file could not be read (%1$s). It was moved aside to “%2$s” and the default settings are in use.',
      ),
      reason,
      aside.get_basename() ?? '',
    );
    return { problem, keep: false };
  } catch (e) {
    const problem = format(
      _(
        'Your settings file could not be read (%1$s) nor moved aside (%2$s). The default settings are in use and the file will not be overwritten.',
      ),
      reason,
      errorMessage(e),
    );
    return { problem, keep: true };
  }
}

/**
 * Takes a plain `proxy.password` out of a settings object (the original kept it there) and
 * returns it ('' when there was none): secrets never stay in settings.json.
 */
export function takePlainPassword(settings: JsonObject): string {
  const proxy = settings.proxy;
  if (!isPlainObject(proxy) || !('password' in proxy)) return '';
  const password = proxy.password;
  delete proxy.password;
  return typeof password === 'string' ? password : '';
}
