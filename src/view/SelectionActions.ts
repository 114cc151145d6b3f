import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import { _, format } from '../lib/i18n.ts';
import { trackerHost } from '../model/filters.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { LimitsDialog } from './LimitsDialog.ts';
import { magnetLink } from './magnetLink.ts';
import { RemoveDialog } from './RemoveDialog.ts';
import { TextDialog } from './TextDialog.ts';
import { TrackerDialog } from './TrackerDialog.ts';
import type { QueueMove, TorrentActionActivator, TorrentActionArgs, TorrentActionName } from './torrentActions.ts';
import type { TorrentSource } from './TorrentSource.ts';

/** Selections up to this size are followed torrent by torrent. */
const FOLLOW_AT_MOST = 200;

/** What the actions need of the window they live in. */
export interface SelectionHost {
  readonly window: Gtk.Window;
  source(): TorrentSource | null;
  /** Activates a torrent action (torrentActions.ts); a refusal comes back as a notice. */
  activate: TorrentActionActivator;
  selected(): Torrent[];
  toast(message: string): void;
  /** Hides the torrents at once and removes them when the Undo toast goes. */
  removeWithUndo(torrents: Torrent[]): void;
  /** The question dialog on screen (specs answer it). */
  setOpenDialog(dialog: Gtk.Window | null): void;
}

/**
 * Which torrent actions the selection can take: Pause only if something runs, Force Complete only
 * below 100 %, Rename and tracker editing only for exactly one torrent. An action that would do
 * nothing is greyed out rather than left to fail silently.
 */
export function selectionAbilities(selected: Torrent[]): Record<string, boolean> {
  const any = selected.length > 0;
  const one = selected.length === 1;
  const running = (t: Torrent) => t.active && t.status !== 'stopped';
  return {
    pause: selected.some(running),
    resume: selected.some((t) => !running(t)),
    'force-start': any,
    'update-tracker': selected.some(running),
    'scrape-now': any,
    'force-recheck': any,
    'add-builtin-tracker': any,
    'force-complete': selected.some((t) => t.progress < 1),
    'random-progress': selected.some((t) => t.progress <= 0),
    copy: any,
    priority: any,
    'speed-limits': any,
    'reset-limits': any,
    'tracker-add': any,
    'tracker-edit': one,
    'tracker-remove': one,
    queue: any,
    rename: one,
    label: any,
    remove: any,
  };
}

/** A tracker announce URL as the model accepts it (http, https or udp, with a host). */
export function trackerUrlProblem(text: string): string | null {
  const url = text.trim();
  if (!url) return null;
  if (!/^(https?|udp):\/\//i.test(url) || /\s/.test(url) || !trackerHost(url))
    return _('A tracker address must start with http://, https:// or udp:// and name a host.');
  return null;
}

/**
 * The `torrent.*` actions of the window and its context menu, acting on the selection. Their
 * enabled state follows what the selection can do (`selectionAbilities`), refreshed by `update`.
 */
export class SelectionActions {
  readonly group = new Gio.SimpleActionGroup();
  readonly #host: SelectionHost;
  #followed: { torrent: Torrent; ids: number[] }[] = [];

  constructor(host: SelectionHost) {
    this.#host = host;
    this.#install();
    this.update();
  }

  /**
   * Follows the selected torrents' state, so the actions change as soon as a torrent does (a
   * large selection is re-read once a second by the window instead).
   */
  follow(selected: Torrent[]): void {
    for (const { torrent, ids } of this.#followed) for (const id of ids) torrent.disconnect(id);
    this.#followed = [];
    if (selected.length <= FOLLOW_AT_MOST) {
      for (const torrent of selected) {
        const ids = ['active', 'status', 'progress', 'priority'].map((p) =>
          torrent.connect(`notify::${p}`, () => this.update()),
        );
        this.#followed.push({ torrent, ids });
      }
    }
    this.update();
  }

  /** Re-reads what the selection can do (selection changed, or a selected torrent changed). */
  update(): void {
    const selected = this.#host.selected();
    const abilities = selectionAbilities(selected);
    for (const name of this.group.list_actions()) {
      const action = this.group.lookup_action(name) as Gio.SimpleAction;
      const enabled = abilities[name] ?? false;
      if (action.get_enabled() !== enabled) action.set_enabled(enabled);
    }
    // The selection's priority ('' when they differ: no radio item is on).
    const words = new Set(selected.map((t) => PRIORITY_WORDS[t.priority] ?? 'normal'));
    const word = words.size === 1 ? [...words][0] : '';
    const priority = this.group.lookup_action('priority') as Gio.SimpleAction;
    if (priority.get_state()?.get_string()[0] !== word) priority.set_state(GLib.Variant.new_string(word));
  }

  /** Space: pause when everything selected runs, otherwise resume. */
  togglePause(): void {
    const selected = this.#host.selected();
    if (!selected.length) return;
    const running = selected.every((t) => t.active && t.status !== 'stopped');
    this.#run(running ? 'pause' : 'resume', hashes(selected));
  }

  #install(): void {
    const add = (name: string, run: (s: Torrent[], param: GLib.Variant | null) => void, type?: string) => {
      const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
      action.connect('activate', (_a, param) => {
        const selected = this.#host.selected();
        if (selected.length) run(selected, param);
      });
      this.group.add_action(action);
    };
    const param = (p: GLib.Variant | null, fallback: string) => p?.get_string()[0] ?? fallback;
    add('pause', (s) => this.#run('pause', hashes(s)));
    add('resume', (s) => this.#run('resume', hashes(s)));
    add('force-start', (s) => this.#run('force-start', hashes(s)));
    // The controller says when the announce goes if a tracker's minimum interval holds it back.
    add('update-tracker', (s) => this.#run('force-announce', hashes(s)));
    // The controller says when it goes if a tracker's `min_request_interval` holds it back.
    add('scrape-now', (s) => this.#run('scrape', hashes(s)));
    add('add-builtin-tracker', (s) => this.#run('add-built-in-tracker', hashes(s)));
    add('force-recheck', (s) => this.#run('force-recheck', hashes(s)));
    add('force-complete', (s) => this.#run('force-complete', hashes(s)));
    add('random-progress', (s) => this.#run('random-progress', hashes(s)));
    add('copy', (s, p) => this.#copy(s, param(p, 'name')), 's');
    // Stateful, so the Priority submenu shows the selection's priority as a radio choice.
    const priority = new Gio.SimpleAction({
      name: 'priority',
      parameter_type: new GLib.VariantType('s'),
      state: GLib.Variant.new_string(''),
    });
    priority.connect('activate', (_a, p) => {
      const selected = this.#host.selected();
      if (selected.length) this.#run('set-priority', [hashes(selected), priorityWord(param(p, 'normal'))]);
    });
    this.group.add_action(priority);
    add('speed-limits', (s) => {
      const dialog = new LimitsDialog(this.#host.window, { upload: s[0].upload_limit, download: s[0].download_limit });
      dialog.connect('limits-chosen', (_d, upload: number, download: number) =>
        this.#run('set-limits', [hashes(s), Math.round(upload), Math.round(download)]),
      );
      this.#open(dialog);
    });
    add('reset-limits', (s) => this.#run('reset-limits', hashes(s)));
    add('tracker-add', (s) => this.#addTracker(s));
    add('tracker-edit', (s) => this.#trackerDialog(s[0], true));
    add('tracker-remove', (s) => this.#trackerDialog(s[0], false));
    add('queue', (s, p) => this.#run('queue', [hashes(s), param(p, 'top') as QueueMove]), 's');
    add('rename', (s) => {
      const dialog = new TextDialog(this.#host.window, {
        heading: _('Rename Torrent'),
        body: _('The name shown in the list. Trackers are not told.'),
        initial: s[0].name,
        confirm: _('_Rename'),
      });
      dialog.connect('text-chosen', (_d, name: string) => this.#run('rename', [s[0].info_hash, name]));
      this.#open(dialog);
    });
    add('label', (s) => {
      const dialog = new TextDialog(this.#host.window, {
        heading: _('Set Label'),
        body: _('A label for the selected torrents. Leave it empty to remove the label.'),
        initial: s[0].label,
        confirm: _('_Set Label'),
        allowEmpty: true,
      });
      dialog.connect('text-chosen', (_d, label: string) => this.#run('set-label', [hashes(s), label]));
      this.#open(dialog);
    });
    add('remove', (s) => {
      const dialog = new RemoveDialog(
        this.#host.window,
        s.map((t) => t.name),
      );
      dialog.connect('remove-confirmed', () => this.#host.removeWithUndo(s));
      this.#open(dialog);
    });
  }

  #open(dialog: Gtk.Window): void {
    this.#host.setOpenDialog(dialog);
    dialog.present();
  }

  /**
   * Add Tracker checks the address as it is typed, and says why a bad one is refused. If the
   * controller refuses it still (a tracker the torrent already has), the dialog comes back with
   * the text and the reason, so nothing typed is lost.
   */
  #addTracker(torrents: Torrent[], initial = '', problem?: string): void {
    const dialog = new TextDialog(this.#host.window, {
      heading: _('Add Tracker'),
      body: _('An http://, https:// or udp:// announce URL. It is added to the selected torrents.'),
      initial,
      placeholder: 'udp://tracker.example.org:6969/announce',
      confirm: _('_Add'),
      validate: trackerUrlProblem,
      problem,
    });
    dialog.connect('text-chosen', (_d, url: string) =>
      this.#runOrAskAgain('add-tracker', [hashes(torrents), url], (why) => this.#addTracker(torrents, url, why)),
    );
    this.#open(dialog);
  }

  /**
   * Runs an action and calls `again` with the reason if the controller refuses it. A refusal of
   * what the user typed comes back as an error notice before the main loop turns again (the
   * model checks before it does anything slow); later notices are not this action's.
   */
  #runOrAskAgain<N extends TorrentActionName>(name: N, args: TorrentActionArgs[N], again: (why: string) => void): void {
    let refusal: string | null = null;
    const stop = this.#host.source()?.onNotice((n) => {
      if (n.kind === 'error' && refusal === null) refusal = n.message;
    });
    this.#run(name, args);
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      stop?.();
      if (refusal !== null) again(refusal);
      return GLib.SOURCE_REMOVE;
    });
  }

  #trackerDialog(torrent: Torrent, edit: boolean): void {
    const urls =
      this.#host
        .source()
        ?.trackers(torrent)
        .map((t) => t.url) ?? [];
    if (!urls.length) {
      this.#host.toast(format(_('“%1$s” has no trackers'), torrent.name));
      return;
    }
    const dialog = new TrackerDialog(
      this.#host.window,
      edit
        ? {
            heading: _('Edit Tracker'),
            body: _('Choose a tracker and change its URL.'),
            urls,
            editable: true,
            confirm: _('_Save'),
            validate: trackerUrlProblem,
          }
        : {
            heading: _('Remove Tracker'),
            body: _('The torrent stops announcing to this tracker.'),
            urls,
            editable: false,
            confirm: _('_Remove'),
            destructive: true,
          },
    );
    dialog.connect('tracker-chosen', (_d, url: string, edited: string) =>
      edit
        ? this.#run('edit-tracker', [torrent.info_hash, url, edited])
        : this.#run('remove-tracker', [torrent.info_hash, url]),
    );
    this.#open(dialog);
  }

  #copy(torrents: Torrent[], what: string): void {
    const source = this.#host.source();
    const lines = torrents.map((t) => {
      const trackers = source?.trackers(t) ?? [];
      if (what === 'hash') return t.info_hash;
      if (what === 'magnet')
        return magnetLink(
          t,
          trackers.map((tr) => tr.url),
        );
      if (what === 'tracker') return trackers[0]?.url ?? '';
      return t.name;
    });
    const text = lines.filter((l) => l).join('\n');
    if (!text) {
      this.#host.toast(_('Nothing to copy'));
      return;
    }
    this.#host.window.get_clipboard().set_content(Gdk.ContentProvider.new_for_value(text));
    this.#host.toast(_('Copied to the clipboard'));
  }

  /** Activates a torrent action; a refusal comes back as a notice (a toast). */
  #run<N extends TorrentActionName>(name: N, args: TorrentActionArgs[N]): void {
    this.#host.activate(name, args);
    this.update();
  }
}

/** The selection as the actions name torrents: by info hash. */
function hashes(torrents: Torrent[]): string[] {
  return torrents.map((t) => t.info_hash);
}

/** Torrent.priority (0, 1, 2) as the set-priority action names it. */
const PRIORITY_WORDS = ['low', 'normal', 'high'] as const;

function priorityWord(word: string): 'low' | 'normal' | 'high' {
  return word === 'low' || word === 'high' ? word : 'normal';
}
