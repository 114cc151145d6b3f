import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { type ChoiceValues, PreferenceControls } from './PreferenceControls.ts';
import { ProfilesPage } from './ProfilesPage.ts';
import { ProxyPasswordRow } from './ProxyPasswordRow.ts';
import { RemoteAccessPage } from './RemoteAccessPage.ts';
import { templateChild } from './template.ts';
import { activateOnApplication, type TorrentActionActivator } from './torrentActions.ts';
import { IDENTITY_SETTING, type SettingsAccess, type TorrentSource } from './TorrentSource.ts';
import { TrackerPreferencesPage } from './TrackerPreferencesPage.ts';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DISTRIBUTIONS = ['upload', 'download'].map((d) => `speed_distribution.${d}`);

/** The settings with a control in preferences-window.ui, where each control's id is its setting. */
const SETTING_CONTROLS = [
  ...['ui_settings.color_scheme', 'language', 'run_in_background', 'auto_start', 'remember_window_size'],
  ...['enabled', 'torrent_completed', 'torrent_stopped', 'tracker_errors'].map((k) => `notifications.${k}`),
  ...['enabled', 'path', 'delete_added_torrents', 'scan_interval_seconds'].map((k) => `watch_folder.${k}`),
  ...['upload_speed', 'download_speed', 'simulation.new_torrents_complete'],
  ...['upload_limit_kbps', 'download_limit_kbps', 'enable_alternative_speeds'].map((k) => `speed.${k}`),
  ...['alt_upload_limit_kbps', 'alt_download_limit_kbps'].map((k) => `speed.${k}`),
  ...['enabled', 'start_hour', 'start_minute', 'end_hour', 'end_minute'].map((k) => `scheduler.${k}`),
  ...DAYS.map((d) => `scheduler.days.${d}`),
  ...['ui_settings.speed_variation_min', 'ui_settings.speed_variation_max'],
  ...DISTRIBUTIONS.flatMap((base) =>
    [
      'algorithm',
      'spread_percentage',
      'redistribution_mode',
      'custom_interval_minutes',
      'stopped_min_percentage',
      'stopped_max_percentage',
    ].map((k) => `${base}.${k}`),
  ),
  ...['threshold', 'simulation.upload_only_with_leechers', 'simulation.stop_at_ratio'],
  ...['stop_ratio_random', 'stop_ratio_min', 'stop_ratio_max', 'stop_after_seeding_hours'].map(
    (k) => `simulation.${k}`,
  ),
  ...['connection.listening_port', 'proxy.type', 'proxy.server', 'proxy.port', 'proxy.auth_enabled', 'proxy.username'],
  ...['concurrent_http_connections', 'seeders.http_timeout_seconds', 'seeders.udp_timeout_seconds'],
  ...['tickspeed', 'shutdown.budget_ms'],
];

/** What each combo row's items stand for, in the order the template lists them. */
const CHOICES: Record<string, ChoiceValues> = {
  'ui_settings.color_scheme': ['auto', 'light', 'dark'],
  // Languages with a translation (po/LINGUAS); the template names each in its own language.
  language: [
    'auto',
    'ar',
    'bn',
    'de',
    'en',
    'es',
    'fa',
    'fr',
    'ga',
    'hi',
    'id',
    'it',
    'ja',
    'ko',
    'nl',
    'pl',
    'pt',
    'ru',
    'sv',
    'tr',
    'vi',
    'zh_CN',
  ],
  'proxy.type': ['none', 'http', 'socks4', 'socks5'],
  ...Object.fromEntries(
    DISTRIBUTIONS.flatMap((base) => [
      [`${base}.algorithm`, ['off', 'pareto', 'power-law', 'log-normal']],
      [`${base}.redistribution_mode`, ['tick', 'custom', 'announce']],
    ]),
  ),
};

/**
 * Preferences: every setting the engine and controller read, and nothing else. The pages are
 * the template's, the Tracker and Remote Access pages templates of their own; each control
 * writes its setting at once (see PreferenceControls), a refused value is reported in a toast.
 */
export class PreferencesWindow extends Adw.PreferencesWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsPreferencesWindow',
        Template: uiResource('preferences-window'),
        InternalChildren: [...SETTING_CONTROLS, IDENTITY_SETTING, 'proxy.password', 'proxy-password-note'],
      },
      this,
    );
  }

  readonly settings: SettingsAccess;
  readonly #c: PreferenceControls;
  #handler = 0;

  constructor(
    source: TorrentSource,
    params: Partial<Adw.PreferencesWindow.ConstructorProps> = {},
    activate: TorrentActionActivator = activateOnApplication,
  ) {
    super(params);
    this.settings = source.settings;
    this.#c = new PreferenceControls(source.settings, (message) => this.#toast(message));
    const child = (id: string) => templateChild(this, PreferencesWindow.$gtype, id, Gtk.Widget);
    for (const path of SETTING_CONTROLS) this.#c.bind(path, child(path), CHOICES[path]);
    this.#identities(source, templateChild(this, PreferencesWindow.$gtype, IDENTITY_SETTING, Adw.ComboRow));
    this.#proxyPassword();

    this.add(new ProfilesPage(source, (message) => this.#toast(message), activate));
    const tracker = new TrackerPreferencesPage(this.settings);
    tracker.onError = (message) => this.#toast(message);
    this.add(tracker);
    const remote = RemoteAccessPage.controls;
    if (remote) this.add(new RemoteAccessPage(this.settings, remote, (t) => this.#toast(t)));

    this.#dependencies();
    this.#c.updateSensitivity();
    this.#handler = this.settings.connect('changed', (_s, path: string) => {
      this.#c.refresh(path);
      if (this.#c.isDependency(path)) this.#c.updateSensitivity();
    });
    this.connect('close-request', () => {
      this.#release();
      return false;
    });
    this.connect('destroy', () => this.#release());
  }

  /** The clock fields show minutes and hours as clocks do, with a leading zero (template callback). */
  showTwoDigits(spin: Gtk.SpinButton): boolean {
    spin.set_text(String(spin.get_value()).padStart(2, '0'));
    return true;
  }

  /** Every control by its settings path (specs drive them). */
  get controls(): Map<string, Gtk.Widget> {
    return this.#c.controls;
  }

  /** Whether a control is greyed out (specs). */
  isRowSensitive(path: string): boolean {
    return this.#c.isRowSensitive(path);
  }

  /** The client identities from data/clients.json, known only at run time. */
  #identities(source: TorrentSource, row: Adw.ComboRow): void {
    const identities = source.clientIdentities();
    row.set_model(Gtk.StringList.new(identities.map((c) => c.label)));
    if (identities.length)
      this.#c.bind(
        IDENTITY_SETTING,
        row,
        identities.map((c) => c.value),
      );
    else row.set_visible(false);
  }

  /** The password is the keyring's (SettingsStore.proxyPassword), not a setting. */
  #proxyPassword(): void {
    const entry = templateChild(this, PreferencesWindow.$gtype, 'proxy.password', Adw.PasswordEntryRow);
    const note = templateChild(this, PreferencesWindow.$gtype, 'proxy-password-note', Adw.ActionRow);
    if (!this.settings.proxyPassword) {
      entry.set_visible(false);
      return;
    }
    // Kept alive by the signal handlers it connects to the entry and the password.
    new ProxyPasswordRow(this.settings.proxyPassword, entry, note);
    this.#c.register('proxy.password', entry);
  }

  /** Rows that only matter while another setting has a certain value. */
  #dependencies(): void {
    const c = this.#c;
    c.dependOn('watch_folder.enabled', Boolean, [
      'watch_folder.path',
      'watch_folder.delete_added_torrents',
      'watch_folder.scan_interval_seconds',
    ]);
    c.dependOn('notifications.enabled', Boolean, [
      'notifications.torrent_completed',
      'notifications.torrent_stopped',
      'notifications.tracker_errors',
    ]);
    c.dependOn('scheduler.enabled', Boolean, [
      'scheduler.start_hour',
      'scheduler.end_hour',
      ...DAYS.map((d) => `scheduler.days.${d}`),
    ]);
    c.dependOn('simulation.stop_ratio_random', Boolean, ['simulation.stop_ratio_min', 'simulation.stop_ratio_max']);
    c.dependOn('simulation.stop_ratio_random', (v) => !v, ['simulation.stop_at_ratio']);
    c.dependOn('proxy.type', (v) => v !== 'none', ['proxy.server', 'proxy.port', 'proxy.auth_enabled']);
    c.dependOn('proxy.auth_enabled', Boolean, ['proxy.username', 'proxy.password']);
    for (const base of DISTRIBUTIONS) {
      c.dependOn(`${base}.algorithm`, (v) => v !== 'off', [
        `${base}.spread_percentage`,
        `${base}.redistribution_mode`,
        `${base}.custom_interval_minutes`,
        `${base}.stopped_min_percentage`,
        `${base}.stopped_max_percentage`,
      ]);
      c.dependOn(`${base}.redistribution_mode`, (v) => v === 'custom', [`${base}.custom_interval_minutes`]);
    }
  }

  #toast(message: string): void {
    this.add_toast(new Adw.Toast({ title: GLib.markup_escape_text(message, -1), timeout: 5 }));
  }

  /** Stops following the settings and lets go of the widgets, so they go with the window. */
  #release(): void {
    if (this.#handler) this.settings.disconnect(this.#handler);
    this.#handler = 0;
    this.#c.release();
    // GTK 4.8 lets go of the parent only at finalize, which at GC may come after the parent's.
    this.set_transient_for(null);
  }
}
