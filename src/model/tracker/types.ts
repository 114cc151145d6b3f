import { printable } from '../../lib/printable.ts';

/** What is sent in one announce (HTTP or UDP), independent of the wire format. */
export type AnnounceEvent = 'started' | 'completed' | 'stopped' | 'none';

/** The address family an announce goes over (BEP 7: one announce per family). */
export type AddressFamily = 'ipv4' | 'ipv6';

/** What sets one of a torrent's announces apart (AnnouncerLanes): label, own hash, family. */
export interface AnnounceLane {
  label: string;
  torrentHash: Uint8Array;
  family: AddressFamily | null;
}

/** What a lane adds to each of its requests (nothing for a torrent's only announce). */
export function laneFields(lane: AnnounceLane | null): { torrentHash?: Uint8Array; family?: AddressFamily } {
  return lane ? { torrentHash: lane.torrentHash, ...(lane.family && { family: lane.family }) } : {};
}

export interface AnnounceRequest {
  infoHash: Uint8Array; // 20 bytes
  /**
   * The torrent's own hash when `infoHash` is another of its hashes (the truncated SHA-256 of a
   * hybrid): the `key` and the history follow the torrent, not the hash.
   */
  torrentHash?: Uint8Array;
  /** Announce over this family only; absent: whichever address the tracker's name gives first. */
  family?: AddressFamily;
  event: AnnounceEvent;
  uploaded: number;
  downloaded: number;
  left: number;
  /** The tracker's last `tracker id`, echoed as `trackerid`. */
  trackerId: string | null;
}

export interface Peer {
  ip: string;
  port: number;
  /** Given only in a non-compact (dictionary) peer list. */
  peerId?: Uint8Array;
}

export interface AnnounceReply {
  interval: number | null;
  minInterval: number | null;
  trackerId: string | null;
  seeders: number | null;
  leechers: number | null;
  downloaded: number | null;
  warning: string | null;
  peers: Peer[];
  /** BEP 24: the address the tracker saw the announce come from, if it says. */
  externalIp?: string;
}

/**
 * Why an announce failed. `failure` is the tracker's own `failure reason` (or a UDP error
 * packet); the others are ours: no answer, a transport error, an HTTP error status or a reply
 * we cannot read. `message` is plain words for the user, on one line, at most
 * MAX_MESSAGE_CHARS long.
 */
export type TrackerErrorKind = 'failure' | 'timeout' | 'network' | 'http' | 'protocol';

export class TrackerError extends Error {
  readonly kind: TrackerErrorKind;
  /** The tracker's `interval` / `min interval` if it sent them with a failure. */
  readonly interval: number | null;
  readonly minInterval: number | null;
  /** From a UDP tracker's error packet, which carries no interval (set by UdpEndpoint). */
  udp = false;
  /** The UDP tracker refused our connection id (expired, or it restarted): reconnecting fixes it. */
  connectionIdRefused = false;

  constructor(
    kind: TrackerErrorKind,
    message: string,
    interval: number | null = null,
    minInterval: number | null = null,
  ) {
    // Words from a tracker can be anything, a megabyte of text with CR/LF and ESC included: they
    // are kept, shown and logged escaped and capped (MAX_MESSAGE_CHARS).
    super(printable(message));
    this.name = 'TrackerError';
    this.kind = kind;
    this.interval = interval;
    this.minInterval = minInterval;
  }
}

/** What the UI shows per tracker (the Trackers tab and the sidebar). */
export type TrackerState = 'idle' | 'announcing' | 'working' | 'error' | 'disabled' | 'stopped';

export interface TrackerInfo {
  url: string;
  /**
   * Which of the torrent's announces this row is, when a tracker gets several: its hash (`v1`,
   * `v2`) and address family (`IPv4`, `IPv6`); '' or absent when there is one.
   */
  lane?: string;
  tier: number;
  state: TrackerState;
  /** Plain words for the state ("Working", "Not contacted yet", "Error", …). */
  status: string;
  /** Wall-clock unix seconds of the last reply (success or failure), or null. */
  lastAnnounce: number | null;
  /** Wall-clock unix seconds of the next planned announce, or null if none is planned. */
  nextAnnounce: number | null;
  /** The freshest of the last announce's and the last scrape's figures, each on its own. */
  seeders: number | null;
  leechers: number | null;
  downloaded: number | null;
  /** When those figures were received (wall-clock unix seconds), and from which, or null. */
  countsAt: number | null;
  countsFrom: 'announce' | 'scrape' | null;
  /** The tracker has a scrape URL (or is UDP); lastScrape/nextScrape as lastAnnounce/nextAnnounce. */
  canScrape: boolean;
  lastScrape: number | null;
  nextScrape: number | null;
  /** The last scrape's error, or ''. */
  scrapeMessage: string;
  /** The last error, failure reason or warning, or '' when all is well. */
  message: string;
  peers: Peer[];
  /** Consecutive failures (resets on success). */
  failures: number;
}
