import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { _, format } from '../../lib/i18n.ts';
import { type StateFilter, STATE_FILTERS, torrentMatchesSearch, torrentMatchesState } from '../../model/filters.ts';
import { MetainfoError, parseMetainfo } from '../../model/metainfo/index.ts';
import type { Torrent } from '../../model/torrent/Torrent.ts';
import { HttpError } from './httpReply.ts';
import type { CommandSurface, RemoteSource } from './RemoteSource.ts';
import { torrentDetails, torrentSummary } from './torrentJson.ts';

type Summary = ReturnType<typeof torrentSummary>;

const SORT_KEYS = new Set<keyof Summary>([
  'id',
  'name',
  'status',
  'progress',
  'size',
  'upload_rate',
  'download_rate',
  'session_uploaded',
  'total_uploaded',
  'total_downloaded',
  'ratio',
  'seeders',
  'leechers',
  'label',
  'priority',
  'next_update',
]);
const MAX_PAGE = 5000;
/** Figures move at most once a second (the engine's tick), so rows this young are still true. */
const ROWS_FRESH_MS = 250;
const HASH = /^[0-9a-f]{40}$/;

/** What the `add-uris` action gives back. */
interface AddAnswer {
  added?: Torrent[];
  failures?: { uri: string; message: string }[];
}

/** Query parameters of a list request, as received. */
export type Query = Record<string, string>;

function wholeNumber(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HttpError(
      400,
      'bad_parameter',
      format(_('“%1$s” must be a whole number from %2$s to %3$s.'), name, String(min), String(max)),
    );
  return n;
}

/**
 * The torrent routes of the JSON API: list, one torrent, add by upload, and the per-torrent
 * commands. Reads come from the app's read access; every command is an activation of the app's
 * action group (CommandSurface), the same one the window uses.
 */
export class TorrentRoutes {
  readonly #source: RemoteSource;
  readonly #commands: CommandSurface;
  readonly #uploadDir: string;
  /** Every row, reused for ROWS_FRESH_MS: a script polling the list, or a burst, reads each property once. */
  #rows: { at: number; rows: Summary[] } | null = null;

  constructor(source: RemoteSource, commands: CommandSurface, uploadDir: string) {
    this.#source = source;
    this.#commands = commands;
    this.#uploadDir = uploadDir;
  }

  /** The torrent with this info hash, or HttpError 404. */
  find(hash: string): Torrent {
    const h = hash.toLowerCase();
    const t = HASH.test(h) ? this.#source.torrents().find((x) => x.info_hash === h) : undefined;
    if (!t)
      throw new HttpError(404, 'unknown_torrent', format(_('There is no torrent with the info hash “%1$s”.'), hash));
    return t;
  }

  /** Every info hash must name a torrent in the list (404 otherwise); returns them lower case. */
  checkHashes(hashes: unknown): string[] {
    if (!Array.isArray(hashes) || hashes.length === 0 || hashes.some((h) => typeof h !== 'string'))
      throw new HttpError(400, 'bad_parameter', _('“hashes” must be a list of info hashes.'));
    return (hashes as string[]).map((h) => this.find(h).info_hash);
  }

  list(query: Query) {
    const state = (query.state ?? 'all') as StateFilter;
    if (!STATE_FILTERS.includes(state))
      throw new HttpError(400, 'bad_parameter', format(_('“state” must be one of %1$s.'), STATE_FILTERS.join(', ')));
    const sort = (query.sort ?? 'id') as keyof Summary;
    if (!SORT_KEYS.has(sort))
      throw new HttpError(400, 'bad_parameter', format(_('“sort” must be one of %1$s.'), [...SORT_KEYS].join(', ')));
    const order = query.order ?? 'asc';
    if (order !== 'asc' && order !== 'desc')
      throw new HttpError(400, 'bad_parameter', _('“order” must be asc or desc.'));
    const offset = wholeNumber(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber(query, 'limit', 100, 1, MAX_PAGE);
    const search = query.search ?? '';
    const rows = this.#allRows().filter(
      (r) =>
        torrentMatchesState(r, state) &&
        torrentMatchesSearch({ name: r.name, label: r.label, info_hash: r.hash }, search),
    );
    const sign = order === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = a[sort];
      const y = b[sort];
      const c = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
      return c !== 0 ? c * sign : a.id - b.id;
    });
    return { total: rows.length, offset, limit, torrents: rows.slice(offset, offset + limit) };
  }

  #allRows(): Summary[] {
    const now = GLib.get_monotonic_time() / 1000;
    if (!this.#rows || now - this.#rows.at > ROWS_FRESH_MS)
      this.#rows = { at: now, rows: this.#source.torrents().map(torrentSummary) };
    return this.#rows.rows;
  }

  details(hash: string) {
    return torrentDetails(this.#source, this.find(hash));
  }

  /** Runs a torrent action of the app; its refusal in words becomes a 400. */
  async run(name: string, parameter: unknown): Promise<unknown> {
    this.#rows = null; // a command's effect shows in the next list
    try {
      return await this.#commands.run(name, parameter);
    } catch (e) {
      throw new HttpError(400, 'refused', e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Adds an uploaded .torrent: checked here first (a clear 400 for a broken file, 409 for one
   * already in the list), then written to a private upload folder and handed to the app's
   * `add-uris` action like a file from the window; answers once it is in the list.
   */
  async add(bytes: Uint8Array, fileName: string): Promise<Summary> {
    let hash: string;
    try {
      hash = parseMetainfo(bytes).infoHashHex;
    } catch (e) {
      const why = e instanceof MetainfoError ? e.message : String(e);
      throw new HttpError(400, 'bad_torrent', format(_('This is not a .torrent file the app can read: %1$s'), why));
    }
    const existing = this.#source.torrents().find((t) => t.info_hash === hash);
    if (existing) throw new HttpError(409, 'duplicate', format(_('“%1$s” is already in your list.'), existing.name));
    const safe =
      fileName
        .replace(/[/\\\0]/g, '_')
        .replace(/^\.+/, '')
        .slice(0, 200) || 'upload';
    const name = safe.endsWith('.torrent') ? safe : `${safe}.torrent`;
    GLib.mkdir_with_parents(this.#uploadDir, 0o700);
    const file = Gio.File.new_for_path(GLib.build_filenamev([this.#uploadDir, `${hash}-${name}`]));
    file.replace_contents(
      bytes,
      null,
      false,
      Gio.FileCreateFlags.PRIVATE | Gio.FileCreateFlags.REPLACE_DESTINATION,
      null,
    );
    try {
      // The app's `add-uris` action answers with the torrents added and the files refused.
      const result = (await this.run('add-uris', [file.get_uri()])) as AddAnswer | undefined;
      const failure = result?.failures?.[0];
      if (failure) throw new HttpError(400, 'refused', failure.message);
      const t = result?.added?.[0] ?? this.#source.torrents().find((x) => x.info_hash === hash);
      if (!t) throw new HttpError(500, 'not_added', _('The torrent was not added; see the app’s log.'));
      return torrentSummary(t);
    } finally {
      file.delete_async(GLib.PRIORITY_DEFAULT, null).catch(() => undefined);
    }
  }
}
