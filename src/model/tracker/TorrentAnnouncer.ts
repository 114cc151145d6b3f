import Gio from 'gi://Gio';

import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { printable } from '../../lib/printable.ts';
import type { RandomInt } from '../identity/index.ts';
import { isPermanentRefusal, minIntervalDelay, regularDelay, retryDelay } from './schedule.ts';
import { TorrentScrapes } from './TorrentScrapes.ts';
import type { TrackerNetwork } from './TrackerNetwork.ts';
import { otherPeers } from './ownPeer.ts';
import { trackerStatusText as statusText } from './trackerStatusText.ts';
import type { AnnounceEvent, AnnounceLane, Peer, TrackerInfo, TrackerState } from './types.ts';
import { laneFields, TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

/** Session counters since `started` (bytes), as trackers are told them. */
export interface AnnounceStats {
  uploaded: number;
  downloaded: number;
  left: number;
}

/** What the announcer needs of a torrent's metainfo. */
export interface AnnouncerMetainfo {
  infoHash: Uint8Array;
  announceTiers: string[][];
  isPrivate: boolean;
}

export interface TorrentAnnouncerOptions {
  metainfo: AnnouncerMetainfo;
  network: TrackerNetwork;
  /** The tracker list to use instead of the metainfo's (after the user edited it). */
  tiers?: string[][];
  onChanged?: () => void;
  /** One of several announces of the torrent (AnnouncerLanes): its hash's and family's. */
  lane?: AnnounceLane;
}

/** One tracker URL of this torrent and what we know of it. */
class Slot {
  readonly url: string;
  readonly tier: number;
  state: TrackerState = 'idle';
  message = '';
  lastAnnounce: number | null = null;
  nextAtUs = 0;
  /** Forced announces (and regular ones) wait until here: the tracker's `min interval`. */
  minAtUs = 0;
  failures = 0;
  peers: Peer[] = [];
  trackerId: string | null = null;
  startedAcked = false;
  /**
   * A `started` went out and was cancelled before its answer: the tracker may list us all the
   * same, so it is owed a `stopped` too.
   */
  startedUnanswered = false;
  /** The `started` request in flight (its own cancellable, so stop() can cancel it first). */
  startedInFlight: Gio.Cancellable | null = null;
  /** `started` was acknowledged while the download was incomplete: `completed` is owed. */
  owesCompleted = false;

  constructor(url: string, tier: number) {
    this.url = url;
    this.tier = tier;
  }
}

/**
 * The trackers that are announced to as one: the whole torrent under BEP 12 (tiers in order,
 * one working tracker at a time), or one tier when the identity announces to all tiers.
 */
class Group {
  slots: Slot[];
  nextAtUs = 0;
  busy = false;
  completedSent = false;
  /** The download just finished: announce `completed` now, not at the next interval. */
  completionDue = false;

  constructor(slots: Slot[]) {
    this.slots = slots;
  }
}

function shuffle<T>(list: T[], random: RandomInt): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/**
 * One torrent's announces (docs/ARCHITECTURE.md, "Identities and trackers"): `started` first,
 * regular ones at the tracker's interval (with the identity's floor), `completed` once when the
 * simulated download finishes, `stopped` (numwant 0) to the trackers that acknowledged `started`.
 * Failures back off as the identity's client does and move on to the next tracker of the tier;
 * one that says the torrent is not registered is not retried until the user asks (Update Tracker).
 */
export class TorrentAnnouncer {
  readonly #network: TrackerNetwork;
  readonly #infoHash: Uint8Array;
  readonly #slots: Slot[] = [];
  readonly #groups: Group[] = [];
  readonly #onChanged: () => void;
  readonly #lane: AnnounceLane | null;
  #lastLeft: number | null = null;
  /** Incremented by stop(): announces that began before it leave the trackers' state alone. */
  #session = 0;
  #lastStopRejected = 0;
  readonly #scrapes: TorrentScrapes;
  /** Seconds: regular announces never sooner than this, whatever the tracker's interval (a seeding profile's floor). */
  intervalFloor = 0;

  constructor(options: TorrentAnnouncerOptions) {
    this.#network = options.network;
    this.#infoHash = options.metainfo.infoHash;
    this.#onChanged = options.onChanged ?? (() => {});
    this.#lane = options.lane ?? null;
    const tiers = (options.tiers ?? options.metainfo.announceTiers).filter((t) => t.length > 0);
    const identity = options.network.identity;
    const seen = new Set<string>();
    const tierSlots = tiers.map((urls, tier) => {
      const slots = urls.filter((u) => !seen.has(u) && seen.add(u)).map((u) => new Slot(u, tier));
      this.#slots.push(...slots);
      // BEP 12: each tier is shuffled once, when first read (Transmission keeps the order).
      return identity.tiers.shuffle ? shuffle([...slots], options.network.random) : [...slots];
    });
    // Private torrents talk to one tracker at a time, whatever the client does otherwise.
    if (identity.tiers.allTiers && !options.metainfo.isPrivate) {
      for (const slots of tierSlots) if (slots.length) this.#groups.push(new Group(slots));
    } else if (this.#slots.length) {
      this.#groups.push(new Group(tierSlots.flat()));
    }
    this.#scrapes = new TorrentScrapes(options.network, this.#infoHash, this.#slots, this.#inUse(), this.#onChanged);
  }
  /** The tracker each group is using (scraped); not a closure of the constructor, which keeps its scope. */
  #inUse(): () => string[] {
    return () => this.#groups.flatMap((g) => g.slots.find((s) => s.state !== 'disabled')?.url ?? []);
  }
  // Scrapes (TorrentScrapes): next due, those due, "Scrape Now" (methods: no closures per lane).
  nextScrapeAt(): number {
    return this.#scrapes.nextScrapeAt();
  }

  scrapeDue(cancellable: Gio.Cancellable): Promise<void> {
    return this.#scrapes.scrapeDue(cancellable);
  }

  scrapeNow(cancellable: Gio.Cancellable): { at: number; done: Promise<void> } {
    return this.#scrapes.scrapeNow(cancellable);
  }

  /** Per tracker, in the torrent's order, for the UI. */
  get trackers(): TrackerInfo[] {
    const clock = this.#network.clock;
    const nowUs = clock.monotonicUs();
    const wall = clock.wallSeconds();
    return this.#slots.map((s) => {
      const group = this.#groups.find((g) => g.slots.includes(s))!;
      // Refused for good, or stopped (paused, quitting): nothing is planned until the user acts.
      const planned = s.state === 'disabled' || s.state === 'stopped' ? null : this.#plannedFor(group, s);
      return {
        url: s.url,
        ...(this.#lane ? { lane: this.#lane.label } : {}),
        tier: s.tier,
        state: s.state,
        status: statusText(s.state),
        lastAnnounce: s.lastAnnounce,
        nextAnnounce: planned === null ? null : wall + Math.max(0, Math.round((planned - nowUs) / 1e6)),
        message: s.message,
        peers: s.peers,
        failures: s.failures,
        ...this.#scrapes.view(s.url), // seeders, leechers, completed: the freshest of announce and scrape
      };
    });
  }

  /** When this slot will next be contacted: its group's turn if it is the one in use. */
  #plannedFor(group: Group, slot: Slot): number | null {
    const current = group.slots.find((s) => s.state !== 'disabled');
    if (slot === current) return Number.isFinite(group.nextAtUs) ? Math.max(group.nextAtUs, 0) : null;
    return slot.failures > 0 ? slot.nextAtUs : null;
  }

  /** Trackers that answered the last stop()'s `stopped` with a refusal (failure reason, HTTP error). */
  get lastStopRejected(): number {
    return this.#lastStopRejected;
  }

  get startedAcknowledged(): boolean {
    return this.#slots.some((s) => s.startedAcked);
  }

  /**
   * Some tracker may list us: it acknowledged `started`, or a `started` is in flight or was
   * cancelled before its answer. stop() says goodbye to each of them.
   */
  get owesStopped(): boolean {
    return this.#slots.some((s) => s.startedAcked || s.startedUnanswered || s.startedInFlight !== null);
  }

  /** Monotonic µs of the next due announce (Infinity if none). */
  nextAnnounceAt(): number {
    let next = Infinity;
    for (const g of this.#groups) {
      if (g.busy) continue;
      next = Math.min(next, g.nextAtUs);
      // While a `completed` may be owed, ask to be called each tick: the worker does not tell
      // us when the download finishes, and `completed` goes out as soon as it does.
      if (!g.completedSent && this.#lastLeft !== 0 && g.slots.some((s) => s.owesCompleted)) next = 0;
    }
    return next;
  }

  /** The next regular announce (for display), ignoring the per-tick completion check. */
  nextRegularAnnounceAt(): number {
    let next = Infinity;
    for (const g of this.#groups) next = Math.min(next, g.nextAtUs);
    return next;
  }

  async announceDue(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void> {
    const now = this.#network.clock.monotonicUs();
    const finished = stats.left === 0 && this.#lastLeft !== null && this.#lastLeft !== 0;
    this.#lastLeft = stats.left;
    if (finished)
      for (const g of this.#groups)
        if (!g.completedSent && g.slots.some((s) => s.owesCompleted)) g.completionDue = true;
    // If `completed` then fails, it is retried on the normal backoff (the event stays owed).
    const due = this.#groups.filter((g) => !g.busy && (g.nextAtUs <= now || g.completionDue));
    await Promise.all(due.map((g) => this.#runGroup(g, stats, cancellable, g.completionDue)));
  }

  /**
   * Monotonic µs at which "Update tracker" can reach a tracker: now, or when the `min interval`
   * of the trackers in use allows (the earliest of them); Infinity when none can be announced to.
   */
  earliestForcedAnnounce(): number {
    let at = Infinity;
    for (const g of this.#groups) {
      // A tracker that refused for good is tried again when the user asks (see forceAnnounce).
      const current = g.slots.find((s) => s.state !== 'disabled') ?? g.slots[0];
      if (current) at = Math.min(at, Math.max(current.minAtUs, 0));
    }
    return at;
  }

  /** "Update tracker": announces now where `min interval` allows, else as soon as it does. */
  async forceAnnounce(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<void> {
    // The user asked: a tracker that refused the torrent for good ("not registered") is asked once
    // more, as a real client's "Update tracker" does — its operator may have registered it since.
    const now = this.#network.clock.monotonicUs();
    for (const s of this.#slots)
      if (s.state === 'disabled') {
        s.state = 'idle';
        s.nextAtUs = now;
      }
    for (const g of this.#groups) {
      const current = g.slots.find((s) => s.state !== 'disabled');
      if (current) g.nextAtUs = Math.min(g.nextAtUs, Math.max(current.minAtUs, 0));
    }
    this.#onChanged();
    await this.announceDue(stats, cancellable);
  }

  /** stopThen() as a promise of how many trackers acknowledged. */
  stop(stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<number> {
    return new Promise((resolve) => this.stopThen(stats, cancellable, resolve));
  }

  /**
   * `stopped` with numwant 0 to every tracker that acknowledged `started` or may have seen one
   * (in flight: cancelled first; or cancelled before its answer), all at once; then `done` with
   * how many acknowledged it (lastStopRejected: how many refused), maybe before this returns. No
   * promise per tracker (TrackerNetwork.farewell): at quit thousands go. Next comes `started`.
   */
  stopThen(stats: AnnounceStats, cancellable: Gio.Cancellable, done: (acknowledged: number) => void): void {
    this.#session++;
    const targets = this.#slots.filter((s) => s.startedAcked || s.startedUnanswered || s.startedInFlight);
    for (const s of targets) s.startedInFlight?.cancel();
    let left = targets.length;
    let [acknowledged, rejected] = [0, 0];
    const finished = (): void => {
      const now = this.#network.clock.monotonicUs();
      for (const g of this.#groups) {
        g.nextAtUs = now;
        for (const s of g.slots) if (s.state !== 'disabled') s.nextAtUs = Math.min(s.nextAtUs, now);
      }
      [this.#lastLeft, this.#lastStopRejected] = [null, rejected];
      this.#onChanged();
      done(acknowledged);
    };
    if (left === 0) return finished();
    for (const s of targets) {
      const req = { infoHash: this.#infoHash, event: 'stopped' as const, ...stats, trackerId: s.trackerId };
      this.#network.farewell(s.url, Object.assign(req, laneFields(this.#lane)), cancellable, (e) => {
        if (e === null) {
          s.message = '';
          acknowledged++;
        } else {
          s.message = isCancelled(e) ? _('Stopped before the tracker answered') : printable(errorMessage(e));
          // It answered, with a `failure reason` or an HTTP error: a refusal, not silence.
          if (e instanceof TrackerError && (e.kind === 'failure' || e.kind === 'http')) rejected++;
        }
        s.startedAcked = s.startedUnanswered = s.owesCompleted = false;
        s.state = 'stopped';
        if (--left === 0) finished();
      });
    }
  }

  async #runGroup(g: Group, stats: AnnounceStats, cancellable: Gio.Cancellable, forced: boolean): Promise<void> {
    g.busy = true;
    g.completionDue = false;
    const session = this.#session;
    try {
      const now = this.#network.clock.monotonicUs();
      const first = g.slots.find((s) => s.state !== 'disabled');
      // The tracker in use follows the group's schedule (which forced announces and `completed`
      // bring forward); the others are tried, in order, once their own retry time has come.
      const groupDue = forced || g.nextAtUs <= now;
      const candidates = g.slots.filter(
        (s) => s.state !== 'disabled' && (s.nextAtUs <= now || (groupDue && s === first)),
      );
      for (const slot of candidates) {
        if (await this.#announceTo(g, slot, stats, cancellable)) {
          g.nextAtUs = slot.nextAtUs;
          return;
        }
        if (cancellable.is_cancelled() || session !== this.#session) return;
      }
      const alive = g.slots.filter((s) => s.state !== 'disabled');
      g.nextAtUs = alive.length ? Math.min(...alive.map((s) => s.nextAtUs)) : Infinity;
    } finally {
      g.busy = false;
      this.#onChanged();
    }
  }

  /** One announce to one tracker. True on a good reply. */
  async #announceTo(g: Group, slot: Slot, stats: AnnounceStats, cancellable: Gio.Cancellable): Promise<boolean> {
    const network = this.#network;
    const identity = network.identity;
    let event: AnnounceEvent = 'none';
    if (!slot.startedAcked) event = 'started';
    else if (stats.left === 0 && slot.owesCompleted && !g.completedSent) event = 'completed';
    const previous = slot.state;
    slot.state = 'announcing';
    this.#onChanged();
    const session = this.#session;
    // A `started` gets its own cancellable, so stop() can cancel it before saying goodbye.
    let requestCancellable = cancellable;
    let handler = 0;
    if (event === 'started') {
      const own = new Gio.Cancellable();
      handler = onCancelled(cancellable, () => own.cancel());
      slot.startedInFlight = own;
      requestCancellable = own;
    }
    try {
      const reply = await network.announce(
        slot.url,
        {
          infoHash: this.#infoHash,
          event,
          uploaded: stats.uploaded,
          downloaded: stats.downloaded,
          left: stats.left,
          trackerId: slot.trackerId,
          ...laneFields(this.#lane),
        },
        { cancellable: requestCancellable },
      );
      // stop() ran meanwhile and has said goodbye to this tracker: its answer changes nothing.
      if (session !== this.#session) return false;
      const now = network.clock.monotonicUs();
      slot.lastAnnounce = network.clock.wallSeconds();
      slot.state = 'working';
      slot.failures = 0;
      slot.message = reply.warning === null ? '' : printable(reply.warning);
      if (reply.trackerId) slot.trackerId = reply.trackerId;
      this.#scrapes.announced(slot.url, reply);
      slot.peers = otherPeers(reply, network);
      slot.nextAtUs = now + Math.max(regularDelay(identity, reply.interval), this.intervalFloor) * 1e6;
      slot.minAtUs = now + minIntervalDelay(identity, reply.minInterval, reply.interval) * 1e6;
      if (event === 'started') {
        slot.startedAcked = true;
        slot.startedUnanswered = false;
        slot.owesCompleted = stats.left > 0;
      } else if (event === 'completed') {
        g.completedSent = true;
        for (const s of g.slots) s.owesCompleted = false;
      }
      this.#promote(g, slot);
      return true;
    } catch (e) {
      if (session !== this.#session) return false;
      if (isCancelled(e)) {
        slot.state = previous === 'announcing' ? 'idle' : previous;
        // It may have reached the tracker: the next farewell covers it.
        if (event === 'started') slot.startedUnanswered = true;
        return false;
      }
      const err =
        e instanceof TrackerError
          ? e
          : new TrackerError('protocol', _('Unexpected error: %s').replace('%s', errorMessage(e)));
      if (!(e instanceof TrackerError)) logger.warning(`announce to ${slot.url}: ${errorMessage(e)}`);
      const now = network.clock.monotonicUs();
      slot.lastAnnounce = network.clock.wallSeconds();
      slot.failures++;
      if (err.kind === 'failure' && isPermanentRefusal(err.message)) {
        slot.state = 'disabled';
        slot.message = _('Not retried until you update the tracker: it said “%s”').replace('%s', err.message);
        slot.nextAtUs = Infinity;
      } else {
        slot.state = 'error';
        slot.message = err.message;
        const delay = retryDelay(
          identity,
          slot.failures,
          err.kind,
          err.interval,
          err.minInterval,
          network.random,
          err.udp,
        );
        slot.nextAtUs = now + delay * 1e6;
      }
      return false;
    } finally {
      offCancelled(cancellable, handler);
      if (slot.startedInFlight === requestCancellable) slot.startedInFlight = null;
    }
  }

  /** BEP 12: a tracker that answered moves to the front of its tier. */
  #promote(g: Group, slot: Slot): void {
    const i = g.slots.indexOf(slot);
    const tierStart = g.slots.findIndex((s) => s.tier === slot.tier);
    if (i > tierStart) {
      g.slots.splice(i, 1);
      g.slots.splice(tierStart, 0, slot);
    }
  }
}
