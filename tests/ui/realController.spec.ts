import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { AppController } from '../../src/controller/AppController.ts';
import { formatBytes } from '../../src/view/format.ts';
import { MainWindow } from '../../src/view/MainWindow.ts';
import type { RecordItem } from '../../src/view/RecordItem.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { closedPort } from '../support/ports.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { compactPeers, peerIdFor, TrackerProbe } from '../support/trackerProbe.ts';
import { answer, initUi, useUiTimeout } from './support/fixture.ts';

/**
 * The window on the real controller and engine: a .torrent added through the window is copied
 * into the torrents folder, announced to a real opentracker on 127.0.0.1, and the window's
 * actions change the real Model.
 */
describe('main window on the real controller', () => {
  useUiTimeout(60_000);
  let tracker: OpenTracker;
  let dir: string;
  let controller: AppController;
  let window: MainWindow;
  let host: Gio.Application;
  // Each spec registers its own host (an application cannot be unregistered): a fresh id each.
  let hosts = 0;

  beforeAll(() => {
    if (!initUi()) pending('no display');
    if (!OpenTracker.isAvailable()) pending('opentracker is not installed');
  });

  beforeEach(async () => {
    dir = makeTempDir('dfs-ui-real');
    tracker = new OpenTracker();
    host = new Gio.Application({
      application_id: `ie.fio.dfakeseeder.UiRealSpec${++hosts}`,
      flags: Gio.ApplicationFlags.NON_UNIQUE,
    });
    host.register(null);
    controller = new AppController(host);
    controller.start();
    window = new MainWindow({});
    window.attach(controller.readout, host);
    window.present();
    await pumpEvents(200);
  });

  afterEach(async () => {
    // Leave the shared config folder as it was: remove what this spec added, then stop.
    const hashes = controller?.model.all().map((t) => t.info_hash) ?? [];
    if (hashes.length) await controller.actions.invoke('remove', new GLib.Variant('as', hashes));
    window?.detach();
    window?.destroy();
    await controller?.requestQuit('spec done');
    await tracker?.stop();
    if (dir) removeTree(dir);
  });

  it('adds a file, shows its row and tracker reply, and pauses, edits and removes it', async () => {
    const bytes = makeTorrent({ name: 'real-controller.bin', length: 5_000_000, announce: tracker.announceUrl });
    await tracker.start([fixtureInfoHashHex(bytes)]);
    const path = `${dir}/real-controller.torrent`;
    writeFile(path, bytes);

    window.addUris([Gio.File.new_for_path(path).get_uri()]);
    await waitFor(() => window.list!.shownCount === 1, 'the row', 10_000);
    const t = window.list!.torrentAt(0)!;
    expect(t.name).toBe('real-controller.bin');
    expect(window._main_stack.get_visible_child_name()).toBe('torrents');

    window.list!.selectTorrents([t]);
    const d = window.details!;
    d.tabs.set_visible_child_name('trackers');
    await waitFor(
      () => controller.readout.trackers(t).some((tr) => tr.lastAnnounce !== null),
      'the announce reply',
      20_000,
    );
    await pumpEvents(200);
    expect(d.trackersTable.store.get_n_items()).toBe(1);
    expect((d.trackersTable.store.get_item(0) as RecordItem).record.url).toBe(tracker.announceUrl);
    await saveScreenshot(window, 'real-controller-trackers');

    d.tabs.set_visible_child_name('log');
    await pumpEvents(100);
    expect(d.logTable.store.get_n_items()).toBeGreaterThan(0);

    window.torrentActions.activate_action('pause', null);
    await waitFor(() => !t.active, 'the pause');
    await waitFor(() => window.sidebar!.countOf('paused') === '1', 'the paused count', 5000);
    window.torrentActions.activate_action('resume', null);
    await waitFor(() => t.active, 'the resume');

    d.tabs.set_visible_child_name('options');
    d.options.spins.get('upload_speed')!.set_value(321);
    expect(t.upload_speed).toBe(321);
    d.options.spins.get('threshold')!.set_value(40);
    expect(t.threshold).toBe(40);

    const copy = t.filepath;
    expect(copy).not.toBe(path);
    expect(GLib.file_test(copy, GLib.FileTest.EXISTS)).withContext('the app keeps its own copy').toBeTrue();
    window.torrentActions.activate_action('remove', null);
    answer(window.openDialog!, 'remove');
    // Removed for good when the Undo toast goes.
    window.toasts.undoToast!.dismiss();
    await waitFor(() => controller.model.all().length === 0, 'the removal', 10_000);
    await pumpEvents(100);
    expect(window._main_stack.get_visible_child_name()).toBe('empty');
    expect(GLib.file_test(path, GLib.FileTest.EXISTS)).withContext('the file the user added stays').toBeTrue();
    // The copy is the list entry: kept, it would bring the torrent back at the next start.
    expect(GLib.file_test(copy, GLib.FileTest.EXISTS)).withContext('the app copy goes').toBeFalse();
    expect(controller.settings.getTorrentState(copy)).toBeUndefined();
  });

  it('Peers tab: lists the other peers opentracker hands out, not the app’s own announce it echoes', async () => {
    const bytes = makeTorrent({ name: 'peers-tab.bin', length: 3_000_000, announce: tracker.announceUrl });
    const hash = fixtureInfoHashHex(bytes);
    await tracker.start([hash]);
    const infoHash = Uint8Array.from(hash.match(/../g)!.map((h) => parseInt(h, 16)));
    const probe = new TrackerProbe(tracker.port);
    // Another seeder on this computer, on a port that is not ours.
    await probe.announce({ infoHash, peerId: peerIdFor('-TR3000-'), port: 6001, left: 0, event: 'started' });
    const ourPort = controller.settings.get<number>('connection.listening_port');
    // opentracker lists the requester itself: an announce from our address and port gets it back.
    const echo = await probe.announce({ infoHash, peerId: peerIdFor('-qB4520-'), port: ourPort, numwant: 50 });
    expect(compactPeers(echo.peers as Uint8Array)).toContain(`127.0.0.1:${ourPort}`);

    const path = `${dir}/peers-tab.torrent`;
    writeFile(path, bytes);
    window.addUris([Gio.File.new_for_path(path).get_uri()]);
    await waitFor(() => window.list!.shownCount === 1, 'the row', 10_000);
    const t = window.list!.torrentAt(0)!;
    window.list!.selectTorrents([t]);
    const d = window.details!;
    d.tabs.set_visible_child_name('peers');
    await waitFor(
      () => controller.readout.trackers(t).some((tr) => tr.lastAnnounce !== null),
      'the announce reply',
      20_000,
    );
    await pumpEvents(200);
    expect(controller.readout.peers(t).map((p) => `${p.address}:${p.port}`)).toEqual(['127.0.0.1:6001']);
    expect(d.peersTable.store.get_n_items()).toBe(1);
    expect((d.peersTable.store.get_item(0) as RecordItem).record.port).toBe(6001);
    await saveScreenshot(window, 'real-controller-peers');
  });

  it('keeps "this session" across pause and resume, the same in the list, Details and status bar; says when Update Tracker goes; recheck keeps 100 %', async () => {
    const bytes = makeTorrent({ name: 'session-figures.bin', length: 50_000_000, announce: tracker.announceUrl });
    await tracker.start([fixtureInfoHashHex(bytes)]);
    const path = `${dir}/session-figures.torrent`;
    writeFile(path, bytes);
    const toasts: string[] = [];
    const original = window.showToast.bind(window);
    window.showToast = (m: string) => {
      toasts.push(m);
      original(m);
    };
    window.addUris([Gio.File.new_for_path(path).get_uri()]);
    await waitFor(() => window.list!.shownCount === 1, 'the row', 10_000);
    const t = window.list!.torrentAt(0)!;
    window.list!.selectTorrents([t]);
    await waitFor(() => controller.readout.trackers(t).some((tr) => tr.lastAnnounce !== null), 'the announce', 20_000);
    await waitFor(() => t.session_uploaded > 0, 'some upload this session', 20_000);

    // Item 11: a complete torrent cannot be forced complete or given random progress.
    const enabled = (name: string) => window.torrentActions.get_action_enabled(name);
    expect([enabled('force-complete'), enabled('random-progress')]).toEqual([false, false]);
    // Update Tracker right after an announce: the tracker's minimum interval holds it, and the
    // window says when it goes instead of nothing.
    window.torrentActions.activate_action('update-tracker', null);
    await waitFor(() => toasts.some((m) => m.startsWith('The trackers ask to wait: the update goes at')), 'the toast');
    // Force Recheck on a complete torrent: still 100 %, and the log says what was checked.
    window.torrentActions.activate_action('force-recheck', null);
    expect(t.progress).toBe(1);
    expect(controller.readout.log(t).some((l) => l.message === 'Recheck: 100.0 % of the data verified')).toBeTrue();

    // Item 8: a session is the app's run; pausing and resuming does not start a new one.
    window.torrentActions.activate_action('pause', null);
    await waitFor(() => !t.active, 'the pause');
    const session = t.session_uploaded;
    expect(session).toBeGreaterThan(0);
    window.torrentActions.activate_action('resume', null);
    await waitFor(() => t.active, 'the resume');
    expect(t.session_uploaded).toBeGreaterThanOrEqual(session);
    await pumpEvents(300);
    const shown = formatBytes(t.session_uploaded);
    const plain = (x: string) => x.replace(/\u00a0/g, ' ');
    expect(plain(window.details!.status.get('uploaded'))).toContain(`${plain(shown)} this session`);
    controller.readout.figures.update(controller.readout.totals());
    expect(plain(window.statusBar!.upload.get_label())).toContain(
      `${plain(formatBytes(t.session_uploaded))} this session`,
    );
    expect(formatBytes(controller.readout.totals().sessionUploaded)).toBe(formatBytes(t.session_uploaded));
  });

  it('says "Added" in the window for a torrent given on the command line, and once for a duplicate', async () => {
    const bytes = makeTorrent({ name: 'from-the-command-line.bin', length: 1_000_000, announce: tracker.announceUrl });
    await tracker.start([fixtureInfoHashHex(bytes)]);
    const path = `${dir}/from-the-command-line.torrent`;
    writeFile(path, bytes);
    const toasts: string[] = [];
    const original = window.showToast.bind(window);
    window.showToast = (m: string) => {
      toasts.push(m);
      original(m);
    };
    // What `dfakeseeder FILE` (and a file manager's Open With) hands to the running app.
    controller.addTorrentFiles([Gio.File.new_for_path(path)]);
    await waitFor(() => toasts.includes('Added “from-the-command-line.bin”'), 'the Added toast', 10_000);
    expect(window.list!.shownCount).toBe(1);
    const problems: string[] = [];
    window.toasts.problem = (m: string) => problems.push(m);
    controller.addTorrentFiles([Gio.File.new_for_path(path)]);
    await waitFor(() => problems.length + toasts.length > 1, 'what the duplicate gets', 10_000);
    await pumpEvents(300);
    expect(problems.length + toasts.length).toBe(2);
    expect(window.list!.shownCount).toBe(1);
  });

  it('puts a torrent whose only tracker refuses under Error, with nothing accrued (the real engine)', async () => {
    const dead = `http://127.0.0.1:${closedPort()}/announce`;
    const path = `${dir}/dead-tracker.torrent`;
    writeFile(path, makeTorrent({ name: 'dead-tracker.bin', length: 5_000_000, announce: dead }));
    window.addUris([Gio.File.new_for_path(path).get_uri()]);
    await waitFor(() => window.list!.shownCount === 1, 'the row', 10_000);
    const t = window.list!.torrentAt(0)!;
    await waitFor(() => t.status === 'tracker-error', 'the tracker error', 20_000);
    window.sidebar!.selectState('error');
    await pumpEvents(200);
    expect(window.list!.shownCount).toBe(1);
    expect(window.sidebar!.countOf('error')).toBe('1');
    // Seconds of "seeding" later: no tracker, no peers, nothing uploaded.
    await pumpEvents(2500);
    expect([t.session_uploaded, t.total_uploaded, t.upload_rate]).toEqual([0, 0, 0]);
  });

  it('reports a file that is not a torrent and adds nothing', async () => {
    const path = `${dir}/notes.torrent`;
    writeFile(path, 'not bencode at all');
    const toasts: string[] = [];
    const original = window.showToast.bind(window);
    window.showToast = (m: string) => {
      toasts.push(m);
      original(m);
    };
    window.addUris([Gio.File.new_for_path(path).get_uri()]);
    await waitFor(() => toasts.length > 0, 'the toast', 5000);
    await pumpEvents(600);
    expect(toasts.length).toBe(1);
    expect(controller.model.all().length).toBe(0);
  });
});
