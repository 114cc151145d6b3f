import type Gio from 'gi://Gio';

import type { TrackerInfo } from '../tracker/types.ts';

/** Session counters as trackers are told them (bytes). */
export interface AnnounceStats {
  uploaded: number;
  downloaded: number;
  left: number;
}

/**
 * What the worker uses of its torrent's TorrentAnnouncer (src/model/tracker/, see
 * docs/ARCHITECTURE.md). Declared here structurally so the engine depends on the contract only.
 */
export interface Announcer {
  readonly startedAcknowledged: boolean;
  /** Seconds: regular announces never sooner than this (the torrent's announce floor; 0 none). */
  intervalFloor?: number;
  /** Some tracker may list us (`started` acknowledged, or cancelled before its answer). */
  readonly owesStopped?: boolean;
  nextAnnounceAt(): number;
  /** The next regular announce, for display (optional: nextAnnounceAt is used without it). */
  nextRegularAnnounceAt?(): number;
  announceDue(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void>;
  forceAnnounce(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void>;
  /** Monotonic µs at which a forced announce can go (Infinity: no tracker can be reached). */
  earliestForcedAnnounce(): number;
  stop(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<number>;
  /** stop() with a callback, called once (maybe at once); optional: stop() is used without it. */
  stopThen?(stats: AnnounceStats, cancellable: Gio.Cancellable, done: (acknowledged: number) => void): void;
  /** Monotonic µs of the next scrape due (optional: an announcer without scrapes never scrapes). */
  nextScrapeAt?(): number;
  scrapeDue?(cancellable: Gio.Cancellable): Promise<void>;
  /** "Scrape Now": `at`, the monotonic µs it goes (Infinity: no tracker can be scraped), and the scrapes. */
  scrapeNow?(cancellable: Gio.Cancellable): { at: number; done: Promise<void> };
  /** Trackers that answered the last stop() with a refusal (optional: none counted without it). */
  readonly lastStopRejected?: number;
  /** Per tracker, in the torrent's order: state, message, figures (what the Trackers tab shows). */
  readonly trackers: readonly TrackerInfo[];
}
