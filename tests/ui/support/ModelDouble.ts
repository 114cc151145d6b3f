import Gio from 'gi://Gio';

import { parseMetainfo, type Metainfo } from '../../../src/model/metainfo/index.ts';
import { STATE_FILTERS, torrentMatchesState, trackerHostsOf } from '../../../src/model/filters.ts';
import type { SettingsStore } from '../../../src/model/settings/index.ts';
import { Torrent } from '../../../src/model/torrent/Torrent.ts';
import type { AddResult, CommandTarget } from '../../../src/controller/TorrentActions.ts';
import type { QueueMove } from '../../../src/view/torrentActions.ts';
import type {
  ClientIdentityChoice,
  Notice,
  PeerView,
  SessionTotals,
  SpeedSample,
  TorrentFile,
  TorrentLogLine,
  TorrentOptions,
  TorrentSource,
  StateFilter,
  TrackerView,
} from '../../../src/view/TorrentSource.ts';
import { makeTorrent, type TorrentFixture } from '../../support/torrents.ts';
import { TorrentCounts } from '../../../src/model/session/TorrentCounts.ts';
import { TransferTotals } from '../../../src/model/session/TransferTotals.ts';
import {
  PROFILE_FIELDS,
  type ProfileChange,
  profileChanges,
  type ProfileName,
  type ProfileValues,
  profileValues,
} from '../../../src/model/session/seedingProfiles.ts';

interface Entry {
  metainfo: Metainfo;
  tiers: string[][];
  trackers: TrackerView[];
  peers: PeerView[];
  log: TorrentLogLine[];
  /** The speed samples a real session would have kept (specs fill it). */
  history: SpeedSample[];
  stop_ratio: number;
  stop_seeding_minutes: number;
  listeners: Set<() => void>;
}

/**
 * A stand-in for the Model and its readout in UI specs: real Torrent GObjects (from real
 * .torrent bytes parsed by the real parser) in a real Gio.ListStore, the real SettingsStore,
 * and the model's command methods changing the torrents the way the engine would. The window
 * reaches them through the real TorrentActions (fixture.ts), so a click goes through the same
 * action as in the app. Every model call is recorded in `calls`.
 */
export class ModelDouble implements TorrentSource, CommandTarget {
  readonly torrents = new Gio.ListStore({ item_type: Torrent.$gtype });
  readonly calls: { name: string; args: unknown[] }[] = [];
  readonly entries = new Map<Torrent, Entry>();
  /** The seeding profile each torrent's options were last set from. */
  readonly profiles = new Map<Torrent, string>();
  readonly countListeners = new Set<() => void>();
  readonly noticeListeners = new Set<(n: Notice) => void>();
  readonly settings: SettingsStore;
  /** The model's own counts object, following the fixtures as the model's follows its torrents. */
  readonly counts = new TorrentCounts();
  /** The totals, pushed as the controller pushes them: on each `countsChanged` (an engine tick). */
  readonly figures = new TransferTotals();

  constructor(settings: SettingsStore) {
    this.settings = settings;
  }

  /** Adds a torrent built from fixture bytes, as the library + model would. */
  addFixture(f: TorrentFixture = {}, props: Partial<Record<string, unknown>> = {}): Torrent {
    const metainfo = parseMetainfo(makeTorrent(f));
    const t = new Torrent();
    Object.assign(t, {
      info_hash: metainfo.infoHashHex,
      name: metainfo.name,
      filepath: `/tmp/torrents/${metainfo.infoHashHex}.torrent`,
      total_size: metainfo.totalSize,
      piece_length: metainfo.pieceLength,
      piece_count: metainfo.pieceCount,
      file_count: metainfo.files.length,
      comment: metainfo.comment,
      created_by: metainfo.createdBy,
      creation_date: metainfo.creationDate ?? 0,
      private: metainfo.isPrivate,
      id: this.torrents.get_n_items() + 1,
      upload_speed: 50,
      download_speed: 500,
      progress: 1,
      status: 'seeding',
      tracker_host: trackerHostsOf(metainfo.announceTiers)[0] ?? '',
      ...props,
    });
    const trackers = metainfo.announceTiers.flatMap((tier, i) =>
      tier.map((url) => ({
        url,
        tier: i,
        status: 'working',
        lastAnnounce: 1_700_000_000,
        nextAnnounce: 1_700_001_800,
        seeders: 3,
        leechers: 7,
        downloaded: 1,
        countsAt: 1_700_000_000,
        countsFrom: 'scrape' as const,
        canScrape: true,
        lastScrape: 1_700_000_000,
        scrapeMessage: '',
        message: '',
        working: true,
      })),
    );
    this.entries.set(t, {
      metainfo,
      tiers: metainfo.announceTiers.map((x) => [...x]),
      trackers,
      peers: [],
      log: [],
      history: [],
      stop_ratio: 0,
      stop_seeding_minutes: 0,
      listeners: new Set(),
    });
    this.torrents.append(t);
    this.counts.track(t, trackerHostsOf(metainfo.announceTiers));
    this.countsChanged();
    return t;
  }

  all(): Torrent[] {
    const out: Torrent[] = [];
    for (let i = 0; i < this.torrents.get_n_items(); i++) out.push(this.torrents.get_item(i) as Torrent);
    return out;
  }

  /** A notice as the controller sends one (watch folder, library, trackers). */
  notice(kind: Notice['kind'], message: string): void {
    for (const l of this.noticeListeners) l({ kind, message });
  }

  countsChanged(): void {
    this.figures.update(this.totals());
    for (const l of this.countListeners) l();
  }

  detailsChanged(t: Torrent): void {
    for (const l of this.entries.get(t)?.listeners ?? []) l();
  }

  #record(name: string, ...args: unknown[]): void {
    this.calls.push({ name, args });
  }

  callsTo(name: string): unknown[][] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }

  // ---- read access ----

  stateCounts(): Record<StateFilter, number> {
    const counts = Object.fromEntries(STATE_FILTERS.map((s) => [s, 0])) as Record<StateFilter, number>;
    for (const t of this.all()) for (const s of STATE_FILTERS) if (torrentMatchesState(t, s)) counts[s]++;
    return counts;
  }

  trackerHostCounts(): { host: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const e of this.entries.values())
      for (const h of trackerHostsOf(e.tiers)) counts.set(h, (counts.get(h) ?? 0) + 1);
    return [...counts].map(([host, count]) => ({ host, count }));
  }

  onCountsChanged(callback: () => void): () => void {
    this.countListeners.add(callback);
    return () => this.countListeners.delete(callback);
  }

  trackerTiers(t: Torrent): string[][] {
    return (this.entries.get(t)?.tiers ?? []).map((tier) => [...tier]);
  }

  sessionOf(t: Torrent): { tiers: string[][] } | null {
    return this.entries.has(t) ? { tiers: this.trackerTiers(t) } : null;
  }

  trackerHosts(t: Torrent): string[] {
    return trackerHostsOf(this.entries.get(t)?.tiers ?? []);
  }

  files(t: Torrent): TorrentFile[] {
    return this.entries.get(t)?.metainfo.files ?? [];
  }

  trackers(t: Torrent): TrackerView[] {
    return [...(this.entries.get(t)?.trackers ?? [])];
  }

  peers(t: Torrent): PeerView[] {
    return [...(this.entries.get(t)?.peers ?? [])];
  }

  speedHistory(t: Torrent): SpeedSample[] {
    return [...(this.entries.get(t)?.history ?? [])];
  }

  log(t: Torrent): TorrentLogLine[] {
    return [...(this.entries.get(t)?.log ?? [])];
  }

  onTorrentDetailsChanged(t: Torrent, callback: () => void): () => void {
    const e = this.entries.get(t);
    e?.listeners.add(callback);
    return () => e?.listeners.delete(callback);
  }

  options(t: Torrent): TorrentOptions {
    const e = this.entries.get(t)!;
    return {
      active: t.active,
      upload_speed: t.upload_speed,
      download_speed: t.download_speed,
      upload_limit: t.upload_limit,
      download_limit: t.download_limit,
      announce_interval: t.announce_interval,
      threshold: t.threshold,
      stop_ratio: e.stop_ratio,
      stop_seeding_minutes: e.stop_seeding_minutes,
      announce_floor: (e as { announce_floor?: number }).announce_floor ?? 0,
    };
  }

  seedingProfile(t: Torrent): string {
    return this.profiles.get(t) ?? '';
  }

  profileValues(name: ProfileName): ProfileValues {
    return profileValues(this.settings, name);
  }

  profilePreview(name: ProfileName, ts: Torrent[]): ProfileChange[] {
    const rows = ts.map((t) => ({ infoHash: t.info_hash, name: t.name, options: this.options(t) }));
    return profileChanges(rows, this.profileValues(name));
  }

  totals(): SessionTotals {
    const s: SessionTotals = {
      sessionUploaded: 0,
      sessionDownloaded: 0,
      totalUploaded: 0,
      totalDownloaded: 0,
      uploadRate: 0,
      downloadRate: 0,
    };
    for (const t of this.all()) {
      s.sessionUploaded += t.session_uploaded;
      s.sessionDownloaded += t.session_downloaded;
      s.totalUploaded += t.total_uploaded;
      s.totalDownloaded += t.total_downloaded;
      s.uploadRate += t.upload_rate;
      s.downloadRate += t.download_rate;
    }
    return s;
  }

  clientIdentities(): ClientIdentityChoice[] {
    return [
      { value: 'qbittorrent-5.2.3', label: 'qBittorrent 5.2.3' },
      { value: 'transmission-4.0.6', label: 'Transmission 4.0.6' },
    ];
  }

  onNotice(callback: (n: Notice) => void): () => void {
    this.noticeListeners.add(callback);
    return () => this.noticeListeners.delete(callback);
  }

  // ---- commands ----

  /** AppController.addUris: failures come back and are also sent as notices. */
  async addUris(uris: string[]): Promise<AddResult> {
    this.#record('addUris', uris);
    const failures = uris.filter((u) => !u.endsWith('.torrent')).map((uri) => ({ uri, message: 'not a torrent' }));
    for (const f of failures) this.post('error', f.message);
    return { added: [], failures };
  }

  /** ModelReadout.post: a notice for the window. */
  post(kind: Notice['kind'], message: string): void {
    for (const l of this.noticeListeners) l({ kind, message });
  }

  async remove(torrents: Torrent[]): Promise<string[]> {
    this.#record('remove', torrents);
    for (const t of torrents) {
      const found = this.torrents.find(t);
      if (found[0]) this.torrents.remove(found[1]);
      this.entries.delete(t);
      this.counts.untrack(t);
    }
    this.countsChanged();
    return [];
  }

  async pause(ts: Torrent[]): Promise<void> {
    this.#record('pause', ts);
    for (const t of ts) Object.assign(t, { active: false, status: 'paused' });
    this.countsChanged();
  }

  resume(ts: Torrent[]): void {
    this.#record('resume', ts);
    for (const t of ts) Object.assign(t, { active: true, status: t.progress >= 1 ? 'seeding' : 'downloading' });
    this.countsChanged();
  }

  forceStart(ts: Torrent[]): void {
    this.#record('forceStart', ts);
    for (const t of ts) t.force_start = true;
    this.resume(ts);
  }

  forceAnnounce(ts: Torrent[]): { goesAt: number | null; done: Promise<void> } {
    this.#record('forceAnnounce', ts);
    return { goesAt: null, done: Promise.resolve() };
  }

  scrapeNow(ts: Torrent[]): { goesAt: number | null; done: Promise<void> } {
    this.#record('scrapeNow', ts);
    return { goesAt: Math.floor(Date.now() / 1000), done: Promise.resolve() };
  }

  forceRecheck(ts: Torrent[]): void {
    this.#record('forceRecheck', ts);
    // As the model: a recheck confirms the simulated data (a complete torrent stays at 100 %).
  }

  forceComplete(ts: Torrent[]): void {
    this.#record('forceComplete', ts);
    for (const t of ts) if (t.progress < 1) Object.assign(t, { progress: 1, total_downloaded: t.total_size });
  }

  setRandomProgress(ts: Torrent[]): void {
    this.#record('setRandomProgress', ts);
    for (const t of ts) if (t.progress === 0) t.progress = 0.42;
  }

  setPriority(ts: Torrent[], p: number): void {
    this.#record('setPriority', ts, p);
    for (const t of ts) t.priority = p;
  }

  setLimits(ts: Torrent[], limits: { upload?: number; download?: number }): void {
    this.#record('setLimits', ts, limits);
    for (const t of ts) {
      if (limits.upload !== undefined) t.upload_limit = limits.upload;
      if (limits.download !== undefined) t.download_limit = limits.download;
    }
  }

  #checkUrl(url: string): void {
    if (!/^(https?|udp):\/\/[^/]+/.test(url))
      throw new Error('A tracker URL must start with http://, https:// or udp://.');
  }

  #setTiers(t: Torrent, tiers: string[][]): void {
    const e = this.entries.get(t)!;
    e.tiers = tiers.filter((x) => x.length);
    this.counts.setHosts(t, trackerHostsOf(e.tiers));
    e.trackers = e.tiers.flatMap((tier, i) =>
      tier.map((url) => ({
        url,
        tier: i,
        status: 'not contacted',
        lastAnnounce: null,
        nextAnnounce: null,
        seeders: -1,
        leechers: -1,
        downloaded: -1,
        countsAt: null,
        countsFrom: null,
        canScrape: true,
        lastScrape: null,
        scrapeMessage: '',
        message: '',
        working: false,
      })),
    );
    this.detailsChanged(t);
    this.countsChanged();
  }

  /** The next addTracker is refused with these words (as the model refuses a duplicate). */
  refuseNextTracker: string | null = null;

  async addTracker(t: Torrent, url: string): Promise<void> {
    this.#record('addTracker', t, url);
    const refusal = this.refuseNextTracker;
    this.refuseNextTracker = null;
    if (refusal) throw new Error(refusal);
    this.#checkUrl(url);
    this.#setTiers(t, [...this.entries.get(t)!.tiers, [url]]);
  }

  async editTracker(t: Torrent, oldUrl: string, newUrl: string): Promise<void> {
    this.#record('editTracker', t, oldUrl, newUrl);
    this.#checkUrl(newUrl);
    this.#setTiers(
      t,
      this.entries.get(t)!.tiers.map((tier) => tier.map((u) => (u === oldUrl ? newUrl : u))),
    );
  }

  async removeTracker(t: Torrent, url: string): Promise<void> {
    this.#record('removeTracker', t, url);
    this.#setTiers(
      t,
      this.entries.get(t)!.tiers.map((tier) => tier.filter((u) => u !== url)),
    );
  }

  moveInQueue(ts: Torrent[], where: QueueMove): void {
    this.#record('moveInQueue', ts, where);
    const order = this.all().sort((a, b) => a.id - b.id);
    const moving = new Set(ts);
    const rest = order.filter((t) => !moving.has(t));
    const next = where === 'top' ? [...ts, ...rest] : where === 'bottom' ? [...rest, ...ts] : order;
    next.forEach((t, i) => (t.id = i + 1));
  }

  rename(t: Torrent, name: string): void {
    this.#record('rename', t, name);
    if (!name.trim()) throw new Error('A torrent needs a name.');
    t.name = name.trim();
  }

  setLabel(ts: Torrent[], label: string): void {
    this.#record('setLabel', ts, label);
    for (const t of ts) t.label = label;
  }

  setOption<K extends keyof TorrentOptions>(ts: Torrent[], key: K, value: TorrentOptions[K], profile = ''): void {
    this.#record('setOption', ts, key, value);
    if (key === 'threshold' && ((value as number) < 0 || (value as number) > 100))
      throw new Error('The threshold must be between 0 and 100 %.');
    for (const t of ts) {
      if ((PROFILE_FIELDS as readonly string[]).includes(key)) this.profiles.set(t, profile);
      if (key === 'stop_ratio' || key === 'stop_seeding_minutes' || key === 'announce_floor')
        (this.entries.get(t) as unknown as Record<string, unknown>)[key] = value;
      else if (key === 'active') (value ? this.resume : this.pause).call(this, [t]);
      else (t as unknown as Record<string, unknown>)[key] = value;
    }
  }

  scaleSpeed(direction: 'upload' | 'download', factor: number, ts: Torrent[] | null): void {
    this.#record('scaleSpeed', direction, factor, ts);
    for (const t of ts ?? this.all()) {
      if (direction === 'upload') t.upload_speed *= factor;
      else t.download_speed *= factor;
    }
  }
}
