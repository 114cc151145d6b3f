import type Gio from 'gi://Gio';

import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _, format } from '../../lib/i18n.ts';
import { printable } from '../../lib/printable.ts';
import { ScrapeBatcher } from './ScrapeBatcher.ts';
import type { ScrapeFigures } from './scrapeReply.ts';
import { backoffDelay } from './schedule.ts';
import type { TrackerNetwork } from './TrackerNetwork.ts';
import { type AnnounceReply, TrackerError } from './types.ts';

/** Where a tracker's seeders/leechers/completed came from, and when (wall-clock unix seconds). */
export type CountsSource = 'announce' | 'scrape';

/** What the Trackers tab shows of one tracker's scrapes and counts. */
export interface ScrapeView {
  seeders: number | null;
  leechers: number | null;
  downloaded: number | null;
  /** When the figures shown were received (the freshest of announce and scrape), or null. */
  countsAt: number | null;
  countsFrom: CountsSource | null;
  /** The tracker has a scrape URL (BEP 48 rule) or is a UDP tracker. */
  canScrape: boolean;
  lastScrape: number | null;
  nextScrape: number | null;
  /** The last scrape's error, or ''. */
  scrapeMessage: string;
}

interface Counted {
  value: number;
  at: number;
  from: CountsSource;
}

/** One tracker's scrape state and the freshest count of each figure. */
class TrackerScrape {
  readonly url: string;
  readonly canScrape: boolean;
  nextAtUs = Infinity;
  /** A "Scrape Now" is waiting (it may reach a tracker that is not the one in use). */
  manual = false;
  busy = false;
  failures = 0;
  lastScrape: number | null = null;
  /** Transmission's lastScrapeTime: the last scrape, or announce that carried all three counts (monotonic µs). */
  countsAtUs: number | null = null;
  /** The tracker's `min_request_interval`: no scrape before this (monotonic µs). */
  minRequestUs = 0;
  interval: number;
  message = '';
  readonly counts: Record<keyof ScrapeFigures, Counted | null> = { seeders: null, leechers: null, downloaded: null };

  constructor(url: string, interval: number) {
    this.url = url;
    this.canScrape = ScrapeBatcher.targetOf(url) !== null;
    this.interval = interval;
  }

  take(f: ScrapeFigures, at: number, from: CountsSource): void {
    for (const k of ['seeders', 'leechers', 'downloaded'] as const) {
      const v = f[k];
      const old = this.counts[k];
      if (v !== null && (!old || old.at <= at)) this.counts[k] = { value: v, at, from };
    }
  }
}

/**
 * One torrent's scrapes, on the chosen identity's schedule:
 * Transmission scrapes the tracker in use every 30 min (or the tracker's `min_request_interval`
 * if longer), pushed back each time an announce carried complete, incomplete and downloaded; the
 * libtorrent family scrapes only when asked (Scrape Now). A tracker without a scrape URL is
 * never scraped. Each figure shown is the freshest of announce and scrape.
 */
export class TorrentScrapes {
  readonly #network: TrackerNetwork;
  readonly #infoHash: Uint8Array;
  readonly #trackers = new Map<string, TrackerScrape>();
  readonly #inUse: () => string[];
  readonly #onChanged: () => void;

  /** `inUse`: the trackers in use (one per announce group), the only ones scraped on the schedule. */
  constructor(
    network: TrackerNetwork,
    infoHash: Uint8Array,
    trackers: readonly { url: string }[],
    inUse: () => string[],
    onChanged: () => void,
  ) {
    this.#network = network;
    this.#infoHash = infoHash;
    this.#inUse = inUse;
    this.#onChanged = onChanged;
    const interval = network.identity.scrape.interval;
    for (const { url } of trackers) this.#trackers.set(url, new TrackerScrape(url, interval));
  }

  /** Seconds from now to the scrape `seconds` ahead, rounded up as the client rounds (Transmission: to 10 s). */
  #planUs(seconds: number): number {
    const clock = this.#network.clock;
    const wall = clock.wallSeconds();
    const step = Math.max(1, this.#network.identity.scrape.roundTo);
    const at = Math.ceil((wall + seconds) / step) * step;
    return clock.monotonicUs() + (at - wall) * 1e6;
  }

  /** A good announce reply from `url`: its counts, and Transmission's rule for the next scrape. */
  announced(url: string, reply: AnnounceReply): void {
    const t = this.#trackers.get(url);
    if (!t) return;
    const clock = this.#network.clock;
    t.take(reply, clock.wallSeconds(), 'announce');
    const policy = this.#network.identity.scrape;
    if (!policy.auto || !t.canScrape) return;
    const fields = [reply.seeders, reply.leechers, reply.downloaded].filter((v) => v !== null).length;
    const now = clock.monotonicUs();
    if (policy.skipWhenAnnounced && fields >= 3) {
      t.countsAtUs = now;
      if (!t.busy) t.nextAtUs = this.#planUs(t.interval);
    } else if (t.countsAtUs === null || t.countsAtUs + t.interval * 1e6 <= now) {
      if (!t.busy) t.nextAtUs = Math.min(t.nextAtUs, this.#planUs(0));
    }
  }

  #due(t: TrackerScrape, inUse: Set<string>): boolean {
    return t.canScrape && !t.busy && (t.manual || inUse.has(t.url));
  }

  /** Monotonic µs of the next scrape due (Infinity if none). */
  nextScrapeAt(): number {
    // Asked at every tick: the trackers in use are listed only when one could come sooner.
    let inUse: Set<string> | null = null;
    let next = Infinity;
    for (const t of this.#trackers.values()) {
      if (!(t.nextAtUs < next) || !t.canScrape || t.busy) continue;
      if (t.manual || (inUse ??= new Set(this.#inUse())).has(t.url)) next = t.nextAtUs;
    }
    return next;
  }

  /** Scrapes what is due; several torrents due at one tracker share a request (ScrapeBatcher). */
  async scrapeDue(cancellable: Gio.Cancellable): Promise<void> {
    const now = this.#network.clock.monotonicUs();
    const inUse = new Set(this.#inUse());
    const due = [...this.#trackers.values()].filter((t) => this.#due(t, inUse) && t.nextAtUs <= now);
    if (!due.length) return;
    await Promise.all(due.map((t) => this.#scrape(t, cancellable)));
  }

  /**
   * "Scrape Now": every tracker of the torrent that can be scraped, now or as soon as its
   * `min_request_interval` allows. `at`: the monotonic µs it goes (Infinity: none can).
   */
  scrapeNow(cancellable: Gio.Cancellable): { at: number; done: Promise<void> } {
    let at = Infinity;
    for (const t of this.#trackers.values()) {
      if (!t.canScrape || t.busy) continue;
      t.manual = true;
      t.nextAtUs = Math.min(t.nextAtUs, t.minRequestUs);
      at = Math.min(at, Math.max(t.nextAtUs, this.#network.clock.monotonicUs()));
    }
    this.#onChanged();
    return { at, done: this.scrapeDue(cancellable) };
  }

  async #scrape(t: TrackerScrape, cancellable: Gio.Cancellable): Promise<void> {
    const network = this.#network;
    const policy = network.identity.scrape;
    t.busy = true;
    const manual = t.manual;
    t.manual = false;
    this.#onChanged();
    try {
      const r = await ScrapeBatcher.for(network).scrape(t.url, this.#infoHash, cancellable);
      const now = network.clock.monotonicUs();
      t.take(r.figures, network.clock.wallSeconds(), 'scrape');
      t.lastScrape = network.clock.wallSeconds();
      t.failures = 0;
      t.message = '';
      t.countsAtUs = now;
      const mri = r.minRequestInterval ?? 0;
      t.minRequestUs = now + mri * 1e6;
      t.interval = Math.max(policy.interval, mri);
      t.nextAtUs = policy.auto ? this.#planUs(t.interval) : Infinity;
    } catch (e) {
      if (isCancelled(e)) {
        // Paused or quitting: what was due stays due.
        t.manual = manual;
        return;
      }
      t.lastScrape = network.clock.wallSeconds();
      t.failures++;
      t.message = e instanceof TrackerError ? e.message : printable(errorMessage(e));
      // Transmission retries a failed scrape on its announce backoff table; a Scrape Now is not retried.
      t.nextAtUs = policy.auto ? this.#planUs(backoffDelay(network.identity, t.failures, network.random)) : Infinity;
    } finally {
      t.busy = false;
      this.#onChanged();
    }
  }

  /** The Trackers tab's view of `url`. */
  view(url: string): ScrapeView {
    const t = this.#trackers.get(url);
    if (!t)
      return {
        seeders: null,
        leechers: null,
        downloaded: null,
        countsAt: null,
        countsFrom: null,
        canScrape: false,
        lastScrape: null,
        nextScrape: null,
        scrapeMessage: '',
      };
    const clock = this.#network.clock;
    const lead = t.counts.seeders ?? t.counts.leechers ?? t.counts.downloaded;
    const planned = this.#due(t, new Set(this.#inUse())) && Number.isFinite(t.nextAtUs);
    return {
      seeders: t.counts.seeders?.value ?? null,
      leechers: t.counts.leechers?.value ?? null,
      downloaded: t.counts.downloaded?.value ?? null,
      countsAt: lead?.at ?? null,
      countsFrom: lead?.from ?? null,
      canScrape: t.canScrape,
      lastScrape: t.lastScrape,
      nextScrape: planned
        ? clock.wallSeconds() + Math.max(0, Math.round((t.nextAtUs - clock.monotonicUs()) / 1e6))
        : null,
      scrapeMessage: t.message ? format(_('Scrape: %1$s'), t.message) : '',
    };
  }
}
