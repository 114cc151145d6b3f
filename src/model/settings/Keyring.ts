import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { format, _ } from '../../lib/i18n.ts';

/**
 * The secrets the app keeps outside settings.json, in the user's keyring (the Secret Service:
 * GNOME Keyring, KeePassXC…; inside Flatpak libsecret goes through the Secret portal by itself).
 * Every call is bounded: a keyring that waits on a prompt nobody answers must not hold the app.
 */
export interface SecretKeyring {
  store(id: string, label: string, secret: string): Promise<void>;
  /** The secret, or null when the keyring has none under this id. */
  lookup(id: string): Promise<string | null>;
  clear(id: string): Promise<void>;
}

/** A keyring call that failed; the message completes "…: %s" in plain words. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

/** Where a keyring item lives: its libsecret schema and the one attribute that names it. */
export interface KeyringSchema {
  name: string;
  attribute: string;
  /** A keyring that does not answer (locked, prompting with nobody there) is given up after this. */
  timeoutMs: number;
}

/** The proxy password's items: `ie.fio.dfakeseeder.Proxy`, named by `id`. */
const PROXY_SCHEMA: KeyringSchema = { name: 'ie.fio.dfakeseeder.Proxy', attribute: 'id', timeoutMs: 10000 };

/* The small part of libsecret (gi://Secret, version 1) used here; there are no generated types for it. */
interface SecretModule {
  Schema: { new: (name: string, flags: number, attributes: Record<string, number>) => unknown };
  SchemaFlags: { NONE: number };
  SchemaAttributeType: { STRING: number };
  COLLECTION_DEFAULT: string;
  password_store(...args: unknown[]): Promise<boolean>;
  password_lookup(...args: unknown[]): Promise<string | null>;
  password_clear(...args: unknown[]): Promise<boolean>;
}

let secretModule: Promise<SecretModule | null> | null = null;

/**
 * libsecret, loaded on first use (and only then): a machine without its typelib still runs the
 * app, it just has no keyring. A dynamic import because a static `gi://Secret` import would stop
 * the whole bundle from loading there.
 */
function loadSecret(): Promise<SecretModule | null> {
  secretModule ??= (async () => {
    try {
      const Secret = ((await import('gi://Secret?version=1')) as { default: SecretModule }).default;
      Gio._promisify(Secret as never, 'password_store', 'password_store_finish');
      Gio._promisify(Secret as never, 'password_lookup', 'password_lookup_finish');
      Gio._promisify(Secret as never, 'password_clear', 'password_clear_finish');
      return Secret;
    } catch {
      return null;
    }
  })();
  return secretModule;
}

/** The reason in words a user understands. */
function reasonOf(e: unknown, timeoutMs: number): string {
  if (e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED)) {
    return format(_('the keyring did not answer within %1$s seconds'), timeoutMs / 1000);
  }
  if (
    e instanceof GLib.Error &&
    (e.matches(Gio.DBusError, Gio.DBusError.SERVICE_UNKNOWN) ||
      e.matches(Gio.DBusError, Gio.DBusError.NAME_HAS_NO_OWNER))
  ) {
    return _('no keyring service (such as GNOME Keyring) is running');
  }
  if (e instanceof GLib.Error && e.message.includes('org.freedesktop.secrets')) {
    return _('no keyring service (such as GNOME Keyring) is running');
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The user's keyring through libsecret, items in the default collection under one schema (the
 * proxy password's unless told otherwise; remote access keeps its password under its own).
 */
export class LibsecretKeyring implements SecretKeyring {
  readonly #spec: KeyringSchema;
  #schema: unknown = null;

  constructor(schema: KeyringSchema = PROXY_SCHEMA) {
    this.#spec = schema;
  }

  async #secret(): Promise<SecretModule> {
    const Secret = await loadSecret();
    if (!Secret) throw new KeyringError(_('libsecret is not installed, so there is no keyring to use'));
    this.#schema ??= Secret.Schema.new(this.#spec.name, Secret.SchemaFlags.NONE, {
      [this.#spec.attribute]: Secret.SchemaAttributeType.STRING,
    });
    return Secret;
  }

  #attributes(id: string): Record<string, string> {
    return { [this.#spec.attribute]: id };
  }

  async #bounded<T>(call: (cancellable: Gio.Cancellable) => Promise<T>): Promise<T> {
    const cancellable = new Gio.Cancellable();
    const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.#spec.timeoutMs, () => {
      cancellable.cancel();
      return GLib.SOURCE_REMOVE;
    });
    try {
      return await call(cancellable);
    } catch (e) {
      throw new KeyringError(reasonOf(e, this.#spec.timeoutMs));
    } finally {
      if (!cancellable.is_cancelled()) GLib.source_remove(timer);
    }
  }

  async store(id: string, label: string, secret: string): Promise<void> {
    const Secret = await this.#secret();
    await this.#bounded((c) =>
      Secret.password_store(this.#schema, this.#attributes(id), Secret.COLLECTION_DEFAULT, label, secret, c),
    );
  }

  async lookup(id: string): Promise<string | null> {
    const Secret = await this.#secret();
    return this.#bounded((c) => Secret.password_lookup(this.#schema, this.#attributes(id), c));
  }

  async clear(id: string): Promise<void> {
    const Secret = await this.#secret();
    await this.#bounded((c) => Secret.password_clear(this.#schema, this.#attributes(id), c));
  }
}
