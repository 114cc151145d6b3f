import type { Torrent } from '../../model/torrent/Torrent.ts';
import type { TrackedTorrentView, TrackerFigures } from '../../model/trackerServer/TrackerService.ts';
import type { StatisticsSource } from '../../view/statistics/StatisticsSource.ts';
import type {
  ClientIdentityChoice,
  Notice,
  SessionTotals,
  TorrentFile,
  TorrentLogLine,
  TorrentOptions,
  StateFilter,
  TrackerView,
  Unsubscribe,
} from '../../view/TorrentSource.ts';

/** What the remote interface reads of the app (the same read access the window has). */
export interface RemoteSource {
  /** Every torrent, in list order. */
  torrents(): Torrent[];
  trackers(torrent: Torrent): TrackerView[];
  files(torrent: Torrent): TorrentFile[];
  log(torrent: Torrent): TorrentLogLine[];
  options(torrent: Torrent): TorrentOptions;
  totals(): SessionTotals;
  stateCounts(): Record<StateFilter, number>;
  clientIdentities(): ClientIdentityChoice[];
  /** Called (at most about once a second) after figures or the list changed. */
  onChanged(callback: () => void): Unsubscribe;
  /** Called when torrents are added to or removed from the list. */
  onListChanged(callback: () => void): Unsubscribe;
  /** Notices (errors of commands among them), as the window gets them. */
  onNotice(callback: (notice: Notice) => void): Unsubscribe;
  /** The statistics history and app health (null where the app keeps none). */
  statistics(): StatisticsSource | null;
  /** The built-in tracker, for its figures (null where there is none). */
  builtInTracker(): BuiltInTrackerReader | null;
}

/** What the API reads of the built-in tracker (TrackerService). */
export interface BuiltInTrackerReader {
  readonly running: boolean;
  /** Why it does not listen although turned on, in words; '' otherwise. */
  readonly error: string;
  announceUrls(): string[];
  figures(): TrackerFigures;
  torrents(): TrackedTorrentView[];
}

/**
 * The app's command surface as the remote interface uses it: the same actions the window,
 * D-Bus and the command line activate, by name, with their parameter in JSON form.
 */
export interface CommandSurface {
  /** The action names, e.g. `pause`, `set-limits`, `add-uris`. */
  has(name: string): boolean;
  /**
   * Runs `name` and settles when it is done, with what it gives back (`add-uris`: the torrents
   * added and the files refused); rejects with an Error in words when the parameter has the
   * wrong shape or the action refused it. Nothing is changed by a refused command.
   */
  run(name: string, parameter: unknown): Promise<unknown>;
}
