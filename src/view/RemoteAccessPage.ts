import Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _, format } from '../lib/i18n.ts';
import { SETTINGS } from '../model/settings/schema.ts';
import type { SettingsAccess } from './TorrentSource.ts';

/** What the page needs of remote access (the controller's RemoteAccess gives it). */
export interface RemoteAccessControls {
  readonly status: { listening: boolean; address: string; problem: string; tls: boolean };
  onStatusChanged(callback: () => void): () => void;
  readonly passwordIsSet: boolean;
  readonly passwordInKeyring: boolean;
  setPassword(password: string): Promise<void>;
  listTokens(): { id: string; name: string; created: number }[];
  /** The token itself is in the answer, once. */
  createToken(name: string): string;
  revokeToken(id: string): void;
}

/**
 * Preferences → Remote Access: on/off, port, this computer only or the network, the address to
 * open (copyable), the password, API tokens, TLS files, and a plain warning when the password
 * would cross the network readable. Settings are written at once, like every other page.
 */
export class RemoteAccessPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass({ GTypeName: 'DfsRemoteAccessPage' }, this);
  }

  /** Set by the windowed application once remote access exists; Preferences adds this page then. */
  static controls: RemoteAccessControls | null = null;

  readonly #settings: SettingsAccess;
  readonly #remote: RemoteAccessControls;
  readonly #toast: (text: string) => void;
  readonly #address = new Adw.ActionRow({ title: _('Address to open') });
  readonly #warning = new Gtk.Label({
    wrap: true,
    xalign: 0,
    css_classes: ['error'],
    margin_top: 12,
    label: _(
      'Warning: without TLS, the password and everything on the page cross the network readable by anyone on it. Add a certificate below, or listen on this computer only.',
    ),
  });
  readonly #passwordState = new Adw.ActionRow({ title: _('Password') });
  readonly #tokens = new Adw.PreferencesGroup({
    title: _('API tokens'),
    description: _('For scripts: send one as “Authorization: Bearer …”. Revoking a token stops it at once.'),
  });
  readonly #tokenRows: Gtk.Widget[] = [];
  readonly #cleanup: (() => void)[] = [];
  readonly #refreshers: (() => void)[] = [];
  #loading = false;

  constructor(settings: SettingsAccess, remote: RemoteAccessControls, toast: (text: string) => void) {
    super({ title: _('Remote Access'), icon_name: 'network-server-symbolic', name: 'remote' });
    this.#settings = settings;
    this.#remote = remote;
    this.#toast = toast;
    this.#buildAccess();
    this.#buildPassword();
    this.add(this.#tokens);
    this.#buildTokenCreator();
    this.#buildTls();
    this.#refresh();
    this.#cleanup.push(remote.onStatusChanged(() => this.#refresh()));
    const id = settings.connect('changed', (_s, path: string) => {
      if (path.startsWith('remote.')) this.#refresh();
    });
    this.#cleanup.push(() => settings.disconnect(id));
    this.connect('unrealize', () => this.#cleanup.splice(0).forEach((f) => f()));
  }

  #write(path: string, value: unknown): void {
    if (this.#loading) return;
    try {
      if (this.#settings.get(path) !== value) this.#settings.set(path, value);
    } catch (e) {
      this.#toast(errorMessage(e));
      this.#refresh();
    }
  }

  #buildAccess(): void {
    const group = new Adw.PreferencesGroup({
      title: _('Remote Access'),
      description: _(
        'A web page and a JSON API to watch and steer seeding from a browser or a script. Nothing listens while this is off.',
      ),
    });
    this.add(group);
    const on = new Gtk.Switch({ valign: Gtk.Align.CENTER });
    const onRow = new Adw.ActionRow({ title: _('Turn on remote access'), activatable_widget: on });
    onRow.add_suffix(on);
    on.connect('notify::active', () => this.#write('remote.enabled', on.get_active()));
    group.add(onRow);

    const port = Gtk.SpinButton.new_with_range(1024, 65535, 1);
    port.set_valign(Gtk.Align.CENTER);
    port.set_numeric(true);
    const portRow = new Adw.ActionRow({ title: _('Port'), activatable_widget: port });
    portRow.add_suffix(port);
    port.connect('value-changed', () => this.#write('remote.port', Math.round(port.get_value())));
    group.add(portRow);

    const where = new Adw.ComboRow({
      title: _('Listen on'),
      subtitle: _('The network lets other devices in; a password is always needed.'),
      model: Gtk.StringList.new([_('This computer only'), _('The network')]),
    });
    where.connect('notify::selected', () =>
      this.#write('remote.listen', where.get_selected() === 1 ? 'network' : 'loopback'),
    );
    group.add(where);

    const names = new Adw.EntryRow({
      title: _('Other names for this computer (comma separated)'),
      show_apply_button: true,
    });
    names.connect('apply', () => this.#write('remote.host_names', names.get_text().trim()));
    group.add(names);

    const copy = new Gtk.Button({ icon_name: 'edit-copy-symbolic', valign: Gtk.Align.CENTER, tooltip_text: _('Copy') });
    copy.add_css_class('flat');
    copy.connect('clicked', () => {
      const text = this.#remote.status.address;
      if (!text) return;
      Gdk.Display.get_default()?.get_clipboard().set(text);
      this.#toast(_('Address copied'));
    });
    this.#address.add_suffix(copy);
    group.add(this.#address);
    group.add(this.#warning);

    this.#refreshers.push(() => {
      on.set_active(this.#settings.get(SETTINGS.remote.enabled));
      port.set_value(this.#settings.get(SETTINGS.remote.port));
      where.set_selected(this.#settings.get(SETTINGS.remote.listen) === 'network' ? 1 : 0);
      names.set_text(this.#settings.get(SETTINGS.remote.host_names));
      copy.set_sensitive(this.#remote.status.address !== '');
    });
  }

  #buildPassword(): void {
    const group = new Adw.PreferencesGroup({ title: _('Password') });
    this.add(group);
    group.add(this.#passwordState);
    const entry = new Adw.PasswordEntryRow({
      title: _('New password (at least 8 characters)'),
      show_apply_button: true,
    });
    entry.connect('apply', () => {
      const text = entry.get_text();
      entry.set_sensitive(false);
      this.#remote
        .setPassword(text)
        .then(() => {
          entry.set_text('');
          this.#toast(_('Password set. Browsers that were logged in must log in again.'));
        })
        .catch((e) => this.#toast(errorMessage(e)))
        .finally(() => {
          entry.set_sensitive(true);
          this.#refresh();
        });
    });
    group.add(entry);
  }

  #buildTokenCreator(): void {
    const group = new Adw.PreferencesGroup();
    this.add(group);
    const name = new Adw.EntryRow({
      title: _('Name of a new token (e.g. the script that uses it)'),
      show_apply_button: true,
    });
    name.connect('apply', () => {
      try {
        const token = this.#remote.createToken(name.get_text());
        name.set_text('');
        this.#showToken(token);
      } catch (e) {
        this.#toast(errorMessage(e));
      }
      this.#refresh();
    });
    group.add(name);
  }

  /** A new token is shown once, with a copy button: it is not kept anywhere readable. */
  #showToken(token: string): void {
    const dialog = new Adw.MessageDialog({
      transient_for: this.get_root() as Gtk.Window,
      modal: true,
      heading: _('New API token'),
      body: format(_('Copy it now: it is not shown again.\n\n%1$s'), token),
      body_use_markup: false,
    });
    dialog.add_response('copy', _('Copy'));
    dialog.add_response('close', _('Close'));
    dialog.set_default_response('copy');
    dialog.connect('response', (_d, response: string) => {
      if (response === 'copy') Gdk.Display.get_default()?.get_clipboard().set(token);
    });
    dialog.present();
  }

  #buildTls(): void {
    const group = new Adw.PreferencesGroup({
      title: _('TLS (HTTPS)'),
      description: _('A certificate file and its key file (PEM). Leave both empty for plain HTTP.'),
    });
    this.add(group);
    for (const [path, title] of [
      ['remote.tls_certificate', _('Certificate file')],
      ['remote.tls_key', _('Key file')],
    ] as const) {
      const row = new Adw.EntryRow({ title, show_apply_button: true });
      row.connect('apply', () => this.#write(path, row.get_text().trim()));
      group.add(row);
      this.#refreshers.push(() => row.set_text(this.#settings.get<string>(path)));
    }
  }

  #refresh(): void {
    this.#loading = true;
    try {
      for (const r of this.#refreshers) r();
      const s = this.#remote.status;
      const enabled = this.#settings.get(SETTINGS.remote.enabled);
      this.#address.set_subtitle(
        s.listening ? s.address : enabled && s.problem ? s.problem : _('Not listening (remote access is off)'),
      );
      const network = this.#settings.get(SETTINGS.remote.listen) === 'network';
      const tls = this.#settings.get(SETTINGS.remote.tls_certificate).trim() !== '';
      this.#warning.set_visible(network && !tls);
      this.#passwordState.set_subtitle(
        !this.#remote.passwordIsSet
          ? _('Not set: remote access stays off until you set one.')
          : this.#remote.passwordInKeyring
            ? _('Set (kept hashed in your keyring)')
            : _('Set (kept as a salted hash in settings.json)'),
      );
      for (const row of this.#tokenRows.splice(0)) this.#tokens.remove(row);
      for (const t of this.#remote.listTokens()) {
        const created = GLib.DateTime.new_from_unix_local(t.created)?.format('%x') ?? '';
        const row = new Adw.ActionRow({ title: t.name, subtitle: format(_('Created %1$s'), created) });
        const revoke = new Gtk.Button({ label: _('Revoke'), valign: Gtk.Align.CENTER });
        revoke.add_css_class('destructive-action');
        revoke.connect('clicked', () => {
          this.#remote.revokeToken(t.id);
          this.#toast(format(_('Token “%1$s” revoked'), t.name));
          this.#refresh();
        });
        row.add_suffix(revoke);
        this.#tokens.add(row);
        this.#tokenRows.push(row);
      }
    } finally {
      this.#loading = false;
    }
  }
}
