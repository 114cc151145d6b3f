import GLib from 'gi://GLib';

import { isPlainObject, type JsonObject } from './json.ts';

/**
 * Settings written by the Python DFakeSeeder need a few changes to mean the same here. Everything
 * else it wrote (including keys this port does not use) is kept as it was.
 */

/** The original's `agents` list order, as identity ids of data/clients.json. */
export const ORIGINAL_AGENT_IDS = [
  'deluge-2.0.3',
  'qbittorrent-4.5.2',
  'transmission-3.00',
  'utorrent-3.5.5',
  'vuze-5.7.6',
  'bittorrent-7.10.5',
  'rtorrent-0.9.6',
] as const;

/** Client names as they start the original's "User-Agent,peer-id-prefix" entries. */
const BY_NAME: [RegExp, string][] = [
  [/^deluge/i, 'deluge-2.0.3'],
  [/^qbittorrent/i, 'qbittorrent-4.5.2'],
  [/^transmission/i, 'transmission-3.00'],
  [/^(µ|u)torrent/i, 'utorrent-3.5.5'],
  [/^(vuze|azureus)/i, 'vuze-5.7.6'],
  [/^bittorrent/i, 'bittorrent-7.10.5'],
  [/^(rtorrent|libtorrent)/i, 'rtorrent-0.9.6'],
];

/** The identity id for the original's numeric `agent` index, or null if it names nothing known. */
export function agentIdFromIndex(index: number, agents: unknown): string | null {
  if (!Number.isInteger(index) || index < 0) return null;
  if (Array.isArray(agents) && typeof agents[index] === 'string') {
    const ua = (agents[index] as string).split(',')[0].trim();
    const hit = BY_NAME.find(([re]) => re.test(ua));
    if (hit) return hit[1];
  }
  return ORIGINAL_AGENT_IDS[index] ?? null;
}

/**
 * Adapts the user's settings in place. Returns plain-words notes of what changed, for the log.
 * - a numeric `agent` (index into `agents`) becomes the identity id;
 * - torrent state keyed by a copy in another config folder (the original ran as a different user
 *   or outside a Flatpak) is re-keyed to the same file name in this config folder's torrents/.
 */
export function adoptOriginal(user: JsonObject, torrents: JsonObject, configDir: string): string[] {
  const notes: string[] = [];
  if (typeof user.agent === 'number') {
    const id = agentIdFromIndex(user.agent, user.agents);
    notes.push(`client identity index ${user.agent} → ${id ?? 'default'}`);
    if (id) user.agent = id;
    else delete user.agent;
  }
  const torrentsDir = GLib.build_filenamev([configDir, 'torrents']);
  for (const key of Object.keys(torrents)) {
    if (!GLib.path_is_absolute(key) || GLib.path_get_dirname(key) === torrentsDir) continue;
    if (!GLib.path_get_dirname(key).endsWith('/dfakeseeder/torrents')) continue;
    const moved = GLib.build_filenamev([torrentsDir, GLib.path_get_basename(key)]);
    if (moved in torrents) continue;
    const state = torrents[key];
    if (isPlainObject(state) && typeof state.filepath === 'string') state.filepath = moved;
    torrents[moved] = state;
    delete torrents[key];
    notes.push(`torrent state ${key} → ${moved}`);
  }
  return notes;
}
