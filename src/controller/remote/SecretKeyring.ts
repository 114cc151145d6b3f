import GLib from 'gi://GLib';

import { LibsecretKeyring } from '../../model/settings/Keyring.ts';
import type { Keyring } from './PasswordVault.ts';

/** The one item it keeps, named by its `purpose` attribute. */
const PURPOSE = 'remote-access-password';

/**
 * The remote password record in the desktop keyring, under the schema `ie.fio.dfakeseeder.Remote`
 * (libsecret through the same LibsecretKeyring as the proxy password). Where libsecret is
 * missing, no session bus is there, or no Secret Service answers (after at most 5 s, so a locked
 * keyring cannot hold a login), the calls reject and PasswordVault keeps the record in
 * settings.json instead.
 */
export class SecretKeyring implements Keyring {
  readonly #keyring = new LibsecretKeyring({
    name: 'ie.fio.dfakeseeder.Remote',
    attribute: 'purpose',
    timeoutMs: 5000,
  });

  /** Without a session bus there is no Secret Service to ask (servers, containers). */
  #ready(): void {
    if (GLib.getenv('DBUS_SESSION_BUS_ADDRESS') === null && GLib.getenv('XDG_RUNTIME_DIR') === null)
      throw new Error('no session bus');
  }

  async store(record: string): Promise<void> {
    this.#ready();
    await this.#keyring.store(PURPOSE, "D' Fake Seeder remote access", record);
  }

  async lookup(): Promise<string | null> {
    this.#ready();
    return this.#keyring.lookup(PURPOSE);
  }

  async clear(): Promise<void> {
    this.#ready();
    await this.#keyring.clear(PURPOSE);
  }
}
