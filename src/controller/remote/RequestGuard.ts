import GLib from 'gi://GLib';
import type Soup from 'gi://Soup?version=3.0';

import { _, format } from '../../lib/i18n.ts';
import type { ApiTokens } from './ApiTokens.ts';
import { HttpError } from './httpReply.ts';
import { constantTimeEqual } from './pbkdf2.ts';
import { type Settings, SETTINGS } from '../../model/settings/index.ts';
import { SESSION_COOKIE, type Session, type SessionStore } from './SessionStore.ts';

/** Who is asking: a browser session (cookie + CSRF) or a script (API token). */
export type Caller = { kind: 'session'; session: Session } | { kind: 'token'; tokenId: string };

const encoder = new TextEncoder();
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** `host[:port]` → host in lower case, without brackets; null when it is not a host. */
function hostName(header: string): string | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m) return null;
  return m[1].replace(/^\[|\]$/g, '').toLowerCase();
}

function isIpLiteral(host: string): boolean {
  return GLib.hostname_is_ip_address(host);
}

/**
 * The checks every request passes before a route sees it:
 * - `Host` must name this computer as configured: the loopback names, and with the network
 *   option an IP address, this computer's host name, or a name listed in `remote.host_names`.
 *   A DNS-rebinding page has its own domain in `Host`, so it is refused.
 * - `Origin` (and `Sec-Fetch-Site`), when a browser sends them, must be this same origin.
 * - the caller: a session cookie, or `Authorization: Bearer <token>`;
 * - with a session, a request that changes something carries its CSRF token in `X-CSRF-Token`.
 */
export class RequestGuard {
  readonly #settings: Settings;
  readonly #sessions: SessionStore;
  readonly #tokens: ApiTokens;
  readonly #tls: () => boolean;

  constructor(settings: Settings, sessions: SessionStore, tokens: ApiTokens, tls: () => boolean) {
    this.#settings = settings;
    this.#sessions = sessions;
    this.#tokens = tokens;
    this.#tls = tls;
  }

  /** True when the page may be opened under this host name. */
  hostAllowed(host: string): boolean {
    if (LOOPBACK_NAMES.has(host)) return true;
    if (this.#settings.get(SETTINGS.remote.listen) !== 'network') return false;
    if (isIpLiteral(host)) return true;
    const own = GLib.get_host_name().toLowerCase();
    if (host === own || host === `${own}.local`) return true;
    return this.#settings
      .get(SETTINGS.remote.host_names)
      .split(',')
      .map((n) => n.trim().toLowerCase())
      .some((n) => n !== '' && n === host);
  }

  /** Host, Origin and Sec-Fetch-Site; throws HttpError 403/400. */
  checkOrigin(msg: Soup.ServerMessage): void {
    const headers = msg.get_request_headers();
    const hostHeader = headers.get_one('Host');
    const host = hostHeader ? hostName(hostHeader) : null;
    if (!hostHeader || host === null)
      throw new HttpError(400, 'bad_host', _('The request did not say which address it was sent to (Host).'));
    if (!this.hostAllowed(host))
      throw new HttpError(
        403,
        'host_not_allowed',
        this.#settings.get(SETTINGS.remote.listen) === 'network'
          ? format(
              _(
                'This app does not answer to the address “%1$s”. Open it by its IP address, or add the name under Preferences → Remote Access → Other names.',
              ),
              host,
            )
          : format(
              _('This app does not answer to the address “%1$s”: remote access is for this computer only (127.0.0.1).'),
              host,
            ),
      );
    const origin = headers.get_one('Origin');
    if (origin !== null) {
      const scheme = this.#tls() ? 'https' : 'http';
      if (origin !== `${scheme}://${hostHeader.trim().toLowerCase()}`)
        throw new HttpError(403, 'cross_origin', _('Requests from other web sites are refused.'));
    }
    const site = headers.get_one('Sec-Fetch-Site');
    if (site !== null && site !== 'same-origin' && site !== 'none')
      throw new HttpError(403, 'cross_origin', _('Requests from other web sites are refused.'));
  }

  /** The caller, or HttpError 401/403. `csrf` false only for login itself. */
  authenticate(msg: Soup.ServerMessage): Caller {
    const headers = msg.get_request_headers();
    const auth = headers.get_one('Authorization');
    if (auth !== null) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
      const entry = m ? this.#tokens.verify(m[1]) : null;
      if (!entry) throw new HttpError(401, 'bad_token', _('This API token is not valid (it may have been revoked).'));
      return { kind: 'token', tokenId: entry.id };
    }
    const session = this.#sessions.find(RequestGuard.cookie(msg, SESSION_COOKIE));
    if (!session) throw new HttpError(401, 'not_logged_in', _('Please log in first.'));
    if (!SAFE_METHODS.has(msg.get_method())) {
      const sent = headers.get_one('X-CSRF-Token');
      if (sent === null || !constantTimeEqual(encoder.encode(sent), encoder.encode(session.csrf)))
        throw new HttpError(
          403,
          'bad_csrf',
          _('This request did not carry the page’s security token. Reload the page and try again.'),
        );
    }
    return { kind: 'session', session };
  }

  /** The value of one cookie of the request, or null. */
  static cookie(msg: Soup.ServerMessage, name: string): string | null {
    const header = msg.get_request_headers().get_list('Cookie');
    if (!header) return null;
    for (const part of header.split(/[;,]/)) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return null;
  }
}
