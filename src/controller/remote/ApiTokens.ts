import GLib from 'gi://GLib';

import { _ } from '../../lib/i18n.ts';
import { constantTimeEqual, sha256 } from './pbkdf2.ts';
import { type Settings, SETTINGS } from '../../model/settings/index.ts';
import { randomToken } from './secureRandom.ts';

const PREFIX = 'dfs_';

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substring(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * API tokens for scripts (`Authorization: Bearer dfs_…`). A token carries 256 random bits, so a
 * plain SHA-256 of it is a safe thing to store (`remote.tokens`); the token itself is returned
 * once, by `create`, and never kept.
 */
/** A stored API token: only its hash is kept; the token itself is shown once, when created. */
export interface StoredToken {
  id: string;
  name: string;
  /** Hex SHA-256 of the token. */
  hash: string;
  /** Unix seconds. */
  created: number;
}

export class ApiTokens {
  readonly #settings: Settings;

  constructor(settings: Settings) {
    this.#settings = settings;
  }

  list(): StoredToken[] {
    const raw = this.#settings.get(SETTINGS.remote.tokens);
    const out: StoredToken[] = [];
    for (const line of raw) {
      const [id, created, hash, ...name] = line.split('$');
      if (id && /^[0-9a-f]{64}$/.test(hash ?? '') && Number.isFinite(Number(created)))
        out.push({ id, created: Number(created), hash, name: name.join('$') });
    }
    return out;
  }

  #save(tokens: StoredToken[]): void {
    this.#settings.set(
      SETTINGS.remote.tokens.path,
      tokens.map((t) => `${t.id}$${t.created}$${t.hash}$${t.name}`),
    );
  }

  /** A new token named `name`; the returned `token` is the only time it is ever shown. */
  create(name: string): { token: string; entry: StoredToken } {
    const label = name.trim();
    if (label === '') throw new Error(_('Give the token a name, so you know later which script uses it.'));
    if (label.length > 100) throw new Error(_('The token name is too long (at most 100 characters).'));
    const token = PREFIX + randomToken(32);
    const entry: StoredToken = {
      id: randomToken(9),
      name: label,
      hash: toHex(sha256(token)),
      created: Math.floor(GLib.get_real_time() / 1e6),
    };
    this.#save([...this.list(), entry]);
    return { token, entry };
  }

  /** Revokes a token; it stops working at once (also for a request in progress next time). */
  revoke(id: string): boolean {
    const before = this.list();
    const after = before.filter((t) => t.id !== id);
    if (after.length === before.length) return false;
    this.#save(after);
    return true;
  }

  /** The token's entry, or null. Every stored hash is compared, in constant time each. */
  verify(token: string): StoredToken | null {
    if (!token.startsWith(PREFIX) || token.length > 200) return null;
    const hash = sha256(token);
    let found: StoredToken | null = null;
    for (const t of this.list()) if (constantTimeEqual(hash, fromHex(t.hash))) found = t;
    return found;
  }
}
