import type Gio from 'gi://Gio';

import { _ } from '../../lib/i18n.ts';
import { type AnnouncerMetainfo, type AnnounceStats, TorrentAnnouncer } from './TorrentAnnouncer.ts';
import type { TrackerNetwork } from './TrackerNetwork.ts';
import { familiesOf, type UrlFamilies } from './trackerFamilies.ts';
import type { AddressFamily, TrackerInfo } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

/** Trackers of one torrent whose address families are looked up. */
const MAX_LOOKUPS = 64;

/** The metainfo a torrent's lanes need: its hashes besides the one trackers usually get. */
export interface LanesMetainfo extends AnnouncerMetainfo {
  infoHashV1?: Uint8Array | null;
  /** The full 32-byte SHA-256 of a v2 or hybrid torrent (trackers get its first 20 bytes). */
  infoHashV2?: Uint8Array | null;
}

export interface AnnouncerLanesOptions {
  metainfo: LanesMetainfo;
  network: TrackerNetwork;
  tiers?: string[][];
  onChanged?: () => void;
}

interface LaneHash {
  bytes: Uint8Array;
  label: string;
}

/**
 * One torrent's announces as the identity's client makes them: one TorrentAnnouncer (a lane)
 * per info hash and per address family, each with its own trackers' state, interval, figures
 * and `started`/`stopped`.
 *
 * - Hashes (BEP 52): a hybrid torrent is announced with its SHA-1 and with its SHA-256
 *   truncated to 20 bytes by libtorrent 2 identities (`hybrid: both`), with the SHA-1 only by
 *   the others; a v2-only torrent always with the truncated SHA-256.
 * - Families (BEP 7): libtorrent identities (`addressFamilies: each`) announce to a tracker
 *   once over IPv4 and once over IPv6 when it has addresses of both that this computer can
 *   reach (a name's are looked up once, before the first announce); an address literal only
 *   over its own family. Through a proxy, and for `https://` trackers named by a host name
 *   (libsoup picks the address), one announce goes over whichever family the name gives.
 */
export class AnnouncerLanes {
  readonly #network: TrackerNetwork;
  readonly #metainfo: LanesMetainfo;
  readonly #tiers: string[][];
  readonly #onChanged: () => void;
  readonly #hashes: LaneHash[];
  #lanes: TorrentAnnouncer[];
  /** Families are known (looked up, or not needed): the lanes are final. */
  #planned: boolean;
  #planning: Promise<void> | null = null;
  #lastStopRejected = 0;
  #intervalFloor = 0;

  constructor(options: AnnouncerLanesOptions) {
    this.#network = options.network;
    this.#metainfo = options.metainfo;
    this.#tiers = (options.tiers ?? options.metainfo.announceTiers).map((t) => [...t]);
    this.#onChanged = options.onChanged ?? (() => {});
    const identity = options.network.identity;
    const m = options.metainfo;
    const v2 = m.infoHashV2 ? m.infoHashV2.slice(0, 20) : null;
    this.#hashes =
      m.infoHashV1 && v2 && identity.hybrid === 'both'
        ? [
            { bytes: m.infoHashV1, label: _('v1') },
            { bytes: v2, label: _('v2') },
          ]
        : [{ bytes: m.infoHash, label: '' }];
    this.#planned = identity.addressFamilies !== 'each' || options.network.proxied;
    // Until the families are known, one lane per hash over any family (nothing is sent before).
    this.#lanes = this.#build(new Map());
  }

  /** Seconds: regular announces never sooner than this (a seeding profile's floor), in every lane. */
  get intervalFloor(): number {
    return this.#intervalFloor;
  }

  set intervalFloor(seconds: number) {
    this.#intervalFloor = seconds;
    for (const lane of this.#lanes) lane.intervalFloor = seconds;
  }

  /** The lanes for these URL families (URLs not in the map: any family). */
  #build(families: Map<string, UrlFamilies>): TorrentAnnouncer[] {
    const keys: (AddressFamily | null)[] = ['ipv4', 'ipv6', null];
    const byFamily = keys
      .map((family) => ({
        family,
        tiers: this.#tiers.map((tier) => tier.filter((url) => (families.get(url) ?? [null]).includes(family))),
      }))
      .filter((f) => f.tiers.some((t) => t.length > 0));
    const familyLabels = byFamily.length > 1;
    const lanes: TorrentAnnouncer[] = [];
    for (const { family, tiers } of byFamily)
      for (const hash of this.#hashes) {
        const familyLabel = familyLabels && family ? (family === 'ipv4' ? _('IPv4') : _('IPv6')) : '';
        const label = [hash.label, familyLabel].filter(Boolean).join(' · ');
        lanes.push(
          new TorrentAnnouncer({
            metainfo: { ...this.#metainfo, infoHash: hash.bytes },
            network: this.#network,
            tiers,
            onChanged: this.#onChanged,
            lane: { label, torrentHash: this.#metainfo.infoHash, family },
          }),
        );
      }
    for (const lane of lanes) lane.intervalFloor = this.#intervalFloor;
    return lanes;
  }

  /** Looks the trackers' families up once, before anything is announced. */
  async #plan(cancellable: Gio.Cancellable): Promise<void> {
    if (this.#planned) return;
    this.#planning ??= (async () => {
      const families = new Map<string, UrlFamilies>();
      // At most MAX_LOOKUPS trackers are split by family; the rest (a hostile list of thousands
      // of names) are announced to once, over any family, without a lookup of their own here.
      const urls = [...this.#order().keys()].slice(0, MAX_LOOKUPS);
      const lookups = Promise.all(urls.map(async (url) => families.set(url, await familiesOf(url))));
      // A pause stops waiting for the lookups at once (they go on, shared, for the next try).
      let handler = 0;
      const cancelled = new Promise<void>((resolve) => (handler = onCancelled(cancellable, () => resolve())));
      try {
        await Promise.race([lookups, cancelled]);
      } finally {
        offCancelled(cancellable, handler);
      }
      if (cancellable.is_cancelled() || this.#planned) return;
      this.#lanes = this.#build(families);
      this.#planned = true;
      this.#onChanged();
    })();
    try {
      await this.#planning;
    } finally {
      this.#planning = null;
    }
  }

  get trackers(): TrackerInfo[] {
    const rows = this.#lanes.flatMap((lane) => lane.trackers);
    if (this.#lanes.length === 1) return rows;
    // Each tracker's rows together, in the torrent's order (sort is stable: lanes in order).
    const order = this.#order();
    return rows.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
  }

  /** The torrent's URLs in order, each once; worked out when needed, not kept by every torrent. */
  #order(): Map<string, number> {
    const order = new Map<string, number>();
    for (const url of this.#tiers.flat()) if (!order.has(url)) order.set(url, order.size);
    return order;
  }

  get lastStopRejected(): number {
    return this.#lastStopRejected;
  }

  get startedAcknowledged(): boolean {
    return this.#lanes.some((l) => l.startedAcknowledged);
  }

  get owesStopped(): boolean {
    return this.#lanes.some((l) => l.owesStopped);
  }

  nextAnnounceAt(): number {
    let at = Infinity;
    for (const l of this.#lanes) at = Math.min(at, l.nextAnnounceAt());
    return at;
  }

  nextRegularAnnounceAt(): number {
    let at = Infinity;
    for (const l of this.#lanes) at = Math.min(at, l.nextRegularAnnounceAt());
    return at;
  }

  earliestForcedAnnounce(): number {
    let at = Infinity;
    for (const l of this.#lanes) at = Math.min(at, l.earliestForcedAnnounce());
    return at;
  }

  async announceDue(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void> {
    await this.#plan(cancellable);
    await Promise.all(this.#lanes.map((l) => l.announceDue(stats, cancellable)));
  }

  async forceAnnounce(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void> {
    await this.#plan(cancellable);
    await Promise.all(this.#lanes.map((l) => l.forceAnnounce(stats, cancellable)));
  }

  // Scrapes: each lane scrapes its own hash on the identity's schedule (TorrentScrapes).
  nextScrapeAt(): number {
    let at = Infinity;
    for (const l of this.#lanes) at = Math.min(at, l.nextScrapeAt());
    return at;
  }

  async scrapeDue(cancellable: Gio.Cancellable): Promise<void> {
    await Promise.all(this.#lanes.map((l) => l.scrapeDue(cancellable)));
  }

  /** "Scrape Now" in every lane: goes when the first can, done when all are. */
  scrapeNow(cancellable: Gio.Cancellable): { at: number; done: Promise<void> } {
    const each = this.#lanes.map((l) => l.scrapeNow(cancellable));
    return {
      at: Math.min(Infinity, ...each.map((e) => e.at)),
      done: Promise.all(each.map((e) => e.done)).then(() => {}),
    };
  }

  /**
   * `stopped` from every lane that owes one, all at once (a lane that owes none sends nothing and
   * only starts over); how many trackers acknowledged it.
   */
  stop(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<number> {
    return new Promise((resolve) => this.stopThen(stats, cancellable, resolve));
  }

  /** stop() with a callback (TorrentAnnouncer.stopThen): called once, maybe before this returns. */
  stopThen(stats: AnnounceStats, cancellable: Gio.Cancellable, done: (acknowledged: number) => void): void {
    const lanes = this.#lanes;
    let left = lanes.length;
    let acknowledged = 0;
    const laneDone = (n: number): void => {
      acknowledged += n;
      if (--left > 0) return;
      this.#lastStopRejected = lanes.reduce((sum, l) => sum + l.lastStopRejected, 0);
      done(acknowledged);
    };
    if (left === 0) {
      this.#lastStopRejected = 0;
      return done(0);
    }
    for (const lane of lanes) lane.stopThen(stats, cancellable, laneDone);
  }
}
