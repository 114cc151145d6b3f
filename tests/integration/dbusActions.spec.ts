import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import '../../src/lib/promisify.ts';
import { AppDBus } from '../../src/controller/AppDBus.ts';
import { RunningApp } from '../../src/controller/RunningApp.ts';
import { APP_ID } from '../../src/lib/config.ts';
import { addLogListener } from '../../src/lib/log.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import { MainWindow } from '../../src/view/MainWindow.ts';
import {
  TORRENT_ACTIONS,
  type TorrentActionArgs,
  type TorrentActionName,
  actionParameter,
} from '../../src/view/torrentActions.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents } from '../support/gtk.ts';
import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { answer, initUi } from '../ui/support/fixture.ts';
import { APP_PATH, activateAction, busCall } from './dbusAppProcess.ts';
import type { TextDialog } from '../../src/view/TextDialog.ts';

/** Who activates: the window (its menus, dialogs and Options tab), D-Bus, or `dfakeseeder --action`. */
type Via = 'window' | 'dbus' | 'cli';
const VIA: Via[] = ['window', 'dbus', 'cli'];

/** Nothing answers on the discard port: announces fail at once, and nothing leaves the machine. */
const TRACKER = 'http://127.0.0.1:9/announce';

/** Every dialog child of a widget, depth first. */
function descendants(w: Gtk.Widget): Gtk.Widget[] {
  const out: Gtk.Widget[] = [];
  for (let c = w.get_first_child(); c; c = c.get_next_sibling()) out.push(c, ...descendants(c));
  return out;
}

/**
 * Each torrent action activated three ways reaches the same code: the same model effect, and
 * the one `action NAME` log line TorrentActions writes. The app is the real one (RunningApp:
 * controller, model, actions on a registered GApplication, its D-Bus interfaces) in this
 * process, owning ie.fio.dfakeseeder on the spec bus, so the window, org.gtk.Actions.Activate
 * and a `gjs -m dist/main.js --action …` child process all reach it.
 */
describe('torrent actions: the window, org.gtk.Actions and the command line run the same action', () => {
  let dir: string;
  let app: Gio.Application;
  let running: RunningApp;
  let window: MainWindow;
  let lines: string[];
  let unlisten: () => void;
  let sources: Record<'a' | 'b' | 'c', string>;
  /** Each fixture's info hash, whatever it is renamed to. */
  const hashOf: Record<string, string> = {};
  const torrents: Record<string, Torrent> = {};
  const jasmineTimeout = jasmine.DEFAULT_TIMEOUT_INTERVAL;

  beforeAll(async () => {
    if (!initUi()) pending('no display');
    jasmine.DEFAULT_TIMEOUT_INTERVAL = 120_000;
    dir = makeTempDir('dfs-actions');
    sources = { a: `${dir}/a.torrent`, b: `${dir}/b.torrent`, c: `${dir}/c.torrent` };
    for (const [k, path] of Object.entries(sources)) {
      const bytes = makeTorrent({ name: `${k}.bin`, announce: TRACKER, length: 4_000_000 });
      hashOf[k] = fixtureInfoHashHex(bytes);
      writeFile(path, bytes);
    }
    app = new Gio.Application({ application_id: APP_ID, flags: Gio.ApplicationFlags.DEFAULT_FLAGS });
    const dbus = new AppDBus();
    app.register(null);
    expect(app.get_is_remote()).withContext('another instance owns the bus name').toBeFalse();
    dbus.register(app.get_dbus_connection()!, app.get_dbus_object_path()!);
    lines = [];
    unlisten = addLogListener((_level, message) => lines.push(message));
    running = new RunningApp(app, dbus);
    // Files are added once the (empty) torrents folder has loaded, as the app does.
    await waitFor(() => lines.some((l) => l.startsWith('loaded 0 torrents')), 'the torrents folder to load', 20_000);
    await addAll();
    window = new MainWindow({});
    window.attach(running.controller.readout, app);
    window.present();
    await pumpEvents(100);
  }, 60_000);

  afterAll(async () => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = jasmineTimeout;
    unlisten?.();
    window?.detach();
    window?.destroy();
    if (running) {
      await running.controller.model.remove(running.controller.model.all());
      await running.controller.requestQuit('spec done');
      running.stop();
    }
    // Let later specs' app processes take the name (an application cannot unregister).
    if (app?.get_is_registered())
      await busCall(
        'org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus',
        'ReleaseName',
        new GLib.Variant('(s)', [APP_ID]),
      );
    if (dir) removeTree(dir);
  }, 60_000);

  /** Adds a, b and c (those not in the list) from their files, as the controller does. */
  async function addAll(): Promise<void> {
    const model = running.controller.model;
    const have = new Set(model.all().map((t) => t.info_hash));
    const missing = (['a', 'b', 'c'] as const).filter((k) => !have.has(hashOf[k]));
    await running.controller.addUris(missing.map((k) => Gio.File.new_for_path(sources[k]).get_uri()));
    for (const t of model.all()) for (const k of ['a', 'b', 'c']) if (t.info_hash === hashOf[k]) torrents[k] = t;
  }

  function select(...names: string[]): Torrent[] {
    const list = names.map((n) => torrents[n]);
    window.list!.selectTorrents(list);
    return list;
  }

  const runWindow = (name: string, target?: string) =>
    window.torrentActions.activate_action(name, target === undefined ? null : GLib.Variant.new_string(target));

  function answerText(text: string): void {
    const dialog = window.openDialog!;
    (dialog as TextDialog).entry.set_text(text);
    answer(dialog, 'ok');
  }

  /** Runs one activation and waits for its log line; returns the lines it logged for `name`. */
  async function activate<N extends TorrentActionName>(
    via: Via,
    name: N,
    args: TorrentActionArgs[N],
    windowDoes: () => void,
  ): Promise<string[]> {
    const before = lines.length;
    if (via === 'window') windowDoes();
    else if (via === 'dbus') await activateAction(name, actionParameter(name, args));
    else {
      const argv = appArgv('--action', name);
      if (TORRENT_ACTIONS[name].type !== null) argv.push('--parameter', JSON.stringify(args));
      const result = await runProcess(argv, { timeoutMs: 60_000 });
      expect(result.status).withContext(result.stderr).toBe(0);
    }
    const mine = () => lines.slice(before).filter((l) => l === `action ${name}` || l.startsWith(`action ${name} `));
    await waitFor(() => mine().length > 0, `the log line of ${name} from the ${via}`, 30_000);
    await pumpEvents(50);
    return mine();
  }

  interface Case {
    /** Puts the model where the action will visibly change it (directly, not through an action). */
    prepare?: () => Promise<void> | void;
    window: (via: Via) => void;
    args: (via: Via) => unknown;
    /** The model effect, once the action is done. */
    done: (via: Via) => boolean;
  }

  /** Force Recheck's effect: one more "Recheck" line in the torrent's log. */
  let rechecks = 0;
  const recheckLines = () =>
    running.controller.readout.log(torrents.c).filter((l) => l.message.startsWith('Recheck')).length;
  const h = (...names: string[]) => names.map((n) => torrents[n].info_hash);
  const model = () => running.controller.model;

  const CASES: Partial<Record<TorrentActionName, Case>> = {
    pause: {
      prepare: () => model().resume([torrents.a]),
      window: () => (select('a'), runWindow('pause')),
      args: () => h('a'),
      done: () => !torrents.a.active,
    },
    resume: {
      prepare: () => model().pause([torrents.a]),
      window: () => (select('a'), runWindow('resume')),
      args: () => h('a'),
      done: () => torrents.a.active,
    },
    'force-start': {
      prepare: () => {
        torrents.b.force_start = false;
      },
      window: () => (select('b'), runWindow('force-start')),
      args: () => h('b'),
      done: () => torrents.b.force_start && torrents.b.active,
    },
    'force-announce': {
      window: () => (select('a'), runWindow('update-tracker')),
      args: () => h('a'),
      done: () => true,
    },
    scrape: {
      window: () => (select('a'), runWindow('scrape-now')),
      args: () => h('a'),
      done: () => true,
    },
    'force-complete': {
      prepare: () => {
        torrents.c.progress = 0.5;
      },
      window: () => (select('c'), runWindow('force-complete')),
      args: () => h('c'),
      done: () => torrents.c.progress === 1,
    },
    'force-recheck': {
      prepare: () => {
        rechecks = recheckLines();
      },
      window: () => (select('c'), runWindow('force-recheck')),
      args: () => h('c'),
      done: () => recheckLines() === rechecks + 1,
    },
    'random-progress': {
      prepare: () => {
        torrents.c.progress = 0;
      },
      window: () => (select('c'), runWindow('random-progress')),
      args: () => h('c'),
      done: () => torrents.c.progress > 0,
    },
    'set-priority': {
      prepare: () => model().setPriority([torrents.a, torrents.b], 1),
      window: () => (select('a', 'b'), runWindow('priority', 'high')),
      args: () => [h('a', 'b'), 'high'],
      done: () => torrents.a.priority === 2 && torrents.b.priority === 2,
    },
    queue: {
      prepare: () => model().moveInQueue([torrents.c], 'bottom'),
      window: () => (select('c'), runWindow('queue', 'top')),
      args: () => [h('c'), 'top'],
      done: () => torrents.c.id === 1,
    },
    'set-limits': {
      prepare: () => model().setLimits([torrents.a], { upload: 0, download: 0 }),
      window: () => {
        select('a');
        runWindow('speed-limits');
        const spins = descendants(window.openDialog!.get_extra_child()!).filter(
          (w): w is Gtk.SpinButton => w instanceof Gtk.SpinButton,
        );
        spins[0].set_value(120);
        spins[1].set_value(900);
        answer(window.openDialog!, 'ok');
      },
      args: () => [h('a'), 120, 900],
      done: () => torrents.a.upload_limit === 120 && torrents.a.download_limit === 900,
    },
    'reset-limits': {
      prepare: () => model().setLimits([torrents.a], { upload: 5, download: 5 }),
      window: () => (select('a'), runWindow('reset-limits')),
      args: () => h('a'),
      done: () => torrents.a.upload_limit === 0 && torrents.a.download_limit === 0,
    },
    'set-label': {
      window: (via) => (select('a', 'b'), runWindow('label'), answerText(`from the ${via}`)),
      args: (via) => [h('a', 'b'), `from the ${via}`],
      done: (via) => torrents.a.label === `from the ${via}` && torrents.b.label === `from the ${via}`,
    },
    rename: {
      window: (via) => (select('b'), runWindow('rename'), answerText(`b renamed by the ${via}`)),
      args: (via) => [h('b')[0], `b renamed by the ${via}`],
      done: (via) => torrents.b.name === `b renamed by the ${via}`,
    },
    'set-option': {
      window: (via) => {
        select('a');
        window.details!.setTorrent(torrents.a);
        window.details!.options.spins.get('upload_speed')!.set_value(VIA.indexOf(via) + 70);
      },
      args: (via) => [h('a'), 'upload_speed', VIA.indexOf(via) + 70],
      done: (via) => torrents.a.upload_speed === VIA.indexOf(via) + 70,
    },
    'add-tracker': {
      window: (via) => (select('c'), runWindow('tracker-add'), answerText(`http://127.0.0.1:9/${via}`)),
      args: (via) => [h('c'), `http://127.0.0.1:9/${via}`],
      done: (via) => model().sessionOf(torrents.c)!.tiers.flat().includes(`http://127.0.0.1:9/${via}`),
    },
    'remove-tracker': {
      prepare: async () => {
        if (!model().sessionOf(torrents.c)!.tiers.flat().includes(`${TRACKER}?gone`))
          await model().addTracker(torrents.c, `${TRACKER}?gone`);
      },
      window: () => {
        select('c');
        runWindow('tracker-remove');
        const dropdown = descendants(window.openDialog!.get_extra_child()!).find(
          (w): w is Gtk.DropDown => w instanceof Gtk.DropDown,
        )!;
        const urls = window.source!.trackers(torrents.c).map((t) => t.url);
        dropdown.set_selected(urls.indexOf(`${TRACKER}?gone`));
        answer(window.openDialog!, 'ok');
      },
      args: () => [h('c')[0], `${TRACKER}?gone`],
      done: () => !model().sessionOf(torrents.c)!.tiers.flat().includes(`${TRACKER}?gone`),
    },
    'apply-profile': {
      // Set by hand first: each way then makes a visible change (333 → Conservative's 20 KB/s).
      prepare: () => model().setOption([torrents.a], 'upload_speed', 333),
      window: () => {
        select('a');
        window.details!.setTorrent(torrents.a);
        const chooser = window.details!.options.profile;
        chooser.refresh();
        chooser.row.set_selected(1); // Conservative: the preview opens
        answer(chooser.preview!, 'apply');
      },
      args: () => ['conservative', h('a')],
      done: () => torrents.a.upload_speed === 20,
    },
    'scale-speed': {
      prepare: () => {
        for (const t of model().all()) t.upload_speed = 50;
      },
      window: () => window.lookup_action('scale-speed')!.activate(GLib.Variant.new_string('upload-2')),
      args: () => ['upload', 2, []],
      done: () =>
        model()
          .all()
          .every((t) => t.upload_speed === 100),
    },
    'pause-all': {
      prepare: () => model().resume(model().all()),
      window: () => window.lookup_action('pause-all')!.activate(null),
      args: () => null,
      done: () =>
        model()
          .all()
          .every((t) => !t.active),
    },
    'resume-all': {
      prepare: () => model().pause(model().all()),
      window: () => window.lookup_action('resume-all')!.activate(null),
      args: () => null,
      done: () =>
        model()
          .all()
          .every((t) => t.active),
    },
    remove: {
      prepare: () => addAll(),
      window: () => (select('a'), runWindow('remove'), answer(window.openDialog!, 'remove')),
      args: () => h('a'),
      done: () =>
        !model()
          .all()
          .some((t) => t.info_hash === hashOf.a),
    },
    'add-uris': {
      prepare: async () => {
        const a = model()
          .all()
          .find((t) => t.info_hash === hashOf.a);
        if (a) await model().remove([a]);
      },
      window: () => window.addUris([Gio.File.new_for_path(sources.a).get_uri()]),
      args: () => [Gio.File.new_for_path(sources.a).get_uri()],
      done: () =>
        model()
          .all()
          .some((t) => t.info_hash === hashOf.a),
    },
  };

  for (const [name, c] of Object.entries(CASES) as [TorrentActionName, Case][]) {
    it(`${name}: one action, whoever asks`, async () => {
      for (const via of VIA) {
        await c.prepare?.();
        await pumpEvents(20);
        const logged = await activate(via, name, c.args(via) as never, () => c.window(via));
        await waitFor(() => c.done(via), `the effect of ${name} from the ${via}`, 20_000);
        expect(logged.length)
          .withContext(`${name} from the ${via}: ${logged.join(' | ')}`)
          .toBe(1);
        if (name === 'add-uris') await addAll();
      }
    });
  }

  it('covers every action that has a control in the window', () => {
    const covered = new Set(Object.keys(CASES));
    // Tracker edits are an add then a remove in one dialog; the built-in tracker has no menu yet.
    const notInWindow = ['edit-tracker', 'add-built-in-tracker'];
    const missing = Object.keys(TORRENT_ACTIONS).filter((n) => !covered.has(n) && !notInWindow.includes(n));
    expect(missing).toEqual([]);
  });

  it('refuses in words: an unknown info hash from the command line and over the Torrents interface', async () => {
    const unknown = '0'.repeat(40);
    const result = await runProcess(appArgv('--action', 'pause', '--parameter', JSON.stringify([unknown])));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`No torrent has the info hash “${unknown}”.`);
    let error: unknown = null;
    try {
      await busCall(
        APP_ID,
        APP_PATH,
        `${APP_ID}.Torrents`,
        'Activate',
        new GLib.Variant('(sav)', ['set-priority', [new GLib.Variant('(ass)', [[torrents.b.info_hash], 'urgent'])]]),
      );
    } catch (e) {
      error = e;
    }
    expect((error as GLib.Error).message).toContain('The priority must be low, normal or high.');
    const wrongType = await runProcess(appArgv('--action', 'rename', '--parameter', '["only a hash"]'));
    expect(wrongType.status).toBe(2);
    expect(wrongType.stderr).toContain('The action “rename” takes');
  });

  it('edits a tracker from the command line and over D-Bus (edit-tracker)', async () => {
    const m = model();
    await m.addTracker(torrents.b, `${TRACKER}?old`);
    await activate('cli', 'edit-tracker', [h('b')[0], `${TRACKER}?old`, `${TRACKER}?cli`], () => undefined);
    await waitFor(
      () => m.sessionOf(torrents.b)!.tiers.flat().includes(`${TRACKER}?cli`),
      'the edit from the command line',
    );
    await activate('dbus', 'edit-tracker', [h('b')[0], `${TRACKER}?cli`, `${TRACKER}?dbus`], () => undefined);
    await waitFor(() => m.sessionOf(torrents.b)!.tiers.flat().includes(`${TRACKER}?dbus`), 'the edit over D-Bus');
    expect(m.sessionOf(torrents.b)!.tiers.flat()).not.toContain(`${TRACKER}?cli`);
  });
});
