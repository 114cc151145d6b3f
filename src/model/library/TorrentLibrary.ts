import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { ensurePrivateDirectory, makePrivate, writeBytes } from '../../lib/files.ts';
import { checkCollectionNow } from '../../lib/garbageCollection.ts';
import { _, format } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import '../../lib/promisify.ts';
import {
  displayBasename,
  displayPath,
  fileKey,
  readRegularFile,
  readRegularFileSync,
  TORRENT_FILE_LIMIT,
} from '../../lib/readRegularFile.ts';
import type { Metainfo } from '../metainfo/Metainfo.ts';
import { MetainfoError } from '../metainfo/MetainfoError.ts';
import { parseMetainfo } from '../metainfo/parseMetainfo.ts';
import { TickScheduler } from '../torrent/TickScheduler.ts';
import { LibraryError } from './LibraryError.ts';

/**
 * A copied .torrent in the torrents folder. `path` is also its key in settings.json → torrents:
 * the file's path, or its escaped `file://` URI when the name is not UTF-8 (see fileKey).
 */
export interface LibraryEntry {
  path: string;
  metainfo: Metainfo;
}

export interface LoadResult {
  entries: LibraryEntry[];
  /** Files that could not be used (`path` as in LibraryEntry), each with a plain-words reason naming it. */
  failures: { path: string; message: string }[];
}

/**
 * Loading reads the folder's files synchronously, in slices of this long, with a main-loop turn
 * between slices so the window keeps drawing. Measured with 1 000 torrents: 90 ms and +4 MB of
 * RSS, where 8 asynchronous reads at a time (each a query, an open, reads and a close, every one
 * a main-loop round trip) took 1 100 ms and +18 MB. Only regular files are opened
 * (readRegularFileSync checks the type first), so a pipe in the folder cannot block the loop.
 */
const READ_SLICE_US = 8_000;

/**
 * Reading many torrents allocates enough to start an incremental garbage collection, which GJS
 * 1.74 can leave unfinished (src/lib/garbageCollection.ts): after every this many bytes read, one
 * left so is finished before waiting on more I/O. Only such a one: a full collection each time
 * cost 0.5 s of a 10 000-torrent start-up (six of them, 70–230 ms each).
 */
const GC_EVERY_BYTES = 4 * 1024 * 1024;
let bytesSinceGc = 0;

function noteAllocated(bytes: number): void {
  bytesSinceGc += bytes;
  if (bytesSinceGc >= GC_EVERY_BYTES) {
    bytesSinceGc = 0;
    checkCollectionNow();
  }
}

function isError(e: unknown, code: number): boolean {
  return e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, code);
}

/**
 * Name order. A module function, not an arrow inside #torrentFiles: the engine's sort keeps its
 * last comparator in an inline cache, and an arrow would keep #torrentFiles' frame with it, so
 * every torrent's Gio.File of the last scan (a GObject each) stayed alive for good.
 */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function exists(file: Gio.File): Promise<boolean> {
  try {
    await file.query_info_async(
      'standard::type',
      Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS,
      GLib.PRIORITY_DEFAULT,
      null,
    );
    return true;
  } catch (e) {
    if (isError(e, Gio.IOErrorEnum.NOT_FOUND)) return false;
    throw e;
  }
}

/** Only a regular file (or a link to one) of at most 16 MiB: never a pipe, a device or a huge file. */
async function readTorrentFile(file: Gio.File): Promise<Uint8Array> {
  const bytes = await readRegularFile(file, TORRENT_FILE_LIMIT);
  noteAllocated(bytes.length);
  return bytes;
}

/** The same, synchronously: for the torrents folder at start-up (see READ_SLICE_US). */
function readTorrentFileSync(file: Gio.File): Uint8Array {
  const bytes = readRegularFileSync(file, TORRENT_FILE_LIMIT);
  noteAllocated(bytes.length);
  return bytes;
}

/**
 * Runs `work` over `items` in slices of READ_SLICE_US, yielding to the main loop between slices
 * (on the engine clock, which re-arms itself if GJS 1.74 drops a callback); results keep the order.
 */
async function mapInSlices<T, R>(items: T[], work: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  while (results.length < items.length) {
    const until = GLib.get_monotonic_time() + READ_SLICE_US;
    do results.push(work(items[results.length]));
    while (results.length < items.length && GLib.get_monotonic_time() < until);
    if (results.length < items.length) await new Promise<void>((resolve) => TickScheduler.shared.after(0, resolve));
  }
  return results;
}

/**
 * The torrents folder (`$XDG_CONFIG_HOME/dfakeseeder/torrents/`), which *is* the torrent list, as
 * in the original. Adding copies a .torrent in (never the same torrent twice, never overwriting
 * another), loading reads every `*.torrent` (a bad file is reported and skipped, never stopping
 * the rest), removing deletes the copy. Everything is asynchronous.
 */
export class TorrentLibrary {
  readonly torrentsDir: string;
  readonly #byHash = new Map<string, LibraryEntry>();
  /** Info hashes and file names claimed by adds still in progress. */
  readonly #pendingHashes = new Set<string>();
  readonly #reservedNames = new Set<string>();
  #loaded = false;

  constructor(torrentsDir: string) {
    this.torrentsDir = torrentsDir;
  }

  /** The torrents known now (after loadAll and adds). */
  get entries(): LibraryEntry[] {
    return [...this.#byHash.values()];
  }

  find(infoHashHex: string): LibraryEntry | undefined {
    return this.#byHash.get(infoHashHex);
  }

  /**
   * Loads every `*.torrent` in the folder (created if missing), in name order. The folder and
   * its files are made the user's only (0700/0600) on the way: they may hold private passkeys.
   */
  async loadAll(): Promise<LoadResult> {
    const dir = Gio.File.new_for_path(this.torrentsDir);
    try {
      await ensurePrivateDirectory(dir);
    } catch (e) {
      throw new LibraryError(
        format(_('The torrents folder “%1$s” could not be created: %2$s'), this.torrentsDir, errorMessage(e)),
      );
    }
    const files = await this.#torrentFiles(dir);
    type Parsed = { path: string; metainfo: Metainfo } | { path: string; message: string };
    const parsed = await mapInSlices(files, ({ file, name }): Parsed => {
      const path = fileKey(file);
      try {
        return { path, metainfo: parseMetainfo(readTorrentFileSync(file)) };
      } catch (e) {
        return { path, message: format(_('“%1$s” could not be loaded: %2$s'), name, errorMessage(e)) };
      }
    });

    this.#byHash.clear();
    const result: LoadResult = { entries: [], failures: [] };
    for (const item of parsed) {
      if ('message' in item) {
        result.failures.push({ path: item.path, message: item.message });
        continue;
      }
      const entry: LibraryEntry = { path: item.path, metainfo: item.metainfo };
      const earlier = this.#byHash.get(entry.metainfo.infoHashHex);
      if (earlier) {
        result.failures.push({
          path: entry.path,
          message: format(
            _('“%1$s” is the same torrent as “%2$s” and was skipped.'),
            displayBasename(Gio.File.parse_name(entry.path)),
            displayBasename(Gio.File.parse_name(earlier.path)),
          ),
        });
        continue;
      }
      this.#byHash.set(entry.metainfo.infoHashHex, entry);
      result.entries.push(entry);
    }
    for (const f of result.failures) logger.warning(`library: ${f.message}`);
    this.#loaded = true;
    return result;
  }

  /**
   * The folder's `*.torrent` files (regular files and symbolic links, which the read checks),
   * by name. Names are bytes: each file is taken from the enumerator as a Gio.File, and only its
   * display name (“�” for bytes that are not UTF-8) is used as text, so one odd name never
   * stops the others.
   */
  async #torrentFiles(dir: Gio.File): Promise<{ file: Gio.File; name: string }[]> {
    const found: { file: Gio.File; name: string }[] = [];
    const leftovers: { file: Gio.File; name: string }[] = [];
    const enumerator = await dir.enumerate_children_async(
      'standard::name,standard::type,unix::mode',
      Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS,
      GLib.PRIORITY_DEFAULT,
      null,
    );
    try {
      for (;;) {
        const infos = await enumerator.next_files_async(64, GLib.PRIORITY_DEFAULT, null);
        if (infos.length === 0) break;
        for (const info of infos) {
          const file = enumerator.get_child(info);
          const name = displayBasename(file);
          const type = info.get_file_type();
          if (type === Gio.FileType.REGULAR) makePrivate(file, info);
          else if (type !== Gio.FileType.SYMBOLIC_LINK) continue;
          if (/\.torrent$/i.test(name) && !name.startsWith('.')) found.push({ file, name });
          else if (type === Gio.FileType.REGULAR && /^\..+\.torrent\.part$/.test(name)) leftovers.push({ file, name });
        }
      }
    } finally {
      await enumerator.close_async(GLib.PRIORITY_DEFAULT, null);
    }
    // Half-written copies from an add that was interrupted (crash, power loss); never one in progress.
    for (const { file, name } of leftovers) {
      if (this.#reservedNames.has(name.slice(1, -'.part'.length))) continue;
      await file.delete_async(GLib.PRIORITY_DEFAULT, null).catch(() => undefined);
    }
    return found.sort(byName);
  }

  /**
   * Copies a .torrent into the folder and returns its entry. Throws LibraryError (in plain words)
   * when it cannot be read or parsed, or when the same torrent is already in the list.
   */
  async add(source: Gio.File): Promise<LibraryEntry> {
    if (!this.#loaded) await this.loadAll();
    const label = displayBasename(source);
    let bytes: Uint8Array;
    try {
      bytes = await readTorrentFile(source);
    } catch (e) {
      throw new LibraryError(format(_('“%1$s” could not be read: %2$s'), label, errorMessage(e)));
    }
    let metainfo: Metainfo;
    try {
      metainfo = parseMetainfo(bytes);
    } catch (e) {
      if (e instanceof MetainfoError) throw new LibraryError(format(_('“%1$s”: %2$s'), label, e.message));
      throw e;
    }
    const hash = metainfo.infoHashHex;
    if (this.#byHash.has(hash) || this.#pendingHashes.has(hash)) {
      throw new LibraryError(format(_('“%s” is already in your list.'), metainfo.name));
    }
    this.#pendingHashes.add(hash);
    try {
      const path = await this.#store(source, label, bytes, metainfo);
      const entry: LibraryEntry = { path, metainfo };
      this.#byHash.set(hash, entry);
      return entry;
    } finally {
      this.#pendingHashes.delete(hash);
    }
  }

  /** Writes the copy under a free name: `name.torrent`, else `name (2).torrent`, `name (3)…`. */
  async #store(source: Gio.File, label: string, bytes: Uint8Array, metainfo: Metainfo): Promise<string> {
    // A file already in the folder (put there by hand) is taken as it is.
    const folder = Gio.File.new_for_path(this.torrentsDir);
    if (source.get_parent()?.equal(folder)) return fileKey(source);

    const stem =
      label
        .replace(/\.torrent$/i, '')
        .replace(/[/\\]/g, '_')
        .trim() || metainfo.name;
    try {
      await ensurePrivateDirectory(folder);
      for (let n = 1; ; n++) {
        const name = n === 1 ? `${stem}.torrent` : `${stem} (${n}).torrent`;
        const path = GLib.build_filenamev([this.torrentsDir, name]);
        const target = Gio.File.new_for_path(path);
        // Claimed before any await, so two adds running at once never pick the same name.
        if (this.#reservedNames.has(name)) continue;
        this.#reservedNames.add(name);
        try {
          if (await exists(target)) continue;
          // Written beside it under a hidden name, then renamed: a crash never leaves half a file
          // that looks like a torrent.
          const part = Gio.File.new_for_path(GLib.build_filenamev([this.torrentsDir, `.${name}.part`]));
          // PRIVATE (0600): the copy may hold a private tracker's passkey, whatever the source's mode.
          await writeBytes(part, bytes, Gio.FileCreateFlags.REPLACE_DESTINATION | Gio.FileCreateFlags.PRIVATE);
          makePrivate(part);
          try {
            await part.move_async(target, Gio.FileCopyFlags.NONE, GLib.PRIORITY_DEFAULT, null, null);
          } catch (e) {
            await part.delete_async(GLib.PRIORITY_DEFAULT, null).catch(() => undefined);
            if (isError(e, Gio.IOErrorEnum.EXISTS)) continue; // taken meanwhile by someone else
            throw e;
          }
          return path;
        } finally {
          this.#reservedNames.delete(name);
        }
      }
    } catch (e) {
      throw new LibraryError(
        format(_('“%1$s” could not be copied into “%2$s”: %3$s'), label, this.torrentsDir, errorMessage(e)),
      );
    }
  }

  /** Deletes the copy (already gone is fine). Throws LibraryError if it cannot be deleted. */
  async remove(entry: LibraryEntry): Promise<void> {
    try {
      await Gio.File.parse_name(entry.path).delete_async(GLib.PRIORITY_DEFAULT, null);
    } catch (e) {
      if (!isError(e, Gio.IOErrorEnum.NOT_FOUND)) {
        const shown = displayPath(Gio.File.parse_name(entry.path));
        throw new LibraryError(format(_('“%1$s” could not be deleted: %2$s'), shown, errorMessage(e)));
      }
    }
    const known = this.#byHash.get(entry.metainfo.infoHashHex);
    if (known && known.path === entry.path) this.#byHash.delete(entry.metainfo.infoHashHex);
  }
}
