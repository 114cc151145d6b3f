// Prints how long the main window takes to show 10 000 torrents and to scroll through them.
// Run with `bash bench/ui-rows.sh` (Xvfb, temp config dir). Figures only; nothing is asserted.
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

  window.detach();
  window.destroy();
  GLib.spawn_command_line_sync(`rm -rf ${GLib.shell_quote(dir)}`);
}

runMain(main);
