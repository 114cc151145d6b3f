import { _ } from '../../lib/i18n.ts';
import { type ClientIdentity, escapeBytes, escapeText } from '../identity/index.ts';
import type { GlobalAddresses } from './globalAddresses.ts';
import { type AnnounceRequest, TrackerError } from './types.ts';

/** Tracker URLs as the identity's client writes them: split without re-escaping, announce and scrape URLs, request heads. */

/** The per-session values every announce carries besides the torrent's own. */
export interface AnnounceContext {
  identity: ClientIdentity;
  peerId: Uint8Array;
  key: string;
  port: number;
  /** This computer's public addresses, for identities that send `ipv4=`/`ipv6=` (else unset). */
  globalAddresses?: GlobalAddresses;
}

export interface SplitUrl {
  scheme: string;
  userinfo: string | null;
  host: string; // without IPv6 brackets
  port: number; // -1 = the scheme's default
  path: string; // raw, as written
  query: string | null; // raw, as written
}

/** Splits a tracker URL without re-escaping anything (GLib.Uri.parse would re-case `%xx`). */
export function splitUrl(url: string): SplitUrl | null {
  const m =
    /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[0-9a-fA-F:.]+\]|[^:/?#[\]]+)(?::(\d{1,5}))?([^?#]*)(?:\?([^#]*))?/i.exec(
      url.trim(),
    );
  if (!m) return null;
  const port = m[4] ? Number(m[4]) : -1;
  if (port === 0 || port > 65535) return null;
  return {
    scheme: m[1].toLowerCase(),
    userinfo: m[2] ?? null,
    host: m[3].replace(/^\[|\]$/g, ''),
    port,
    path: m[5] ?? '',
    query: m[6] ?? null,
  };
}

function defaultPort(scheme: string): number {
  return scheme === 'https' ? 443 : 80;
}

/** The `Host` header value: the host, and the port only when it is not the scheme's default. */
export function hostHeader(u: SplitUrl): string {
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  return u.port === -1 || u.port === defaultPort(u.scheme) ? host : `${host}:${u.port}`;
}

/**
 * Escaped info hashes and peer ids, per identity: the same bytes objects are announced again
 * and again (a farewell burst escapes a thousand of each in one go).
 */
const escaped = new WeakMap<Uint8Array, Map<string, string>>();

function escapedBytes(identity: ClientIdentity, bytes: Uint8Array): string {
  let byIdentity = escaped.get(bytes);
  if (!byIdentity) {
    byIdentity = new Map();
    escaped.set(bytes, byIdentity);
  }
  let text = byIdentity.get(identity.id);
  if (text === undefined) {
    text = escapeBytes(identity, bytes);
    byIdentity.set(identity.id, text);
  }
  return text;
}

/** The announce URL exactly as the identity's client writes it (parameter order and escaping). */
export function buildAnnounceUrl(url: string, req: AnnounceRequest, ctx: AnnounceContext): string {
  const id = ctx.identity;
  const stopping = req.event === 'stopped';
  const parts: string[] = [];
  for (const item of id.query) {
    if (item.includes('=')) {
      parts.push(item);
      continue;
    }
    switch (item) {
      case 'info_hash':
        parts.push(`info_hash=${escapedBytes(id, req.infoHash)}`);
        break;
      case 'peer_id':
        parts.push(`peer_id=${escapedBytes(id, ctx.peerId)}`);
        break;
      case 'port':
      case 'azudp':
        parts.push(`${item}=${ctx.port}`);
        break;
      case 'uploaded':
      case 'downloaded':
      case 'left':
        parts.push(`${item}=${Math.max(0, Math.floor(req[item]))}`);
        break;
      case 'corrupt':
      case 'redundant':
        parts.push(`${item}=0`);
        break;
      case 'key':
        parts.push(`key=${ctx.key}`);
        break;
      case 'event':
        if (req.event !== 'none') parts.push(`event=${req.event}`);
        break;
      case 'numwant': {
        const n = stopping ? id.numwantOnStop : id.numwant;
        if (n !== null) parts.push(`numwant=${n}`);
        break;
      }
      case 'trackerid':
        if (req.trackerId) parts.push(`trackerid=${escapeText(id, req.trackerId)}`);
        break;
      case 'ipv4':
      case 'ipv6': {
        // Only when this computer has a public address of that family (Transmission).
        const address = ctx.globalAddresses?.[item];
        if (address) parts.push(`${item}=${escapeText(id, address)}`);
        break;
      }
      default:
        throw new Error(`data/clients.json: unknown query item “${item}” in ${id.id}`);
    }
  }
  return url.trim() + (url.includes('?') ? '&' : '?') + parts.join('&');
}

/** Scrape URL per BEP 48: the last path segment's `announce` becomes `scrape`; null if none. */
export function scrapeUrlFor(url: string): string | null {
  const u = splitUrl(url);
  if (!u) return null;
  const slash = u.path.lastIndexOf('/');
  const last = u.path.slice(slash + 1);
  if (!last.startsWith('announce')) return null;
  const i = url.indexOf(u.path) + slash + 1;
  return url.slice(0, i) + 'scrape' + url.slice(i + 'announce'.length);
}

/**
 * The request head libsoup writes for `url` with the identity's headers (request line, the
 * identity's headers in its order, blank line), as bytes: what the plain transport sends.
 */
export function requestHead(url: string, identity: ClientIdentity, split?: SplitUrl | null): Uint8Array {
  const u = split ?? splitUrl(url);
  if (!u || u.scheme !== 'http')
    throw new TrackerError('protocol', _('Not an HTTP(S) tracker address: %s').replace('%s', url));
  const host = hostHeader(u);
  const key = `${identity.id}\n${identity.userAgent}\n${host}`;
  let headers = headerBlocks.get(key);
  if (headers === undefined) {
    headers = '';
    for (const [name, value] of identity.headers)
      headers += `${name}: ${value.replace('{host}', host).replace('{user_agent}', identity.userAgent)}\r\n`;
    if (headerBlocks.size > 1024) headerBlocks.clear();
    headerBlocks.set(key, headers);
  }
  return utf8Encoder.encode(`GET ${u.path || '/'}${u.query === null ? '' : `?${u.query}`} HTTP/1.1\r\n${headers}\r\n`);
}

/** The identity's header lines per identity and Host (they are the same for every request). */
const headerBlocks = new Map<string, string>();
const utf8Encoder = new TextEncoder();
