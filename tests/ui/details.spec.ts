import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';

import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import { DETAILS_TABS } from '../../src/view/DetailsPane.ts';
import { RecordItem } from '../../src/view/RecordItem.ts';
import { formatBytes } from '../../src/view/format.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { initUi, useUiTimeout, labelsUnder, openWindow, type UiFixture } from './support/fixture.ts';

describe('details pane', () => {
  useUiTimeout();
  let f: UiFixture;
  let t: Torrent;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow();
    t = f.model.addFixture(
      {
        name: 'debian-12.5.0-amd64',
        files: [
          { path: ['debian-12.5.0-amd64-netinst.iso'], length: 659_554_304 },
          { path: ['docs', 'README.txt'], length: 4_096 },
          { path: ['docs', 'SHA256SUMS'], length: 512 },
        ],
        announceList: [['http://127.0.0.1:6969/announce'], ['udp://tracker.example.org:6969/announce']],
        comment: 'Debian CD from cdimage.debian.org',
        createdBy: 'mktorrent 1.1',
        creationDate: 1_707_000_000,
      },
      {
        session_uploaded: 52_428_800,
        total_uploaded: 1_288_490_188,
        upload_rate: 48_000,
        seeders: 12,
        leechers: 3,
        ratio: 1.95,
        next_update: 1_234,
        label: 'linux',
      },
    );
    f.model.addFixture({ name: 'archlinux-2024.05.01-x86_64.iso', length: 1_100_000_000 });
    const e = f.model.entries.get(t)!;
    e.peers = [
      { address: '127.0.0.1', port: 51413, trackerUrl: 'http://127.0.0.1:6969/announce' },
      { address: '127.0.0.2', port: 6881, trackerUrl: 'http://127.0.0.1:6969/announce' },
    ];
    e.log = [
      {
        time: 1_707_000_100,
        level: 'info',
        message: 'Announced “started” to http://127.0.0.1:6969/announce: 12 seeders, 3 leechers',
      },
      {
        time: 1_707_000_160,
        level: 'error',
        message: 'udp://tracker.example.org:6969/announce did not answer (timed out)',
      },
    ];
    await pumpEvents(100);
  });

  afterEach(async () => await f?.dispose());

  it('shows an empty state until a torrent is selected', async () => {
    f.window.list!.selection.unselect_all();
    await pumpEvents(50);
    expect(f.window.details!.get_visible_child_name()).toBe('none');
    f.window.list!.selectTorrents([t]);
    await pumpEvents(50);
    expect(f.window.details!.get_visible_child_name()).toBe('tabs');
  });

  it('opens every tab and shows the selected torrent in each (screenshots, light and dark)', async () => {
    f.window.list!.selectTorrents([t]);
    const d = f.window.details!;
    // Minutes of history the model kept before the torrent was selected.
    const now = Date.now();
    f.model.entries.get(t)!.history = [0, 1, 2, 3, 4].map((i) => ({
      time: now - (4 - i) * 60_000,
      up: 40_000 + i * 5_000,
      down: 0,
    }));
    d.tick();
    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      const suffix = scheme === Adw.ColorScheme.FORCE_DARK ? '-dark' : '';
      for (const name of DETAILS_TABS) {
        d.tabs.set_visible_child_name(name);
        await pumpEvents(120);
        expect(d.tabs.get_visible_child_name()).toBe(name);
        await saveScreenshot(f.window, `details-${name}${suffix}`);
      }
    }
    Adw.StyleManager.get_default().set_color_scheme(Adw.ColorScheme.DEFAULT);
    const plain = (text: string) => text.replace(/\u00a0/g, ' ');

    expect(d.status.get('progress')).toBe('100.0 %');
    expect(d.status.get('swarm')).toBe('12 / 3');
    expect(plain(d.status.get('uploaded'))).toBe('50.0 MB this session (1.2 GB in total)');
    expect(d.details.get('hash')).toBe(t.info_hash);
    expect(d.details.get('comment')).toBe('Debian CD from cdimage.debian.org');
    expect(d.graph.upload.length).toBeGreaterThanOrEqual(5);

    // Files: a tree under the torrent's folder, with a folder for docs/.
    const root = d.files.store.get_item(0) as RecordItem;
    expect(root.record.name).toBe('debian-12.5.0-amd64');
    expect(root.record.size).toBe(659_554_304 + 4_096 + 512);
    const children: string[] = [];
    for (let i = 0; i < root.children!.get_n_items(); i++)
      children.push(String((root.children!.get_item(i) as RecordItem).record.name));
    expect(children).toEqual(['docs', 'debian-12.5.0-amd64-netinst.iso']);

    // Trackers, peers and log come from the controller.
    d.tabs.set_visible_child_name('trackers');
    expect(d.trackersTable.store.get_n_items()).toBe(2);
    expect((d.trackersTable.store.get_item(1) as RecordItem).record.url).toBe(
      'udp://tracker.example.org:6969/announce',
    );
    expect((d.trackersTable.store.get_item(1) as RecordItem).record.tier).toBe(2);
    d.tabs.set_visible_child_name('peers');
    expect(d.peersTable.store.get_n_items()).toBe(2);
    d.tabs.set_visible_child_name('log');
    expect(d.logTable.store.get_n_items()).toBe(2);
  }, 60_000);

  it('the Trackers tab shows completed, where and when the counts came from, the last scrape, and Scrape Now', async () => {
    f.window.list!.selectTorrents([t]);
    const d = f.window.details!;
    d.tabs.set_visible_child_name('trackers');
    await pumpEvents(50);
    const row = (d.trackersTable.store.get_item(0) as RecordItem).record;
    expect(row.completed).toBe('1');
    expect(row.counts).toMatch(/^scrape, \d+ h ago$/);
    expect(row.scraped).not.toBe('—');
    const buttons: Gtk.Button[] = [];
    const walk = (w: Gtk.Widget | null): void => {
      for (let c = w?.get_first_child() ?? null; c; c = c.get_next_sibling()) {
        if (c instanceof Gtk.Button && c.get_action_name() === 'torrent.scrape-now') buttons.push(c);
        walk(c);
      }
    };
    walk(d.tabs.get_child_by_name('trackers'));
    expect(buttons.length).toBe(1);
    expect(buttons[0].get_sensitive()).toBeTrue();
    buttons[0].emit('clicked');
    await pumpEvents(50);
    expect(f.model.callsTo('scrapeNow')).toEqual([[[t]]]);
  });

  it('follows the controller when trackers change, and shows an empty state without peers', async () => {
    const other = f.model.all()[1];
    f.window.list!.selectTorrents([other]);
    const d = f.window.details!;
    d.tabs.set_visible_child_name('peers');
    await pumpEvents(50);
    expect(labelsUnder(d)).toContain('No Peers Yet');
    d.tabs.set_visible_child_name('trackers');
    await f.model.addTracker(other, 'udp://added.example.org:80/announce');
    await pumpEvents(50);
    expect(d.trackersTable.store.get_n_items()).toBe(2);
  });

  it('edits per-torrent options, and reports a value the controller refuses', async () => {
    f.window.list!.selectTorrents([t]);
    const o = f.window.details!.options;
    f.window.details!.tabs.set_visible_child_name('options');
    await pumpEvents(50);
    o.spins.get('upload_speed')!.set_value(123);
    expect(t.upload_speed).toBe(123);
    o.spins.get('stop_ratio')!.set_value(2.5);
    expect(f.model.options(t).stop_ratio).toBe(2.5);
    // The tracker's interval (or the identity's default) decides: no editor without an effect.
    expect(o.spins.has('announce_interval')).toBeFalse();
    o.activeSwitch.set_active(false);
    expect(t.active).toBeFalse();
    // The engine pausing it elsewhere shows in the switch.
    f.model.resume([t]);
    await pumpEvents(20);
    expect(o.activeSwitch.get_active()).toBeTrue();
    expect(f.model.callsTo('setOption').length).toBe(3);
  });

  it('status bar shows counts and totals', async () => {
    await pumpEvents(1100);
    const bar = f.window.statusBar!;
    expect(bar.counts.get_label()).toBe('2 torrents · 2 seeding');
    const text = bar.upload.get_label().replace(/\u00a0/g, ' ');
    expect(text).toBe('Up 46.9 KB/s · 50.0 MB this session · 1.2 GB in total');
  });

  it('status bar figures are bound to the pushed totals and counts: nothing is polled', async () => {
    const bar = f.window.statusBar!;
    const plain = () => bar.upload.get_label().replace(/\u00a0/g, ' ');
    const before = plain();
    t.upload_rate = 1024 * 1024;
    await pumpEvents(1200);
    // No timer pulls the totals: the label moves only when the model pushes.
    expect(plain()).toBe(before);
    f.model.figures.update(f.model.totals());
    expect(bar.upload_rate).toBe(f.model.figures.upload_rate);
    expect(plain()).toMatch(/^Up 1\.0\d? MB\/s · /);
    // A count is a binding too: the torrent's status changing moves it at once, with no push.
    Object.assign(t, { active: false, status: 'paused' });
    expect(bar.paused).toBe(f.model.counts.paused);
    expect(bar.counts.get_label()).toContain('1 paused');
  });

  it('sums up several selected torrents: count, size, totals, their ratio and a tracker in common', async () => {
    const u = f.model.addFixture(
      { name: 'mirror.iso', length: 1_000_000_000, announce: 'http://127.0.0.1:6969/announce' },
      { session_uploaded: 1_000_000, total_uploaded: 500_000_000, total_downloaded: 0 },
    );
    const w = f.model.addFixture({ name: 'elsewhere.iso', length: 10_000, announce: 'http://192.0.2.1/announce' });
    await pumpEvents(50);
    f.window.list!.selectTorrents([t, u]);
    await pumpEvents(50);
    const d = f.window.details!;
    expect(d.get_visible_child_name()).toBe('summary');
    const plain = (key: string) => d.summary.get(key).replace(/\u00a0/g, ' ');
    expect(plain('count')).toBe('2 torrents');
    const size = t.total_size + u.total_size;
    expect(plain('size')).toBe(formatBytes(size).replace(/\u00a0/g, ' '));
    expect(plain('uploaded')).toContain(formatBytes(t.total_uploaded + u.total_uploaded).replace(/\u00a0/g, ' '));
    // One ratio for them all: everything uploaded over their total size (not the first one's 1.95).
    expect(plain('ratio')).toBe(((t.total_uploaded + u.total_uploaded) / size).toFixed(3));
    expect(plain('tracker')).toBe('127.0.0.1');
    await saveScreenshot(f.window, 'details-summary');
    f.window.list!.selectTorrents([t, u, w]);
    await pumpEvents(50);
    expect(plain('count')).toBe('3 torrents');
    expect(plain('tracker')).toBe('None in common');
  });

  it('saves a screenshot of the list with a selection', async () => {
    f.window.list!.selectTorrents([t]);
    await pumpEvents(100);
    await saveScreenshot(f.window, 'main-window-selected');
    expect(Gtk.Window.list_toplevels().length).toBeGreaterThan(0);
  });
});
