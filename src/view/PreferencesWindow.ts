import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { ProxyPasswordRow } from './ProxyPasswordRow.ts';
import { RemoteAccessPage } from './RemoteAccessPage.ts';
import { IDENTITY_SETTING, type SettingsAccess, type TorrentSource } from './TorrentSource.ts';
import { TrackerPreferencesPage } from './TrackerPreferencesPage.ts';

type Choice = [value: string | number, label: string];

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

const DAYS: [key: string, label: () => string][] = [
  ['monday', () => _('Mon')],
  ['tuesday', () => _('Tue')],
  ['wednesday', () => _('Wed')],
  ['thursday', () => _('Thu')],
  ['friday', () => _('Fri')],
  ['saturday', () => _('Sat')],
  ['sunday', () => _('Sun')],
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
  /** Every control by its settings path (specs drive them). */
  readonly controls = new Map<string, Gtk.Widget>();
  readonly #refreshers = new Map<string, () => void>();
  /** The row of each control, for greying out rows that depend on another setting. */
  readonly #rows = new Map<string, Gtk.Widget>();
  readonly #dependencies: { path: string; when: (value: unknown) => boolean; rows: string[] }[] = [];
  #handler = 0;
  #loading = false;

  constructor(source: TorrentSource, params: Partial<Adw.PreferencesWindow.ConstructorProps> = {}) {
    super({ search_enabled: true, default_width: 760, default_height: 720, modal: false, ...params });
    this.settings = source.settings;
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
    this.#dependOn('watch_folder.enabled', Boolean, [
      'watch_folder.path',
      'watch_folder.delete_added_torrents',
      'watch_folder.scan_interval_seconds',
    ]);
    this.#dependOn('notifications.enabled', Boolean, [
      'notifications.torrent_completed',
      'notifications.torrent_stopped',
      'notifications.tracker_errors',
    ]);
    this.#dependOn('scheduler.enabled', Boolean, [
      'scheduler.start_hour',
      'scheduler.end_hour',
      ...DAYS.map(([key]) => `scheduler.days.${key}`),
    ]);
    this.#dependOn('simulation.stop_ratio_random', Boolean, ['simulation.stop_ratio_min', 'simulation.stop_ratio_max']);
    this.#dependOn('simulation.stop_ratio_random', (v) => !v, ['simulation.stop_at_ratio']);
    this.#dependOn('proxy.type', (v) => v !== 'none', ['proxy.server', 'proxy.port', 'proxy.auth_enabled']);
    this.#dependOn('proxy.auth_enabled', Boolean, ['proxy.username', 'proxy.password']);
    for (const direction of ['upload', 'download']) {
      const base = `speed_distribution.${direction}`;
      this.#dependOn(`${base}.algorithm`, (v) => v !== 'off', [
        `${base}.spread_percentage`,
        `${base}.redistribution_mode`,
        `${base}.custom_interval_minutes`,
        `${base}.stopped_min_percentage`,
        `${base}.stopped_max_percentage`,
      ]);
      this.#dependOn(`${base}.redistribution_mode`, (v) => v === 'custom', [`${base}.custom_interval_minutes`]);
    }
    this.#updateSensitivity();
    this.#handler = this.settings.connect('changed', (_s, path: string) => {
      this.#refreshers.get(path)?.();
      if (this.#dependencies.some((d) => d.path === path)) this.#updateSensitivity();
    });
    this.connect('close-request', () => {
      this.#release();
      return false;
    });
    this.connect('destroy', () => this.#release());
  }

  // ---- pages ------------------------------------------------------------------------------

  #generalPage(): void {
    const page = this.#page(_('General'), 'preferences-system-symbolic');
    const look = this.#group(page, _('Appearance'));
    this.#combo(look, 'ui_settings.color_scheme', _('Style'), '', [
      ['auto', _('Follow System')],
      ['light', _('Light')],
      ['dark', _('Dark')],
    ]);
    this.#combo(look, 'language', _('Language'), _('Applies the next time the app starts'), [
      ['auto', _('System Language')],
      ...LANGUAGES,
    ]);

    const behaviour = this.#group(page, _('Behaviour'));
    this.#switch(behaviour, 'run_in_background', _('Run in Background'), _('Keep seeding after the window is closed'));
    this.#switch(behaviour, 'auto_start', _('Start at Login'), _('Start seeding when you log in'));
    this.#switch(behaviour, 'remember_window_size', _('Remember Window Size'), '');

    const notices = this.#group(
      page,
      _('Notifications'),
      _('Desktop notifications while the window is hidden or unfocused.'),
    );
    this.#switch(notices, 'notifications.enabled', _('Show Notifications'), '');
    this.#switch(notices, 'notifications.torrent_completed', _('Torrent Completed'), _('A torrent reached 100 %'));
    this.#switch(
      notices,
      'notifications.torrent_stopped',
      _('Torrent Stopped'),
      _('A stop condition paused a torrent'),
    );
    this.#switch(
      notices,
      'notifications.tracker_errors',
      _('Tracker Errors'),
      _('A tracker refused or did not answer'),
    );

    const watch = this.#group(
      page,
      _('Watch Folder'),
      _('.torrent files that appear in this folder are added automatically.'),
    );
    this.#switch(watch, 'watch_folder.enabled', _('Watch a Folder'), '');
    this.#folder(watch, 'watch_folder.path', _('Folder'));
    this.#switch(
      watch,
      'watch_folder.delete_added_torrents',
      _('Delete Files After Adding'),
      _('The app keeps its own copy'),
    );
    this.#spin(
      watch,
      'watch_folder.scan_interval_seconds',
      _('Scan Interval'),
      _('Seconds between full rescans'),
      1,
      3600,
    );
  }

  #speedPage(): void {
    const page = this.#page(_('Speed'), 'network-transmit-receive-symbolic');
    const defaults = this.#group(page, _('New Torrents'), _('Speeds in KB/s, before random variation.'));
    this.#spin(defaults, 'upload_speed', _('Upload Speed'), _('KB/s'), 0, 1_000_000);
    this.#spin(defaults, 'download_speed', _('Download Speed'), _('KB/s'), 0, 1_000_000);
    this.#switch(
      defaults,
      'simulation.new_torrents_complete',
      _('Start Complete'),
      _('New torrents seed at once; off, they download first'),
    );

    const limits = this.#group(page, _('Global Limits'), _('Caps over all torrents in KB/s; 0 is unlimited.'));
    this.#spin(limits, 'speed.upload_limit_kbps', _('Upload Limit'), _('KB/s'), 0, 1_000_000);
    this.#spin(limits, 'speed.download_limit_kbps', _('Download Limit'), _('KB/s'), 0, 1_000_000);

    const alt = this.#group(page, _('Alternative Limits'), _('Lower caps, on demand or on a schedule.'));
    this.#switch(alt, 'speed.enable_alternative_speeds', _('Use Alternative Limits'), '');
    this.#spin(alt, 'speed.alt_upload_limit_kbps', _('Alternative Upload Limit'), _('KB/s'), 0, 1_000_000);
    this.#spin(alt, 'speed.alt_download_limit_kbps', _('Alternative Download Limit'), _('KB/s'), 0, 1_000_000);
    this.#switch(alt, 'scheduler.enabled', _('Schedule'), _('Use the alternative limits at these times'));
    this.#time(alt, 'scheduler.start_hour', 'scheduler.start_minute', _('From'));
    this.#time(alt, 'scheduler.end_hour', 'scheduler.end_minute', _('To'));
    this.#days(alt);

    const variation = this.#group(
      page,
      _('Random Variation'),
      _('Each tick, speeds are multiplied by a random factor in this range.'),
    );
    this.#spin(variation, 'ui_settings.speed_variation_min', _('Lowest Factor'), '', 0, 1, 0.05, 2);
    this.#spin(variation, 'ui_settings.speed_variation_max', _('Highest Factor'), '', 0, 1, 0.05, 2);

    for (const direction of ['upload', 'download'] as const) {
      const title = direction === 'upload' ? _('Upload Distribution') : _('Download Distribution');
      const group = this.#group(page, title, _('Spreads speeds unevenly over torrents, as in real swarms.'));
      const base = `speed_distribution.${direction}`;
      this.#combo(group, `${base}.algorithm`, _('Algorithm'), '', [
        ['off', _('Off')],
        ['pareto', _('Pareto')],
        ['power-law', _('Power Law')],
        ['log-normal', _('Log-Normal')],
      ]);
      this.#spin(group, `${base}.spread_percentage`, _('Spread'), _('Percent'), 0, 100);
      this.#combo(group, `${base}.redistribution_mode`, _('Redistribute'), '', [
        ['tick', _('Every Tick')],
        ['custom', _('Every Few Minutes')],
        ['announce', _('At Each Announce')],
      ]);
      this.#spin(
        group,
        `${base}.custom_interval_minutes`,
        _('Interval'),
        _('Minutes, for “Every Few Minutes”'),
        1,
        1440,
      );
      this.#spin(
        group,
        `${base}.stopped_min_percentage`,
        _('Idle Torrents, Least'),
        _('Percent of torrents at 0 speed'),
        0,
        100,
      );
      this.#spin(
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
    const page = this.#page(_('Seeding'), 'emblem-shared-symbolic');
    // No announce interval or numwant here: the client identity decides those, as the real client
    // would (its default interval when a tracker sends none, its numwant), so such a control
    // would have no effect.
    const announce = this.#group(page, _('Announces'));
    this.#spin(announce, 'threshold', _('Upload Threshold'), _('Progress (%) from which torrents upload'), 0, 100);
    this.#switch(
      announce,
      'simulation.upload_only_with_leechers',
      _('Upload Only With Leechers'),
      _('Report no upload while the tracker lists no leechers'),
    );

    const stop = this.#group(page, _('Stop Conditions'), _('Pause a torrent when it reaches one; 0 turns it off.'));
    this.#spin(stop, 'simulation.stop_at_ratio', _('Stop at Ratio'), _('Uploaded divided by size'), 0, 1000, 0.1, 2);
    this.#switch(
      stop,
      'simulation.stop_ratio_random',
      _('Random Ratio'),
      _('Pick each torrent’s ratio in a range instead'),
    );
    this.#spin(stop, 'simulation.stop_ratio_min', _('Lowest Ratio'), '', 0, 1000, 0.1, 2);
    this.#spin(stop, 'simulation.stop_ratio_max', _('Highest Ratio'), '', 0, 1000, 0.1, 2);
    this.#spin(stop, 'simulation.stop_after_seeding_hours', _('Stop After Seeding'), _('Hours'), 0, 8760, 1, 1);
  }

  #connectionPage(source: TorrentSource): void {
    const page = this.#page(_('Connection'), 'network-wired-symbolic');
    const identity = this.#group(page, _('Client'), _('What trackers see: the client’s user agent and peer ID.'));
    const identities = source.clientIdentities();
    if (identities.length) {
      this.#combo(
        identity,
        IDENTITY_SETTING,
        _('Client Identity'),
        '',
        identities.map((c) => [c.value, c.label]),
      );
    }
    this.#spin(
      identity,
      'connection.listening_port',
      _('Listening Port'),
      _('The port announced to trackers'),
      1,
      65_535,
    );

    const proxy = this.#group(
      page,
      _('Proxy'),
      _(
        'Tracker announces go through it. UDP trackers need a SOCKS5 proxy: with an HTTP or SOCKS4 one they are not contacted. SOCKS4 carries addresses only: trackers named by a host name are refused with it, never looked up here (use SOCKS5).',
      ),
    );
    this.#combo(proxy, 'proxy.type', _('Type'), '', [
      ['none', _('None')],
      ['http', 'HTTP'],
      ['socks4', 'SOCKS4'],
      ['socks5', 'SOCKS5'],
    ]);
    this.#entry(proxy, 'proxy.server', _('Server'));
    this.#spin(proxy, 'proxy.port', _('Port'), '', 1, 65_535);
    this.#switch(proxy, 'proxy.auth_enabled', _('Authentication'), '');
    this.#entry(proxy, 'proxy.username', _('User Name'));
    if (this.settings.proxyPassword) {
      const password = new ProxyPasswordRow(this.settings.proxyPassword);
      proxy.add(password.entry);
      proxy.add(password.note);
      this.#rows.set('proxy.password', password.entry);
      this.controls.set('proxy.password', password.entry);
    }

    const trackers = this.#group(page, _('Trackers'));
    this.#spin(trackers, 'concurrent_http_connections', _('Simultaneous Announces'), '', 1, 64);
    this.#spin(trackers, 'seeders.http_timeout_seconds', _('HTTP Timeout'), _('Seconds'), 1, 120);
    this.#spin(trackers, 'seeders.udp_timeout_seconds', _('UDP Timeout'), _('Seconds'), 1, 120);
  }

  #advancedPage(): void {
    const page = this.#page(_('Advanced'), 'applications-engineering-symbolic');
    const engine = this.#group(page, _('Simulation'));
    this.#spin(engine, 'tickspeed', _('Update Interval'), _('Seconds between simulation steps'), 1, 60);
    const quit = this.#group(page, _('Quitting'));
    this.#spin(
      quit,
      'shutdown.budget_ms',
      _('Goodbye Time Limit'),
      _('Milliseconds to tell trackers that torrents stopped'),
      100,
      30_000,
      100,
    );
  }

  // ---- building blocks ---------------------------------------------------------------------

  #page(title: string, icon: string): Adw.PreferencesPage {
    const page = new Adw.PreferencesPage({ title, icon_name: icon });
    this.add(page);
    return page;
  }

  #group(page: Adw.PreferencesPage, title: string, description = ''): Adw.PreferencesGroup {
    const group = new Adw.PreferencesGroup({ title, description });
    page.add(group);
    return group;
  }

  /** Rows that only matter while another setting has a certain value are greyed out otherwise. */
  #dependOn(path: string, when: (value: unknown) => boolean, rows: string[]): void {
    if (this.#has(path)) this.#dependencies.push({ path, when, rows });
  }

  #updateSensitivity(): void {
    const off = new Set<string>();
    for (const d of this.#dependencies) if (!d.when(this.settings.get(d.path))) d.rows.forEach((r) => off.add(r));
    const rows = new Set(this.#dependencies.flatMap((d) => d.rows));
    for (const path of rows) this.#rows.get(path)?.set_sensitive(!off.has(path));
  }

  /** Stops following the settings and lets go of the widgets, so they go with the window. */
  #release(): void {
    if (this.#handler) this.settings.disconnect(this.#handler);
    this.#handler = 0;
    this.#refreshers.clear();
    this.#rows.clear();
    this.controls.clear();
    // GTK 4.8 lets go of the parent only at finalize, which at GC may come after the parent's.
    this.set_transient_for(null);
  }

  /** Whether a control is greyed out (specs). */
  isRowSensitive(path: string): boolean {
    return this.#rows.get(path)?.get_sensitive() ?? false;
  }

  #has(path: string): boolean {
    try {
      return this.settings.get<unknown>(path) !== undefined;
    } catch {
      return false;
    }
  }

  #write(path: string, value: unknown): void {
    if (this.#loading) return;
    try {
      if (this.settings.get<unknown>(path) === value) return;
      this.settings.set(path, value);
    } catch (e) {
      this.add_toast(new Adw.Toast({ title: errorMessage(e), timeout: 5 }));
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
    if (!this.#has(path)) return;
    const toggle = new Gtk.Switch({ valign: Gtk.Align.CENTER });
    const row = new Adw.ActionRow({ title, subtitle, activatable_widget: toggle });
    row.add_suffix(toggle);
    group.add(row);
    this.#rows.set(path, row);
    toggle.connect('notify::active', () => this.#write(path, toggle.get_active()));
    this.#track(path, toggle, () => toggle.set_active(Boolean(this.settings.get(path))));
  }

  #spin(
    group: Adw.PreferencesGroup,
    path: string,
    title: string,
    subtitle: string,
    lower: number,
    upper: number,
    step = 1,
    digits = 0,
  ): void {
    if (!this.#has(path)) return;
    const spin = Gtk.SpinButton.new_with_range(lower, upper, step);
    spin.set_digits(digits);
    spin.set_numeric(true);
    spin.set_valign(Gtk.Align.CENTER);
    spin.set_width_chars(7);
    const row = new Adw.ActionRow({ title, subtitle, activatable_widget: spin });
    row.add_suffix(spin);
    group.add(row);
    this.#rows.set(path, row);
    spin.connect('value-changed', () => this.#write(path, digits ? spin.get_value() : Math.round(spin.get_value())));
    this.#track(path, spin, () => spin.set_value(Number(this.settings.get(path))));
  }

  #combo(group: Adw.PreferencesGroup, path: string, title: string, subtitle: string, choices: Choice[]): void {
    if (!this.#has(path)) return;
    const row = new Adw.ComboRow({ title, subtitle, model: Gtk.StringList.new(choices.map(([, label]) => label)) });
    group.add(row);
    this.#rows.set(path, row);
    row.connect('notify::selected', () => {
      const choice = choices[row.get_selected()];
      if (choice) this.#write(path, choice[0]);
    });
    this.#track(path, row, () => {
      const i = choices.findIndex(([value]) => value === this.settings.get(path));
      row.set_selected(i >= 0 ? i : 0);
    });
  }

  #entry(group: Adw.PreferencesGroup, path: string, title: string, password = false): void {
    if (!this.#has(path)) return;
    const row = password ? new Adw.PasswordEntryRow({ title }) : new Adw.EntryRow({ title });
    row.set_show_apply_button(true);
    group.add(row);
    this.#rows.set(path, row);
    row.connect('apply', () => this.#write(path, row.get_text().trim()));
    this.#track(path, row, () => row.set_text(String(this.settings.get(path) ?? '')));
  }

  #folder(group: Adw.PreferencesGroup, path: string, title: string): void {
    if (!this.#has(path)) return;
    const row = new Adw.ActionRow({ title, activatable: true });
    const button = new Gtk.Button({
      icon_name: 'folder-open-symbolic',
      valign: Gtk.Align.CENTER,
      tooltip_text: _('Choose Folder'),
    });
    button.add_css_class('flat');
    row.add_suffix(button);
    row.set_activatable_widget(button);
    group.add(row);
    this.#rows.set(path, row);
    button.connect('clicked', () => {
      const chooser = new Gtk.FileChooserNative({
        title: _('Choose the Watch Folder'),
        transient_for: this,
        modal: true,
        action: Gtk.FileChooserAction.SELECT_FOLDER,
        accept_label: _('_Select'),
      });
      chooser.connect('response', (_c, response: number) => {
        const file = chooser.get_file() as Gio.File | null;
        if (response === Gtk.ResponseType.ACCEPT && file?.get_path()) this.#write(path, file.get_path());
        chooser.destroy();
      });
      chooser.show();
    });
    this.#track(path, row, () => row.set_subtitle(String(this.settings.get(path) || _('None chosen'))));
  }

  #time(group: Adw.PreferencesGroup, hourPath: string, minutePath: string, title: string): void {
    if (!this.#has(hourPath) || !this.#has(minutePath)) return;
    const spin = (upper: number) =>
      new Gtk.SpinButton({
        adjustment: new Gtk.Adjustment({ lower: 0, upper, step_increment: 1, page_increment: 10 }),
        numeric: true,
        wrap: true,
        valign: Gtk.Align.CENTER,
        width_chars: 2,
      });
    const hour = spin(23);
    const minute = spin(59);
    // Leading zeros, as clocks show minutes.
    for (const s of [hour, minute]) {
      s.connect('output', () => {
        s.set_text(String(s.get_value()).padStart(2, '0'));
        return true;
      });
    }
    const box = new Gtk.Box({ spacing: 4, valign: Gtk.Align.CENTER });
    box.append(hour);
    box.append(new Gtk.Label({ label: ':' }));
    box.append(minute);
    const row = new Adw.ActionRow({ title });
    row.add_suffix(box);
    group.add(row);
    this.#rows.set(hourPath, row);
    this.#rows.set(minutePath, row);
    hour.connect('value-changed', () => this.#write(hourPath, hour.get_value()));
    minute.connect('value-changed', () => this.#write(minutePath, minute.get_value()));
    this.#track(hourPath, hour, () => hour.set_value(Number(this.settings.get(hourPath))));
    this.#track(minutePath, minute, () => minute.set_value(Number(this.settings.get(minutePath))));
  }

  #days(group: Adw.PreferencesGroup): void {
    if (!this.#has('scheduler.days.monday')) return;
    const box = new Gtk.Box({ spacing: 0, valign: Gtk.Align.CENTER, homogeneous: true });
    box.add_css_class('linked');
    for (const [key, label] of DAYS) {
      const path = `scheduler.days.${key}`;
      const toggle = new Gtk.ToggleButton({ label: label() });
      toggle.connect('toggled', () => this.#write(path, toggle.get_active()));
      box.append(toggle);
      this.#track(path, toggle, () => toggle.set_active(Boolean(this.settings.get(path))));
    }
    const row = new Adw.ActionRow({ title: _('Days') });
    row.add_suffix(box);
    group.add(row);
    for (const [key] of DAYS) this.#rows.set(`scheduler.days.${key}`, row);
  }
}
