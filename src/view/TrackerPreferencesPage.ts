import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import type { SettingsAccess } from './TorrentSource.ts';

const T = 'tracker_settings';

/**
 * Preferences → Tracker: the built-in tracker's settings (`tracker_settings.*`). Each control
 * writes its setting at once and follows it when it changes elsewhere; a value the settings
 * refuse is reported through `onError` and the control shows the stored value again.
 */
export class TrackerPreferencesPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass({ GTypeName: 'DfsTrackerPreferencesPage' }, this);
  }

  readonly settings: SettingsAccess;
  /** Every control by its settings path (specs drive them). */
  readonly controls = new Map<string, Gtk.Widget>();
  readonly #refreshers = new Map<string, () => void>();
  #loading = false;
  #handler = 0;
  onError: (message: string) => void = () => {};

  constructor(settings: SettingsAccess) {
    super({ title: _('Tracker'), icon_name: 'network-server-symbolic', name: 'tracker' });
    this.settings = settings;
    const server = this.#group(
      _('Built-in Tracker'),
      _('A BitTorrent tracker run by this app. Nothing listens while it is off.'),
    );
    this.#switch(server, `${T}.enabled`, _('Run the Built-in Tracker'), _('Also in headless mode'));
    this.#text(server, `${T}.bind_address`, _('Listen Address'), false);
    this.#switch(server, `${T}.http_enabled`, _('HTTP'), '');
    this.#spin(server, `${T}.http_port`, _('HTTP Port'), 1, 65535);
    this.#switch(server, `${T}.udp_enabled`, _('UDP (BEP 15)'), '');
    this.#spin(server, `${T}.udp_port`, _('UDP Port'), 1, 65535);

    const torrents = this.#group(_('Torrents and Peers'));
    this.#combo(torrents, `${T}.torrent_filter`, _('Torrents Served'), [
      ['any', _('Any Torrent')],
      ['library', _('Only Torrents in the Library')],
      ['whitelist', _('Only the Allowed Torrents')],
    ]);
    this.#text(torrents, `${T}.torrent_whitelist`, _('Allowed Torrents (info hashes)'), true);
    this.#switch(
      torrents,
      `${T}.private_mode`,
      _('Private Mode'),
      _('Only torrents in the library, and no scrape of every torrent'),
    );
    this.#switch(torrents, `${T}.enable_scrape`, _('Answer Scrapes'), '');
    this.#spin(torrents, `${T}.announce_interval_seconds`, _('Announce Interval (seconds)'), 10, 86400);
    this.#spin(torrents, `${T}.peer_timeout_multiplier`, _('Forget Peers After (× interval)'), 1, 100);
    this.#spin(torrents, `${T}.max_peers_per_announce`, _('Peers per Reply'), 0, 1000);
    this.#spin(torrents, `${T}.max_peers_per_torrent`, _('Peers per Torrent'), 1, 1_000_000);
    this.#spin(torrents, `${T}.max_total_peers`, _('Peers in All'), 1, 2_000_000);
    this.#spin(torrents, `${T}.max_torrents`, _('Torrents'), 1, 1_000_000);
    this.#switch(torrents, `${T}.log_announces`, _('Log Every Announce'), '');

    const security = this.#group(_('Protection'));
    this.#spin(security, `${T}.security.rate_limit_per_minute`, _('Requests per Address per Minute'), 0, 1_000_000);
    this.#switch(
      security,
      `${T}.security.rate_limit_loopback`,
      _('Limit This Computer Too'),
      _('Off: this app’s own torrents may announce as often as they need'),
    );
    this.#text(security, `${T}.security.ip_whitelist`, _('Only These Addresses (empty: any)'), true);
    this.#text(security, `${T}.security.ip_blacklist`, _('Refused Addresses'), true);

    this.#handler = settings.connect('changed', (_s, path: string) => this.#refreshers.get(path)?.());
    this.connect('destroy', () => this.release());
  }

  release(): void {
    if (this.#handler) this.settings.disconnect(this.#handler);
    this.#handler = 0;
  }

  #group(title: string, description = ''): Adw.PreferencesGroup {
    const group = new Adw.PreferencesGroup({ title, description });
    this.add(group);
    return group;
  }

  #write(path: string, value: unknown): void {
    if (this.#loading) return;
    try {
      if (JSON.stringify(this.settings.get<unknown>(path)) === JSON.stringify(value)) return;
      this.settings.set(path, value);
    } catch (e) {
      this.onError(errorMessage(e));
      this.#refreshers.get(path)?.();
    }
  }

  #track(path: string, widget: Gtk.Widget, refresh: () => void): void {
    this.controls.set(path, widget);
    const guarded = () => {
      this.#loading = true;
      try {
        refresh();
      } finally {
        this.#loading = false;
      }
    };
    this.#refreshers.set(path, guarded);
    guarded();
  }

  #switch(group: Adw.PreferencesGroup, path: string, title: string, subtitle: string): void {
    const toggle = new Gtk.Switch({ valign: Gtk.Align.CENTER });
    const row = new Adw.ActionRow({ title, subtitle, activatable_widget: toggle });
    row.add_suffix(toggle);
    group.add(row);
    toggle.connect('notify::active', () => this.#write(path, toggle.get_active()));
    this.#track(path, toggle, () => toggle.set_active(Boolean(this.settings.get(path))));
  }

  #spin(group: Adw.PreferencesGroup, path: string, title: string, lower: number, upper: number): void {
    const spin = Gtk.SpinButton.new_with_range(lower, upper, 1);
    spin.set_numeric(true);
    spin.set_valign(Gtk.Align.CENTER);
    spin.set_width_chars(8);
    const row = new Adw.ActionRow({ title, activatable_widget: spin });
    row.add_suffix(spin);
    group.add(row);
    spin.connect('value-changed', () => this.#write(path, Math.round(spin.get_value())));
    this.#track(path, spin, () => spin.set_value(Number(this.settings.get(path))));
  }

  #combo(group: Adw.PreferencesGroup, path: string, title: string, choices: [string, string][]): void {
    const row = new Adw.ComboRow({ title, model: Gtk.StringList.new(choices.map(([, label]) => label)) });
    group.add(row);
    row.connect('notify::selected', () => this.#write(path, choices[row.get_selected()]?.[0]));
    this.#track(path, row, () =>
      row.set_selected(
        Math.max(
          0,
          choices.findIndex(([v]) => v === this.settings.get(path)),
        ),
      ),
    );
  }

  /** A text row; `isList` reads and writes a list, items separated by commas or spaces. */
  #text(group: Adw.PreferencesGroup, path: string, title: string, isList: boolean): void {
    const row = new Adw.EntryRow({ title, show_apply_button: true });
    group.add(row);
    row.connect('apply', () => {
      const text = row.get_text().trim();
      this.#write(path, isList ? text.split(/[\s,]+/).filter((x) => x !== '') : text);
    });
    this.#track(path, row, () => {
      const v = this.settings.get<unknown>(path);
      row.set_text(Array.isArray(v) ? v.join(', ') : String(v ?? ''));
    });
  }
}
