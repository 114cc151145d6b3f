import Soup from 'gi://Soup?version=3.0';

/**
 * The page's Content-Security-Policy: only the app's own script, style and fetches; no inline
 * script, no frames, no plugins, no form posts elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers on every answer. No Access-Control-* header is ever sent: other sites get no CORS. */
export function addSecurityHeaders(msg: Soup.ServerMessage): void {
  const h = msg.get_response_headers();
  h.replace('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  h.replace('X-Content-Type-Options', 'nosniff');
  h.replace('X-Frame-Options', 'DENY');
  h.replace('Referrer-Policy', 'no-referrer');
  h.replace('Cross-Origin-Opener-Policy', 'same-origin');
  h.replace('Cross-Origin-Resource-Policy', 'same-origin');
  h.replace('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

const encoder = new TextEncoder();

export function sendJson(msg: Soup.ServerMessage, status: number, body: unknown): void {
  msg.set_status(status, null);
  msg.get_response_headers().replace('Cache-Control', 'no-store');
  if (status === 204) {
    msg.set_response(null, Soup.MemoryUse.COPY, null);
    return;
  }
  msg.set_response('application/json; charset=utf-8', Soup.MemoryUse.COPY, encoder.encode(JSON.stringify(body)));
}

/** A refusal a person can read: `{"error": {"status", "code", "message"}}`. */
export function sendError(msg: Soup.ServerMessage, status: number, code: string, message: string): void {
  sendJson(msg, status, { error: { status, code, message } });
}

/** An error thrown by a route: carries the HTTP status and a sentence for the user. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds, for 429. */
  readonly retryAfter: number;

  constructor(status: number, code: string, message: string, retryAfter = 0) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}
