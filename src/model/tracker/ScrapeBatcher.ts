import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { _ } from '../../lib/i18n.ts';
import { escapeBytes } from '../identity/index.ts';
import { scrapeUrlFor, splitUrl } from './announceUrl.ts';
import { latin1 } from './bencodeReply.ts';
import { cancelledError } from './deadline.ts';
import {
  isScrapeTooLong,
  MAX_SCRAPE_URL_CHARS,
  MAX_UDP_SCRAPE_HASHES,
  multiScrapeUrl,
  type ScrapeFigures,
} from './scrapeReply.ts';
import type { TrackerNetwork } from './TrackerNetwork.ts';
import { TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';
import { sourceAlive } from '../../lib/sources.ts';

/** One torrent's scrape result, with the tracker's wish for the next one. */
export interface ScrapeResult {
  figures: ScrapeFigures;
  minRequestInterval: number | null;
}

interface Waiter {
  hash: Uint8Array;
  resolve: (r: ScrapeResult) => void;
  reject: (e: unknown) => void;
  cancellable: Gio.Cancellable;
  handler: number;
}

/** Torrents waiting to be scraped at one tracker, sent together at the next idle moment. */
interface Batch {
  url: string;
  waiters: Waiter[];
}

const NO_FIGURES: ScrapeFigures = { seeders: null, leechers: null, downloaded: null };

/** Transmission lowers its multiscrape size by this much after a "too long" refusal. */
const SHRINK_STEP = 5;

const batchers = new WeakMap<TrackerNetwork, ScrapeBatcher>();

/**
 * Groups the scrapes of torrents that share a tracker into one request, as Transmission's
 * multiscrape does: requests made in the same tick (the schedule rounds them to the same second)
 * go out together at the next idle moment. A batch holds at most the identity's `maxHashes`
 * (1 for libtorrent, which never multiscrapes), 74 over UDP, and no more than fits
 * MAX_SCRAPE_URL_CHARS over HTTP; a tracker that refuses a batch as too long gets smaller ones.
 */
export class ScrapeBatcher {
  readonly #network: TrackerNetwork;
  readonly #pending = new Map<string, Batch>();
  /** Per scrape target, the batch size it accepted (lowered after "too long"). */
  readonly #learnedMax = new Map<string, number>();
  #flushSource = 0;
  /** Scrape requests sent (for specs). */
  requestsSent = 0;
  /** Torrents in the largest request sent (for specs). */
  largestBatch = 0;

  static for(network: TrackerNetwork): ScrapeBatcher {
    let b = batchers.get(network);
    if (!b) {
      b = new ScrapeBatcher(network);
      batchers.set(network, b);
    }
    return b;
  }

  constructor(network: TrackerNetwork) {
    this.#network = network;
  }

  /** The key torrents are grouped by: the scrape URL (HTTP), or the tracker's host and port (UDP); null if it cannot be scraped. */
  static targetOf(url: string): string | null {
    const u = splitUrl(url);
    if (!u) return null;
    if (u.scheme === 'udp') return u.port === -1 ? null : `udp://${u.host.toLowerCase()}:${u.port}`;
    if (u.scheme === 'http' || u.scheme === 'https') return scrapeUrlFor(url);
    return null;
  }

  /** Scrapes one torrent at `url`'s tracker, together with any others asked for in this tick. */
  scrape(url: string, infoHash: Uint8Array, cancellable: Gio.Cancellable): Promise<ScrapeResult> {
    const target = ScrapeBatcher.targetOf(url);
    if (!target) return Promise.reject(new TrackerError('protocol', _('This tracker does not support scrape.')));
    if (cancellable.is_cancelled()) return Promise.reject(cancelledError());
    return new Promise<ScrapeResult>((resolve, reject) => {
      let batch = this.#pending.get(target);
      if (!batch) {
        batch = { url, waiters: [] };
        this.#pending.set(target, batch);
      }
      const waiter: Waiter = { hash: infoHash, resolve, reject, cancellable, handler: 0 };
      const pending = batch;
      waiter.handler = onCancelled(cancellable, () => {
        // Cancelled before it went out: it leaves the batch; after: only its answer is dropped.
        const i = pending.waiters.indexOf(waiter);
        if (i >= 0 && this.#pending.get(target) === pending) pending.waiters.splice(i, 1);
        GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
          reject(cancelledError());
          return GLib.SOURCE_REMOVE;
        });
      });
      batch.waiters.push(waiter);
      this.#flushSoon();
    });
  }

  #flushSoon(): void {
    // Looked up, not trusted: GLib removes an idle whose callback GJS 1.74 dropped (garbageCollection.ts).
    if (sourceAlive(this.#flushSource)) return;
    this.#flushSource = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
      this.#flushSource = 0;
      this.#flush();
      return GLib.SOURCE_REMOVE;
    });
  }

  #flush(): void {
    const batches = [...this.#pending.entries()];
    this.#pending.clear();
    for (const [target, batch] of batches) {
      const waiters = batch.waiters.filter((w) => !w.cancellable.is_cancelled());
      while (waiters.length) {
        const take = this.#fits(
          target,
          batch.url,
          waiters.map((w) => w.hash),
        );
        void this.#send(target, batch.url, waiters.splice(0, take));
      }
    }
  }

  /** How many of `hashes` (at least 1) one request to `target` may carry. */
  #fits(target: string, url: string, hashes: Uint8Array[]): number {
    const identity = this.#network.identity;
    let max = Math.min(identity.scrape.maxHashes, this.#learnedMax.get(target) ?? Infinity);
    if (target.startsWith('udp://')) return Math.max(1, Math.min(max, MAX_UDP_SCRAPE_HASHES, hashes.length));
    max = Math.max(1, Math.min(max, hashes.length));
    let n = 1;
    while (
      n < max &&
      multiScrapeUrl(target, hashes.slice(0, n + 1), (h) => escapeBytes(identity, h)).length <= MAX_SCRAPE_URL_CHARS
    )
      n++;
    return n;
  }

  async #send(target: string, url: string, waiters: Waiter[]): Promise<void> {
    // The same torrent asked twice in one tick goes once.
    const hashes: Uint8Array[] = [];
    const seen = new Set<string>();
    for (const w of waiters) {
      const k = latin1(w.hash);
      if (!seen.has(k) && seen.add(k)) hashes.push(w.hash);
    }
    // The request is shared: one torrent's cancel drops its own answer, the others still get theirs.
    const shared = new Gio.Cancellable();
    let live = waiters.length;
    const onCancel = () => {
      if (--live === 0) shared.cancel();
    };
    const handlers = waiters.map((w) => onCancelled(w.cancellable, onCancel));
    this.requestsSent++;
    this.largestBatch = Math.max(this.largestBatch, hashes.length);
    try {
      const reply = await this.#network.scrape(url, hashes, shared);
      // A torrent the tracker has no peers for may be left out (opentracker does): a good
      // scrape that says nothing, as Transmission reads it.
      for (const w of waiters)
        w.resolve({
          figures: reply.files.get(latin1(w.hash)) ?? NO_FIGURES,
          minRequestInterval: reply.minRequestInterval,
        });
    } catch (e) {
      if (isScrapeTooLong(e) && hashes.length > 1)
        this.#learnedMax.set(
          target,
          Math.max(1, Math.min(this.#learnedMax.get(target) ?? Infinity, hashes.length) - SHRINK_STEP),
        );
      for (const w of waiters) w.reject(e);
    } finally {
      waiters.forEach((w, i) => {
        offCancelled(w.cancellable, handlers[i]);
        offCancelled(w.cancellable, w.handler);
      });
    }
  }
}
