import Adw from 'gi://Adw';
import GdkPixbuf from 'gi://GdkPixbuf';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { AppHealthSampler } from '../../src/model/health/AppHealthSampler.ts';
import { BucketCalendar } from '../../src/model/history/BucketCalendar.ts';
import { exportHistory } from '../../src/model/history/historyExport.ts';
import { HistoryStore } from '../../src/model/history/HistoryStore.ts';
import { Torrent } from '../../src/model/torrent/Torrent.ts';
import { type HistoryChart, niceCeiling } from '../../src/view/statistics/HistoryChart.ts';
import type { StatisticsSource } from '../../src/view/statistics/StatisticsSource.ts';
import { StatisticsWindow } from '../../src/view/statistics/StatisticsWindow.ts';
import { TorrentHistoryTab } from '../../src/view/statistics/TorrentHistoryTab.ts';
import { formatBytes } from '../../src/view/format.ts';
import { initGtk, pumpEvents, saveScreenshot } from '../support/gtk.ts';

const HASH = 'cd'.repeat(20);
const OTHER = 'ef'.repeat(20);
const MB = 1e6;
const DAY = 86400;
// Noon UTC, 3 December 2026: the charts' "today".
const NOW = GLib.DateTime.new_from_iso8601('2026-12-03T12:00:00Z', null)!.to_unix();

/** 30 days of known history: day i (0 = 29 days ago) uploads (i + 1) MB; failures on every 5th day. */
function knownSource(): StatisticsSource {
  const clock = { now: NOW - 30 * DAY };
  const history = new HistoryStore({ calendar: BucketCalendar.forZone('UTC'), clock: () => clock.now });
  const today = NOW - (NOW % DAY);
  for (let i = 0; i < 30; i++) {
    const day = today - (29 - i) * DAY;
    history.recordTransfer(HASH, ['tracker.alpha'], ((i + 1) * MB) / 2, 0, day + 3600);
    history.recordTransfer(OTHER, ['tracker.beta'], ((i + 1) * MB) / 2, 0, day + 7200);
    history.recordAnnounce(HASH, 'tracker.alpha', i % 5 !== 0, day + 3600);
    clock.now = day + DAY - 1;
    void history.tick();
  }
  clock.now = NOW;
  void history.tick();
  const health = new AppHealthSampler({ network: { announceLoad: { running: 3, waiting: 2, limit: 16 } } });
  return {
    history,
    health,
    ratioInputs: () => [
      { infoHash: HASH, totalUploaded: 300 * MB, size: 100 * MB },
      { infoHash: OTHER, totalUploaded: 300 * MB, size: 100 * MB },
    ],
    exportHistory: (path, format) => exportHistory(history, path, format),
  };
}

/** RGB of a pixel of a PNG. */
function pixelAt(path: string, x: number, y: number): [number, number, number] {
  const pb = GdkPixbuf.Pixbuf.new_from_file(path);
  const px = pb.get_pixels();
  const at = Math.round(y) * pb.get_rowstride() + Math.round(x) * pb.get_n_channels();
  return [px[at], px[at + 1], px[at + 2]];
}

/** Centre of a drawn bar, in window coordinates. */
function barCentre(chart: HistoryChart, window: Gtk.Window, index: number): [number, number] {
  const m = chart.marks[index];
  const [, x, y] = chart.translate_coordinates(window, m.x + m.width / 2, m.y + m.height / 2);
  return [x, y];
}

describe('Statistics window', () => {
  beforeAll(() => {
    if (!initGtk()) pending('no display');
  });
  afterEach(() => Adw.StyleManager.get_default().set_color_scheme(Adw.ColorScheme.DEFAULT));

  it('draws uploaded per day as bars of the known sizes, the ratio, and the totals (light and dark)', async () => {
    const source = knownSource();
    const win = new StatisticsWindow(source);
    win.present();
    await pumpEvents(300);
    const bars = win.overview.uploadedPerDay;
    expect(bars.points.length).toBe(30);
    expect(bars.marks.length).toBe(30);
    // Bar i is (i + 1) MB: heights grow in proportion (within a pixel of rounding).
    const unit = bars.marks[29].height / 30;
    bars.marks.forEach((m, i) => expect(Math.abs(m.height - unit * (i + 1))).toBeLessThan(1));
    bars.hoverAt(bars.marks[29].x + 1);
    expect(bars.hoverText()).toBe(`${bars.points[29].label}: ${formatBytes(30 * MB)}`);
    expect(bars.summary()).toContain(`${bars.points[29].label} ${formatBytes(30 * MB)}`);
    // The scale rounds in the units its labels print: 30 MB → 50 MB, 2.1 GB → 5 GB (not "4.7 GB").
    const MiB = 1048576;
    expect([niceCeiling(30 * MiB, 1024), niceCeiling(2.1 * 1024 * MiB, 1024)]).toEqual([50 * MiB, 5 * 1024 * MiB]);
    expect([niceCeiling(0.37), niceCeiling(841), niceCeiling(3)]).toEqual([0.5, 1000, 5]);
    // Ratio: 600 MB over 200 MB at the end of today, worked back by each day's upload.
    const ratio = win.overview.ratio.points.map((p) => p.value);
    expect(ratio[29]).toBeCloseTo(3, 5);
    expect(ratio[28]).toBeCloseTo(3 - 30 / 200, 5);
    expect(win.overview.totals.get('today')![0].label).toBe(formatBytes(30 * MB));
    expect(win.overview.totals.get('all')![0].label).toBe(formatBytes(465 * MB));
    expect(win.overview.totals.get('all')![3].label).toBe('6');

    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      await pumpEvents(200);
      const dark = scheme === Adw.ColorScheme.FORCE_DARK;
      const path = await saveScreenshot(win, `statistics-overview${dark ? '-dark' : ''}`);
      // The tallest bar is drawn in the accent colour (blue in Adwaita), on either background.
      const [x, y] = barCentre(bars, win, 29);
      const [r, g, b] = pixelAt(path, x, y);
      expect(b)
        .withContext(`bar pixel ${r},${g},${b}`)
        .toBeGreaterThan(r + 40);
      // Between two short bars the background shows (light or dark as the scheme says).
      const [bx, by] = barCentre(bars, win, 0);
      const [r0] = pixelAt(path, bx, by - bars.marks[0].height - 20);
      expect(dark ? r0 < 90 : r0 > 200)
        .withContext(`background red ${r0}`)
        .toBeTrue();
    }
    win.destroy();
  }, 60000);

  it('breaks figures down per tracker and draws the failed announces per day', async () => {
    const win = new StatisticsWindow(knownSource());
    win.present();
    win.stack.set_visible_child_name('trackers');
    await pumpEvents(300);
    const t = win.trackers;
    expect(t.perTracker.points.map((p) => p.label)).toEqual(['tracker.alpha', 'tracker.beta']);
    expect(t.perTracker.marks.length).toBe(2);
    const errors = t.errorsPerDay.marks;
    expect(errors.length).toBe(30);
    // Days 0, 5, 10, … failed: exactly those bars have height.
    errors.forEach((m, i) =>
      expect(m.height > 0)
        .withContext(`day ${i}`)
        .toBe(i % 5 === 0),
    );
    expect(t.errorsPerHour.points.length).toBe(24);
    expect((t.table.get_child_at(0, 1) as Gtk.Label).label).toBe('tracker.alpha');
    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      await pumpEvents(200);
      const dark = scheme === Adw.ColorScheme.FORCE_DARK;
      const path = await saveScreenshot(win, `statistics-trackers${dark ? '-dark' : ''}`);
      const [x, y] = barCentre(t.errorsPerDay, win, 25);
      const [r, g, b] = pixelAt(path, x, y);
      expect(r)
        .withContext(`error bar pixel ${r},${g},${b}`)
        .toBeGreaterThan(b + 40); // the error colour (red)
    }
    win.destroy();
  }, 60000);

  it('shows the app health live while the page is open, and stops sampling when closed', async () => {
    const source = knownSource();
    const win = new StatisticsWindow(source);
    win.present();
    win.stack.set_visible_child_name('health');
    await pumpEvents(300);
    source.health.sample(); // a second point without waiting two seconds
    await pumpEvents(100);
    const figures = new Map(win.health.figures.map(([k, c]) => [k, c]));
    expect(source.health.samples.length).toBeGreaterThanOrEqual(1);
    expect(figures.get('announcesInFlight')!.points.at(-1)!.value).toBe(5);
    expect(figures.get('rssBytes')!.points.at(-1)!.value).toBeGreaterThan(10 * MB);
    expect(figures.get('openFiles')!.points.at(-1)!.value).toBeGreaterThan(2);
    for (const [, chart] of figures) expect(chart.marks.length).toBe(chart.points.length);
    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      await pumpEvents(200);
      await saveScreenshot(win, `statistics-health${scheme === Adw.ColorScheme.FORCE_DARK ? '-dark' : ''}`);
    }
    win.destroy();
    await pumpEvents(50);
    const before = source.health.samples.length;
    await pumpEvents(2500);
    expect(source.health.samples.length).toBe(before);
  }, 60000);

  it("draws a torrent's own history in the History tab", async () => {
    const source = knownSource();
    const tab = new TorrentHistoryTab(source);
    const torrent = Object.assign(new Torrent(), { info_hash: HASH, total_uploaded: 300 * MB, total_size: 100 * MB });
    tab.setTorrent(torrent);
    const win = new Gtk.Window({ default_width: 700, default_height: 420, child: tab });
    win.present();
    await pumpEvents(300);
    const perDay = tab.perDay;
    expect(perDay.points.length).toBe(30);
    expect(perDay.points[29].value).toBe(15 * MB); // half of day 29's upload is this torrent's
    expect(perDay.marks[29].height).toBeGreaterThan(perDay.marks[0].height * 20);
    expect(tab.perHour.points.length).toBe(24);
    expect(tab.ratio.points.at(-1)!.value).toBeCloseTo(3, 5);
    expect(tab.summary.label).toContain(formatBytes(15 * MB));
    for (const scheme of [Adw.ColorScheme.FORCE_LIGHT, Adw.ColorScheme.FORCE_DARK]) {
      Adw.StyleManager.get_default().set_color_scheme(scheme);
      await pumpEvents(200);
      await saveScreenshot(win, `history-tab${scheme === Adw.ColorScheme.FORCE_DARK ? '-dark' : ''}`);
    }
    win.destroy();
  }, 60000);
});
