import type Adw from 'gi://Adw';

import type { ProxyPasswordAccess } from './TorrentSource.ts';

/**
 * The proxy password in Preferences: the template's entry, applied to the keyring
 * (SettingsStore.proxyPassword), never to settings.json, and the note under it that says when
 * there is no keyring and the password is kept for this run only. (Adw.PasswordEntryRow is
 * final, so this ties the two template rows together rather than being a row itself.)
 */
export class ProxyPasswordRow {
  readonly entry: Adw.PasswordEntryRow;
  readonly note: Adw.ActionRow;
  readonly #password: ProxyPasswordAccess;

  constructor(password: ProxyPasswordAccess, entry: Adw.PasswordEntryRow, note: Adw.ActionRow) {
    this.#password = password;
    this.entry = entry;
    this.note = note;
    entry.connect('apply', () => void password.change(entry.get_text()));
    const handler = password.connect('changed', () => this.#show());
    entry.connect('destroy', () => password.disconnect(handler));
    this.#show();
  }

  #show(): void {
    if (this.entry.get_text() !== this.#password.value) this.entry.set_text(this.#password.value);
    const problem = this.#password.problem;
    this.note.set_subtitle(problem ?? '');
    this.note.set_visible(problem !== null);
  }
}
