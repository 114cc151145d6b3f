import Gio from 'gi://Gio';
import Soup from 'gi://Soup?version=3.0';

import { _, format } from '../../lib/i18n.ts';
import { errorMessage } from '../../lib/errors.ts';
import type { RemoteApi } from './RemoteApi.ts';
import { addSecurityHeaders, sendError } from './httpReply.ts';
import type { WebAssets } from './WebAssets.ts';

/** Largest .torrent accepted by upload (the biggest real ones are a few MB). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest body of any other request (JSON commands are tiny). */
const MAX_BODY_BYTES = 64 * 1024;

export interface ListenOptions {
  port: number;
  /** Only 127.0.0.1 and ::1, or every interface. */
  network: boolean;
  tls: Gio.TlsCertificate | null;
}

/**
 * The HTTP(S) server: one libsoup Soup.Server on the app's own main loop (no thread, no second
 * process). Every answer gets the security headers; request bodies are capped before they are
 * read (413); `/api/…` goes to RemoteApi, anything else to the page's files.
 */
export class RemoteServer {
  readonly #api: RemoteApi;
  readonly #assets: WebAssets;
  #server: Soup.Server | null = null;
  #uris: string[] = [];

  constructor(api: RemoteApi, assets: WebAssets) {
    this.#api = api;
    this.#assets = assets;
  }

  get listening(): boolean {
    return this.#server !== null;
  }

  /** The addresses it listens on, e.g. `http://127.0.0.1:8765/`. */
  get uris(): string[] {
    return [...this.#uris];
  }

  /** Starts listening; throws an Error with a sentence (port taken, bad certificate…). */
  start(options: ListenOptions): void {
    this.stop();
    const server = new Soup.Server({ server_header: 'dfakeseeder' });
    if (options.tls) server.set_tls_certificate(options.tls);
    server.add_early_handler(null, (_s, msg, path) => this.#early(msg, path));
    server.add_handler(null, (_s, msg, path, query) => this.#handle(msg, path, query ?? {}));
    const flags = options.tls ? Soup.ServerListenOptions.HTTPS : (0 as Soup.ServerListenOptions);
    try {
      if (options.network) server.listen_all(options.port, flags);
      else {
        server.listen(Gio.InetSocketAddress.new_from_string('127.0.0.1', options.port)!, flags);
        try {
          server.listen(Gio.InetSocketAddress.new_from_string('::1', options.port)!, flags);
        } catch {
          // No IPv6 loopback here: 127.0.0.1 is enough.
        }
      }
    } catch (e) {
      server.disconnect();
      throw new Error(
        format(_('Remote access could not listen on port %1$s: %2$s'), String(options.port), errorMessage(e)),
        { cause: e },
      );
    }
    this.#server = server;
    this.#uris = server.get_uris().map((u) => u.to_string());
  }

  stop(): void {
    if (!this.#server) return;
    this.#server.disconnect();
    this.#server = null;
    this.#uris = [];
  }

  /** Before the body is read: refuse what is too big, so it is never read into memory. */
  #early(msg: Soup.ServerMessage, path: string): void {
    const headers = msg.get_request_headers();
    const method = msg.get_method();
    if (method === 'GET' || method === 'HEAD') return;
    const upload = method === 'POST' && path === '/api/v1/torrents';
    const cap = upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
    const encoding = headers.get_encoding();
    if (encoding === Soup.Encoding.CHUNKED) {
      addSecurityHeaders(msg);
      sendError(msg, 411, 'length_required', _('Send the request with a Content-Length.'));
    } else if (headers.get_content_length() > cap) {
      addSecurityHeaders(msg);
      sendError(
        msg,
        413,
        'too_large',
        upload
          ? format(
              _('This file is too large for a .torrent (the limit is %1$s MB).'),
              String(MAX_UPLOAD_BYTES / 1048576),
            )
          : _('The request body is too large.'),
      );
    }
  }

  #handle(msg: Soup.ServerMessage, path: string, query: Record<string, string>): void {
    addSecurityHeaders(msg);
    if (msg.get_status() !== 0 && msg.get_status() !== Soup.Status.NONE) return; // answered early
    if (path.startsWith('/api/')) {
      this.#api.handle(msg, path, query);
      return;
    }
    const method = msg.get_method();
    if (method !== 'GET' && method !== 'HEAD') {
      msg.get_response_headers().replace('Allow', 'GET, HEAD');
      sendError(msg, 405, 'method_not_allowed', _('This address only serves the page.'));
      return;
    }
    try {
      this.#api.checkHost(msg);
    } catch (e) {
      const err = e as { status: number; code: string; message: string };
      sendError(msg, err.status, err.code, err.message);
      return;
    }
    this.#assets.serve(msg, path);
  }
}

/** The certificate and key the user pointed at, or an Error saying what is wrong with them. */
export function loadCertificate(certPath: string, keyPath: string): Gio.TlsCertificate {
  try {
    return Gio.TlsCertificate.new_from_files(certPath, keyPath);
  } catch (e) {
    throw new Error(format(_('The TLS certificate or key could not be used: %1$s'), errorMessage(e)), { cause: e });
  }
}
