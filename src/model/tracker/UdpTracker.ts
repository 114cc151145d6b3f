import { _ } from '../../lib/i18n.ts';
import { splitUrl } from './announceUrl.ts';
import type { Socks5Proxy } from './Socks5UdpRelay.ts';
import { type AddressFamily, TrackerError } from './types.ts';
import { UdpEndpoint } from './UdpEndpoint.ts';

export { UdpEndpoint };

/** UDP trackers by host:port: one endpoint (socket) each, shared by all torrents. */
export class UdpTracker {
  readonly #endpoints = new Map<string, UdpEndpoint>();
  #proxy: Socks5Proxy | null = null;

  /** The SOCKS 5 proxy to go through, or null; a change closes every endpoint. */
  set proxy(proxy: Socks5Proxy | null) {
    this.#proxy = proxy;
    this.close();
  }

  /** True when UDP goes through a SOCKS 5 proxy. */
  get proxied(): boolean {
    return this.#proxy !== null;
  }

  /** `family`: an endpoint that only uses the name's addresses of that family (BEP 7). */
  endpointFor(url: string, family: AddressFamily | null = null): UdpEndpoint {
    const u = splitUrl(url);
    if (!u || u.scheme !== 'udp' || u.port === -1)
      throw new TrackerError('protocol', _('Not a valid UDP tracker address (udp://host:port): %s').replace('%s', url));
    const k = `${u.host}:${u.port}:${family ?? ''}`;
    let e = this.#endpoints.get(k);
    if (!e) {
      e = new UdpEndpoint(u.host, u.port, this.#proxy, family);
      this.#endpoints.set(k, e);
    }
    return e;
  }

  /** BEP 41 URL data: the path and query of the announce URL, as written. */
  static urlData(url: string): Uint8Array | null {
    const u = splitUrl(url);
    if (!u || !u.path) return null;
    return new TextEncoder().encode(u.path + (u.query !== null ? `?${u.query}` : ''));
  }

  close(): void {
    for (const e of this.#endpoints.values()) e.close();
    this.#endpoints.clear();
  }
}
