import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { delay, waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { APP_BUS_NAME, APP_PATH, AppProcess, activateAction, busCall } from './dbusAppProcess.ts';

const NOTIFICATIONS_XML = `<node>
  <interface name="org.gtk.Notifications">
    <method name="AddNotification">
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="a{sv}" direction="in"/>
    </method>
    <method name="RemoveNotification"><arg type="s" direction="in"/><arg type="s" direction="in"/></method>
  </interface>
</node>`;

interface Shown {
  appId: string;
  id: string;
  title: string;
  buttons: { label: string; action: string }[];
}

/**
 * Takes the place of GNOME Shell's notification service (org.gtk.Notifications, which GLib uses
 * whenever its name has an owner) and records what the app shows. There is no shell under Xvfb.
 */
class NotificationService {
  shown: Shown[] = [];
  removed: string[] = [];
  #owner = 0;
  #exported: Gio.DBusExportedObject | null = null;

  async start(): Promise<void> {
    this.#exported = Gio.DBusExportedObject.wrapJSObject(NOTIFICATIONS_XML, {
      AddNotification: (appId: string, id: string, n: Record<string, GLib.Variant>) => {
        const buttons = (n.buttons?.deepUnpack() as Record<string, GLib.Variant>[] | undefined) ?? [];
        this.shown.push({
          appId,
          id,
          title: String(n.title?.deepUnpack() ?? ''),
          buttons: buttons.map((b) => ({
            label: String(b.label?.deepUnpack()),
            action: String(b.action?.deepUnpack()),
          })),
        });
      },
      RemoveNotification: (_appId: string, id: string) => this.removed.push(id),
    });
    this.#exported.export(Gio.DBus.session, '/org/gtk/Notifications');
    let acquired = false;
    this.#owner = Gio.bus_own_name_on_connection(
      Gio.DBus.session,
      'org.gtk.Notifications',
      Gio.BusNameOwnerFlags.NONE,
      () => (acquired = true),
      null,
    );
    await waitFor(() => acquired, 'the notification service name');
  }

  stop(): void {
    if (this.#owner) Gio.bus_unown_name(this.#owner);
    this.#exported?.unexport();
  }
}

describe('background seeding', () => {
  let tracker: OpenTracker;
  let notifications: NotificationService;
  let dir: string;
  let app: AppProcess | null = null;
  const testBin = `${GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0])}/test-bin`;

  beforeAll(async () => {
    if (!OpenTracker.isAvailable()) return;
    tracker = new OpenTracker();
    await tracker.start();
    notifications = new NotificationService();
    await notifications.start();
  });

  afterAll(async () => {
    notifications?.stop();
    await tracker?.stop();
  });

  beforeEach(() => {
    if (!OpenTracker.isAvailable()) pending('opentracker is not installed');
    dir = makeTempDir('dfs-background');
  });

  afterEach(async () => {
    await app?.stop();
    app = null;
    removeTree(dir);
  });

  async function torrentFile(name: string): Promise<{ path: string; hash: string }> {
    const bytes = makeTorrent({ name: `${name}.bin`, announce: tracker.announceUrl });
    const hash = fixtureInfoHashHex(bytes);
    await tracker.allow([hash]);
    writeFile(`${dir}/${name}.torrent`, bytes);
    return { path: `${dir}/${name}.torrent`, hash };
  }

  const peers = async (hash: string) => {
    const s = await tracker.scrape(hash);
    return s.complete + s.incomplete;
  };

  async function waitForPeers(hash: string, count: number, what: string): Promise<void> {
    const deadline = GLib.get_monotonic_time() + 15e6;
    while ((await peers(hash)) !== count) {
      if (GLib.get_monotonic_time() > deadline) throw new Error(`timed out waiting for ${what}\n${app?.output}`);
      await delay(100);
    }
  }

  function startGui(settings: Record<string, unknown>, ...args: string[]): AppProcess {
    writeFile(`${dir}/config/dfakeseeder/settings.json`, JSON.stringify(settings));
    return new AppProcess(['gjs', '-m', `${testBin}/closable-gui-app.js`, ...args], {
      XDG_CONFIG_HOME: `${dir}/config`,
      G_MESSAGES_DEBUG: 'dfakeseeder',
    });
  }

  it('with Run in background on, keeps seeding after the window closes, says so, and quits over D-Bus', async () => {
    const first = await torrentFile('first');
    app = startGui({ run_in_background: true }, first.path);
    await app.waitForBus();
    await waitForPeers(first.hash, 1, 'the first torrent to announce started');

    app.proc.send_signal(10); // close the window
    await waitFor(() => app!.output.includes('CLOSED WINDOW'), 'the window to close');
    await waitFor(() => notifications.shown.some((n) => n.id === 'background'), 'the background notification');
    const shown = notifications.shown.find((n) => n.id === 'background')!;
    expect(shown.appId).toBe('ie.fio.dfakeseeder');
    expect(shown.title).toContain('still seeding');
    expect(shown.buttons).toEqual([{ label: 'Quit', action: 'app.quit' }]);
    await delay(1000);
    expect(app.exited).toBeFalse();
    expect(await peers(first.hash)).toBe(1);

    // Still seeding without a window: a torrent added now is announced too.
    const second = await torrentFile('second');
    await activateAction('add-uris', new GLib.Variant('as', [Gio.File.new_for_path(second.path).get_uri()]));
    await waitForPeers(second.hash, 1, 'the second torrent to announce started while windowless');

    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
    // The quit told the tracker both torrents stopped.
    expect(await peers(first.hash)).toBe(0);
    expect(await peers(second.hash)).toBe(0);
  }, 60000);

  it('with Run in background off, closing the window quits the app', async () => {
    const only = await torrentFile('only');
    app = startGui({ run_in_background: false }, only.path);
    await app.waitForBus();
    await waitForPeers(only.hash, 1, 'the torrent to announce started');
    app.proc.send_signal(10);
    expect(await app.waitExit(15000)).toBe(0);
    expect(await peers(only.hash)).toBe(0);
  }, 40000);

  /** The windows GtkApplication exports under /ie/fio/dfakeseeder/window/N. */
  async function windowCount(): Promise<number> {
    const [xml] = (await busCall(
      APP_BUS_NAME,
      `${APP_PATH}/window`,
      'org.freedesktop.DBus.Introspectable',
      'Introspect',
    )) as [string];
    return [...xml.matchAll(/<node name="\d+"/g)].length;
  }

  it('--background (Start on login) seeds without a window until the app is opened', async () => {
    const only = await torrentFile('login');
    writeFile(`${dir}/config/dfakeseeder/settings.json`, JSON.stringify({}));
    app = AppProcess.start(`${dir}/config`, '--background');
    await app.waitForBus();
    await waitForPeers(only.hash, 0, 'nothing yet');
    await activateAction('add-uris', new GLib.Variant('as', [Gio.File.new_for_path(only.path).get_uri()]));
    await waitForPeers(only.hash, 1, 'the torrent to announce started with no window');
    expect(await windowCount()).toBe(0);
    await delay(500);
    expect(app.exited).toBeFalse();

    // Opening the app (launcher, notification) shows the window.
    await busCall(APP_BUS_NAME, APP_PATH, 'org.freedesktop.Application', 'Activate', new GLib.Variant('(a{sv})', [{}]));
    const deadline = GLib.get_monotonic_time() + 10e6;
    while ((await windowCount()) === 0 && GLib.get_monotonic_time() < deadline) await delay(50);
    expect(await windowCount()).toBe(1);

    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
    expect(await peers(only.hash)).toBe(0);
  }, 40000);

  it('notifies when every tracker of a torrent fails (headless too)', async () => {
    // Nothing listens on this port: the announce is refused at once.
    const bytes = makeTorrent({ name: 'orphan.bin', announce: `http://127.0.0.1:${tracker.port + 1}/announce` });
    writeFile(`${dir}/orphan.torrent`, bytes);
    writeFile(`${dir}/config/dfakeseeder/settings.json`, JSON.stringify({}));
    app = AppProcess.start(`${dir}/config`, '--headless', `${dir}/orphan.torrent`);
    await app.waitForBus();
    await waitFor(
      () => notifications.shown.some((n) => n.id.startsWith('tracker-')),
      'the trackers-failing notification',
      15000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${app!.output}`);
    });
    const shown = notifications.shown.find((n) => n.id.startsWith('tracker-'))!;
    expect(shown.title).toBe('Trackers are failing');
    expect(shown.id).toBe(`tracker-${fixtureInfoHashHex(bytes)}`);
  }, 30000);
});
