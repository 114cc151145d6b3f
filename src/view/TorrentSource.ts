import type Gio from 'gi://Gio';

import { STATE_FILTERS, type StateFilter } from '../model/filters.ts';
import type { ProfileChange, ProfileName, ProfileValues } from '../model/session/seedingProfiles.ts';
import type { SpeedSample } from '../model/session/SpeedHistory.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { StatisticsSource } from './statistics/StatisticsSource.ts';

/**
 * What the window reads: the model's torrents, the settings and the details of one torrent, in
 * the shapes the view shows. The controller's ModelReadout implements it; UI specs may use a
 * double. Commands are not here: the window activates the torrent actions (torrentActions.ts)
 * on the application's action group, as D-Bus callers and the command line do.
 */
export interface TorrentSource {
  /** The model's list of `Torrent` objects (a `Gio.ListStore`); the view never changes it. */
  readonly torrents: Gio.ListModel;

  /** History and app health (the Statistics window, the History tab); absent in specs that need none. */
  readonly statistics?: StatisticsSource;

  /** The settings store: dot paths into settings.json (`data/default.json` key names). */
  readonly settings: SettingsAccess;

  /**
   * The counts, pushed as torrents change (nothing to poll): per-state notifying properties
   * (`all`, `downloading`, `seeding`, `active`, `paused`, `error`) and `hosts`, a list model of
   * TrackerHostCount (host, notifying count), sorted by host.
   */
  readonly counts: TorrentCounts;

  /**
   * The totals and overall rates as notifying properties, pushed as the engine ticks (at most
   * about once a second); its `updated` signal is the pace of everything live in the window.
   */
  readonly figures: TransferTotals;

  /** How many torrents are in each sidebar state (counted with the model's `torrentMatchesState`). */
  stateCounts(): Record<StateFilter, number>;

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

  /** The peers the trackers returned for this torrent (real addresses only, never this app's own announce echoed back), newest first. */
  peers(torrent: Torrent): PeerView[];

  /** This torrent's announces, replies and errors, oldest first (bounded by the model). */
  log(torrent: Torrent): TorrentLogLine[];

  /** The torrent's recent speeds, oldest first: kept for every torrent, selected or not. */
  speedHistory(torrent: Torrent): SpeedSample[];

  /** Called when the torrent's trackers, peers or log change. */
  onTorrentDetailsChanged(torrent: Torrent, callback: () => void): Unsubscribe;

  /** The per-torrent options (the Options tab); some are also `Torrent` properties. */
  options(torrent: Torrent): TorrentOptions;

  /** The seeding profile the torrent's options were last set from ('' : none, or edited by hand since). */
  seedingProfile(torrent: Torrent): string;

  /** A seeding profile's values (Custom's from the settings). */
  profileValues(name: ProfileName): ProfileValues;

  /** Exactly what `apply-profile` with this profile would change on these torrents, field by field. */
  profilePreview(name: ProfileName, torrents: Torrent[]): ProfileChange[];

  /** Session and lifetime totals over all torrents, and the current overall rates. */
  totals(): SessionTotals;

  /** The client identities from `data/clients.json`, in display order, for the preferences. */
  clientIdentities(): ClientIdentityChoice[];

  /** Events and errors for the user (trackers, watch folder, D-Bus, refused commands, files added or not). */
  onNotice(callback: (notice: Notice) => void): Unsubscribe;
}

/**
 * The sidebar's states are the model's (src/model/filters.ts), whose `torrentMatchesState` both
 * the counts and the list filter use, so a count always matches what a click on the row shows.
 */
export { STATE_FILTERS, type StateFilter };

export type Unsubscribe = () => void;

export type { SpeedSample };

/** 0 low, 1 normal, 2 high (the `priority` property of `Torrent`). */
export type TorrentPriority = 0 | 1 | 2;

/**
 * What the view uses of `SettingsStore`: the one Settings interface (typed reads of the settings
 * table, dot paths for the preferences' generic rows), plus the proxy password.
 */
export interface SettingsAccess extends Settings {
  /** The proxy password, kept in the keyring and never a setting (model/settings/ProxyPassword.ts). */
  readonly proxyPassword?: ProxyPasswordAccess;
}

export interface ProxyPasswordAccess {
  readonly value: string;
  /** Why it is not kept in the keyring (then it is used for this run only), or null. */
  readonly problem: string | null;
  /** Stores it in the keyring; never rejects (a failure shows in `problem`). */
  change(password: string): Promise<void>;
  /** `changed`: the value or the problem changed. */
  connect(signal: string, callback: () => void): number;
  disconnect(id: number): void;
}

export interface TorrentFile {
  /** Path components inside the torrent (without the torrent's own name for multi-file torrents). */
  path: string[];
  length: number;
}

export interface TrackerView {
  url: string;
  /** Which announce of the tracker this row is (`v2`, `IPv6`, `v1 · IPv4`), '' when it has one. */
  lane?: string;
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
  /** When those figures came (unix seconds; the freshest of announce and scrape), and from which. */
  countsAt: number | null;
  countsFrom: 'announce' | 'scrape' | null;
  /** False when the tracker has no scrape URL (it is never scraped). */
  canScrape: boolean;
  lastScrape: number | null;
  /** The last scrape's error, '' if none. */
  scrapeMessage: string;
  /** The last warning or failure reason from the tracker (or the error reaching it), '' if none. */
  message: string;
  /** Its last announce was answered with success (a failure reason or an unreachable host is not). */
  working: boolean;
}

export interface PeerView {
  address: string;
  port: number;
  /** The announce URL that returned this peer. */
  trackerUrl: string;
}

/** The per-torrent options the Options tab edits: the model's own type, so the two cannot drift. */
import type { TorrentLogLine, TorrentOptionValues as TorrentOptions } from '../model/Model.ts';
import type { Settings } from '../model/settings/Settings.ts';
import type { TorrentCounts } from '../model/session/TorrentCounts.ts';
import type { TransferFigures, TransferTotals } from '../model/session/TransferTotals.ts';
export type { ProfileChange, ProfileName, ProfileValues, TorrentLogLine, TorrentOptions };

/** Session and lifetime totals over all torrents, and the current overall rates. */
export type SessionTotals = TransferFigures;

export interface ClientIdentityChoice {
  /** The value the preferences store under the identity setting (see `identitySetting`). */
  value: string | number;
  /** What the user sees, e.g. "qBittorrent 4.6.5". */
  label: string;
}

/** Settings path that holds the chosen client identity. */
export const IDENTITY_SETTING = 'agent';

export interface Notice {
  kind: 'info' | 'error';
  message: string;
}
