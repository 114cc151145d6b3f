import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import type { Keyring } from './PasswordVault.ts';

/** The parts of libsecret (gi://Secret) used here; its typelib is optional at run time. */
interface SecretModule {
  Schema: { new: (name: string, flags: number, attributes: Record<string, number>) => unknown };
  SchemaFlags: { NONE: number };
  SchemaAttributeType: { STRING: number };
  COLLECTION_DEFAULT: string;
  password_store(...args: unknown[]): void;
  password_store_finish(result: Gio.AsyncResult): boolean;
  password_lookup(...args: unknown[]): void;
  password_lookup_finish(result: Gio.AsyncResult): string | null;
  password_clear(...args: unknown[]): void;
  password_clear_finish(result: Gio.AsyncResult): boolean;
}

const SCHEMA_NAME = 'ie.fio.dfakeseeder.Remote';
const ATTRIBUTES = { purpose: 'remote-access-password' };
/** A keyring that does not answer (locked, prompting with nobody there) must not hold a login. */
const TIMEOUT_MS = 5000;

/**
 * The remote password record in the desktop keyring through libsecret, under the schema
 * `ie.fio.dfakeseeder.Remote`. libsecret's typelib is loaded on first use; where it is missing,
 * or no Secret Service answers (after at most 5 s), the calls reject and PasswordVault keeps the
 * record in settings.json instead.
 */
export class SecretKeyring implements Keyring {
  #loaded: Promise<{ secret: SecretModule; schema: unknown }> | null = null;

  #load(): Promise<{ secret: SecretModule; schema: unknown }> {
    this.#loaded ??= (async () => {
      if (GLib.getenv('DBUS_SESSION_BUS_ADDRESS') === null && GLib.getenv('XDG_RUNTIME_DIR') === null)
        throw new Error('no session bus');
      const secret = ((await import('gi://Secret?version=1')) as { default: SecretModule }).default;
      const schema = secret.Schema.new(SCHEMA_NAME, secret.SchemaFlags.NONE, {
        purpose: secret.SchemaAttributeType.STRING,
      });
      return { secret, schema };
    })();
    return this.#loaded;
  }

  #call<T>(
    start: (cancellable: Gio.Cancellable, done: (r: Gio.AsyncResult) => void) => void,
    finish: (r: Gio.AsyncResult) => T,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const cancellable = new Gio.Cancellable();
      const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, TIMEOUT_MS, () => {
        cancellable.cancel();
        return GLib.SOURCE_REMOVE;
      });
      start(cancellable, (result) => {
        GLib.source_remove(timer);
        try {
          resolve(finish(result));
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  async store(record: string): Promise<void> {
    const { secret: s, schema } = await this.#load();
    await this.#call(
      (c, done) =>
        s.password_store(
          schema,
          ATTRIBUTES,
          s.COLLECTION_DEFAULT,
          "D' Fake Seeder remote access",
          record,
          c,
          (_o: unknown, r: Gio.AsyncResult) => done(r),
        ),
      (r) => s.password_store_finish(r),
    );
  }

  async lookup(): Promise<string | null> {
    const { secret: s, schema } = await this.#load();
    return this.#call(
      (c, done) => s.password_lookup(schema, ATTRIBUTES, c, (_o: unknown, r: Gio.AsyncResult) => done(r)),
      (r) => s.password_lookup_finish(r),
    );
  }

  async clear(): Promise<void> {
    const { secret: s, schema } = await this.#load();
    await this.#call(
      (c, done) => s.password_clear(schema, ATTRIBUTES, c, (_o: unknown, r: Gio.AsyncResult) => done(r)),
      (r) => s.password_clear_finish(r),
    );
  }
}
