import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

import { KeyringError } from '../../src/model/settings/Keyring.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { PreferencesWindow } from '../../src/view/PreferencesWindow.ts';
import type { SettingsAccess, TorrentSource } from '../../src/view/TorrentSource.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { keyringSecret, startKeyring } from '../support/keyring.ts';
import { makeTempDir, readText, removeTree } from '../support/tempdir.ts';
import { findAll, initUi, useUiTimeout, openWindow, type UiFixture } from './support/fixture.ts';

describe('preferences', () => {
  useUiTimeout();
  let f: UiFixture;
  let prefs: PreferencesWindow;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow();
    f.window.showPreferences();
    prefs = f.window.preferences!;
    await pumpEvents(150);
  });

  afterEach(async () => {
    prefs?.close();
    await f?.dispose();
  });

  it('opens from the window, once, with its pages (screenshots, light and dark)', async () => {
    f.window.showPreferences();
    expect(f.window.preferences).toBe(prefs);
    const titles: string[] = [];
    const pages = prefs.get_visible_page()!.get_parent()!;
    for (let p = pages.get_first_child(); p; p = p.get_next_sibling())
      titles.push((p as Adw.PreferencesPage).get_title());
    expect(titles).toEqual(['General', 'Speed', 'Seeding', 'Connection', 'Advanced', 'Profiles', 'Tracker']);
    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      const suffix = scheme === Adw.ColorScheme.FORCE_DARK ? '-dark' : '';
      for (let p = pages.get_first_child(); p; p = p.get_next_sibling()) {
        prefs.set_visible_page(p as Adw.PreferencesPage);
        await pumpEvents(120);
        const title = (p as Adw.PreferencesPage).get_title().toLowerCase();
        await saveScreenshot(prefs, `preferences-${title}${suffix}`);
        if (title === 'speed') {
          // The schedule is further down the page.
          findAll(p, Gtk.ScrolledWindow)[0].get_vadjustment().set_value(330);
          await pumpEvents(120);
          await saveScreenshot(prefs, `preferences-speed-schedule${suffix}`);
        }
      }
    }
    Adw.StyleManager.get_default().set_color_scheme(Adw.ColorScheme.DEFAULT);
  }, 60_000);

  it('shows the stored values and writes each change to its setting', () => {
    const spin = prefs.controls.get('upload_speed') as Gtk.SpinButton;
    expect(spin.get_value()).toBe(50);
    spin.set_value(75);
    expect(f.settings.get('upload_speed')).toBe(75);

    (prefs.controls.get('speed.enable_alternative_speeds') as Gtk.Switch).set_active(true);
    expect(f.settings.get('speed.enable_alternative_speeds')).toBeTrue();

    const scheme = prefs.controls.get('ui_settings.color_scheme') as Adw.ComboRow;
    scheme.set_selected(2);
    expect(f.settings.get('ui_settings.color_scheme')).toBe('dark');
    expect(Adw.StyleManager.get_default().get_dark()).toBeTrue();
    scheme.set_selected(1);
    expect(Adw.StyleManager.get_default().get_dark()).toBeFalse();
    scheme.set_selected(0);
    expect(Adw.StyleManager.get_default().get_color_scheme()).toBe(Adw.ColorScheme.DEFAULT);

    (prefs.controls.get('notifications.tracker_errors') as Gtk.Switch).set_active(false);
    expect(f.settings.get('notifications.tracker_errors')).toBeFalse();

    const identity = prefs.controls.get('agent') as Adw.ComboRow;
    expect(identity.get_selected()).toBe(0);
    identity.set_selected(1);
    expect(f.settings.get('agent')).toBe('transmission-4.0.6');

    (prefs.controls.get('scheduler.days.sunday') as Gtk.ToggleButton).set_active(false);
    expect(f.settings.get('scheduler.days.sunday')).toBeFalse();
    (prefs.controls.get('scheduler.start_hour') as Gtk.SpinButton).set_value(23);
    expect(f.settings.get('scheduler.start_hour')).toBe(23);

    (prefs.controls.get('connection.listening_port') as Gtk.SpinButton).set_value(51413);
    expect(f.settings.get('connection.listening_port')).toBe(51413);

    const server = prefs.controls.get('proxy.server') as Adw.EntryRow;
    server.set_text('proxy.example.net');
    server.emit('apply');
    expect(f.settings.get('proxy.server')).toBe('proxy.example.net');

    (prefs.controls.get('shutdown.budget_ms') as Gtk.SpinButton).set_value(3000);
    expect(f.settings.get('shutdown.budget_ms')).toBe(3000);
  });

  it('follows settings changed elsewhere (D-Bus, another window)', () => {
    f.settings.set('download_speed', 640);
    expect((prefs.controls.get('download_speed') as Gtk.SpinButton).get_value()).toBe(640);
  });

  it('offers no control for a setting nothing reads', () => {
    for (const path of prefs.controls.keys()) {
      // The password is the keyring's (SettingsStore.proxyPassword), not a setting.
      if (path !== 'proxy.password') expect(f.settings.get(path)).withContext(path).not.toBeUndefined();
    }
    expect(prefs.controls.has('webui.enabled')).toBeFalse();
    // In the defaults, but nothing reads them: the identity decides the interval and numwant,
    // and the logger follows G_MESSAGES_DEBUG / the journal, not these keys.
    for (const inert of [
      'announce_interval',
      'seeders.peer_request_count',
      'logging.console_level',
      'logging.systemd_level',
    ]) {
      expect(f.settings.get(inert)).withContext(inert).not.toBeUndefined();
      expect(prefs.controls.has(inert)).withContext(inert).toBeFalse();
    }
  });

  it('greys out rows that only matter while another setting is on', () => {
    expect(prefs.isRowSensitive('proxy.server')).toBeFalse();
    (prefs.controls.get('proxy.type') as Adw.ComboRow).set_selected(1);
    expect(prefs.isRowSensitive('proxy.server')).toBeTrue();
    expect(prefs.isRowSensitive('proxy.username')).toBeFalse();
    (prefs.controls.get('proxy.auth_enabled') as Gtk.Switch).set_active(true);
    expect(prefs.isRowSensitive('proxy.username')).toBeTrue();

    expect(prefs.isRowSensitive('scheduler.start_hour')).toBeFalse();
    f.settings.set('scheduler.enabled', true);
    expect(prefs.isRowSensitive('scheduler.start_hour')).toBeTrue();
    expect(prefs.isRowSensitive('scheduler.days.monday')).toBeTrue();

    expect(prefs.isRowSensitive('simulation.stop_ratio_min')).toBeFalse();
    expect(prefs.isRowSensitive('simulation.stop_at_ratio')).toBeTrue();
    (prefs.controls.get('simulation.stop_ratio_random') as Gtk.Switch).set_active(true);
    expect(prefs.isRowSensitive('simulation.stop_ratio_min')).toBeTrue();
    expect(prefs.isRowSensitive('simulation.stop_at_ratio')).toBeFalse();

    expect(prefs.isRowSensitive('speed_distribution.upload.spread_percentage')).toBeFalse();
    f.settings.set('speed_distribution.upload.algorithm', 'pareto');
    expect(prefs.isRowSensitive('speed_distribution.upload.spread_percentage')).toBeTrue();
    expect(prefs.isRowSensitive('speed_distribution.upload.custom_interval_minutes')).toBeFalse();
  });

  it('reports a value the settings store refuses and shows the stored one again', async () => {
    const store = f.settings;
    const refusing: SettingsAccess = {
      get: store.get.bind(store),
      set: (path, value) => {
        if (path === 'upload_speed' && value === 999) throw new Error('That upload speed is not allowed.');
        store.set(path, value);
      },
      connect: (signal, callback) => store.connect(signal, callback),
      disconnect: (id) => store.disconnect(id),
    };
    const source = Object.create(f.model, { settings: { value: refusing } }) as TorrentSource;
    const window = new PreferencesWindow(source);
    window.present();
    const spin = window.controls.get('upload_speed') as Gtk.SpinButton;
    spin.set_value(999);
    expect(store.get('upload_speed')).toBe(50);
    expect(spin.get_value()).toBe(50);
    spin.set_value(60);
    expect(store.get('upload_speed')).toBe(60);
    await pumpEvents(50);
    window.close();
  });

  it('keeps the proxy password in the keyring, never in the file', async () => {
    if (!(await startKeyring())) pending('gnome-keyring and secret-tool are not installed');
    const row = prefs.controls.get('proxy.password') as Adw.PasswordEntryRow;
    row.set_text('typed secret');
    row.emit('apply');
    await waitFor(
      () => f.settings.get<string>('proxy.password_id') !== '' || f.settings.proxyPassword.problem !== null,
      'the keyring’s answer',
      15000,
    );
    expect(f.settings.proxyPassword.problem).toBeNull();
    expect(await keyringSecret(f.settings.get<string>('proxy.password_id'))).toBe('typed secret');
    expect(f.settings.proxyPassword.problem).toBeNull();
    await f.settings.saveNow();
    expect(readText(f.settings.path)).not.toContain('typed secret');
  });

  it('says in Preferences when there is no keyring and the password is kept for this run only', async () => {
    const dir = makeTempDir('dfs-prefs-nokeyring');
    const refuse = () => Promise.reject(new KeyringError('no keyring service (such as GNOME Keyring) is running'));
    const store = SettingsStore.open(dir, { keyring: { store: refuse, lookup: refuse, clear: refuse } });
    const source = Object.create(f.model, { settings: { value: store } }) as TorrentSource;
    const window = new PreferencesWindow(source);
    try {
      window.present();
      const row = window.controls.get('proxy.password') as Adw.PasswordEntryRow;
      row.set_text('session only');
      row.emit('apply');
      await waitFor(() => store.proxyPassword.problem !== null, 'the keyring refusal');
      await pumpEvents(50);
      const note = findAll(window, Adw.ActionRow).find((r) => r.get_title() === 'Not Saved')!;
      expect(note.get_visible()).toBeTrue();
      expect(note.get_subtitle()).toContain('It is used for this run only and is not saved.');
      expect(store.proxyPassword.value).toBe('session only');
      await store.saveNow();
      expect(readText(store.path)).not.toContain('session only');
    } finally {
      window.close();
      removeTree(dir);
    }
  });
});
