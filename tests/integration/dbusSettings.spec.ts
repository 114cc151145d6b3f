import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { delay, waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import {
  APP_BUS_NAME,
  APP_PATH,
  AppProcess,
  activateAction,
  appNameHasOwner,
  busCall,
  settingsCall,
} from './dbusAppProcess.ts';

describe('D-Bus: the app’s own interfaces', () => {
  it('are there the moment its bus name appears (exported before it asks for the name)', async () => {
    const dir = makeTempDir('dfs-dbus-early');
    // Some torrents, so that start-up (after the name is taken) takes a while.
    for (let i = 0; i < 30; i++) writeFile(`${dir}/config/dfakeseeder/torrents/t${i}.torrent`, makeTorrent());
    const app = AppProcess.start(`${dir}/config`, '--headless');
    try {
      let owned = false;
      const deadline = GLib.get_monotonic_time() + 15_000_000;
      while (!owned && GLib.get_monotonic_time() < deadline) owned = await appNameHasOwner();
      expect(owned).toBeTrue();
      // At once: no "No such interface" while the app is still starting.
      expect(await settingsCall('Ping')).toEqual([true]);
      const [json] = (await settingsCall('GetConnectionStatus')) as [string];
      expect(JSON.parse(json).connected).toBeTrue();
    } finally {
      await app.stop();
      removeTree(dir);
    }
  }, 30000);
});

describe('D-Bus: ie.fio.dfakeseeder.Settings and org.gtk.Actions', () => {
  let dir: string;
  let app: AppProcess;
  let signals: string[];
  let subscription: number;

  beforeAll(async () => {
    dir = makeTempDir('dfs-dbus');
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    signals = [];
    subscription = Gio.DBus.session.signal_subscribe(
      APP_BUS_NAME,
      'ie.fio.dfakeseeder.Settings',
      'SettingsChanged',
      APP_PATH,
      null,
      Gio.DBusSignalFlags.NONE,
      (_c, _s, _p, _i, _n, params: GLib.Variant) => signals.push((params.deepUnpack() as [string])[0]),
    );
  }, 20000);

  afterAll(async () => {
    Gio.DBus.session.signal_unsubscribe(subscription);
    await app.stop();
    removeTree(dir);
  });

  it('answers Ping', async () => {
    expect(await settingsCall('Ping')).toEqual([true]);
  });

  it('lists the app actions on org.gtk.Actions', async () => {
    const [names] = (await busCall(APP_BUS_NAME, APP_PATH, 'org.gtk.Actions', 'List')) as [string[]];
    for (const name of ['add-uris', 'pause-all', 'resume-all', 'quit']) expect(names).toContain(name);
  });

  it('returns the merged settings, torrents included, as JSON', async () => {
    const [json] = (await settingsCall('GetSettings')) as [string];
    const settings = JSON.parse(json);
    expect(settings.language).toBe('auto');
    expect(settings.watch_folder.enabled).toBeFalse();
    expect(typeof settings.speed.upload_limit_kbps).toBe('number');
    expect(settings.torrents).toEqual(jasmine.any(Object));
  });

  it('applies dotted and nested keys, signals SettingsChanged and saves them', async () => {
    const changes = JSON.stringify({ 'speed.upload_limit_kbps': 123, scheduler: { start_hour: 21 } });
    expect(await settingsCall('UpdateSettings', new GLib.Variant('(s)', [changes]))).toEqual([true]);
    const settings = JSON.parse(((await settingsCall('GetSettings')) as [string])[0]);
    expect(settings.speed.upload_limit_kbps).toBe(123);
    expect(settings.scheduler.start_hour).toBe(21);
    await waitFor(() => signals.length >= 2, 'two SettingsChanged signals');
    expect(signals.map((s) => JSON.parse(s))).toEqual(
      jasmine.arrayContaining([{ 'speed.upload_limit_kbps': 123 }, { 'scheduler.start_hour': 21 }]),
    );
    // The original lost dotted keys; here they reach settings.json.
    const file = `${dir}/config/dfakeseeder/settings.json`;
    await waitFor(
      () => GLib.file_test(file, GLib.FileTest.EXISTS) && JSON.parse(readText(file)).speed?.upload_limit_kbps === 123,
      'the change to be saved',
      5000,
    );
  });

  it('refuses bad values with an error that says why, and changes nothing', async () => {
    let error: unknown = null;
    try {
      await settingsCall('UpdateSettings', new GLib.Variant('(s)', [JSON.stringify({ upload_speed: 'fast' })]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GLib.Error);
    expect(Gio.DBusError.get_remote_error(error as GLib.Error)).toBe('org.freedesktop.DBus.Error.InvalidArgs');
    expect((error as GLib.Error).message).toContain('upload_speed');
    const settings = JSON.parse(((await settingsCall('GetSettings')) as [string])[0]);
    expect(settings.upload_speed).not.toBe('fast');

    let notJson: unknown = null;
    try {
      await settingsCall('UpdateSettings', new GLib.Variant('(s)', ['{not json']));
    } catch (e) {
      notJson = e;
    }
    expect((notJson as GLib.Error).message).toContain('JSON object');
    expect(app.exited).toBeFalse();
  });

  it('reports debug information', async () => {
    const info = JSON.parse(((await settingsCall('GetDebugInfo')) as [string])[0]);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.config_dir).toBe(`${dir}/config/dfakeseeder`);
    const status = JSON.parse(((await settingsCall('GetConnectionStatus')) as [string])[0]);
    expect(status.connected).toBeTrue();
  });

  it('quits through app.quit on org.gtk.Actions', async () => {
    await activateAction('quit');
    expect(await app.waitExit(10000)).toBe(0);
  });
});

describe('D-Bus: pause-all and resume-all on org.gtk.Actions', () => {
  let tracker: OpenTracker;
  let dir: string;
  let app: AppProcess | null = null;

  beforeAll(async () => {
    if (!OpenTracker.isAvailable()) return;
    tracker = new OpenTracker();
    await tracker.start();
  });

  afterAll(async () => {
    await app?.stop();
    await tracker?.stop();
    if (dir) removeTree(dir);
  });

  it('stops every torrent at its tracker and starts it again', async () => {
    if (!OpenTracker.isAvailable()) pending('opentracker is not installed');
    dir = makeTempDir('dfs-dbus-pause');
    const bytes = makeTorrent({ name: 'paused.bin', announce: tracker.announceUrl });
    const hash = fixtureInfoHashHex(bytes);
    await tracker.allow([hash]);
    writeFile(`${dir}/paused.torrent`, bytes);
    app = AppProcess.start(`${dir}/config`, '--headless', `${dir}/paused.torrent`);
    await app.waitForBus();
    const peers = async () => {
      const s = await tracker.scrape(hash);
      return s.complete + s.incomplete;
    };
    const waitPeers = async (n: number, what: string) => {
      const deadline = GLib.get_monotonic_time() + 15e6;
      while ((await peers()) !== n) {
        if (GLib.get_monotonic_time() > deadline) throw new Error(`timed out waiting for ${what}\n${app!.output}`);
        await delay(100);
      }
    };
    await waitPeers(1, 'the started announce');
    await activateAction('pause-all');
    await waitPeers(0, 'the stopped announce after pause-all');
    await activateAction('resume-all');
    await waitPeers(1, 'a new started announce after resume-all');
    // The original's way to quit (its tray did this): a trigger key, not a stored setting.
    const quit = JSON.stringify({ application_quit_requested: true });
    expect(await settingsCall('UpdateSettings', new GLib.Variant('(s)', [quit]))).toEqual([true]);
    expect(await app.waitExit(15000)).toBe(0);
    await waitPeers(0, 'the stopped announce of the quit');
    const saved = JSON.parse(readText(`${dir}/config/dfakeseeder/settings.json`));
    expect(saved.application_quit_requested).toBeUndefined();
  }, 60000);
});

describe('D-Bus: secrets stay in, and traffic and files are not for other programs (issue 19)', () => {
  const PASSWORD = 'hunter2-proxy-secret';
  const PASSKEY = 'a1b2c3d4e5f6passkey';
  let dir: string;
  let app: AppProcess;
  let signals: string[];
  let subscription: number;

  beforeAll(async () => {
    dir = makeTempDir('dfs-dbus-secrets');
    const config = `${dir}/config/dfakeseeder`;
    // A torrent whose edited tracker list carries a private tracker's passkey, and a proxy
    // password, both as the user's settings.json holds them.
    const copy = `${config}/torrents/private.torrent`;
    writeFile(copy, makeTorrent({ name: 'private.bin', announce: 'http://127.0.0.1:9/announce' }));
    writeFile(
      `${config}/settings.json`,
      JSON.stringify({
        proxy: { type: 'none', server: '', port: 8080, auth_enabled: true, username: 'me', password: PASSWORD },
        torrents: { [copy]: { active: false, trackers: [[`http://127.0.0.1:9/${PASSKEY}/announce`]] } },
      }),
    );
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    signals = [];
    subscription = Gio.DBus.session.signal_subscribe(
      APP_BUS_NAME,
      'ie.fio.dfakeseeder.Settings',
      'SettingsChanged',
      APP_PATH,
      null,
      Gio.DBusSignalFlags.NONE,
      (_c, _s, _p, _i, _n, params: GLib.Variant) => signals.push((params.deepUnpack() as [string])[0]),
    );
  }, 20000);

  afterAll(async () => {
    Gio.DBus.session.signal_unsubscribe(subscription);
    await app.stop();
    removeTree(dir);
  });

  async function refusal(changes: Record<string, unknown>): Promise<GLib.Error> {
    let error: unknown = null;
    try {
      await settingsCall('UpdateSettings', new GLib.Variant('(s)', [JSON.stringify(changes)]));
    } catch (e) {
      error = e;
    }
    expect(error).withContext(JSON.stringify(changes)).toBeInstanceOf(GLib.Error);
    return error as GLib.Error;
  }

  it('GetSettings leaves out the proxy password and the passkeys in tracker lists', async () => {
    const [json] = (await settingsCall('GetSettings')) as [string];
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain(PASSKEY);
    const settings = JSON.parse(json);
    expect('password' in settings.proxy).toBeFalse();
    expect(settings.proxy.username).toBe('me');
    const states = Object.values(settings.torrents) as Record<string, unknown>[];
    expect(states.length).toBe(1);
    expect('trackers' in states[0]).toBeFalse();
  });

  it('refuses changes that redirect traffic or touch files, with AccessDenied in words, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ proxy: { type: 'http', server: '127.0.0.1', port: 3128 } }, 'proxy.type can only be changed in Preferences'],
      [{ 'proxy.password': 'x' }, 'proxy.password can only be changed in Preferences'],
      [{ watch_folder: { enabled: true, path: dir } }, 'watch_folder.enabled can only be changed in Preferences'],
      [{ 'watch_folder.delete_added_torrents': true }, 'it makes the app read and delete files'],
      [{ auto_start: true }, 'auto_start can only be changed in Preferences'],
      [{ run_in_background: true }, 'run_in_background can only be changed in Preferences'],
      [{ logging: { log_to_file: true, filename: `${dir}/log` } }, 'it makes the app write files'],
      [{ torrents: { x: { trackers: [['http://evil.example/announce']] } } }, 'holds its trackers'],
      // Remote access would let other computers in: neither the switch nor where it listens.
      [{ remote: { enabled: true } }, 'remote.enabled can only be changed in Preferences'],
      [{ 'remote.listen': 'all' }, 'it lets other computers and programs control the app'],
      [{ 'remote.port': 8766, upload_speed: 78 }, 'remote.port'],
      // One refused key refuses the whole call: the speed is not changed either.
      [{ upload_speed: 77, 'proxy.server': 'logging-proxy.example' }, 'proxy.server'],
    ];
    for (const [changes, words] of cases) {
      const error = await refusal(changes);
      expect(Gio.DBusError.get_remote_error(error)).toBe('org.freedesktop.DBus.Error.AccessDenied');
      expect(error.message).toContain(words);
    }
    const settings = JSON.parse(((await settingsCall('GetSettings')) as [string])[0]);
    expect(settings.proxy.type).toBe('none');
    expect(settings.proxy.server).toBe('');
    expect(settings.watch_folder.enabled).toBeFalse();
    expect(settings.watch_folder.delete_added_torrents).toBeFalse();
    expect(settings.auto_start).toBeFalse();
    expect(settings.run_in_background).toBeFalse();
    expect(settings.logging.log_to_file).toBeFalse();
    expect(settings.remote.enabled).toBeFalse();
    expect(settings.remote.listen).toBe('loopback');
    expect(settings.remote.port).not.toBe(8766);
    expect(settings.upload_speed).not.toBe(77);
    expect(settings.upload_speed).not.toBe(78);
    expect(app.output).toContain('D-Bus UpdateSettings refused');
  });

  it('still applies harmless changes, and no reply or signal ever carries the secrets', async () => {
    expect(
      await settingsCall('UpdateSettings', new GLib.Variant('(s)', [JSON.stringify({ upload_speed: 64 })])),
    ).toEqual([true]);
    await waitFor(() => signals.length > 0, 'SettingsChanged');
    const replies = [
      ...((await settingsCall('GetSettings')) as string[]),
      ...((await settingsCall('GetDebugInfo')) as string[]),
      ...((await settingsCall('GetConnectionStatus')) as string[]),
      ...signals,
    ].join('\n');
    expect(replies).not.toContain(PASSWORD);
    expect(replies).not.toContain(PASSKEY);
    expect(JSON.parse(((await settingsCall('GetSettings')) as [string])[0]).upload_speed).toBe(64);
  });
});
