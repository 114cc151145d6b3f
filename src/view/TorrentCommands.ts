import type Gio from 'gi://Gio';

import { STATE_FILTERS, type StateFilter } from '../model/filters.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';

/**
 * Everything the main window needs from the controller: the commands it issues and the read
 * access it needs to show the model. `AppController` implements it; UI specs may use a double.
 *
 * Commands that act on a selection take `Torrent[]` (the view's selection, in list order).
 * Commands that can fail on user input (a bad tracker URL, an empty name, a bad file) throw or
 * reject with an `Error` whose message is a plain sentence the view shows as a toast; nothing
 * is changed when they fail. Speeds and limits are KB/s (the original's unit); 0 means "none".
 */
export interface TorrentCommands {
  // ---- read access ------------------------------------------------------------------------

  /** The model's list of `Torrent` objects (a `Gio.ListStore`); the view never changes it. */
  readonly torrents: Gio.ListModel;

  /** The settings store: dot paths into settings.json (`data/default.json` key names). */
  readonly settings: SettingsAccess;

  /** How many torrents are in each sidebar state (counted with the model's `torrentMatchesState`). */
  stateCounts(): Record<TorrentState, number>;

  /** Tracker host names over all torrents' announce URLs, each with its torrent count. */
  trackerHostCounts(): { host: string; count: number }[];

  /** Called (at most about once a second) after the counts above may have changed. */
  onCountsChanged(callback: () => void): Unsubscribe;

  /** The host names of every tracker of this torrent (for the sidebar's tracker filter). */
  trackerHosts(torrent: Torrent): string[];

  /** The files inside the torrent, from its metainfo (one entry for a single-file torrent). */
  files(torrent: Torrent): TorrentFile[];

  /** Per tracker of the torrent, in tier order: what the Trackers tab shows. */
  trackers(torrent: Torrent): TrackerView[];

  /** The peers the trackers returned for this torrent (real addresses only), newest first. */
  peers(torrent: Torrent): PeerView[];

  /** This torrent's announces, replies and errors, oldest first (bounded by the model). */
  log(torrent: Torrent): TorrentLogLine[];

  /** Called when the torrent's trackers, peers or log change. */
  onTorrentDetailsChanged(torrent: Torrent, callback: () => void): Unsubscribe;

  /** The per-torrent options (the Options tab); some are also `Torrent` properties. */
  options(torrent: Torrent): TorrentOptions;

  /** Session and lifetime totals over all torrents, and the current overall rates. */
  totals(): SessionTotals;

  /** The client identities from `data/clients.json`, in display order, for the preferences. */
  clientIdentities(): ClientIdentityChoice[];

  /** Events and errors for the user (trackers, watch folder, D-Bus, files that could not be added). */
  onNotice(callback: (notice: Notice) => void): Unsubscribe;

  // ---- commands ---------------------------------------------------------------------------

  /**
   * Adds `.torrent` files (file:// URIs). Bad or duplicate files are listed in `failures` and
   * also sent as one `onNotice` error each (so the watch folder and D-Bus report them too); the
   * rest are added.
   */
  addUris(uris: string[]): Promise<AddResult>;

  /**
   * Stops the torrents (with `stopped` announces) and removes them with their saved state and
   * the app's copy of their .torrent (the torrents folder is the list, so a kept copy would
   * come back at the next start). The file the user added from is never touched.
   */
  remove(torrents: Torrent[]): Promise<void>;

  pause(torrents: Torrent[]): void;
  resume(torrents: Torrent[]): void;
  pauseAll(): void;
  resumeAll(): void;

  /** Resumes and marks force-start (ignores queue and stop conditions). */
  forceStart(torrents: Torrent[]): void;

  /** Announces now ("Update Tracker"), respecting each tracker's `min interval`. */
  updateTracker(torrents: Torrent[]): void;

  /** The original's "Force Recheck": moves progress by a random ±5 %. */
  forceRecheck(torrents: Torrent[]): void;

  /** Progress to 100 % and downloaded = size (only torrents below 100 %). */
  forceComplete(torrents: Torrent[]): void;

  /** A random progress (only torrents at 0 %). */
  setRandomProgress(torrents: Torrent[]): void;

  setPriority(torrents: Torrent[], priority: TorrentPriority): void;

  /** Per-torrent caps in KB/s; an omitted direction keeps its value, 0 removes the cap. */
  setLimits(torrents: Torrent[], limits: { upload?: number; download?: number }): void;

  /** Back to the global limits (per-torrent caps to 0). */
  resetLimits(torrents: Torrent[]): void;

  /** Tracker list edits; the URL must be http(s):// or udp:// (throws otherwise). */
  addTracker(torrent: Torrent, url: string): Promise<void> | void;
  editTracker(torrent: Torrent, oldUrl: string, newUrl: string): Promise<void> | void;
  removeTracker(torrent: Torrent, url: string): Promise<void> | void;

  /** Queue order (the `id` column), keeping ids 1..n without gaps. */
  moveInQueue(torrents: Torrent[], where: QueueMove): void;

  /** A display name kept across restarts (the engine never overwrites it). Throws on empty. */
  rename(torrent: Torrent, name: string): void;

  setLabel(torrents: Torrent[], label: string): void;

  /** One per-torrent option for each torrent given (throws on an out-of-range value). */
  setOption<K extends keyof TorrentOptions>(torrents: Torrent[], key: K, value: TorrentOptions[K]): void;

  /** ×2 or ÷2 the configured upload or download speed of these torrents (or of all, when null). */
  scaleSpeed(direction: 'upload' | 'download', factor: 2 | 0.5, torrents: Torrent[] | null): void;
}

/**
 * The sidebar's states: the model's (src/model/filters.ts), whose `torrentMatchesState` both
 * the counts and the list filter use, so a count always matches what a click on the row shows.
 */
export type TorrentState = StateFilter;

export const TORRENT_STATES: readonly TorrentState[] = STATE_FILTERS;

export type Unsubscribe = () => void;

/** 0 low, 1 normal, 2 high (the `priority` property of `Torrent`). */
export type TorrentPriority = 0 | 1 | 2;

export type QueueMove = 'top' | 'up' | 'down' | 'bottom';

/** What the view uses of `SettingsStore` (see docs/ARCHITECTURE.md, Settings). */
export interface SettingsAccess {
  get<T>(path: string): T;
  /** Validates; throws an `Error` (SettingsError) with a plain message on a bad value. */
  set(path: string, value: unknown): void;
  connect(signal: 'changed', callback: (store: unknown, path: string) => void): number;
  disconnect(id: number): void;
}

export interface TorrentFile {
  /** Path components inside the torrent (without the torrent's own name for multi-file torrents). */
  path: string[];
  length: number;
}

export interface TrackerView {
  url: string;
  /** 0-based BEP 12 tier. */
  tier: number;
  /** A short word for the state, e.g. "working", "updating", "not contacted", "error", "disabled". */
  status: string;
  /** Unix seconds of the last announce reply, or null before the first. */
  lastAnnounce: number | null;
  /** Unix seconds of the next scheduled announce, or null if none is due. */
  nextAnnounce: number | null;
  /** From the last reply; -1 while unknown. */
  seeders: number;
  leechers: number;
  downloaded: number;
  /** The last warning or failure reason from the tracker (or the error reaching it), '' if none. */
  message: string;
}

export interface PeerView {
  address: string;
  port: number;
  /** The announce URL that returned this peer. */
  trackerUrl: string;
}

/** The per-torrent options the Options tab edits: the model's own type, so the two cannot drift. */
import type { TorrentLogLine, TorrentOptionValues as TorrentOptions } from '../model/Model.ts';
export type { TorrentLogLine, TorrentOptions };

export interface SessionTotals {
  /** Bytes since each torrent's tracker session started, summed. */
  sessionUploaded: number;
  sessionDownloaded: number;
  /** Lifetime bytes, summed. */
  totalUploaded: number;
  totalDownloaded: number;
  /** Current bytes per second, summed. */
  uploadRate: number;
  downloadRate: number;
}

export interface ClientIdentityChoice {
  /** The value the preferences store under the identity setting (see `identitySetting`). */
  value: string | number;
  /** What the user sees, e.g. "qBittorrent 4.6.5". */
  label: string;
}

/** Settings path that holds the chosen client identity. */
export const IDENTITY_SETTING = 'agent';

export interface AddResult {
  added: Torrent[];
  /** One plain-words message per file that was not added (bad file, duplicate, unreadable). */
  failures: { uri: string; message: string }[];
}

export interface Notice {
  kind: 'info' | 'error';
  message: string;
}
