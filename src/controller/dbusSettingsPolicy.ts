import { _, format } from '../lib/i18n.ts';
import { leafPaths, type Json } from '../model/settings/json.ts';
import { shippedDefaults } from '../model/settings/defaults.ts';
import type { SettingsStore } from '../model/settings/SettingsStore.ts';

/**
 * What the session bus may read and change of the settings (issue 19, Security 1). Any program
 * of the user's session can call the Settings interface, so it is not trusted with secrets nor
 * with changes that would send the app's traffic elsewhere or make it read, write or delete
 * files: those stay in Preferences, where the user makes them.
 */

/** A leaf that holds a secret: never in a D-Bus reply or signal. */
export function isSecretSetting(path: string): boolean {
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  return /pass(word|key|phrase)|secret|token|credential/i.test(leaf);
}

/** Groups and keys D-Bus callers cannot change, each with why (the reason names the danger). */
const REFUSED: [prefix: string, why: () => string][] = [
  ['proxy', () => _('it would send the app’s traffic through another computer')],
  ['watch_folder', () => _('it makes the app read and delete files')],
  ['auto_start', () => _('it installs a program that starts at login')],
  ['run_in_background', () => _('it keeps the app running with no window')],
  ['close_to_tray', () => _('it keeps the app running with no window')],
  ['logging.log_to_file', () => _('it makes the app write files')],
  ['logging.filename', () => _('it makes the app write files')],
  ['logging.max_size_mb', () => _('it makes the app write files')],
  ['torrents', () => _('a torrent’s saved state holds its trackers')],
  ['remote', () => _('it lets other computers and programs control the app')],
];

/** Why a D-Bus caller may not change `path`, in words, or null when it may. */
export function refusedOverDBus(path: string): string | null {
  for (const [prefix, why] of REFUSED) {
    if (path === prefix || path.startsWith(`${prefix}.`))
      return format(_('%1$s can only be changed in Preferences: %2$s'), path, why());
  }
  return null;
}

/** What GetSettings reads of the settings store. */
export type SnapshotSource = Pick<SettingsStore, 'get' | 'torrentStateKeys' | 'getTorrentState'>;

/**
 * The settings as GetSettings returns them: every known key but the secrets, plus the torrents'
 * saved state without their tracker lists (a private tracker's URL carries the user's passkey).
 */
export function settingsSnapshot(settings: SnapshotSource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of leafPaths(shippedDefaults() as Json, '')) {
    if (isSecretSetting(path)) continue;
    const parts = path.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = settings.get(path);
  }
  const torrents: Record<string, unknown> = {};
  for (const key of settings.torrentStateKeys()) {
    const { trackers: _trackers, ...state } = settings.getTorrentState(key) ?? {};
    torrents[key] = state;
  }
  out.torrents = torrents;
  return out;
}
