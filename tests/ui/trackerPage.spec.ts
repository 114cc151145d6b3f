import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import '../../src/lib/promisify.ts';
import { AppController } from '../../src/controller/AppController.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import { MainWindow } from '../../src/view/MainWindow.ts';
import type { RecordItem } from '../../src/view/RecordItem.ts';
import { TrackerPreferencesPage } from '../../src/view/TrackerPreferencesPage.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { randomPort } from '../support/localDaemon.ts';
import { closedPort } from '../support/ports.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { peerIdFor, randomBytes, TrackerProbe } from '../support/trackerProbe.ts';
import { initUi, useUiTimeout } from './support/fixture.ts';

const ENABLED = 'tracker_settings.enabled';

/**
 * The built-in tracker in the window app on the real controller: the Tracker page (off, turned
 * on, addresses to copy, figures, graph, torrents and peers), Preferences → Tracker, and
 * self-tracking: a library torrent announcing to the app's own tracker, and the "Add the
 * Built-in Tracker" action.
 */
describe('built-in tracker in the window', () => {
  useUiTimeout(60_000);
  let dir: string;
  let controller: AppController;
  let window: MainWindow;
  let host: Gio.Application;
  let hosts = 0;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    dir = makeTempDir('dfs-ui-tracker');
    host = new Gio.Application({
      application_id: `ie.fio.dfakeseeder.UiTrackerSpec${++hosts}`,
      flags: Gio.ApplicationFlags.NON_UNIQUE,
    });
    host.register(null);
    controller = new AppController(host);
    controller.start();
    const port = randomPort();
    controller.settings.set('tracker_settings.http_port', port);
    controller.settings.set('tracker_settings.udp_port', port);
    window = new MainWindow({});
    window.attach(controller.readout, host);
    window.attachTrackerPage(controller.trackerServer);
    window.present();
    await pumpEvents(200);
  });

  afterEach(async () => {
    // The config folder is shared by the UI specs: leave it as it was.
    const hashes = controller?.model.all().map((t) => t.info_hash) ?? [];
    if (hashes.length) await controller.actions.invoke('remove', new GLib.Variant('as', hashes));
    controller?.settings.reset('tracker_settings');
    window?.detach();
    window?.destroy();
    await controller?.requestQuit('spec done');
    if (dir) removeTree(dir);
  });

  it('is off until turned on, then shows its addresses, figures, torrents and peers', async () => {
    const service = controller.trackerServer;
    expect(service.running).toBeFalse();
    expect(window.trackerButton.get_visible()).toBeTrue();
    window.trackerButton.set_active(true);
    await pumpEvents(50);
    const page = window.trackerPage!;
    expect(window._main_stack.get_visible_child_name()).toBe('tracker');
    expect(page.get_visible_child_name()).toBe('off');

    controller.settings.set(ENABLED, true);
    await waitFor(() => page.get_visible_child_name() === 'on', 'the page to show the running tracker');
    const urls = service.announceUrls();
    expect(urls).toEqual([
      `http://127.0.0.1:${service.http.port}/announce`,
      `udp://127.0.0.1:${service.udp.port}/announce`,
    ]);
    const rowTitles: string[] = [];
    for (let r = page.addresses.get_first_child(); r; r = r.get_next_sibling()) rowTitles.push(...collectTitles(r));
    for (const u of urls) expect(rowTitles).toContain(u);

    // Copy puts the address on the clipboard.
    const copy = findButtons(page.addresses).find((b) => b.get_icon_name() === 'edit-copy-symbolic')!;
    copy.emit('clicked');
    const clipboard = page.get_clipboard() as Gdk.Clipboard & {
      read_text_async(c: null, cb: (c: Gdk.Clipboard, r: Gio.AsyncResult) => void): void;
    };
    const copied = await new Promise<string | null>((resolve) =>
      clipboard.read_text_async(null, (c, r) => resolve(c.read_text_finish(r))),
    );
    expect(copied).toBe(urls[0]);

    const probe = new TrackerProbe(service.http.port);
    const infoHash = randomBytes(20);
    await probe.announce({ infoHash, peerId: peerIdFor('-qB4520-'), port: 7001 });
    await probe.announce({ infoHash, peerId: peerIdFor('-TR3000-'), port: 7002, left: 5 });
    probe.dispose();
    await waitFor(() => page.torrentsTable.store.get_n_items() === 1, 'the torrent row');
    const row = (page.torrentsTable.store.get_item(0) as RecordItem).record;
    expect([row.seeders, row.leechers, row.completed, row.announces]).toEqual([1, 1, 0, 2]);
    expect(page.figuresLabel.get_label()).toContain('2 peers');
    expect(page.graph.samples.reduce((a, b) => a + b, 0)).toBe(2);
    page.selection.set_selected(0);
    await pumpEvents(50);
    const peers = [0, 1].map((i) => (page.peersTable.store.get_item(i) as RecordItem).record);
    expect(peers.map((p) => `${p.address}:${p.port} ${p.client}`).sort()).toEqual([
      '127.0.0.1:7001 qB 4520',
      '127.0.0.1:7002 TR 3000',
    ]);
    await saveScreenshot(window, 'tracker-page');

    controller.settings.set(ENABLED, false);
    await waitFor(() => page.get_visible_child_name() === 'off', 'the page to show it off');
    expect(service.running).toBeFalse();
  });

  it('has Preferences → Tracker, whose controls write the settings', async () => {
    window.showPreferences();
    await pumpEvents(100);
    const prefs = window.preferences!;
    const pages: TrackerPreferencesPage[] = [];
    for (let p = prefs.get_visible_page()!.get_parent()!.get_first_child(); p; p = p.get_next_sibling())
      if (p instanceof TrackerPreferencesPage) pages.push(p);
    expect(pages.length).toBe(1);
    const page = pages[0];
    prefs.set_visible_page(page);
    await pumpEvents(100);
    await saveScreenshot(prefs, 'preferences-tracker');
    (page.controls.get(ENABLED) as Gtk.Switch).set_active(true);
    expect(controller.settings.get(ENABLED)).toBeTrue();
    expect(controller.trackerServer.running).toBeTrue();
    (page.controls.get('tracker_settings.security.rate_limit_per_minute') as Gtk.SpinButton).set_value(12);
    expect(controller.settings.get('tracker_settings.security.rate_limit_per_minute')).toBe(12);
    expect(controller.trackerServer.core.config.rateLimitPerMinute).toBe(12);
    // A setting changed elsewhere shows in the control.
    controller.settings.set('tracker_settings.private_mode', true);
    expect((page.controls.get('tracker_settings.private_mode') as Gtk.Switch).get_active()).toBeTrue();
    prefs.close();
  });

  it('tracks its own library torrent, and adds itself to a torrent by the action', async () => {
    controller.settings.set(ENABLED, true);
    const service = controller.trackerServer;
    const own = makeTorrent({ name: 'self-tracked.bin', announce: service.selfAnnounceUrl()! });
    const elsewhere = makeTorrent({ name: 'elsewhere.bin', announce: `http://127.0.0.1:${closedPort()}/announce` });
    writeFile(`${dir}/own.torrent`, own);
    writeFile(`${dir}/elsewhere.torrent`, elsewhere);
    window.addUris([`${dir}/own.torrent`, `${dir}/elsewhere.torrent`].map((p) => Gio.File.new_for_path(p).get_uri()));
    const seederOf = (bytes: Uint8Array) => service.core.peers.swarm(fixtureInfoHashHex(bytes))?.seeders ?? 0;
    await waitFor(() => seederOf(own) === 1, 'the app in its own tracker’s peer table', 20_000);
    const peer = service.core.peers.swarm(fixtureInfoHashHex(own))!.peers[0];
    expect(peer.port).toBe(controller.settings.get<number>('connection.listening_port'));
    expect(seederOf(elsewhere)).toBe(0);

    await waitFor(() => controller.model.all().length === 2, 'both torrents in the list', 10_000);
    const t = controller.model.all().find((x: Torrent) => x.name === 'elsewhere.bin')!;
    window.list!.selectTorrents([t]);
    await pumpEvents(50);
    expect(window.selectedTorrents().map((x) => x.name)).toEqual(['elsewhere.bin']);
    window.torrentActions.activate_action('add-builtin-tracker', null);
    const tiers = (): string[] => controller.model.sessionOf(t)?.tiers.flat() ?? [];
    await waitFor(() => tiers().includes(service.selfAnnounceUrl()!), 'the added tracker', 15_000);
    void controller.model.forceAnnounce([t]);
    await waitFor(() => seederOf(elsewhere) === 1, 'the announce to the added built-in tracker', 20_000);
    // Added twice, it is still there once.
    window.torrentActions.activate_action('add-builtin-tracker', null);
    await pumpEvents(100);
    expect(tiers().filter((u) => u === service.selfAnnounceUrl()).length).toBe(1);
    expect(GLib.file_test(t.filepath, GLib.FileTest.EXISTS)).toBeTrue();
  });
});

function findButtons(root: Gtk.Widget): Gtk.Button[] {
  const out: Gtk.Button[] = [];
  const walk = (w: Gtk.Widget) => {
    if (w instanceof Gtk.Button) out.push(w);
    for (let c = w.get_first_child(); c; c = c.get_next_sibling()) walk(c);
  };
  walk(root);
  return out;
}

function collectTitles(root: Gtk.Widget): string[] {
  const out: string[] = [];
  const walk = (w: Gtk.Widget) => {
    if (w instanceof Gtk.Label) out.push(w.get_label());
    for (let c = w.get_first_child(); c; c = c.get_next_sibling()) walk(c);
  };
  walk(root);
  return out;
}
