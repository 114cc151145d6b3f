import Gio from 'gi://Gio';

import {
  NOTIFY_ALL,
  NOTIFY_COMPLETED,
  NOTIFY_STOPPED,
  NOTIFY_TRACKER_FAILED,
  Notifier,
  type NotificationMessage,
} from '../../src/controller/Notifier.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { Torrent } from '../../src/model/torrent/Torrent.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';

describe('desktop notifications', () => {
  let dir: string;
  let settings: SettingsStore;
  let list: Gio.ListStore;
  let sent: { id: string; title: string; body: string; buttons: number }[];
  let withdrawn: string[];
  let notifier: Notifier;
  let looking: boolean;
  let inWindow: NotificationMessage[];
  let trackerStates: Map<Torrent, string[]>;
  let trackerListeners: Map<Torrent, () => void>;
  const setTrackers = (t: Torrent, states: string[]) => {
    trackerStates.set(t, states);
    trackerListeners.get(t)?.();
  };

  function torrent(name: string, progress = 0.5): Torrent {
    const t = new Torrent();
    t.name = name;
    t.info_hash = name.padEnd(40, '0');
    t.progress = progress;
    t.status = progress >= 1 ? 'seeding' : 'downloading';
    return t;
  }

  beforeEach(() => {
    dir = makeTempDir('dfs-notify');
    settings = SettingsStore.open(dir);
    list = new Gio.ListStore({ item_type: Torrent.$gtype });
    sent = [];
    withdrawn = [];
    looking = false;
    inWindow = [];
    trackerStates = new Map();
    trackerListeners = new Map();
    notifier = new Notifier({
      send: (id, m) => {
        sent.push({ id, title: m.title, body: m.body, buttons: m.buttons.length });
        // What the desktop gets is built from the same message.
        expect(Notifier.toGio(m)).toBeInstanceOf(Gio.Notification);
      },
      withdraw: (id) => withdrawn.push(id),
      settings,
      userIsLooking: () => looking,
      showInWindow: (m) => inWindow.push(m),
      trackers: {
        states: (t) => trackerStates.get(t) ?? [],
        onChanged: (t, cb) => {
          trackerListeners.set(t, cb);
          return () => trackerListeners.delete(t);
        },
      },
    });
    notifier.watch(list);
  });

  afterEach(() => {
    notifier.unwatch();
    removeTree(dir);
  });

  it('says when a torrent completes, once, and not for torrents loaded complete', () => {
    const done = torrent('already-done', 1);
    const t = torrent('ubuntu.iso', 0.5);
    list.append(done);
    list.append(t);
    t.progress = 0.9;
    expect(sent).toEqual([]);
    t.progress = 1;
    t.progress = 1;
    done.progress = 1;
    expect(sent.length).toBe(1);
    expect(sent[0].body).toBe('ubuntu.iso');
    expect(sent[0].id).toContain(t.info_hash);
  });

  it('sends nothing once stopped at quit, whatever the torrents and the list do', () => {
    const t = torrent('late.iso', 0.5);
    list.append(t);
    notifier.stop();
    t.progress = 1;
    const added = torrent('added-late.iso', 0.5);
    list.append(added);
    added.progress = 1;
    notifier.stillRunning(2);
    expect(sent).toEqual([]);
  });

  it('shows a name with a newline and ESC on one line, escaped', () => {
    const t = torrent('evil\nforged line\u001b[31m.iso', 0.5);
    list.append(t);
    t.progress = 1;
    expect(sent[0].body).toBe('evil\\nforged line\\e[31m.iso');
  });

  it('says when a stop condition stopped a torrent, with the reason', () => {
    const t = torrent('debian.iso', 1);
    list.append(t);
    t.stop_reason = 'Ratio target 2.00 reached';
    expect(sent.length).toBe(1);
    expect(sent[0].body).toBe('debian.iso: Ratio target 2.00 reached');
  });

  it('says when a torrent’s trackers fail, once per failure', () => {
    const t = torrent('fedora.iso', 1);
    list.append(t);
    t.tracker_message = 'Connection refused';
    t.status = 'tracker-error';
    t.status = 'tracker-error';
    expect(sent.length).toBe(1);
    expect(sent[0].body).toBe('fedora.iso: Connection refused');
    t.status = 'seeding';
    t.status = 'tracker-error';
    expect(sent.length).toBe(2);
  });

  it('says when every tracker of a torrent fails, not while one of them still works', () => {
    const t = torrent('mint.iso', 1);
    list.append(t);
    setTrackers(t, ['working', 'idle']);
    t.tracker_message = 'Connection refused';
    setTrackers(t, ['working', 'error']);
    expect(sent).toEqual([]);
    setTrackers(t, ['error', 'disabled']);
    setTrackers(t, ['error', 'error']);
    expect(sent.length).toBe(1);
    expect(sent[0].title).toBe('Trackers are failing');
    expect(sent[0].body).toBe('mint.iso: Connection refused');
    setTrackers(t, ['working', 'error']);
    setTrackers(t, ['error', 'error']);
    expect(sent.length).toBe(2);
    list.remove(0);
    expect(trackerListeners.has(t)).toBeFalse();
  });

  it('can switch each kind off', () => {
    settings.set(NOTIFY_COMPLETED, false);
    settings.set(NOTIFY_STOPPED, false);
    settings.set(NOTIFY_TRACKER_FAILED, false);
    const t = torrent('quiet.iso', 0.5);
    list.append(t);
    t.progress = 1;
    t.stop_reason = 'Seeded for 2 hours';
    t.status = 'tracker-error';
    expect(sent).toEqual([]);
  });

  it('shows torrent news in the window, not on the desktop, while the user is looking at it', () => {
    const t = torrent('watched.iso', 0.5);
    list.append(t);
    looking = true;
    t.progress = 1;
    t.status = 'tracker-error';
    expect(sent).toEqual([]);
    expect(inWindow.map((m) => m.title)).toEqual(['Torrent completed', 'Trackers are failing']);
    // The background notice is for when the window is gone, and always shows.
    notifier.stillRunning(1);
    expect(sent.length).toBe(1);
    looking = false;
    t.status = 'seeding';
    t.status = 'tracker-error';
    expect(sent.length).toBe(2);
  });

  it('can switch them all off at once', () => {
    settings.set(NOTIFY_ALL, false);
    const t = torrent('silent.iso', 0.5);
    list.append(t);
    t.progress = 1;
    t.status = 'tracker-error';
    expect(sent).toEqual([]);
    settings.set(NOTIFY_ALL, true);
    t.status = 'seeding';
    t.status = 'tracker-error';
    expect(sent.length).toBe(1);
  });

  it('follows torrents added later and forgets removed ones', () => {
    const t = torrent('late.iso', 0.5);
    list.append(t);
    list.remove(0);
    t.progress = 1;
    expect(sent).toEqual([]);
  });

  it('says the app is still seeding in the background, with a Quit button', () => {
    notifier.stillRunning(3);
    expect(sent.length).toBe(1);
    expect(sent[0].id).toBe('background');
    expect(sent[0].title).toContain('still seeding');
    expect(sent[0].buttons).toBe(1);
    notifier.withdrawStillRunning();
    expect(withdrawn).toEqual(['background']);
  });
});
