import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { ensureDirectory, isIOError, writeBytes } from '../../lib/files.ts';
import { finishGarbageCollection } from '../../lib/garbageCollection.ts';
import '../../lib/promisify.ts';

export const BASE_NAME = 'history.json';
const JOURNAL_RE = /^journal-(\d{1,9})\.log$/;

/** What the folder held at start-up: the last compacted base and the journal lines after it. */
export interface JournalContents {
  base: unknown;
  lines: unknown[];
  /** Plain sentences: a base or journal line that could not be read (it is skipped, never fatal). */
  problems: string[];
  bytesRead: number;
  baseBytes: number;
}

function appendTo(file: Gio.File): Promise<Gio.FileOutputStream> {
  return new Promise((resolve, reject) => {
    file.append_to_async(Gio.FileCreateFlags.PRIVATE, GLib.PRIORITY_DEFAULT, null, (_f, res) => {
      try {
        resolve(file.append_to_finish(res));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/**
 * Writes all of `bytes` to the stream. GLib.Bytes, not a Uint8Array: GLib owns that copy, so a
 * garbage collection during the write (on a GIO worker thread) cannot free or move it — with
 * `write_all_async(Uint8Array)` a kill test found stray memory in the journal.
 */
function writeAll(stream: Gio.OutputStream, bytes: GLib.Bytes): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (rest: GLib.Bytes): void =>
      stream.write_bytes_async(rest, GLib.PRIORITY_DEFAULT, null, (_s, res) => {
        try {
          const n = stream.write_bytes_finish(res);
          const size = rest.get_size();
          if (n >= size) resolve();
          else step(rest.new_from_bytes(n, size - n));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    step(bytes);
  });
}

/**
 * The history's files, with the settings file's crash discipline. `history.json` is the
 * compacted base, only ever replaced whole (temp file + rename). Between compactions each closed
 * bucket is appended as one JSON line to `journal-<generation>.log`; a line is complete or it is
 * ignored, so a kill -9 loses at most what was not yet written (the buckets still open). The
 * base records the generation it starts at: journals before it are already in it.
 * Files are created 0600 (Gio.FileCreateFlags.PRIVATE).
 */
export class HistoryJournal {
  readonly dir: string;
  /** Generation new lines go to. */
  generation = 0;
  /** Bytes of the current journal (for deciding when to compact). */
  journalBytes = 0;
  /** Every byte this journal wrote (journal lines and bases), for the bench. */
  bytesWritten = 0;
  #chain: Promise<void> = Promise.resolve();
  #stream: Gio.FileOutputStream | null = null;
  #streamGeneration = -1;

  constructor(dir: string) {
    this.dir = dir;
  }

  #journalFile(generation: number): Gio.File {
    return Gio.File.new_for_path(GLib.build_filenamev([this.dir, `journal-${generation}.log`]));
  }

  /** Reads the base and the journals after it (asynchronously). A missing folder is an empty history. */
  async load(): Promise<JournalContents> {
    const out: JournalContents = { base: null, lines: [], problems: [], bytesRead: 0, baseBytes: 0 };
    let baseGeneration = 0;
    const base = await this.#read(BASE_NAME);
    if (base !== null) {
      out.bytesRead += base.length;
      out.baseBytes = base.length;
      try {
        out.base = JSON.parse(new TextDecoder().decode(base)) as unknown;
        const g = (out.base as { generation?: unknown }).generation;
        baseGeneration = typeof g === 'number' && Number.isInteger(g) && g >= 0 ? g : 0;
      } catch (e) {
        out.problems.push(`${BASE_NAME}: ${errorMessage(e)}`);
        out.base = null;
      }
    }
    const generations = (await this.#journalGenerations()).sort((a, b) => a - b);
    let tornLast = false;
    for (const g of generations) {
      if (g < baseGeneration) {
        await this.#delete(this.#journalFile(g)); // already in the base (a compaction was cut short)
        continue;
      }
      const bytes = await this.#read(`journal-${g}.log`);
      if (!bytes) continue;
      out.bytesRead += bytes.length;
      const text = new TextDecoder().decode(bytes);
      const lines = text.split('\n');
      // The last piece has no newline: an unfinished write, ignored.
      for (let i = 0; i < lines.length - 1; i++) {
        if (!lines[i]) continue;
        try {
          out.lines.push(JSON.parse(lines[i]) as unknown);
        } catch {
          out.problems.push(`journal-${g}.log line ${i + 1} is unreadable`);
        }
      }
      if (g === generations[generations.length - 1]) {
        this.journalBytes = bytes.length;
        // Cut short by a crash: new lines go to a new journal, never glued to the torn one.
        if (bytes.length > 0 && bytes[bytes.length - 1] !== 10) tornLast = true;
      }
    }
    this.generation = Math.max(baseGeneration, generations[generations.length - 1] ?? 0) + (tornLast ? 1 : 0);
    if (tornLast) this.journalBytes = 0;
    finishGarbageCollection();
    return out;
  }

  /** Appends lines (each ending in "\n"); writes never overlap. */
  append(text: string): Promise<void> {
    const bytes = new TextEncoder().encode(text);
    const generation = this.generation;
    this.journalBytes += bytes.length;
    const write = this.#chain.then(async () => {
      if (this.#streamGeneration !== generation || !this.#stream) {
        await this.#closeStream();
        await ensureDirectory(Gio.File.new_for_path(this.dir));
        this.#stream = await appendTo(this.#journalFile(generation));
        this.#streamGeneration = generation;
      }
      await writeAll(this.#stream, new GLib.Bytes(bytes));
      this.bytesWritten += bytes.length;
    });
    this.#chain = write.catch(() => {});
    return write;
  }

  /** The same, synchronously (the last write at quit, when the loop will not run again). */
  appendSync(text: string): void {
    const bytes = new TextEncoder().encode(text);
    GLib.mkdir_with_parents(this.dir, 0o700);
    const stream = this.#journalFile(this.generation).append_to(Gio.FileCreateFlags.PRIVATE, null);
    stream.write_all(bytes, null);
    stream.close(null);
    this.journalBytes += bytes.length;
    this.bytesWritten += bytes.length;
  }

  /** Lines appended from now on go to a new journal; returns the generation a base made now starts at. */
  rotate(): number {
    this.generation += 1;
    this.journalBytes = 0;
    return this.generation;
  }

  /** Replaces the base (temp file + rename), then deletes the journals it includes. */
  writeBase(text: string, generation: number): Promise<void> {
    const bytes = new TextEncoder().encode(text);
    finishGarbageCollection();
    const write = this.#chain.then(async () => {
      const dir = Gio.File.new_for_path(this.dir);
      await ensureDirectory(dir);
      const temp = dir.get_child(`${BASE_NAME}.tmp`);
      await this.#delete(temp);
      await writeBytes(temp, bytes, Gio.FileCreateFlags.PRIVATE);
      await temp.move_async(dir.get_child(BASE_NAME), Gio.FileCopyFlags.OVERWRITE, GLib.PRIORITY_DEFAULT, null, null);
      this.bytesWritten += bytes.length;
      for (const g of await this.#journalGenerations()) if (g < generation) await this.#delete(this.#journalFile(g));
    });
    this.#chain = write.catch(() => {});
    return write;
  }

  /** Settles when every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.#chain;
  }

  async #closeStream(): Promise<void> {
    const stream = this.#stream;
    this.#stream = null;
    if (!stream) return;
    try {
      stream.close(null); // a local file: closing does not wait on anything
    } catch {
      /* already closed */
    }
    await Promise.resolve();
  }

  async #read(name: string): Promise<Uint8Array | null> {
    try {
      const [bytes] = await Gio.File.new_for_path(GLib.build_filenamev([this.dir, name])).load_contents_async(null);
      return bytes;
    } catch (e) {
      if (isIOError(e, Gio.IOErrorEnum.NOT_FOUND) || isIOError(e, Gio.IOErrorEnum.NOT_DIRECTORY)) return null;
      throw e;
    }
  }

  async #journalGenerations(): Promise<number[]> {
    const out: number[] = [];
    let enumerator: Gio.FileEnumerator;
    try {
      enumerator = await Gio.File.new_for_path(this.dir).enumerate_children_async(
        'standard::name',
        Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS,
        GLib.PRIORITY_DEFAULT,
        null,
      );
    } catch (e) {
      if (isIOError(e, Gio.IOErrorEnum.NOT_FOUND) || isIOError(e, Gio.IOErrorEnum.NOT_DIRECTORY)) return out;
      throw e;
    }
    for (;;) {
      const infos = await enumerator.next_files_async(64, GLib.PRIORITY_DEFAULT, null);
      if (infos.length === 0) break;
      for (const info of infos) {
        const m = JOURNAL_RE.exec(info.get_name());
        if (m) out.push(Number(m[1]));
      }
    }
    await enumerator.close_async(GLib.PRIORITY_DEFAULT, null);
    return out;
  }

  async #delete(file: Gio.File): Promise<void> {
    try {
      await file.delete_async(GLib.PRIORITY_DEFAULT, null);
    } catch (e) {
      if (!isIOError(e, Gio.IOErrorEnum.NOT_FOUND)) throw e;
    }
  }
}
