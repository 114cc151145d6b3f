import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { ensurePrivateDirectory, isIOError, writeBytes } from '../../lib/files.ts';
import { checkCollectionNow } from '../../lib/garbageCollection.ts';
import { _ } from '../../lib/i18n.ts';
import '../../lib/promisify.ts';
import { noteFinalSave } from '../../lib/exitStatus.ts';
import { settleWithin } from '../torrent/TickScheduler.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

/**
 * A write that has not finished after this long no longer holds the ones behind it: GJS 1.74 can
 * drop the completion of a file operation (garbageCollection.ts), and every later save, the last
 * one at quit included, would wait for it for good.
 */
const WRITE_DEADLINE_MS = 30_000;

/** What the writer asks of its store: the bytes to write, the debounce, and where results go. */
export interface SettingsWriterHost {
  /** settings.json's whole content as it should be now. */
  content(): Uint8Array;
  /** Quiet time before a scheduled save, in ms (`ui_settings.settings_save_debounce_ms`). */
  debounceMs(): number;
  saved(): void;
  /** A save failed; `reason` in plain words. */
  failed(reason: string): void;
}

/**
 * Writes settings.json for SettingsStore: debounced, never two writes at once, each to a
 * private temporary file that is then renamed over the file (a crash leaves the old or the new
 * file, never half of one), and a synchronous last write for quit when the main loop is gone.
 */
export class SettingsWriter {
  /** Set when the file could not be read (or not moved aside): never overwrite it then. */
  blocked = false;

  readonly #path: string;
  readonly #configDir: string;
  readonly #host: SettingsWriterHost;
  #debounceSource = 0;
  /** The write chain: every write starts after the previous one has finished. */
  #chain: Promise<void> = Promise.resolve();
  /** A write that is queued but has not started yet; later requests join it. */
  #queued: Promise<void> | null = null;
  #generation = 0;
  #writtenGeneration = 0;

  constructor(path: string, configDir: string, host: SettingsWriterHost) {
    this.#path = path;
    this.#configDir = configDir;
    this.#host = host;
  }

  /** Saves after the debounce of quiet (one write for a burst of changes). */
  schedule(): void {
    this.#cancelDebounce();
    this.#debounceSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.#host.debounceMs(), () => {
      this.#debounceSource = 0;
      void this.saveNow();
      return GLib.SOURCE_REMOVE;
    });
  }

  /** Settles once no write is running or queued (a debounced save still waiting is not counted). */
  get settled(): Promise<void> {
    return this.#chain;
  }

  /** True while a debounced save is waiting. */
  get pending(): boolean {
    return sourceAlive(this.#debounceSource) || this.#queued !== null;
  }

  /** Writes now, after any write running; requests made meanwhile share that one write. Never rejects. */
  saveNow(): Promise<void> {
    this.#cancelDebounce();
    if (this.#queued) return this.#queued;
    const write = this.#chain.then(() => {
      this.#queued = null;
      return settleWithin(this.#write(), WRITE_DEADLINE_MS, () =>
        this.#host.failed(_('writing the settings file did not finish within 30 seconds')),
      );
    });
    this.#queued = write;
    this.#chain = write;
    return write;
  }

  #cancelDebounce(): void {
    if (!this.#debounceSource) return;
    // Looked up: GLib removes a source whose callback GJS 1.74 dropped (garbageCollection.ts).
    removeSource(this.#debounceSource);
    this.#debounceSource = 0;
  }

  async #write(): Promise<void> {
    if (this.blocked) return this.#host.failed(_('the unreadable settings file is kept as it is'));
    const generation = ++this.#generation;
    const bytes = this.#host.content();
    // Only a collection the JSON left between sweep slices is finished (garbageCollection.ts): a
    // full one every 25 s would mark every object of the app (half a second at 10 000 torrents).
    checkCollectionNow();
    const target = Gio.File.new_for_path(this.#path);
    const temp = Gio.File.new_for_path(`${this.#path}.tmp`);
    let tempWritten = false;
    try {
      await ensurePrivateDirectory(Gio.File.new_for_path(this.#configDir));
      try {
        await temp.delete_async(GLib.PRIORITY_DEFAULT, null);
      } catch (e) {
        if (!isIOError(e, Gio.IOErrorEnum.NOT_FOUND)) throw e;
      }
      // PRIVATE (0600): the file holds the user's torrents and settings.
      tempWritten = true;
      await writeBytes(temp, bytes, Gio.FileCreateFlags.PRIVATE);
      if (this.#writtenGeneration > generation) return; // a final synchronous save got there first
      await temp.move_async(target, Gio.FileCopyFlags.OVERWRITE, GLib.PRIORITY_DEFAULT, null, null);
      tempWritten = false;
      this.#writtenGeneration = generation;
      this.#host.saved();
    } catch (e) {
      // A disk that filled up mid-write leaves an empty or partial temporary file: not ours to keep.
      if (tempWritten) await temp.delete_async(GLib.PRIORITY_DEFAULT, null).catch(() => undefined);
      this.#host.failed(errorMessage(e));
    }
  }

  /**
   * The same write, synchronously, for the very last save when the main loop will not run again.
   * Returns false (after reporting the failure) if it failed.
   */
  saveSync(): boolean {
    this.#cancelDebounce();
    if (this.blocked) {
      this.#host.failed(_('the unreadable settings file is kept as it is'));
      noteFinalSave(false);
      return false;
    }
    const generation = ++this.#generation;
    const temp = Gio.File.new_for_path(`${this.#path}.sync.tmp`);
    let tempWritten = false;
    try {
      GLib.mkdir_with_parents(this.#configDir, 0o700);
      tempWritten = true;
      temp.replace_contents(this.#host.content(), null, false, Gio.FileCreateFlags.PRIVATE, null);
      temp.move(Gio.File.new_for_path(this.#path), Gio.FileCopyFlags.OVERWRITE, null, null);
      this.#writtenGeneration = generation;
      noteFinalSave(true);
      return true;
    } catch (e) {
      if (tempWritten) {
        try {
          temp.delete(null);
        } catch {
          // never created (the folder refused it): nothing left behind
        }
      }
      this.#host.failed(errorMessage(e));
      noteFinalSave(false);
      return false;
    }
  }
}
