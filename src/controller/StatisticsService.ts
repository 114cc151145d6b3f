import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../lib/errors.ts';
import { format, _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { trackerHost } from '../model/filters.ts';
import { AppHealthSampler } from '../model/health/AppHealthSampler.ts';
import { type ExportFormat, exportHistory } from '../model/history/historyExport.ts';
import { HistoryStore } from '../model/history/HistoryStore.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TrackerNetwork } from '../model/tracker/index.ts';
import type { RatioInput, StatisticsSource } from '../view/statistics/StatisticsSource.ts';

/** Where the history lives: data, not configuration (see ARCHITECTURE.md). */
export function historyDir(): string {
  return GLib.build_filenamev([GLib.get_user_data_dir(), 'dfakeseeder', 'history']);
}

/** What the service reads of the Model. */
export interface StatisticsModel {
  all(): Torrent[];
  sessionOf(torrent: Torrent): { readonly trackerHosts: string[] } | null;
}

/** A torrent's tracker hosts are looked up again after this long, in seconds (a tracker list edit shows up). */
const KEYS_TTL_S = 60;

/**
 * Feeds the history store from the engine (bytes credited each tick, announce outcomes from the
 * tracker network) and serves it, with the app-health sampler, to the Statistics window, the
 * History tab, the export action, D-Bus and the remote API (statisticsReport.ts).
 */
export class StatisticsService implements StatisticsSource {
  readonly history: HistoryStore;
  readonly health: AppHealthSampler;
  #model: StatisticsModel | null = null;
  /** Per torrent: the history keys its transfers count in, and when they were worked out (unix s). */
  readonly #keys = new Map<Torrent, { keys: string[]; at: number }>();

  constructor(options: { network: TrackerNetwork; dir?: string | null }) {
    this.history = new HistoryStore({ dir: options.dir === undefined ? historyDir() : options.dir });
    this.health = new AppHealthSampler({ network: options.network });
    options.network.onAnnounceOutcome = (infoHash, url, ok) =>
      this.history.recordAnnounce(infoHash, trackerHost(url) || url.slice(0, 64), ok);
  }

  /** Starts recording into the saved history (loaded in the background) with the model's torrents. */
  start(model: StatisticsModel): void {
    this.#model = model;
    this.history.start();
    void this.history.load().then(() => {
      for (const p of this.history.problems) logger.warning(`history: ${p}`);
    });
  }

  /** The Model's `credited` hook: one call per torrent per tick. */
  credited(torrent: Torrent, up: number, down: number): void {
    if (!(up > 0) && !(down > 0)) return;
    // One clock read per call: it is the bucket's time and the keys' age.
    const now = this.history.now();
    let entry = this.#keys.get(torrent);
    if (!entry || !(Math.abs(now - entry.at) <= KEYS_TTL_S)) {
      const hosts = this.#model?.sessionOf(torrent)?.trackerHosts ?? [];
      entry = { keys: this.history.transferKeys(torrent.info_hash, hosts), at: now };
      this.#keys.set(torrent, entry);
      this.history.describeTorrent(torrent.info_hash, torrent.name, torrent.total_size);
    }
    this.history.recordTransferTo(entry.keys, up, down, now);
  }

  /**
   * `app.export-history(('csv' | 'json', path))`: the export without a window (D-Bus
   * org.gtk.Actions, scripts); the Statistics window's Export button asks for a file first.
   */
  installActions(app: Gio.ActionMap): void {
    const action = new Gio.SimpleAction({ name: 'export-history', parameter_type: new GLib.VariantType('(ss)') });
    action.connect('activate', (_a, param: GLib.Variant | null) => {
      const [fmt, path] = (param?.deepUnpack() as [string, string] | undefined) ?? ['', ''];
      if ((fmt !== 'csv' && fmt !== 'json') || !GLib.path_is_absolute(path)) {
        logger.warning(`export-history: wants ('csv' or 'json', an absolute path), got ('${fmt}', '${path}')`);
        return;
      }
      this.exportHistory(path, fmt).then(
        () => logger.info(`history exported to ${path}`),
        (e: unknown) => logger.warning(errorMessage(e)),
      );
    });
    app.add_action(action);
  }

  /** A removed torrent: its cached hosts go (its history stays). */
  forget(torrent: Torrent): void {
    this.#keys.delete(torrent);
  }

  ratioInputs(): RatioInput[] {
    return (this.#model?.all() ?? []).map((t) => ({
      infoHash: t.info_hash,
      totalUploaded: t.total_uploaded,
      size: t.total_size,
    }));
  }

  async exportHistory(path: string, fmt: ExportFormat): Promise<void> {
    try {
      await exportHistory(this.history, path, fmt);
    } catch (e) {
      throw new Error(format(_('The history could not be exported to %1$s: %2$s'), path, errorMessage(e)), {
        cause: e,
      });
    }
  }

  /** At quit: the open buckets, written synchronously. */
  flushSync(): void {
    this.history.stop();
    this.history.flushSync();
  }
}
