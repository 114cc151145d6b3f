import Gio from 'gi://Gio';
import type GLib from 'gi://GLib';

import { variantFromJson } from '../lib/variant.ts';

/**
 * The torrent commands: actions of the application with a parameter, implemented once by the
 * controller's TorrentActions and activated alike by the window (`app.<name>`), by other programs
 * over D-Bus (org.gtk.Actions.Activate on /ie/fio/dfakeseeder), by `dfakeseeder --action` and by
 * the Torrents D-Bus interface. Torrents are named by their info hash (40 hex digits, the
 * Torrent's `info_hash`); each entry is the parameter's GVariant type (null: none) and an example
 * of its JSON form for people typing one.
 */
export const TORRENT_ACTIONS = {
  pause: { type: 'as', example: '["<info hash>", …]' },
  resume: { type: 'as', example: '["<info hash>", …]' },
  'pause-all': { type: null, example: '' },
  'resume-all': { type: null, example: '' },
  /** Resumes and ignores the queue and the stop conditions. */
  'force-start': { type: 'as', example: '["<info hash>", …]' },
  /** "Update Tracker": announces now, respecting each tracker's `min interval`. */
  'force-announce': { type: 'as', example: '["<info hash>", …]' },
  /** "Scrape Now": asks the trackers for seeders, leechers and completed, within their `min_request_interval`. */
  scrape: { type: 'as', example: '["<info hash>", …]' },
  /** "Force Recheck": the (simulated) data is verified; the torrent's log says how much. */
  'force-recheck': { type: 'as', example: '["<info hash>", …]' },
  'force-complete': { type: 'as', example: '["<info hash>", …]' },
  /** A random progress for torrents at 0 %. */
  'random-progress': { type: 'as', example: '["<info hash>", …]' },
  /** Stops them (with `stopped` announces), forgets them and deletes the app's copy. */
  remove: { type: 'as', example: '["<info hash>", …]' },
  'set-priority': { type: '(ass)', example: '[["<info hash>", …], "low" | "normal" | "high"]' },
  queue: { type: '(ass)', example: '[["<info hash>", …], "top" | "up" | "down" | "bottom"]' },
  /** Per-torrent caps in KB/s: upload, download; 0 removes a cap, -1 keeps it. */
  'set-limits': { type: '(asii)', example: '[["<info hash>", …], <upload KB/s>, <download KB/s>]' },
  'reset-limits': { type: 'as', example: '["<info hash>", …]' },
  'set-label': { type: '(ass)', example: '[["<info hash>", …], "<label>"]' },
  rename: { type: '(ss)', example: '["<info hash>", "<name>"]' },
  /** One option of the Options tab (`upload_speed`, `threshold`, `active`, …). */
  'set-option': { type: '(assv)', example: '[["<info hash>", …], "<option>", <value>]' },
  'add-tracker': { type: '(ass)', example: '[["<info hash>", …], "<announce URL>"]' },
  'edit-tracker': { type: '(sss)', example: '["<info hash>", "<old URL>", "<new URL>"]' },
  'remove-tracker': { type: '(ss)', example: '["<info hash>", "<announce URL>"]' },
  /** ×2 or ÷2 the configured speed of the torrents named, or of all when the list is empty. */
  'scale-speed': { type: '(sdas)', example: '["upload" | "download", 2 | 0.5, ["<info hash>", …]]' },
  /** Adds the built-in tracker (a new tier), so the torrents announce to the app itself. */
  'add-built-in-tracker': { type: 'as', example: '["<info hash>", …]' },
  /** Sets a seeding profile's values (speeds, limits, announce floor, stop conditions) on the torrents. */
  'apply-profile': {
    type: '(sas)',
    example: '["conservative" | "balanced" | "aggressive" | "custom", ["<info hash>", …]]',
  },
  /** Adds .torrent files by URI (file:// only). */
  'add-uris': { type: 'as', example: '["file:///path/to/file.torrent", …]' },
} as const;

export type TorrentActionName = keyof typeof TORRENT_ACTIONS;

type Hashes = string[];

/** Each action's parameter in its JSON form (what actionParameter takes). */
export interface TorrentActionArgs {
  pause: Hashes;
  resume: Hashes;
  'pause-all': null;
  'resume-all': null;
  'force-start': Hashes;
  'force-announce': Hashes;
  scrape: Hashes;
  'force-recheck': Hashes;
  'force-complete': Hashes;
  'random-progress': Hashes;
  remove: Hashes;
  'set-priority': [Hashes, 'low' | 'normal' | 'high'];
  queue: [Hashes, QueueMove];
  'set-limits': [Hashes, number, number];
  'reset-limits': Hashes;
  'set-label': [Hashes, string];
  rename: [string, string];
  'set-option': [Hashes, string, boolean | number];
  'add-tracker': [Hashes, string];
  'edit-tracker': [string, string, string];
  'remove-tracker': [string, string];
  'scale-speed': ['upload' | 'download', 2 | 0.5, Hashes];
  'add-built-in-tracker': Hashes;
  'apply-profile': [string, Hashes];
  'add-uris': string[];
}

export type QueueMove = 'top' | 'up' | 'down' | 'bottom';

/** True for a name of TORRENT_ACTIONS. */
export function isTorrentAction(name: string): name is TorrentActionName {
  return Object.prototype.hasOwnProperty.call(TORRENT_ACTIONS, name);
}

/** The action's parameter as a GVariant (null for the actions that take none). */
export function actionParameter<N extends TorrentActionName>(name: N, args: TorrentActionArgs[N]): GLib.Variant | null {
  const type = TORRENT_ACTIONS[name].type;
  return type === null ? null : variantFromJson(type, args);
}

/** Activates a torrent action on `group` (the application, or a spec's group). */
export function activateTorrentAction<N extends TorrentActionName>(
  group: Gio.ActionGroup,
  name: N,
  args: TorrentActionArgs[N],
): void {
  group.activate_action(name, actionParameter(name, args));
}

/** Activates a torrent action on the running application (where the actions are, see TorrentActions). */
export function activateOnApplication<N extends TorrentActionName>(name: N, args: TorrentActionArgs[N]): void {
  const app = Gio.Application.get_default();
  if (app) activateTorrentAction(app, name, args);
}

/** How a widget asks for a torrent action (the window activates it on its action group). */
export type TorrentActionActivator = <N extends TorrentActionName>(name: N, args: TorrentActionArgs[N]) => void;
