import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { APP_NAME } from '../../lib/config.ts';
import { format, _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import type { SecretKeyring } from './Keyring.ts';
import { SETTINGS } from './schema.ts';
import type { SettingsStore } from './SettingsStore.ts';

/** The setting that holds the reference to the keyring item (never the password itself). */
const PASSWORD_ID = SETTINGS.proxy.password_id;

interface ProxyPasswordSignals extends GObject.Object.SignalSignatures {
  changed: () => void;
}

/**
 * The proxy password. It lives in the user's keyring (libsecret); settings.json keeps only
 * `proxy.password_id`, the keyring item's reference. When no keyring can be used, the password
 * is kept in memory for this run only (never written in plain text) and `problem` says so.
 * A plain `proxy.password` found in settings.json (the original's, or an older version's) is
 * moved into the keyring, and is gone from the file at the next save either way.
 */
export class ProxyPassword extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsProxyPassword',
        Signals: {
          /** The password, or what `problem` says, changed. */
          changed: {},
        },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, ProxyPasswordSignals>['connect'];
  declare emit: GObject.SignalMethods<this, ProxyPasswordSignals>['emit'];

  #settings!: SettingsStore;
  #keyring!: SecretKeyring;
  #value = '';
  #problem: string | null = null;
  #ready: Promise<void> = Promise.resolve();
  /** Each change gets a number; a slower keyring answer for an older one is ignored. */
  #serial = 0;

  static create(settings: SettingsStore, keyring: SecretKeyring): ProxyPassword {
    const p = new ProxyPassword();
    p.#settings = settings;
    p.#keyring = keyring;
    return p;
  }

  /** The password to use now ('' until the keyring answered, or when there is none). */
  get value(): string {
    return this.#value;
  }

  /** Why the password is not (or could not be) kept in the keyring, in plain words; null when all is well. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Settles once the password at start (keyring lookup or migration) is known. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  /** Looks the password up in the keyring, or moves `plain` (found in settings.json) there. */
  start(plain: string | null): Promise<void> {
    this.#ready = plain ? this.#migrate(plain) : this.#lookUp();
    return this.#ready;
  }

  async #lookUp(): Promise<void> {
    const id = this.#id();
    if (!id) return;
    const serial = this.#serial;
    try {
      const found = await this.#keyring.lookup(id);
      if (serial !== this.#serial) return;
      if (found === null) {
        this.#update('', _('The saved proxy password is no longer in your keyring. Enter it again.'));
      } else {
        this.#update(found, null);
      }
    } catch (e) {
      if (serial !== this.#serial) return;
      this.#update(
        '',
        format(
          _(
            'The proxy password could not be read from your keyring (%1$s). Enter it again; it will be kept for this run only.',
          ),
          (e as Error).message,
        ),
      );
    }
  }

  async #migrate(plain: string): Promise<void> {
    this.#update(plain, null);
    await this.change(plain);
    if (this.#problem === null) logger.info('settings: the proxy password was moved from settings.json to the keyring');
    // The file still holds it in plain text until the next save.
    this.#settings.scheduleSave();
  }

  /**
   * Sets the password: stored in the keyring (an empty one is removed from it). Never rejects:
   * without a keyring the password is used for this run only and `problem` says why.
   */
  async change(password: string): Promise<void> {
    const serial = ++this.#serial;
    this.#update(password, this.#problem);
    let id = this.#id();
    try {
      if (password === '') {
        if (id) await this.#keyring.clear(id);
        if (serial !== this.#serial) return;
        this.#update('', null);
        if (id) this.#settings.set(PASSWORD_ID.path, '');
        return;
      }
      id ||= GLib.uuid_string_random();
      const server = this.#settings.get(SETTINGS.proxy.server);
      await this.#keyring.store(
        id,
        // Translators: %1$s is the app's name, %2$s the proxy server.
        format(_('%1$s proxy password for %2$s'), APP_NAME, server || _('the proxy')),
        password,
      );
      if (serial !== this.#serial) return;
      if (this.#id() !== id) this.#settings.set(PASSWORD_ID.path, id);
      this.#update(password, null);
    } catch (e) {
      if (serial !== this.#serial) return;
      const message = format(
        _(
          'The proxy password could not be stored in your keyring (%1$s). It is used for this run only and is not saved.',
        ),
        (e as Error).message,
      );
      this.#update(password, message);
    }
  }

  #id(): string {
    return this.#settings.get(PASSWORD_ID);
  }

  #update(value: string, problem: string | null): void {
    if (value === this.#value && problem === this.#problem) return;
    this.#value = value;
    this.#problem = problem;
    this.emit('changed');
  }
}
