import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { PBKDF2_ITERATIONS, constantTimeEqual, pbkdf2Sha256 } from './pbkdf2.ts';
import { type Settings, SETTINGS } from '../../model/settings/index.ts';
import { randomBytes } from './secureRandom.ts';

/** Where a password record can live besides settings.json: the desktop keyring (libsecret). */
export interface Keyring {
  store(record: string): Promise<void>;
  lookup(): Promise<string | null>;
  clear(): Promise<void>;
}

const SCHEME = 'pbkdf2-sha256';
const MIN_LENGTH = 8;

/**
 * The remote-access password. Never kept in plain text: a salted PBKDF2-HMAC-SHA256 record
 * (`pbkdf2-sha256$iterations$salt$hash`, base64) goes to the keyring when one answers, or else
 * to `remote.password_hash` in settings.json. `remote.password_in_keyring` says which, so
 * "is a password set" needs no keyring round trip.
 */
export class PasswordVault {
  readonly #settings: Settings;
  readonly #keyring: Keyring | null;

  constructor(settings: Settings, keyring: Keyring | null) {
    this.#settings = settings;
    this.#keyring = keyring;
  }

  get isSet(): boolean {
    return this.#settings.get(SETTINGS.remote.password_in_keyring) || this.#record() !== '';
  }

  get inKeyring(): boolean {
    return this.#settings.get(SETTINGS.remote.password_in_keyring);
  }

  #record(): string {
    return this.#settings.get(SETTINGS.remote.password_hash);
  }

  /** A sentence saying why this password is refused, or null. */
  static problemWith(password: string): string | null {
    if ([...password].length < MIN_LENGTH) return _('The password needs at least 8 characters.');
    return null;
  }

  /** Replaces the password. Throws an Error with a plain sentence if it is refused. */
  async set(password: string): Promise<void> {
    const problem = PasswordVault.problemWith(password);
    if (problem) throw new Error(problem);
    const salt = randomBytes(16);
    const hash = await pbkdf2Sha256(password, salt, PBKDF2_ITERATIONS);
    const record = [SCHEME, PBKDF2_ITERATIONS, GLib.base64_encode(salt), GLib.base64_encode(hash)].join('$');
    if (this.#keyring) {
      try {
        await this.#keyring.store(record);
        this.#settings.set(SETTINGS.remote.password_hash.path, '');
        this.#settings.set(SETTINGS.remote.password_in_keyring.path, true);
        return;
      } catch (e) {
        logger.info(`keyring not available for the remote password (${errorMessage(e)}); using settings.json`);
      }
    }
    this.#settings.set(SETTINGS.remote.password_hash.path, record);
    this.#settings.set(SETTINGS.remote.password_in_keyring.path, false);
  }

  /** Forgets the password (remote access then stays off until a new one is set). */
  async clear(): Promise<void> {
    if (this.inKeyring && this.#keyring) await this.#keyring.clear().catch(() => undefined);
    this.#settings.set(SETTINGS.remote.password_hash.path, '');
    this.#settings.set(SETTINGS.remote.password_in_keyring.path, false);
  }

  /** True when `password` is the one set; the comparison takes the same time whatever differs. */
  async verify(password: string): Promise<boolean> {
    let record = this.#record();
    if (this.inKeyring) {
      if (!this.#keyring) return false;
      try {
        record = (await this.#keyring.lookup()) ?? '';
      } catch (e) {
        logger.warning(`the keyring did not give the remote password: ${errorMessage(e)}`);
        return false;
      }
    }
    const [scheme, iterationsText, saltText, hashText] = record.split('$');
    const iterations = Number(iterationsText);
    if (scheme !== SCHEME || !Number.isInteger(iterations) || iterations < 1 || !saltText || !hashText) {
      // Same work as a real check, so timing does not tell "no password" from "wrong password".
      await pbkdf2Sha256(password, new Uint8Array(16), PBKDF2_ITERATIONS);
      return false;
    }
    const expected = GLib.base64_decode(hashText);
    const actual = await pbkdf2Sha256(password, GLib.base64_decode(saltText), iterations);
    return constantTimeEqual(actual, expected);
  }
}
