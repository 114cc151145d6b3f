import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import type { Unsubscribe } from '../../view/TorrentSource.ts';
import type { RemoteSource } from './RemoteSource.ts';
import { LIVE_FIELDS, torrentSummary } from './torrentJson.ts';

/** A comment line this often keeps proxies from closing a quiet stream, and finds dead peers. */
const HEARTBEAT_S = 25;
/** Pages connected at once; more get 429 from the API. */
export const MAX_STREAMS = 32;

type Row = ReturnType<typeof torrentSummary>;

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
  readonly #clients = new Set<Soup.ServerMessage>();
  #unsubscribe: Unsubscribe | null = null;
  #heartbeat = 0;
  #last = new Map<string, Row>();
  #lastStats = '';
  /** Events sent since start (all pages), for bench/remote.sh. */
  sent = 0;

  constructor(source: RemoteSource, stats: () => unknown) {
    this.#source = source;
    this.#stats = stats;
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
  }

  #listen(): void {
    this.#last = new Map(this.#source.torrents().map((t) => [t.info_hash, torrentSummary(t)]));
    this.#lastStats = JSON.stringify(this.#stats());
    this.#unsubscribe = this.#source.onChanged(() => this.push());
    this.#heartbeat = GLib.timeout_add_seconds(GLib.PRIORITY_LOW, HEARTBEAT_S, () => {
      for (const msg of this.#clients) this.#send(msg, ': keep-alive\n\n');
      return GLib.SOURCE_CONTINUE;
    });
  }

  /** Sends what changed since the last push to every page. */
  push(): void {
    if (this.#clients.size === 0) return;
    const now = new Map<string, Row>();
    const changed: Record<string, unknown>[] = [];
    const added: Row[] = [];
    for (const t of this.#source.torrents()) {
      const row = torrentSummary(t);
      now.set(row.hash, row);
      const before = this.#last.get(row.hash);
      if (!before) {
        added.push(row);
        continue;
      }
      let diff: Record<string, unknown> | null = null;
      for (const f of LIVE_FIELDS)
        if (row[f] !== before[f]) {
          diff ??= { hash: row.hash };
          diff[f] = row[f];
        }
      if (before.name !== row.name || before.label !== row.label || before.priority !== row.priority) {
        diff ??= { hash: row.hash };
        Object.assign(diff, {
          name: row.name,
          label: row.label,
          priority: row.priority,
          upload_limit: row.upload_limit,
          download_limit: row.download_limit,
        });
      }
      if (diff) changed.push(diff);
    }
    const removed = [...this.#last.keys()].filter((h) => !now.has(h));
    this.#last = now;
    const stats = this.#stats();
    const statsText = JSON.stringify(stats);
    for (const msg of this.#clients) {
      if (added.length) this.#write(msg, 'added', added);
      if (removed.length) this.#write(msg, 'removed', removed);
      if (changed.length) this.#write(msg, 'torrents', changed);
      if (statsText !== this.#lastStats) this.#send(msg, `event: stats\ndata: ${statsText}\n\n`);
    }
    this.#lastStats = statsText;
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
