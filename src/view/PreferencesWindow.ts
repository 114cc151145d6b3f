import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import type Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';
import { ProxyPasswordRow } from './ProxyPasswordRow.ts';
import { RemoteAccessPage } from './RemoteAccessPage.ts';
import { type Choice, DAYS, PreferenceControls } from './PreferenceControls.ts';
import { IDENTITY_SETTING, type SettingsAccess, type TorrentSource } from './TorrentSource.ts';
import { TrackerPreferencesPage } from './TrackerPreferencesPage.ts';

/** Languages with a translation (po/LINGUAS), by their own names. */
const LANGUAGES: Choice[] = [
  ['ar', 'العربية'],
  ['bn', 'বাংলা'],
  ['de', 'Deutsch'],
  ['en', 'English'],
  ['es', 'Español'],
  ['fa', 'فارسی'],
  ['fr', 'Français'],
  ['ga', 'Gaeilge'],
  ['hi', 'हिन्दी'],
  ['id', 'Bahasa Indonesia'],
  ['it', 'Italiano'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['nl', 'Nederlands'],
  ['pl', 'Polski'],
  ['pt', 'Português'],
  ['ru', 'Русский'],
  ['sv', 'Svenska'],
  ['tr', 'Türkçe'],
  ['vi', 'Tiếng Việt'],
  ['zh_CN', '简体中文'],
];

/**
 * Preferences: every setting the engine and controller read, and nothing else. Each control
 * writes its setting at once (`settings.set`, validated by the store); a refused value is
 * reported in a toast and the control shows the stored value again. A key missing from the
 * defaults (a setting nothing reads) gets no control.
 */
export class PreferencesWindow extends Adw.PreferencesWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsPreferencesWindow' }, this);
  }

  readonly settings: SettingsAccess;
  readonly #c: PreferenceControls;
  #handler = 0;

  constructor(source: TorrentSource, params: Partial<Adw.PreferencesWindow.ConstructorProps> = {}) {
    super({ search_enabled: true, default_width: 760, default_height: 720, modal: false, ...params });
    this.settings = source.settings;
    this.#c = new PreferenceControls(this, source.settings);
    this.#generalPage();
    this.#speedPage();
    this.#seedingPage();
    this.#connectionPage(source);
    this.#advancedPage();
    const tracker = new TrackerPreferencesPage(this.settings);
    tracker.onError = (message) => this.add_toast(new Adw.Toast({ title: message, timeout: 5 }));
    this.add(tracker);
    const remote = RemoteAccessPage.controls;
    if (remote)
      this.add(
        new RemoteAccessPage(this.settings, remote, (t) => this.add_toast(new Adw.Toast({ title: t, timeout: 5 }))),
      );
    this.#c.dependOn('watch_folder.enabled', Boolean, [
      'watch_folder.path',
      'watch_folder.delete_added_torrents',
      'watch_folder.scan_interval_seconds',
    ]);
    this.#c.dependOn('notifications.enabled', Boolean, [
      'notifications.torrent_completed',
      'notifications.torrent_stopped',
      'notifications.tracker_errors',
    ]);
    this.#c.dependOn('scheduler.enabled', Boolean, [
      'scheduler.start_hour',
      'scheduler.end_hour',
      ...DAYS.map(([key]) => `scheduler.days.${key}`),
    ]);
    this.#c.dependOn('simulation.stop_ratio_random', Boolean, [
      'simulation.stop_ratio_min',
      'simulation.stop_ratio_max',
    ]);
    this.#c.dependOn('simulation.stop_ratio_random', (v) => !v, ['simulation.stop_at_ratio']);
    this.#c.dependOn('proxy.type', (v) => v !== 'none', ['proxy.server', 'proxy.port', 'proxy.auth_enabled']);
    this.#c.dependOn('proxy.auth_enabled', Boolean, ['proxy.username', 'proxy.password']);
    for (const direction of ['upload', 'download']) {
      const base = `speed_distribution.${direction}`;
      this.#c.dependOn(`${base}.algorithm`, (v) => v !== 'off', [
        `${base}.spread_percentage`,
        `${base}.redistribution_mode`,
        `${base}.custom_interval_minutes`,
        `${base}.stopped_min_percentage`,
        `${base}.stopped_max_percentage`,
      ]);
      this.#c.dependOn(`${base}.redistribution_mode`, (v) => v === 'custom', [`${base}.custom_interval_minutes`]);
    }
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

  // ---- pages ------------------------------------------------------------------------------

  #generalPage(): void {
    const page = this.#c.page(_('General'), 'preferences-system-symbolic');
    const look = this.#c.group(page, _('Appearance'));
    this.#c.combo(look, 'ui_settings.color_scheme', _('Style'), '', [
      ['auto', _('Follow System')],
      ['light', _('Light')],
      ['dark', _('Dark')],
    ]);
    this.#c.combo(look, 'language', _('Language'), _('Applies the next time the app starts'), [
      ['auto', _('System Language')],
      ...LANGUAGES,
    ]);

    const behaviour = this.#c.group(page, _('Behaviour'));
    this.#c.switch(
      behaviour,
      'run_in_background',
      _('Run in Background'),
      _('Keep seeding after the window is closed'),
    );
    this.#c.switch(behaviour, 'auto_start', _('Start at Login'), _('Start seeding when you log in'));
    this.#c.switch(behaviour, 'remember_window_size', _('Remember Window Size'), '');

    const notices = this.#c.group(
      page,
      _('Notifications'),
      _('Desktop notifications while the window is hidden or unfocused.'),
    );
    this.#c.switch(notices, 'notifications.enabled', _('Show Notifications'), '');
    this.#c.switch(notices, 'notifications.torrent_completed', _('Torrent Completed'), _('A torrent reached 100 %'));
    this.#c.switch(
      notices,
      'notifications.torrent_stopped',
      _('Torrent Stopped'),
      _('A stop condition paused a torrent'),
    );
    this.#c.switch(
      notices,
      'notifications.tracker_errors',
      _('Tracker Errors'),
      _('A tracker refused or did not answer'),
    );

    const watch = this.#c.group(
      page,
      _('Watch Folder'),
      _('.torrent files that appear in this folder are added automatically.'),
    );
    this.#c.switch(watch, 'watch_folder.enabled', _('Watch a Folder'), '');
    this.#c.folder(watch, 'watch_folder.path', _('Folder'));
    this.#c.switch(
      watch,
      'watch_folder.delete_added_torrents',
      _('Delete Files After Adding'),
      _('The app keeps its own copy'),
    );
    this.#c.spin(
      watch,
      'watch_folder.scan_interval_seconds',
      _('Scan Interval'),
      _('Seconds between full rescans'),
      1,
      3600,
    );
  }

  #speedPage(): void {
    const page = this.#c.page(_('Speed'), 'network-transmit-receive-symbolic');
    const defaults = this.#c.group(page, _('New Torrents'), _('Speeds in KB/s, before random variation.'));
    this.#c.spin(defaults, 'upload_speed', _('Upload Speed'), _('KB/s'), 0, 1_000_000);
    this.#c.spin(defaults, 'download_speed', _('Download Speed'), _('KB/s'), 0, 1_000_000);
    this.#c.switch(
      defaults,
      'simulation.new_torrents_complete',
      _('Start Complete'),
      _('New torrents seed at once; off, they download first'),
    );

    const limits = this.#c.group(page, _('Global Limits'), _('Caps over all torrents in KB/s; 0 is unlimited.'));
    this.#c.spin(limits, 'speed.upload_limit_kbps', _('Upload Limit'), _('KB/s'), 0, 1_000_000);
    this.#c.spin(limits, 'speed.download_limit_kbps', _('Download Limit'), _('KB/s'), 0, 1_000_000);

    const alt = this.#c.group(page, _('Alternative Limits'), _('Lower caps, on demand or on a schedule.'));
    this.#c.switch(alt, 'speed.enable_alternative_speeds', _('Use Alternative Limits'), '');
    this.#c.spin(alt, 'speed.alt_upload_limit_kbps', _('Alternative Upload Limit'), _('KB/s'), 0, 1_000_000);
    this.#c.spin(alt, 'speed.alt_download_limit_kbps', _('Alternative Download Limit'), _('KB/s'), 0, 1_000_000);
    this.#c.switch(alt, 'scheduler.enabled', _('Schedule'), _('Use the alternative limits at these times'));
    this.#c.time(alt, 'scheduler.start_hour', 'scheduler.start_minute', _('From'));
    this.#c.time(alt, 'scheduler.end_hour', 'scheduler.end_minute', _('To'));
    this.#c.days(alt);

    const variation = this.#c.group(
      page,
      _('Random Variation'),
      _('Each tick, speeds are multiplied by a random factor in this range.'),
    );
    this.#c.spin(variation, 'ui_settings.speed_variation_min', _('Lowest Factor'), '', 0, 1, 0.05, 2);
    this.#c.spin(variation, 'ui_settings.speed_variation_max', _('Highest Factor'), '', 0, 1, 0.05, 2);

    for (const direction of ['upload', 'download'] as const) {
      const title = direction === 'upload' ? _('Upload Distribution') : _('Download Distribution');
      const group = this.#c.group(page, title, _('Spreads speeds unevenly over torrents, as in real swarms.'));
      const base = `speed_distribution.${direction}`;
      this.#c.combo(group, `${base}.algorithm`, _('Algorithm'), '', [
        ['off', _('Off')],
        ['pareto', _('Pareto')],
        ['power-law', _('Power Law')],
        ['log-normal', _('Log-Normal')],
      ]);
      this.#c.spin(group, `${base}.spread_percentage`, _('Spread'), _('Percent'), 0, 100);
      this.#c.combo(group, `${base}.redistribution_mode`, _('Redistribute'), '', [
        ['tick', _('Every Tick')],
        ['custom', _('Every Few Minutes')],
        ['announce', _('At Each Announce')],
      ]);
      this.#c.spin(
        group,
        `${base}.custom_interval_minutes`,
        _('Interval'),
        _('Minutes, for “Every Few Minutes”'),
        1,
        1440,
      );
      this.#c.spin(
        group,
        `${base}.stopped_min_percentage`,
        _('Idle Torrents, Least'),
        _('Percent of torrents at 0 speed'),
        0,
        100,
      );
      this.#c.spin(
        group,
        `${base}.stopped_max_percentage`,
        _('Idle Torrents, Most'),
        _('Percent of torrents at 0 speed'),
        0,
        100,
      );
    }
  }

  #seedingPage(): void {
    const page = this.#c.page(_('Seeding'), 'emblem-shared-symbolic');
    // No announce interval or numwant here: the client identity decides those, as the real client
    // would (its default interval when a tracker sends none, its numwant), so such a control
    // would have no effect.
    const announce = this.#c.group(page, _('Announces'));
    this.#c.spin(announce, 'threshold', _('Upload Threshold'), _('Progress (%) from which torrents upload'), 0, 100);
    this.#c.switch(
      announce,
      'simulation.upload_only_with_leechers',
      _('Upload Only With Leechers'),
      _('Report no upload while the tracker lists no leechers'),
    );

    const stop = this.#c.group(page, _('Stop Conditions'), _('Pause a torrent when it reaches one; 0 turns it off.'));
    this.#c.spin(stop, 'simulation.stop_at_ratio', _('Stop at Ratio'), _('Uploaded divided by size'), 0, 1000, 0.1, 2);
    this.#c.switch(
      stop,
      'simulation.stop_ratio_random',
      _('Random Ratio'),
      _('Pick each torrent’s ratio in a range instead'),
    );
    this.#c.spin(stop, 'simulation.stop_ratio_min', _('Lowest Ratio'), '', 0, 1000, 0.1, 2);
    this.#c.spin(stop, 'simulation.stop_ratio_max', _('Highest Ratio'), '', 0, 1000, 0.1, 2);
    this.#c.spin(stop, 'simulation.stop_after_seeding_hours', _('Stop After Seeding'), _('Hours'), 0, 8760, 1, 1);
  }

  #connectionPage(source: TorrentSource): void {
    const page = this.#c.page(_('Connection'), 'network-wired-symbolic');
    const identity = this.#c.group(page, _('Client'), _('What trackers see: the client’s user agent and peer ID.'));
    const identities = source.clientIdentities();
    if (identities.length) {
      this.#c.combo(
        identity,
        IDENTITY_SETTING,
        _('Client Identity'),
        '',
        identities.map((c) => [c.value, c.label]),
      );
    }
    this.#c.spin(
      identity,
      'connection.listening_port',
      _('Listening Port'),
      _('The port announced to trackers'),
      1,
      65_535,
    );

    const proxy = this.#c.group(
      page,
      _('Proxy'),
      _(
        'Tracker announces go through it. UDP trackers need a SOCKS5 proxy: with an HTTP or SOCKS4 one they are not contacted. SOCKS4 carries addresses only: trackers named by a host name are refused with it, never looked up here (use SOCKS5).',
      ),
    );
    this.#c.combo(proxy, 'proxy.type', _('Type'), '', [
      ['none', _('None')],
      ['http', 'HTTP'],
      ['socks4', 'SOCKS4'],
      ['socks5', 'SOCKS5'],
    ]);
    this.#c.entry(proxy, 'proxy.server', _('Server'));
    this.#c.spin(proxy, 'proxy.port', _('Port'), '', 1, 65_535);
    this.#c.switch(proxy, 'proxy.auth_enabled', _('Authentication'), '');
    this.#c.entry(proxy, 'proxy.username', _('User Name'));
    if (this.settings.proxyPassword) {
      const password = new ProxyPasswordRow(this.settings.proxyPassword);
      proxy.add(password.entry);
      proxy.add(password.note);
      this.#c.register('proxy.password', password.entry);
    }

    const trackers = this.#c.group(page, _('Trackers'));
    this.#c.spin(trackers, 'concurrent_http_connections', _('Simultaneous Announces'), '', 1, 64);
    this.#c.spin(trackers, 'seeders.http_timeout_seconds', _('HTTP Timeout'), _('Seconds'), 1, 120);
    this.#c.spin(trackers, 'seeders.udp_timeout_seconds', _('UDP Timeout'), _('Seconds'), 1, 120);
  }

  #advancedPage(): void {
    const page = this.#c.page(_('Advanced'), 'applications-engineering-symbolic');
    const engine = this.#c.group(page, _('Simulation'));
    this.#c.spin(engine, 'tickspeed', _('Update Interval'), _('Seconds between simulation steps'), 1, 60);
    const quit = this.#c.group(page, _('Quitting'));
    this.#c.spin(
      quit,
      'shutdown.budget_ms',
      _('Goodbye Time Limit'),
      _('Milliseconds to tell trackers that torrents stopped'),
      100,
      30_000,
      100,
    );
  }

  /** Every control by its settings path (specs drive them). */
  get controls(): Map<string, Gtk.Widget> {
    return this.#c.controls;
  }

  /** Whether a control is greyed out (specs). */
  isRowSensitive(path: string): boolean {
    return this.#c.isRowSensitive(path);
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
