import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { printable } from '../lib/printable.ts';
import { allIdentities } from '../model/identity/index.ts';
import type { Model } from '../model/Model.ts';
import {
  type ProfileChange,
  profileChanges,
  type ProfileName,
  type ProfileValues,
  profileValues,
} from '../model/session/seedingProfiles.ts';
import type { SettingsStore } from '../model/settings/index.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TrackerInfo } from '../model/tracker/index.ts';
import type { StatisticsSource } from '../view/statistics/StatisticsSource.ts';
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
  Unsubscribe,
} from '../view/TorrentSource.ts';
import type { TorrentCounts } from '../model/session/TorrentCounts.ts';
import { TransferTotals } from '../model/session/TransferTotals.ts';
import { removeSource, sourceAlive } from '../lib/sources.ts';

/** Counts reach the view at most about once a second. */
const COUNTS_MIN_MS = 1000;

/**
 * What the window reads (TorrentSource), in the view's shapes: the model's list and details,
 * the announcers' tracker figures, totals, and the notices for the user. Notices are posted here
 * by every part of the controller; the window shows them as toasts, headless only logs them.
 */
export class ModelReadout implements TorrentSource {
  readonly #model: Model;
  readonly settings: SettingsStore;
  /** History and app health (the Statistics window, the History tab). */
  readonly statistics: StatisticsSource;
  readonly #noticeListeners = new Set<(n: Notice) => void>();
  readonly #countListeners = new Set<() => void>();
  readonly figures = new TransferTotals();
  #countsSource = 0;
  #lastCountsUs = 0;

  constructor(model: Model, settings: SettingsStore, statistics: StatisticsSource) {
    this.#model = model;
    this.settings = settings;
    this.statistics = statistics;
    model.connect('data-changed', () => this.#queueCounts());
  }

  get torrents(): Gio.ListModel {
    return this.#model.torrents;
  }

  get counts(): TorrentCounts {
    return this.#model.counts;
  }

  /** A message for the user: logged, and shown by whoever listens (the window's toasts). */
  post(kind: Notice['kind'], text: string): void {
    if (kind === 'error') logger.error(text);
    else logger.info(text);
    // Torrent names and tracker words are outside data: shown on one line, controls escaped.
    const message = printable(text, 1000);
    for (const l of this.#noticeListeners) l({ kind, message });
  }

  onNotice(callback: (notice: Notice) => void): Unsubscribe {
    this.#noticeListeners.add(callback);
    return () => this.#noticeListeners.delete(callback);
  }

  onCountsChanged(callback: () => void): Unsubscribe {
    this.#countListeners.add(callback);
    return () => this.#countListeners.delete(callback);
  }

  #queueCounts(): void {
    if (sourceAlive(this.#countsSource)) return;
    const wait = Math.max(0, COUNTS_MIN_MS - (GLib.get_monotonic_time() - this.#lastCountsUs) / 1000);
    this.#countsSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT_IDLE, Math.round(wait), () => {
      this.#countsSource = 0;
      this.#lastCountsUs = GLib.get_monotonic_time();
      this.figures.update(this.totals());
      for (const l of this.#countListeners) l();
      return GLib.SOURCE_REMOVE;
    });
  }

  /** Stops the pending counts update (the quit sequence, or a spec tearing down). */
  dispose(): void {
    removeSource(this.#countsSource);
    this.#countsSource = 0;
  }

  stateCounts(): Record<StateFilter, number> {
    return this.#model.counts.byState();
  }

  trackerHostCounts(): { host: string; count: number }[] {
    return this.#model.counts.byHost();
  }

  trackerHosts(torrent: Torrent): string[] {
    return this.#model.sessionOf(torrent)?.trackerHosts ?? [];
  }

  files(torrent: Torrent): TorrentFile[] {
    const files = this.#model.sessionOf(torrent)?.entry.metainfo.files ?? [];
    return files.map((f) => ({ path: [...f.path], length: f.length }));
  }

  trackers(torrent: Torrent): TrackerView[] {
    const infos = this.trackerInfos(torrent);
    if (infos.length === 0)
      return (this.#model.sessionOf(torrent)?.tiers ?? []).flatMap((tier, i) =>
        tier.map((url) => ({
          url,
          tier: i,
          status: _('Not contacted yet'),
          lastAnnounce: null,
          nextAnnounce: null,
          seeders: -1,
          leechers: -1,
          downloaded: -1,
          countsAt: null,
          countsFrom: null,
          canScrape: false,
          lastScrape: null,
          scrapeMessage: '',
          message: '',
          working: false,
        })),
      );
    return infos.map((i) => ({
      url: i.url,
      lane: i.lane ?? '',
      tier: i.tier,
      status: i.status,
      lastAnnounce: i.lastAnnounce,
      nextAnnounce: i.nextAnnounce,
      seeders: i.seeders ?? -1,
      leechers: i.leechers ?? -1,
      downloaded: i.downloaded ?? -1,
      countsAt: i.countsAt,
      countsFrom: i.countsFrom,
      canScrape: i.canScrape,
      lastScrape: i.lastScrape,
      scrapeMessage: i.scrapeMessage,
      message: i.message,
      working: i.state === 'working',
    }));
  }

  peers(torrent: Torrent): PeerView[] {
    return this.trackerInfos(torrent).flatMap((info) =>
      info.peers.map((p) => ({ address: p.ip, port: p.port, trackerUrl: info.url })),
    );
  }

  /** The announcer's per-tracker view (docs/ARCHITECTURE.md: TorrentAnnouncer.trackers). */
  trackerInfos(torrent: Torrent): readonly TrackerInfo[] {
    return this.#model.sessionOf(torrent)?.trackers ?? [];
  }

  speedHistory(torrent: Torrent): SpeedSample[] {
    return this.#model.sessionOf(torrent)?.history.samples() ?? [];
  }

  log(torrent: Torrent): TorrentLogLine[] {
    return this.#model.sessionOf(torrent)?.log ?? [];
  }

  onTorrentDetailsChanged(torrent: Torrent, callback: () => void): Unsubscribe {
    return this.#model.sessionOf(torrent)?.onDetailsChanged(callback) ?? (() => undefined);
  }

  options(torrent: Torrent): TorrentOptions {
    return this.#model.options(torrent);
  }

  seedingProfile(torrent: Torrent): string {
    return this.#model.sessionOf(torrent)?.seedingProfile ?? '';
  }

  profileValues(name: ProfileName): ProfileValues {
    return profileValues(this.settings, name);
  }

  profilePreview(name: ProfileName, torrents: Torrent[]): ProfileChange[] {
    const rows = torrents.map((t) => ({ infoHash: t.info_hash, name: t.name, options: this.options(t) }));
    return profileChanges(rows, this.profileValues(name));
  }

  totals(): SessionTotals {
    const t: SessionTotals = {
      sessionUploaded: 0,
      sessionDownloaded: 0,
      totalUploaded: 0,
      totalDownloaded: 0,
      uploadRate: 0,
      downloadRate: 0,
    };
    // The plain values, not the Torrent wrappers: a wrapper's property costs about a µs to read.
    for (const { values: x } of this.#model.registry.sessions()) {
      t.sessionUploaded += x.session_uploaded;
      t.sessionDownloaded += x.session_downloaded;
      t.totalUploaded += x.total_uploaded;
      t.totalDownloaded += x.total_downloaded;
      t.uploadRate += x.upload_rate;
      t.downloadRate += x.download_rate;
    }
    return t;
  }

  clientIdentities(): ClientIdentityChoice[] {
    return allIdentities().map((i) => ({ value: i.id, label: i.name }));
  }
}
