// Prints how long the main window takes to show 10 000 torrents, to scroll through them, to sort
// and search them, and how late the main loop runs while their figures change as the engine
// writes them. Run with `bash bench/ui-rows.sh` (Xvfb, temp config dir). Figures only.
import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import '../src/lib/promisify.ts';
import { SettingsStore } from '../src/model/settings/index.ts';
import { Torrent } from '../src/model/torrent/Torrent.ts';
import { MainWindow } from '../src/view/MainWindow.ts';
import { ModelDouble } from '../tests/ui/support/ModelDouble.ts';
import { torrentActionsOn } from '../tests/ui/support/fixture.ts';
import { runMain } from './runMain.ts';

const ROWS = Number(GLib.getenv('DFS_BENCH_ROWS') ?? 10_000);

/** CPU time of this process in ms (user + system), which the machine's load does not inflate. */
function cpuMs(): number {
  const [, bytes] = GLib.file_get_contents('/proc/self/stat');
  const fields = new TextDecoder().decode(bytes).split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

let cpu0 = 0;
function mark(): void {
  cpu0 = cpuMs();
}
function cpu(): string {
  return `${(cpuMs() - cpu0).toFixed(0)} ms CPU`;
}

function pump(ms: number): Promise<void> {
  return new Promise((r) => GLib.timeout_add(GLib.PRIORITY_LOW, ms, () => (r(), GLib.SOURCE_REMOVE)));
}

type Figure = Parameters<Torrent['figureChanged']>[0];

function pct(values: number[], p: number): string {
  if (values.length === 0) return '—';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))].toFixed(1);
}

/** Writes figures as the engine does for `seconds` and measures the main loop's lateness. */
function seed(
  model: ModelDouble,
  items: Torrent[],
  seconds: number,
  list: Gtk.Widget,
): Promise<{ late: number[]; frames: number[]; cpuMs: number }> {
  return new Promise((resolve) => {
    const perSlot = Math.max(1, Math.round(items.length / 90)); // every torrent once in 9 s of 100 ms slots
    let next = 0;
    let slot = 0;
    const totals = {
      sessionUploaded: 0,
      sessionDownloaded: 0,
      totalUploaded: 0,
      totalDownloaded: 0,
      uploadRate: 0,
      downloadRate: 0,
    };
    const writer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100, () => {
      for (let k = 0; k < perSlot; k++, next = (next + 1) % items.length) {
        const t = items[next];
        const v = t.values;
        const rate = Math.round(Math.random() * 200_000);
        const up = rate * 9;
        totals.uploadRate += rate - v.upload_rate;
        // As TorrentWorker writes them: into the plain values, notified while a window observes.
        const observed = Torrent.figuresObserved;
        if (observed) t.freeze_notify();
        const figures: [Figure, number][] = [
          ['session_uploaded', v.session_uploaded + up],
          ['total_uploaded', v.total_uploaded + up],
          ['seeding_time', v.seeding_time + 9],
          ['upload_rate', rate],
          ['ratio', v.total_size ? (v.total_uploaded + up) / v.total_size : 0],
          ['next_update', Math.max(0, 1800 - (slot % 1800))],
        ];
        for (const [key, value] of figures) {
          if (v[key] === value) continue;
          v[key] = value;
          if (observed) t.figureChanged(key);
        }
        if (observed) t.thaw_notify();
        totals.sessionUploaded += up;
        totals.totalUploaded += up;
      }
      // The totals reach the window once a second, as the controller pushes them.
      if (++slot % 10 === 0) model.figures.update({ ...totals });
      return GLib.SOURCE_CONTINUE;
    });
    const late: number[] = [];
    let last = GLib.get_monotonic_time();
    const probe = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100, () => {
      const now = GLib.get_monotonic_time();
      late.push(Math.max(0, (now - last) / 1000 - 100));
      last = now;
      return GLib.SOURCE_CONTINUE;
    });
    const frames: number[] = [];
    let lastFrame = 0;
    const tick = list.add_tick_callback((_w, clock) => {
      const t = clock.get_frame_time();
      if (lastFrame) frames.push((t - lastFrame) / 1000);
      lastFrame = t;
      return GLib.SOURCE_CONTINUE;
    });
    const cpu0 = cpuMs();
    GLib.timeout_add(GLib.PRIORITY_LOW, seconds * 1000, () => {
      GLib.source_remove(writer);
      GLib.source_remove(probe);
      list.remove_tick_callback(tick);
      resolve({ late, frames, cpuMs: cpuMs() - cpu0 });
      return GLib.SOURCE_REMOVE;
    });
  });
}

async function main(): Promise<void> {
  Gtk.init();
  Adw.init();
  const dir = GLib.dir_make_tmp('dfs-bench-XXXXXX');
  const model = new ModelDouble(SettingsStore.open(dir));
  const window = new MainWindow({});
  window.set_default_size(1280, 800);
  // DFS_BENCH_COLUMNS=name,progress measures with other visible columns than the defaults.
  if (GLib.getenv('DFS_BENCH_COLUMNS')) model.settings.set('columns', GLib.getenv('DFS_BENCH_COLUMNS'));
  window.attach(model, torrentActionsOn(model));
  window.present();
  await pump(200);

  // One torrent with metainfo, trackers and options, as the details pane needs, selected while seeding.
  const picked = model.addFixture({ name: 'picked.iso', length: 5_000_000 });
  const items: Torrent[] = [];
  for (let i = 0; i < ROWS; i++) {
    const t = new Torrent();
    Object.assign(t, {
      id: i + 1,
      name: `torrent-${String(i).padStart(5, '0')}.iso`,
      total_size: 1e6 * (i % 977),
      progress: (i % 100) / 100,
      status: 'seeding',
      info_hash: i.toString(16).padStart(40, '0'),
    });
    items.push(t);
  }
  let t0 = GLib.get_monotonic_time();
  mark();
  model.torrents.splice(0, 0, items);
  model.countsChanged();
  await pump(1);
  print(`fill ${ROWS} rows: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms (${cpu()})`);

  const scrolled = window.list!;
  const adj = scrolled.get_vadjustment();
  t0 = GLib.get_monotonic_time();
  mark();
  // DFS_BENCH_STEPS=10 shortens both scroll phases (the sort and search figures stay the same).
  const steps = Number(GLib.getenv('DFS_BENCH_STEPS') ?? 200);
  for (let s = 1; s <= steps; s++) {
    adj.set_value(((adj.get_upper() - adj.get_page_size()) * s) / steps);
    await pump(1);
  }
  const scrollMs = (GLib.get_monotonic_time() - t0) / 1000;
  print(
    `scroll top to bottom in ${steps} steps: ${scrollMs.toFixed(1)} ms (${(scrollMs / steps).toFixed(2)} ms a step; ${cpu()})`,
  );

  // Wheel-like scrolling: about three rows a frame, as a user drags or spins the wheel.
  const rowHeight = (adj.get_upper() / Math.max(1, ROWS)) * 3;
  adj.set_value(0);
  await pump(50);
  t0 = GLib.get_monotonic_time();
  mark();
  const wheel = Number(GLib.getenv('DFS_BENCH_STEPS') ?? 300);
  for (let s = 1; s <= wheel; s++) {
    adj.set_value(rowHeight * s);
    await pump(1);
  }
  const wheelMs = (GLib.get_monotonic_time() - t0) / 1000;

  print(
    `scroll ${wheel} steps of 3 rows: ${wheelMs.toFixed(1)} ms (${(wheelMs / wheel).toFixed(2)} ms a step; ${cpu()})`,
  );

  t0 = GLib.get_monotonic_time();
  mark();
  window.list!.columnView.sort_by_column(window.list!.column('total_size')!, Gtk.SortType.DESCENDING);
  print(
    `  (sort: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms in sort_by_column (synchronous), the rest is the next frame, ${cpu()})`,
  );
  await pump(1);
  print(`sort ${ROWS} rows by size: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms (${cpu()})`);

  t0 = GLib.get_monotonic_time();
  mark();
  window.setSearchText('torrent-09');
  print(
    `  (search: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms in the filter (synchronous), the rest is the next frame, ${cpu()})`,
  );
  await pump(1);
  print(
    `search over ${ROWS} rows: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms (${cpu()}), ${window.list!.selection.get_n_items()} shown`,
  );

  t0 = GLib.get_monotonic_time();
  window.setSearchText('');
  await pump(1);
  print(
    `clear the search: ${((GLib.get_monotonic_time() - t0) / 1000).toFixed(1)} ms, ${window.list!.shownCount} shown`,
  );

  // Seeding: the engine ticks each torrent every 9 s, spread over the seconds, so ~1111 torrents a
  // second get new figures (one freeze/thaw each, as TorrentWorker writes them), and the window
  // gets the totals once a second. Meanwhile a 100 ms timeout measures how late the main loop is,
  // and a tick callback on the list how far apart frames are.
  const seconds = Number(GLib.getenv('DFS_BENCH_SEED_SECONDS') ?? 10);
  for (const sorted of [false, true]) {
    if (sorted) window.list!.columnView.sort_by_column(window.list!.column('upload_rate')!, Gtk.SortType.DESCENDING);
    else window.list!.columnView.sort_by_column(null, Gtk.SortType.ASCENDING);
    window.list!.selectTorrents([picked]);
    await pump(200);
    const { late, frames, cpuMs } = await seed(model, [...items, picked], seconds, window.list!);
    print(
      `seeding ${ROWS} torrents (${Math.round(ROWS / 9)}/s new figures) ${sorted ? 'sorted by upload speed' : 'in queue order'}, ${seconds} s: ` +
        `100 ms timer late p50 ${pct(late, 50)} / p99 ${pct(late, 99)} / max ${pct(late, 100)} ms; ` +
        `frame interval p50 ${pct(frames, 50)} / p99 ${pct(frames, 99)} / max ${pct(frames, 100)} ms; ${(cpuMs / seconds / 10).toFixed(1)} % CPU`,
    );
  }

  window.detach();
  window.destroy();
  GLib.spawn_command_line_sync(`rm -rf ${GLib.shell_quote(dir)}`);
}

runMain(main);
