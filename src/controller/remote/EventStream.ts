import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import type { Unsubscribe } from '../../view/TorrentSource.ts';
import type { RemoteSource } from './RemoteSource.ts';
import { Torrent } from '../../model/torrent/Torrent.ts';
import { liveFields, torrentSummary } from './torrentJson.ts';

/** A comment line this often keeps proxies from closing a quiet stream, and finds dead peers. */
const HEARTBEAT_S = 25;
/** Pages connected at once; more get 429 from the API. */
export const MAX_STREAMS = 32;

type Row = ReturnType<typeof torrentSummary>;

const TOTAL_FIELDS = [
  'upload_rate',
  'download_rate',
  'session_uploaded',
  'session_downloaded',
  'total_uploaded',
  'total_downloaded',
] as const;
type TotalField = (typeof TOTAL_FIELDS)[number];

/** Global figures besides the totals: the counts per state and the alternative-speed switch. */
export interface StreamExtras {
  counts(): unknown;
  alternativeSpeeds(): boolean;
}

const encoder = new TextEncoder();

/**
 * The live event stream (`GET /api/v1/events`, Server-Sent Events). While at least one page is
 * connected it listens to the app's change notifications (at most about one a second) and sends
 * only what changed: `stats` (global figures), `torrents` (the live fields of the torrents whose
 * figures moved), `added` (whole rows) and `removed` (hashes). With no page connected it
 * listens to nothing, so it costs nothing.
 */
export class EventStream {
  readonly #source: RemoteSource;
  readonly #stats: () => unknown;
  readonly #extras: StreamExtras;
  readonly #clients = new Set<Soup.ServerMessage>();
  #unsubscribe: Unsubscribe | null = null;
  #heartbeat = 0;
  /** The live fields last sent, per info hash. */
  #last = new Map<string, Record<string, unknown>>();
  /** Torrents whose properties moved since the last push (their `notify`), and the handler ids. */
  readonly #dirty = new Set<Torrent>();
  readonly #watched = new Map<Torrent, number>();
  #lastStats = '';
  /** The list's membership moved since the last push (items-changed). */
  #listMoved = false;
  #unlisten: Unsubscribe | null = null;
  #releaseFigures: (() => void) | null = null;
  /** Sums of the totals over the torrents, kept from the live fields as they change. */
  readonly #sums = new Map<TotalField, number>(TOTAL_FIELDS.map((f) => [f, 0]));
  /** Events sent since start (all pages), for bench/remote.sh. */
  sent = 0;

  constructor(source: RemoteSource, stats: () => unknown, extras: StreamExtras) {
    this.#source = source;
    this.#stats = stats;
    this.#extras = extras;
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Turns `msg` into a stream; the first events are the full list and the figures. */
  attach(msg: Soup.ServerMessage): void {
    msg.set_status(200, null);
    const h = msg.get_response_headers();
    h.set_content_type('text/event-stream', null);
    h.replace('Cache-Control', 'no-store');
    h.set_encoding(Soup.Encoding.EOF);
    this.#clients.add(msg);
    msg.connect('finished', () => this.#drop(msg));
    if (this.#clients.size === 1) this.#listen();
    this.#write(msg, 'snapshot', { torrents: this.#source.torrents().map(torrentSummary), stats: this.#stats() });
  }

  /** Ends every stream (server stopping). */
  closeAll(): void {
    for (const msg of [...this.#clients]) {
      this.#drop(msg);
      msg.get_response_body().complete();
      msg.unpause();
    }
  }

  #drop(msg: Soup.ServerMessage): void {
    if (!this.#clients.delete(msg) || this.#clients.size > 0) return;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#heartbeat) GLib.source_remove(this.#heartbeat);
    this.#heartbeat = 0;
    this.#unlisten?.();
    this.#unlisten = null;
    this.#releaseFigures?.();
    this.#releaseFigures = null;
    for (const [t, id] of this.#watched) t.disconnect(id);
    this.#watched.clear();
    this.#dirty.clear();
    this.#last.clear();
    for (const f of TOTAL_FIELDS) this.#sums.set(f, 0);
  }

  #listen(): void {
    // The stream sends the per-tick figures as they move: they notify while a page listens.
    this.#releaseFigures = Torrent.observeFigures();
    this.#last.clear();
    for (const f of TOTAL_FIELDS) this.#sums.set(f, 0);
    for (const t of this.#source.torrents()) this.#watch(t);
    this.#lastStats = JSON.stringify(this.#streamStats());
    this.#unsubscribe = this.#source.onChanged(() => this.push());
    this.#unlisten = this.#source.onListChanged(() => (this.#listMoved = true));
    this.#heartbeat = GLib.timeout_add_seconds(GLib.PRIORITY_LOW, HEARTBEAT_S, () => {
      for (const msg of this.#clients) this.#send(msg, ': keep-alive\n\n');
      return GLib.SOURCE_CONTINUE;
    });
  }

  /**
   * Only torrents whose properties moved are read again at the next push: reading every
   * property of every torrent each second is what would cost (GObject reads through GJS).
   */
  #watch(t: Torrent): void {
    this.#remember(t.info_hash, liveFields(t));
    this.#watched.set(
      t,
      t.connect('notify', () => this.#dirty.add(t)),
    );
  }

  /** Sends what changed since the last push to every page. */
  push(): void {
    if (this.#clients.size === 0) return;
    const added: Row[] = [];
    const removed: string[] = [];
    if (this.#listMoved) {
      this.#listMoved = false;
      const current = this.#source.torrents();
      const present = new Set(current);
      for (const [t, id] of [...this.#watched])
        if (!present.has(t)) {
          t.disconnect(id);
          this.#watched.delete(t);
          this.#dirty.delete(t);
        }
      const hashes = new Set(current.map((t) => t.info_hash));
      for (const h of [...this.#last.keys()])
        if (!hashes.has(h)) {
          this.#remember(h, null);
          removed.push(h);
        }
      for (const t of current)
        if (!this.#watched.has(t)) {
          this.#watch(t);
          added.push(torrentSummary(t));
        }
    }
    const changed: Record<string, unknown>[] = [];
    for (const t of this.#dirty) {
      const now = liveFields(t);
      const before = this.#last.get(t.info_hash) ?? {};
      let diff: Record<string, unknown> | null = null;
      for (const f of Object.keys(now))
        if (now[f] !== before[f]) {
          diff ??= { hash: t.info_hash };
          diff[f] = now[f];
        }
      this.#remember(t.info_hash, now);
      if (diff) changed.push(diff);
    }
    this.#dirty.clear();
    const statsText = JSON.stringify(this.#streamStats());
    for (const msg of this.#clients) {
      if (added.length) this.#write(msg, 'added', added);
      if (removed.length) this.#write(msg, 'removed', removed);
      if (changed.length) this.#write(msg, 'torrents', changed);
      if (statsText !== this.#lastStats) this.#send(msg, `event: stats\ndata: ${statsText}\n\n`);
    }
    this.#lastStats = statsText;
  }

  /** Keeps the last fields sent for a torrent (null: it left) and the sums in step. */
  #remember(hash: string, fields: Record<string, unknown> | null): void {
    const before = this.#last.get(hash);
    for (const f of TOTAL_FIELDS)
      this.#sums.set(f, this.#sums.get(f)! - Number(before?.[f] ?? 0) + Number(fields?.[f] ?? 0));
    if (fields) this.#last.set(hash, fields);
    else this.#last.delete(hash);
  }

  /** The same figures as GET /api/v1/stats, from the sums: no pass over every torrent. */
  #streamStats() {
    const out: Record<string, unknown> = Object.fromEntries(this.#sums);
    out.torrents = this.#last.size;
    out.counts = this.#extras.counts();
    out.alternative_speeds = this.#extras.alternativeSpeeds();
    return out;
  }

  #write(msg: Soup.ServerMessage, event: string, data: unknown): void {
    this.#send(msg, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  #send(msg: Soup.ServerMessage, text: string): void {
    msg.get_response_body().append(encoder.encode(text));
    msg.unpause();
    this.sent++;
  }
}
