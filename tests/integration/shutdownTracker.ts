import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

/**
 * An HTTP tracker on 127.0.0.1 for the faults a real tracker will not produce on demand: it
 * answers `started` and regular announces at once, but holds every `stopped` for
 * `stoppedDelayMs` (or forever once `silent`), so a spec or the bench can see how many
 * farewells were in flight at the same time and how the budget treats a tracker that
 * stopped answering.
 */
export class ShutdownTracker {
  readonly #server = new Soup.Server({});
  readonly port: number;
  /** Info hashes (40 hex) whose `started` was answered. */
  readonly startedHashes = new Set<string>();
  /** Info hashes whose `stopped` arrived (answered or not). */
  readonly stoppedHashes = new Set<string>();
  stoppedRequests = 0;
  stoppedAnswered = 0;
  /** `stopped` requests being held right now, and the most ever held at once. */
  stoppedInFlight = 0;
  maxStoppedInFlight = 0;
  /** Milliseconds every `stopped` is held before its answer. */
  stoppedDelayMs: number;
  /** When true nothing is answered any more: a tracker that stopped answering. */
  silent = false;
  /** Requests held forever while silent; kept so they are not collected. */
  readonly #held: Soup.ServerMessage[] = [];
  readonly #timers = new Set<number>();

  constructor(stoppedDelayMs = 0) {
    this.stoppedDelayMs = stoppedDelayMs;
    this.#server.add_handler('/announce', (_server, msg) => this.#announce(msg));
    this.#server.listen_local(0, Soup.ServerListenOptions.IPV4_ONLY);
    const uri = this.#server.get_uris()[0];
    this.port = uri.get_port();
  }

  get announceUrl(): string {
    return `http://127.0.0.1:${this.port}/announce`;
  }

  stop(): void {
    for (const t of this.#timers) GLib.source_remove(t);
    this.#timers.clear();
    this.#held.length = 0;
    this.#server.disconnect();
  }

  #announce(msg: Soup.ServerMessage): void {
    const params = parseQuery(msg.get_uri().get_query() ?? '');
    const hash = params.get('info_hash') ?? '';
    const event = params.get('event') ?? '';
    if (event === 'stopped') {
      this.stoppedRequests++;
      this.stoppedHashes.add(hash);
      this.stoppedInFlight++;
      this.maxStoppedInFlight = Math.max(this.maxStoppedInFlight, this.stoppedInFlight);
    }
    if (this.silent) {
      msg.pause();
      this.#held.push(msg);
      return;
    }
    if (event !== 'stopped') {
      if (event === 'started') this.startedHashes.add(hash);
      reply(msg);
      return;
    }
    msg.pause();
    const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.stoppedDelayMs, () => {
      this.#timers.delete(timer);
      this.stoppedInFlight--;
      this.stoppedAnswered++;
      reply(msg);
      msg.unpause();
      return GLib.SOURCE_REMOVE;
    });
    this.#timers.add(timer);
  }
}

function reply(msg: Soup.ServerMessage): void {
  // One seeder (us), a long interval, no peers: what opentracker answers a lone seeder.
  const body = 'd8:completei1e10:incompletei0e8:intervali1800e12:min intervali900e5:peers0:e';
  msg.set_status(200, null);
  msg.set_response('text/plain', Soup.MemoryUse.COPY, new TextEncoder().encode(body));
}

/** Query parameters; `info_hash` comes back as 40 lowercase hex digits. */
function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    if (key === 'info_hash') {
      const bytes = GLib.uri_unescape_bytes(raw, -1, null).toArray();
      out.set(key, Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    } else {
      out.set(key, GLib.uri_unescape_string(raw, null) ?? raw);
    }
  }
  return out;
}
