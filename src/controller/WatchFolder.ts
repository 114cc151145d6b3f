import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../lib/promisify.ts';
import { errorMessage } from '../lib/errors.ts';
import { _, format } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { displayBasename, fileKey, readRegularFile, TORRENT_FILE_LIMIT } from '../lib/readRegularFile.ts';
import { MetainfoError, parseMetainfo } from '../model/metainfo/index.ts';
import { type Settings, SETTINGS } from '../model/settings/index.ts';
import { removeSource } from '../lib/sources.ts';

/** The original's keys (data/default.json → watch_folder). */
const WATCH = SETTINGS.watch_folder;

export interface WatchFolderOptions {
  settings: Settings;
  /** Adds the files to the model (AppController.addUris); failures say why in plain words. */
  addUris: (uris: string[]) => Promise<{ failures: { uri: string; message: string }[] }>;
  /** Info hashes (hex) already in the list: those files are skipped quietly, not re-reported. */
  knownInfoHashes: () => Set<string>;
  /** Tells the user about a file that cannot be added (once per file version). */
  report: (message: string) => void;
  /** `addUris` tells the user about its own failures (AppController does): only log those. */
  adderReports?: boolean;
  /** Milliseconds without events before a new file counts as fully written. */
  settleMs?: number;
  /**
   * Milliseconds a file that is not a usable torrent must stay unchanged before it is reported
   * (a writer that pauses between two parts is not finished: a change meanwhile cancels the report).
   */
  confirmMs?: number;
}

/** Long enough for a writer that pauses between parts; short enough to tell the user soon. */
const DEFAULT_CONFIRM_MS = 5000;

/**
 * Watches a folder (Gio.FileMonitor) for new `.torrent` files, adds them once their write has
 * settled, and optionally deletes them afterwards. Files already there are scanned at start.
 * A file that cannot be added is reported once and not retried until it changes on disk.
 *
 * Files are known by fileKey (names are bytes; one that is not UTF-8 is handled like any
 * other) and read only if regular and at most 16 MiB (readRegularFile): a named pipe or a link
 * to `/dev/zero` is refused without being opened, so it never holds back the files after it.
 */
export class WatchFolder {
  readonly #o: WatchFolderOptions;
  #monitor: Gio.FileMonitor | null = null;
  #folder: Gio.File | null = null;
  #settingsHandler = 0;
  readonly #timers = new Map<string, number>();
  /** Reports of unusable files, waiting to see that the file stays as it is (confirmMs). */
  readonly #confirmTimers = new Map<string, number>();
  /** fileKey → size:mtime of the version already handled (added, skipped or reported). */
  readonly #handled = new Map<string, string>();
  readonly #busy = new Set<string>();
  #generation = 0;
  #scans = 0;
  #rescanSource = 0;
  /** The last problem with the folder itself, so a restart does not repeat it. */
  #folderProblem = '';
  #idle: Promise<void> = Promise.resolve();

  constructor(options: WatchFolderOptions) {
    this.#o = options;
  }

  /** The folder being watched, or null when watching is off. */
  /** Full scans of the folder so far (at start, then every scan interval). */
  get scanCount(): number {
    return this.#scans;
  }

  /** Reports held back while a bad file may still be being written (specs). */
  get reportsWaiting(): number {
    return this.#confirmTimers.size;
  }

  get folder(): string | null {
    return this.#folder?.get_path() ?? null;
  }

  start(): void {
    this.#settingsHandler = this.#o.settings.connect('changed', (_s, path) => {
      if (path === 'watch_folder' || path.startsWith('watch_folder.')) this.#restart();
    });
    this.#restart();
  }

  stop(): void {
    if (this.#settingsHandler) this.#o.settings.disconnect(this.#settingsHandler);
    this.#settingsHandler = 0;
    this.#close();
  }

  /** Settles when every file seen so far has been handled (for specs and the quit sequence). */
  whenIdle(): Promise<void> {
    return this.#idle;
  }

  #close(): void {
    this.#generation++;
    this.#monitor?.cancel();
    this.#monitor = null;
    this.#folder = null;
    for (const id of this.#timers.values()) GLib.source_remove(id);
    for (const id of this.#confirmTimers.values()) GLib.source_remove(id);
    removeSource(this.#rescanSource);
    this.#rescanSource = 0;
    this.#timers.clear();
    this.#confirmTimers.clear();
  }

  #restart(): void {
    this.#close();
    if (!this.#o.settings.get(WATCH.enabled)) return;
    const path = this.#o.settings.get(WATCH.path).trim();
    if (!path) {
      this.#folderTrouble(_('The watch folder is on, but no folder is chosen.'));
      return;
    }
    const folder = Gio.File.new_for_path(path);
    if (!GLib.file_test(path, GLib.FileTest.IS_DIR)) {
      this.#folderTrouble(_('The watch folder “%s” does not exist.').replace('%s', path));
      return;
    }
    try {
      this.#monitor = folder.monitor_directory(Gio.FileMonitorFlags.WATCH_MOVES, null);
    } catch (e) {
      this.#folderTrouble(format(_('Cannot watch the folder “%1$s”: %2$s'), path, errorMessage(e)));
      return;
    }
    this.#folderProblem = '';
    this.#folder = folder;
    this.#monitor.connect('changed', (_m, file: Gio.File, other: Gio.File | null, event: Gio.FileMonitorEvent) =>
      this.#onEvent(
        event === Gio.FileMonitorEvent.MOVED_IN || event === Gio.FileMonitorEvent.RENAMED ? (other ?? file) : file,
        event,
      ),
    );
    logger.info(`watching ${path} for .torrent files`);
    const generation = this.#generation;
    void this.#scan(folder, generation);
    // Full rescans catch what file monitoring cannot see (network shares, some FUSE folders).
    // Files already handled are skipped, so a rescan never re-adds or re-reports anything.
    const interval = Math.floor(this.#o.settings.get(WATCH.scan_interval_seconds));
    if (interval > 0) {
      this.#rescanSource = GLib.timeout_add_seconds(GLib.PRIORITY_LOW, interval, () => {
        void this.#scan(folder, generation);
        return GLib.SOURCE_CONTINUE;
      });
    }
  }

  #folderTrouble(message: string): void {
    if (message === this.#folderProblem) return;
    this.#folderProblem = message;
    this.#o.report(message);
  }

  async #scan(folder: Gio.File, generation: number): Promise<void> {
    this.#scans++;
    try {
      const e = await folder.enumerate_children_async(
        'standard::name,standard::type',
        Gio.FileQueryInfoFlags.NONE,
        GLib.PRIORITY_DEFAULT,
        null,
      );
      for (;;) {
        const infos = await e.next_files_async(64, GLib.PRIORITY_DEFAULT, null);
        if (infos.length === 0 || generation !== this.#generation) break;
        for (const info of infos) {
          // Settle these too: one may be in the middle of being written right now. Anything
          // but a folder goes on, so a pipe or a device named .torrent is reported, not skipped.
          if (info.get_file_type() !== Gio.FileType.DIRECTORY) {
            this.#schedule(e.get_child(info), this.#o.settleMs ?? 400);
          }
        }
      }
      await e.close_async(GLib.PRIORITY_DEFAULT, null);
    } catch (err) {
      this.#o.report(_('Cannot read the watch folder: %s').replace('%s', errorMessage(err)));
    }
  }

  #onEvent(file: Gio.File, event: Gio.FileMonitorEvent): void {
    switch (event) {
      case Gio.FileMonitorEvent.CREATED:
      case Gio.FileMonitorEvent.CHANGED:
      case Gio.FileMonitorEvent.MOVED_IN:
      case Gio.FileMonitorEvent.RENAMED:
        // Still being written: wait until the events stop.
        this.#schedule(file, this.#o.settleMs ?? 400);
        break;
      case Gio.FileMonitorEvent.CHANGES_DONE_HINT:
        this.#schedule(file, 50);
        break;
      case Gio.FileMonitorEvent.DELETED:
      case Gio.FileMonitorEvent.MOVED_OUT:
        this.#handled.delete(fileKey(file));
        break;
      default:
        break;
    }
  }

  #schedule(file: Gio.File, delayMs: number): void {
    if (!file.is_native() || !isTorrentName(displayBasename(file))) return;
    const path = fileKey(file);
    const old = this.#timers.get(path);
    if (old) GLib.source_remove(old);
    const generation = this.#generation;
    this.#timers.set(
      path,
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, delayMs, () => {
        this.#timers.delete(path);
        if (generation === this.#generation) this.#idle = this.#idle.then(() => this.#handle(file, generation));
        return GLib.SOURCE_REMOVE;
      }),
    );
  }

  /**
   * Reports `message` once the file has stayed at `version` for confirmMs; a new version (the
   * rest of the file arrived) is handled on its own and this report is dropped.
   */
  #reportIfUnchanged(file: Gio.File, version: string, message: string): void {
    const key = fileKey(file);
    const old = this.#confirmTimers.get(key);
    if (old) GLib.source_remove(old);
    const generation = this.#generation;
    this.#confirmTimers.set(
      key,
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.#o.confirmMs ?? DEFAULT_CONFIRM_MS, () => {
        this.#confirmTimers.delete(key);
        const still = () => generation === this.#generation && this.#handled.get(key) === version;
        if (still()) {
          this.#idle = this.#idle.then(async () => {
            if (still() && (await versionOf(file)) === version) this.#o.report(message);
          });
        }
        return GLib.SOURCE_REMOVE;
      }),
    );
  }

  async #handle(file: Gio.File, generation: number): Promise<void> {
    const path = fileKey(file);
    if (this.#busy.has(path)) return;
    this.#busy.add(path);
    try {
      const version = await versionOf(file);
      if (version === null) return; // gone again (moved away or deleted before it settled)
      if (this.#handled.get(path) === version || generation !== this.#generation) return;
      this.#handled.set(path, version);

      const name = displayBasename(file);
      let infoHash: string;
      try {
        infoHash = parseMetainfo(await readRegularFile(file, TORRENT_FILE_LIMIT)).infoHashHex;
      } catch (e) {
        const message = format(_('Watch folder: “%1$s” was not added: %2$s'), name, errorMessage(e));
        // A pipe, a device, a file too large: said at once. A file that does not parse may
        // still be being written: said only if it stays as it is.
        if (e instanceof MetainfoError) this.#reportIfUnchanged(file, version, message);
        else this.#o.report(message);
        return;
      }
      if (!this.#o.knownInfoHashes().has(infoHash)) {
        const result = await this.#o.addUris([file.get_uri()]);
        if (result.failures.length > 0) {
          const message = format(_('Watch folder: “%1$s” was not added: %2$s'), name, result.failures[0].message);
          if (this.#o.adderReports) logger.warning(message);
          else this.#o.report(message);
          return;
        }
        logger.info(`watch folder: added ${name}`);
      }
      if (this.#o.settings.get(WATCH.delete_added_torrents)) {
        try {
          await file.delete_async(GLib.PRIORITY_DEFAULT, null);
          this.#handled.delete(path);
        } catch (e) {
          this.#o.report(
            format(_('Watch folder: “%1$s” was added but could not be deleted: %2$s'), name, errorMessage(e)),
          );
        }
      }
    } catch (e) {
      this.#o.report(_('Watch folder: %s').replace('%s', errorMessage(e)));
    } finally {
      this.#busy.delete(path);
    }
  }
}

/** size:mtime of a file (following a link), or null when it is gone. */
async function versionOf(file: Gio.File): Promise<string | null> {
  try {
    const info = await file.query_info_async(
      'standard::size,time::modified,time::modified-usec',
      Gio.FileQueryInfoFlags.NONE,
      GLib.PRIORITY_DEFAULT,
      null,
    );
    const usec = info.get_attribute_uint32('time::modified-usec');
    return `${info.get_size()}:${info.get_attribute_uint64('time::modified')}.${usec}`;
  } catch {
    return null;
  }
}

function isTorrentName(name: string): boolean {
  return name.toLowerCase().endsWith('.torrent') && !name.startsWith('.');
}
