import GLib from 'gi://GLib';

import { randomToken } from './secureRandom.ts';

/** A session ends after this long without a request. */
const IDLE_S = 12 * 3600;
/** …and after this long in any case. */
const MAX_AGE_S = 7 * 86400;
/** Sessions kept at once; the oldest goes first. */
const MAX_SESSIONS = 64;

export interface Session {
  id: string;
  csrf: string;
  created: number;
  lastSeen: number;
}

export const SESSION_COOKIE = 'dfs_session';

/**
 * Web sessions, in memory only (a restart logs everyone out, which is the safe default). The id
 * travels in an `HttpOnly; SameSite=Strict` cookie; the CSRF token is given to the page at login
 * and must come back in `X-CSRF-Token` with every request that changes something.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #now: () => number;

  constructor(now: () => number = () => GLib.get_monotonic_time() / 1e6) {
    this.#now = now;
  }

  create(): Session {
    const now = this.#now();
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.#sessions.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0];
      this.#sessions.delete(oldest.id);
    }
    const session: Session = { id: randomToken(32), csrf: randomToken(32), created: now, lastSeen: now };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (and it counts as used now), or null. */
  find(id: string | null): Session | null {
    if (!id) return null;
    const s = this.#sessions.get(id);
    if (!s) return null;
    const now = this.#now();
    if (now - s.lastSeen > IDLE_S || now - s.created > MAX_AGE_S) {
      this.#sessions.delete(id);
      return null;
    }
    s.lastSeen = now;
    return s;
  }

  end(id: string): void {
    this.#sessions.delete(id);
  }

  /** Logs everyone out (password changed, remote access turned off). */
  clear(): void {
    this.#sessions.clear();
  }

  get size(): number {
    return this.#sessions.size;
  }
}
