import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import { PreferenceControls } from './PreferenceControls.ts';
import { templateChild } from './template.ts';
import type { SettingsAccess } from './TorrentSource.ts';

const T = 'tracker_settings';

/** The settings with a control in tracker-preferences-page.ui, where each control's id is its setting. */
const SETTING_CONTROLS = [
  ...['enabled', 'bind_address', 'http_enabled', 'http_port', 'udp_enabled', 'udp_port'],
  ...['torrent_filter', 'torrent_whitelist', 'private_mode', 'enable_scrape', 'announce_interval_seconds'],
  ...['peer_timeout_multiplier', 'max_peers_per_announce', 'max_peers_per_torrent', 'max_total_peers'],
  ...['max_torrents', 'log_announces'],
  ...['rate_limit_per_minute', 'rate_limit_loopback', 'ip_whitelist', 'ip_blacklist'].map((k) => `security.${k}`),
].map((k) => `${T}.${k}`);

/**
 * Preferences → Tracker: the built-in tracker's settings (`tracker_settings.*`). Each control
 * writes its setting at once and follows it when it changes elsewhere; a value the settings
 * refuse is reported through `onError` and the control shows the stored value again.
 */
export class TrackerPreferencesPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTrackerPreferencesPage',
        Template: uiResource('tracker-preferences-page'),
        InternalChildren: SETTING_CONTROLS,
      },
      this,
    );
  }

  readonly settings: SettingsAccess;
  readonly #c: PreferenceControls;
  #handler = 0;
  onError: (message: string) => void = () => {};

  constructor(settings: SettingsAccess) {
    super();
    this.settings = settings;
    this.#c = new PreferenceControls(settings, (message) => this.onError(message));
    for (const path of SETTING_CONTROLS)
      this.#c.bind(path, templateChild(this, TrackerPreferencesPage.$gtype, path, Gtk.Widget), CHOICES[path]);
    this.#handler = settings.connect('changed', (_s, path: string) => this.#c.refresh(path));
    this.connect('destroy', () => this.release());
  }

  /** Every control by its settings path (specs drive them). */
  get controls(): Map<string, Gtk.Widget> {
    return this.#c.controls;
  }

  release(): void {
    if (this.#handler) this.settings.disconnect(this.#handler);
    this.#handler = 0;
  }
}

/** What the combo row's items stand for, in the order the template lists them. */
const CHOICES: Record<string, string[]> = {
  [`${T}.torrent_filter`]: ['any', 'library', 'whitelist'],
};
