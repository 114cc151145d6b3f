import Gio from 'gi://Gio';
import type GObject from 'gi://GObject';

import { APP_NAME } from '../lib/config.ts';
import { _, format } from '../lib/i18n.ts';
import { printable } from '../lib/printable.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { type Setting, type Settings, SETTINGS } from '../model/settings/index.ts';

/** The `notifications.*` switches (the settings table): a master switch and one per kind. */
const NOTIFY = SETTINGS.notifications;
export const NOTIFY_ALL = NOTIFY.enabled.path;
export const NOTIFY_COMPLETED = NOTIFY.torrent_completed.path;
export const NOTIFY_STOPPED = NOTIFY.torrent_stopped.path;
export const NOTIFY_TRACKER_FAILED = NOTIFY.tracker_errors.path;

/** One notification, in plain data (Gio.Notification cannot be read back). */
export interface NotificationMessage {
  title: string;
  body: string;
  /** Buttons and the app action each one activates, e.g. `app.quit`. */
  buttons: { label: string; action: string }[];
  low: boolean;
}

export interface NotifierOptions {
  /** Shows a notification (see `Notifier.toGio`); replaces an earlier one with the same id. */
  send: (id: string, message: NotificationMessage) => void;
  withdraw?: (id: string) => void;
  settings: Pick<Settings, 'get'> | null;
  /** True while the user is looking at the window: torrent news shows there, not as a notification. */
  userIsLooking?: () => boolean;
  /** Shows torrent news in the window (a toast) while the user is looking at it. */
  showInWindow?: (message: NotificationMessage) => void;
  trackers?: TrackerStateSource;
}

/** Where the notifier learns each torrent's tracker states (the announcer's, not display text). */
export interface TrackerStateSource {
  /** One state per tracker: 'idle' | 'announcing' | 'working' | 'error' | 'disabled' | 'stopped'. */
  states(torrent: Torrent): string[];
  onChanged(torrent: Torrent, callback: () => void): () => void;
}

interface Watched {
  /** notify::progress, notify::stop-reason and notify::status handler ids. */
  progressHandler: number;
  stopHandler: number;
  statusHandler: number;
  unsubscribe: (() => void) | null;
  complete: boolean;
  failing: boolean;
  stopReason: string;
}

/**
 * Desktop notifications (Gio.Notification): a torrent finished downloading, a stop condition
 * paused it, its trackers are failing; and "still seeding in the background" when the window
 * closes with Run in background on. Each torrent kind can be switched off in the preferences.
 */
export class Notifier {
  readonly #options: NotifierOptions;
  readonly #watched = new Map<Torrent, Watched>();
  #list: Gio.ListStore | null = null;
  #listHandler = 0;
  #stopped = false;

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  /** Follows every torrent in `torrents` (a list of Torrent), now and as it changes. */
  watch(torrents: Gio.ListStore): void {
    this.unwatch();
    this.#list = torrents;
    // Additions alone (the usual case) only follow the new items; a removal needs a full pass.
    this.#listHandler = torrents.connect(
      'items-changed',
      (_list: Gio.ListModel, position: number, removed: number, added: number) =>
        removed === 0 ? this.#followRange(position, added) : this.#sync(),
    );
    this.#sync();
  }

  unwatch(): void {
    if (this.#list && this.#listHandler) this.#list.disconnect(this.#listHandler);
    this.#list = null;
    this.#listHandler = 0;
    for (const [torrent, w] of this.#watched) Notifier.#forget(torrent, w);
    this.#watched.clear();
  }

  /**
   * At quit: nothing is sent any more, and the torrents' handlers are left connected, doing
   * nothing — the process is about to end, and disconnecting them one by one took 0.1–0.4 s at
   * 10 000 torrents, between the last save and the exit.
   */
  stop(): void {
    this.#stopped = true;
    if (this.#list && this.#listHandler) this.#list.disconnect(this.#listHandler);
    this.#list = null;
    this.#listHandler = 0;
  }

  /** "Still seeding in the background", with a Quit button. */
  stillRunning(torrentCount: number): void {
    if (this.#stopped) return;
    this.#options.send('background', {
      // Translators: %1$s is the app's name.
      title: format(_('%1$s is still seeding'), APP_NAME),
      body:
        torrentCount > 0
          ? _('The window is closed, but the torrents keep announcing. Open the app again to see them.')
          : _('The window is closed, but the app keeps running. Open it again to add torrents.'),
      buttons: [{ label: _('Quit'), action: 'app.quit' }],
      low: true,
    });
  }

  /** The Gio.Notification that Gio.Application.send_notification shows for a message. */
  static toGio(message: NotificationMessage): Gio.Notification {
    const n = new Gio.Notification();
    n.set_title(message.title);
    n.set_body(message.body);
    if (message.low) n.set_priority(Gio.NotificationPriority.LOW);
    for (const b of message.buttons) n.add_button(b.label, b.action);
    return n;
  }

  withdrawStillRunning(): void {
    this.#options.withdraw?.('background');
  }

  /** A kind is shown unless it, or notifications as a whole, is switched off. */
  #enabled(key: Setting<boolean>): boolean {
    const settings = this.#options.settings;
    return !settings || (settings.get(NOTIFY.enabled) && settings.get(key));
  }

  #followRange(position: number, count: number): void {
    for (let i = position; i < position + count; i++) {
      const torrent = this.#list?.get_item(i) as Torrent | null;
      if (torrent && !this.#watched.has(torrent)) this.#follow(torrent);
    }
  }

  #sync(): void {
    const present = new Set<Torrent>();
    const n = this.#list?.get_n_items() ?? 0;
    for (let i = 0; i < n; i++) {
      const torrent = this.#list!.get_item(i) as Torrent | null;
      if (!torrent) continue;
      present.add(torrent);
      if (!this.#watched.has(torrent)) this.#follow(torrent);
    }
    for (const [torrent, w] of this.#watched) {
      if (present.has(torrent)) continue;
      Notifier.#forget(torrent, w);
      this.#watched.delete(torrent);
    }
  }

  static #forget(torrent: Torrent, w: Watched): void {
    torrent.disconnect(w.progressHandler);
    torrent.disconnect(w.stopHandler);
    torrent.disconnect(w.statusHandler);
    w.unsubscribe?.();
  }

  // One handler of each kind for every torrent (the torrent is the signal's emitter): closures
  // per torrent, with their scopes and an array of ids, cost ~0.4 KB each at 10 000 torrents.
  readonly #onProgress = (source: GObject.Object): void => {
    const torrent = source as Torrent;
    const w = this.#watched.get(torrent);
    if (!w) return;
    const complete = torrent.progress >= 1;
    if (complete && !w.complete && this.#enabled(NOTIFY.torrent_completed)) {
      this.#send(`completed-${torrent.info_hash}`, _('Torrent completed'), torrent.name);
    }
    w.complete = complete;
  };

  readonly #onStopReason = (source: GObject.Object): void => {
    const torrent = source as Torrent;
    const w = this.#watched.get(torrent);
    if (!w) return;
    const reason = torrent.stop_reason;
    if (reason && reason !== w.stopReason && this.#enabled(NOTIFY.torrent_stopped)) {
      this.#send(`stopped-${torrent.info_hash}`, _('Torrent stopped'), `${torrent.name}: ${reason}`);
    }
    w.stopReason = reason;
  };

  readonly #onFailingChanged = (source: GObject.Object): void => {
    const torrent = source as Torrent;
    const w = this.#watched.get(torrent);
    if (!w) return;
    const failing = this.#failing(torrent);
    if (failing && !w.failing && this.#enabled(NOTIFY.tracker_errors)) {
      const why = torrent.tracker_message || torrent.error_message || _('no tracker answers');
      this.#send(`tracker-${torrent.info_hash}`, _('Trackers are failing'), `${torrent.name}: ${why}`);
    }
    w.failing = failing;
  };

  #follow(torrent: Torrent): void {
    const t = torrent as GObject.Object;
    // Remember the state at the start: a torrent loaded complete did not just complete.
    const w: Watched = {
      progressHandler: t.connect('notify::progress', this.#onProgress),
      stopHandler: t.connect('notify::stop-reason', this.#onStopReason),
      statusHandler: t.connect('notify::status', this.#onFailingChanged),
      unsubscribe: null,
      complete: torrent.progress >= 1,
      failing: this.#failing(torrent),
      stopReason: torrent.stop_reason,
    };
    this.#watched.set(torrent, w);
    w.unsubscribe = this.#options.trackers?.onChanged(torrent, () => this.#onFailingChanged(torrent)) ?? null;
  }

  /** In error, or every tracker it has is failing (none answers). */
  #failing(torrent: Torrent): boolean {
    if (torrent.status === 'tracker-error') return true;
    const states = this.#options.trackers?.states(torrent) ?? [];
    return states.length > 0 && states.every((s) => s === 'error' || s === 'disabled');
  }

  #send(id: string, title: string, body: string): void {
    if (this.#stopped) return;
    // Names and tracker words are outside data: one line each, no control characters.
    const message = { title: printable(title), body: printable(body, 1000), buttons: [], low: false };
    // While the user looks at the window the news shows there, not as a desktop notification.
    if (this.#options.userIsLooking?.()) this.#options.showInWindow?.(message);
    else this.#options.send(id, message);
  }
}
