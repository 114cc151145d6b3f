import Adw from 'gi://Adw';

import { _ } from '../lib/i18n.ts';
import type { ProxyPasswordAccess } from './TorrentSource.ts';

/**
 * The proxy password in Preferences: an entry applied to the keyring (SettingsStore.proxyPassword),
 * never to settings.json, and a note under it that says when there is no keyring and the
 * password is kept for this run only. (Adw.PasswordEntryRow is final: this holds the rows.)
 */
export class ProxyPasswordRow {
  readonly entry = new Adw.PasswordEntryRow({ title: _('Password'), show_apply_button: true });
  readonly note = new Adw.ActionRow({ title: _('Not Saved'), visible: false });
  readonly #password: ProxyPasswordAccess;

  constructor(password: ProxyPasswordAccess) {
    this.#password = password;
    this.note.add_css_class('warning');
    this.entry.connect('apply', () => void password.change(this.entry.get_text()));
    const handler = password.connect('changed', () => this.#show());
    this.entry.connect('destroy', () => password.disconnect(handler));
    this.#show();
  }

  #show(): void {
    if (this.entry.get_text() !== this.#password.value) this.entry.set_text(this.#password.value);
    const problem = this.#password.problem;
    this.note.set_subtitle(problem ?? '');
    this.note.set_visible(problem !== null);
  }
}
