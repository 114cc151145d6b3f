import type { Metainfo } from '../metainfo/Metainfo.ts';
import type { Announcer } from '../torrent/TorrentWorker.ts';
import type { Torrent } from '../torrent/Torrent.ts';
import type { GlobalRates } from './GlobalRates.ts';
import type { TorrentSession } from './TorrentSession.ts';

/** A copied .torrent in the torrents folder (TorrentLibrary's entry, see docs/ARCHITECTURE.md). */
export interface LibraryEntry {
  path: string;
  metainfo: Metainfo;
}

export interface TorrentLogLine {
  /** Unix seconds. */
  time: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** What every session gets from the Model. */
export interface SessionHost {
  readonly rates: GlobalRates;
  /** Seconds between a seeding torrent's ticks while no one observes the figures (0: no resting). */
  readonly restSeconds: number;
  createAnnouncer(metainfo: Metainfo, tiers: string[][], onChanged: () => void): Announcer;
  /** The bytes a tick credited to the torrent (the statistics history). */
  readonly credited?: (torrent: Torrent, up: number, down: number) => void;
  /** Something a list shows changed (the Model coalesces these into `data-changed`). */
  changed(): void;
  /** A user-facing message (stop condition met). */
  message(text: string): void;
  /** A tick wrote the torrent's figures (the counts' `active` follows its rates). */
  ticked(session: TorrentSession): void;
  /** The tracker list changed (new hosts for the counts). */
  tiersChanged(session: TorrentSession): void;
  /** Torrents tick (startAll ran) and the app is not quitting. */
  readonly running: boolean;
  /** The quit sequence began: replies change nothing anyone sees. */
  readonly quitting: boolean;
}
