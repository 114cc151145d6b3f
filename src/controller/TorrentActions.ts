import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../lib/errors.ts';
import { _, format, ngettext } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { variantFromJson } from '../lib/variant.ts';
import type { TorrentOptionValues } from '../model/Model.ts';
import { checkedOption } from '../model/session/options.ts';
import {
  isProfileName,
  PROFILE_FIELDS,
  PROFILE_NAMES,
  type ProfileSettings,
  profileValues,
} from '../model/session/seedingProfiles.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import {
  isTorrentAction,
  type QueueMove,
  TORRENT_ACTIONS,
  type TorrentActionArgs,
  type TorrentActionName,
} from '../view/torrentActions.ts';

/** What adding files gives back: the torrents added, and one message per file that was not. */
export interface AddResult {
  added: Torrent[];
  /** One plain-words message per file that was not added (bad file, duplicate, unreadable). */
  failures: { uri: string; message: string }[];
}

/** What the commands use of the model: its own methods, which check their input in words. */
export interface CommandTarget {
  all(): Torrent[];
  /** The torrent's session: its tracker tiers (and what else the engine keeps per torrent). */
  sessionOf(torrent: Torrent): { readonly tiers: string[][] } | null;
  pause(torrents: Torrent[]): Promise<void>;
  resume(torrents: Torrent[]): void;
  forceStart(torrents: Torrent[]): void;
  /** `goesAt`: unix seconds the announce goes (later than now within a tracker's min interval). */
  forceAnnounce(torrents: Torrent[]): { goesAt: number | null; done: Promise<void> };
  /** "Scrape Now"; `goesAt` as for forceAnnounce (later within a tracker's `min_request_interval`). */
  scrapeNow(torrents: Torrent[]): { goesAt: number | null; done: Promise<void> };
  forceRecheck(torrents: Torrent[]): void;
  forceComplete(torrents: Torrent[]): void;
  setRandomProgress(torrents: Torrent[]): void;
  /** Resolves with the problems met deleting their files (in words). */
  remove(torrents: Torrent[]): Promise<string[]>;
  setPriority(torrents: Torrent[], priority: number): void;
  moveInQueue(torrents: Torrent[], where: QueueMove): void;
  setLimits(torrents: Torrent[], limits: { upload?: number; download?: number }): void;
  setLabel(torrents: Torrent[], label: string): void;
  rename(torrent: Torrent, name: string): void;
  /** `profile`: the seeding profile this value comes from ('' : set by hand). */
  setOption<K extends keyof TorrentOptionValues>(
    torrents: Torrent[],
    key: K,
    value: TorrentOptionValues[K],
    profile?: string,
  ): void;
  addTracker(torrent: Torrent, url: string): Promise<void>;
  editTracker(torrent: Torrent, oldUrl: string, newUrl: string): Promise<void>;
  removeTracker(torrent: Torrent, url: string): Promise<void>;
  scaleSpeed(direction: 'upload' | 'download', factor: number, torrents: Torrent[] | null): void;
}

export interface ActionsHost {
  model: CommandTarget;
  /** Adds .torrent files by URI; failures are in the result (and already told to the user). */
  addUris(uris: string[]): Promise<AddResult>;
  /** A message for the user: a toast in the window, a log line headless. */
  notice(kind: 'info' | 'error', message: string): void;
  /** The built-in tracker's own announce URL, or null while it is off. */
  builtInTrackerUrl(): string | null;
  /** The settings (the Custom seeding profile's values). */
  settings: ProfileSettings;
}

/** What a remote caller gets back: never an exception, an error in words instead. */
export type ActionOutcome = { ok: true } | { ok: false; error: string };

const PRIORITIES: Record<string, number> = { low: 0, normal: 1, high: 2 };
const QUEUE_MOVES: readonly string[] = ['top', 'up', 'down', 'bottom'];
const OPTION_KEYS: readonly (keyof TorrentOptionValues)[] = [
  'active',
  'upload_speed',
  'download_speed',
  'upload_limit',
  'download_limit',
  'announce_interval',
  'threshold',
  'stop_ratio',
  'stop_seeding_minutes',
  'announce_floor',
];

type Commands = { [N in TorrentActionName]: (args: TorrentActionArgs[N]) => unknown };

/**
 * The one command surface (docs/ARCHITECTURE.md, Controller): every torrent action of
 * TORRENT_ACTIONS, implemented here once. `addTo()` puts them on the application, so the window,
 * org.gtk.Actions over D-Bus and the command line activate these same actions; `invoke()` and
 * `invokeJson()` run one by name and reject with an error in words, for the callers that need an
 * answer (the Torrents D-Bus interface, a remote interface). Each command writes one log line.
 */
export class TorrentActions {
  readonly #host: ActionsHost;
  readonly #commands: Commands;
  /** How many torrents the running command named (for its log line). */
  #named = 0;

  constructor(host: ActionsHost) {
    this.#host = host;
    const model = host.model;
    this.#commands = {
      pause: (h) => model.pause(this.#torrents(h)),
      resume: (h) => model.resume(this.#torrents(h)),
      'pause-all': () => model.pause(model.all().filter((t) => t.active)),
      'resume-all': () => model.resume(model.all().filter((t) => !t.active)),
      'force-start': (h) => model.forceStart(this.#torrents(h)),
      'force-announce': (h) => this.#forceAnnounce(this.#torrents(h)),
      scrape: (h) => this.#scrapeNow(this.#torrents(h)),
      'force-recheck': (h) => model.forceRecheck(this.#torrents(h)),
      'force-complete': (h) => model.forceComplete(this.#torrents(h)),
      'random-progress': (h) => model.setRandomProgress(this.#torrents(h)),
      remove: (h) => this.#remove(this.#torrents(h)),
      'set-priority': ([h, priority]) => {
        if (!(priority in PRIORITIES)) throw new Error(_('The priority must be low, normal or high.'));
        model.setPriority(this.#torrents(h), PRIORITIES[priority]);
      },
      queue: ([h, where]) => {
        if (!QUEUE_MOVES.includes(where)) throw new Error(_('A queue move is top, up, down or bottom.'));
        model.moveInQueue(this.#torrents(h), where);
      },
      'set-limits': ([h, upload, download]) =>
        model.setLimits(this.#torrents(h), {
          upload: upload === -1 ? undefined : upload,
          download: download === -1 ? undefined : download,
        }),
      'reset-limits': (h) => model.setLimits(this.#torrents(h), { upload: 0, download: 0 }),
      'set-label': ([h, label]) => model.setLabel(this.#torrents(h), label),
      rename: ([hash, name]) => model.rename(this.#torrent(hash), name),
      'set-option': ([h, key, value]) => {
        if (!(OPTION_KEYS as readonly string[]).includes(key))
          throw new Error(format(_('There is no option “%1$s”; the options are %2$s.'), key, OPTION_KEYS.join(', ')));
        const option = key as keyof TorrentOptionValues;
        model.setOption(this.#torrents(h), option, value as TorrentOptionValues[typeof option]);
      },
      'add-tracker': ([h, url]) => Promise.all(this.#torrents(h).map((t) => model.addTracker(t, url))),
      'edit-tracker': ([hash, oldUrl, newUrl]) => model.editTracker(this.#torrent(hash), oldUrl, newUrl),
      'remove-tracker': ([hash, url]) => model.removeTracker(this.#torrent(hash), url),
      'scale-speed': ([direction, factor, h]) => {
        if (direction !== 'upload' && direction !== 'download')
          throw new Error(_('The direction is “upload” or “download”.'));
        if (factor !== 2 && factor !== 0.5) throw new Error(_('The speed can be doubled (2) or halved (0.5).'));
        model.scaleSpeed(direction, factor, h.length ? this.#torrents(h) : null);
      },
      'add-built-in-tracker': (h) => this.#addBuiltInTracker(this.#torrents(h)),
      'apply-profile': ([name, h]) => this.#applyProfile(name, this.#torrents(h)),
      'add-uris': (uris) => this.#addUris(uris),
    };
  }

  /** Adds every action to `map` (the application: `app.<name>`, exported on org.gtk.Actions). */
  addTo(map: Gio.ActionMap): void {
    for (const name of Object.keys(TORRENT_ACTIONS) as TorrentActionName[]) {
      const type = TORRENT_ACTIONS[name].type;
      const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
      // Activation has no answer: a refusal reaches the user as a notice.
      action.connect('activate', (_a, parameter: GLib.Variant | null) => {
        this.invoke(name, parameter).catch((e: unknown) => this.#host.notice('error', errorMessage(e)));
      });
      map.add_action(action);
    }
  }

  /**
   * Runs one action. The model's synchronous part is done when this returns (an activation
   * from the window has its effect at once); the promise settles when the command is complete
   * and rejects with an Error in words (no such action, a parameter of the wrong type, an
   * unknown info hash, a value the model refuses). Nothing is changed by a refused command.
   */
  async invoke(name: string, parameter: GLib.Variant | null): Promise<unknown> {
    if (!isTorrentAction(name)) throw new Error(format(_('There is no action “%1$s”.'), name));
    const { type } = TORRENT_ACTIONS[name];
    const given = parameter?.get_type_string() ?? null;
    if (given !== type) throw new Error(usage(name));
    const args = parameter ? (parameter.recursiveUnpack() as unknown) : null;
    const run = this.#commands[name] as (args: unknown) => unknown;
    this.#named = 0;
    const pending = run(args);
    logger.info(`action ${name}${this.#named ? ` on ${this.#named} torrent(s)` : ''}`);
    return await pending;
  }

  /** invoke() with the parameter in its JSON form (TorrentActionArgs), for a remote caller. */
  invokeJson(name: string, args: unknown): Promise<unknown> {
    if (!isTorrentAction(name)) return Promise.reject(new Error(format(_('There is no action “%1$s”.'), name)));
    const { type } = TORRENT_ACTIONS[name];
    let parameter: GLib.Variant | null = null;
    try {
      if (type !== null) parameter = variantFromJson(type, args);
      else if (args !== null && args !== undefined) throw new Error(usage(name));
    } catch (e) {
      return Promise.reject(new Error(`${usage(name)} ${errorMessage(e)}`));
    }
    return this.invoke(name, parameter);
  }

  /** invokeJson() that never rejects: done, or why not in words. */
  async run(name: string, args: unknown): Promise<ActionOutcome> {
    try {
      await this.invokeJson(name, args);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: errorMessage(e) };
    }
  }

  /** The torrents named by info hash, in the order given; an unknown hash refuses the command. */
  #torrents(hashes: string[]): Torrent[] {
    if (hashes.length === 0) throw new Error(_('No torrent was named: give at least one info hash.'));
    const byHash = new Map(this.#host.model.all().map((t) => [t.info_hash.toLowerCase(), t]));
    const torrents = hashes.map((h) => {
      const t = byHash.get(h.toLowerCase());
      if (!t) throw new Error(format(_('No torrent has the info hash “%1$s”.'), h));
      return t;
    });
    this.#named += torrents.length;
    return torrents;
  }

  #torrent(hash: string): Torrent {
    return this.#torrents([hash])[0];
  }

  async #remove(torrents: Torrent[]): Promise<void> {
    // The copy in the torrents folder is always deleted: that folder is the torrent list, so a
    // kept copy would come back at the next start.
    const problems = await this.#host.model.remove(torrents);
    for (const p of problems) this.#host.notice('error', p);
  }

  /** "Update Tracker": says when it goes if a tracker's `min interval` holds it back. */
  #forceAnnounce(torrents: Torrent[]): Promise<void> {
    const { goesAt, done } = this.#host.model.forceAnnounce(torrents);
    if (goesAt !== null && goesAt > Math.floor(GLib.get_real_time() / 1e6) + 1) {
      const time = GLib.DateTime.new_from_unix_local(goesAt)?.format('%X') ?? String(goesAt);
      this.#host.notice('info', format(_('The trackers ask to wait: the update goes at %1$s.'), time));
    }
    return done;
  }

  /** "Scrape Now": says when it goes if a tracker's `min_request_interval` holds it back, or that none can be scraped. */
  #scrapeNow(torrents: Torrent[]): Promise<void> {
    const { goesAt, done } = this.#host.model.scrapeNow(torrents);
    if (goesAt === null)
      this.#host.notice(
        'info',
        _('None of these trackers can be scraped (their address has no “announce” to turn into “scrape”).'),
      );
    else if (goesAt > Math.floor(GLib.get_real_time() / 1e6) + 1) {
      const time = GLib.DateTime.new_from_unix_local(goesAt)?.format('%X') ?? String(goesAt);
      this.#host.notice('info', format(_('The trackers ask to wait: the scrape goes at %1$s.'), time));
    }
    return done;
  }

  /** A new tier with the built-in tracker's URL, so these torrents announce to the app itself. */
  /** Every value is checked before any is set: a refused profile changes nothing. */
  #applyProfile(name: string, torrents: Torrent[]): void {
    if (!isProfileName(name))
      throw new Error(
        format(_('There is no seeding profile “%1$s”; the profiles are %2$s.'), name, PROFILE_NAMES.join(', ')),
      );
    const values = profileValues(this.#host.settings, name);
    const checked = PROFILE_FIELDS.map((field) => [field, checkedOption(field, values[field])] as const);
    for (const [field, value] of checked) this.#host.model.setOption(torrents, field, value, name);
  }

  #addBuiltInTracker(torrents: Torrent[]): Promise<unknown> {
    const url = this.#host.builtInTrackerUrl();
    if (!url) throw new Error(_('Turn the built-in tracker on first (Preferences → Tracker).'));
    const model = this.#host.model;
    const missing = torrents.filter((t) => !model.sessionOf(t)?.tiers.some((tier) => tier.includes(url)));
    return Promise.all(missing.map((t) => model.addTracker(t, url)));
  }

  async #addUris(uris: string[]): Promise<AddResult> {
    const result = await this.#host.addUris(uris);
    const n = result.added.length;
    // Failures were told one by one; the good news once.
    if (n === 1) this.#host.notice('info', format(_('Added “%1$s”'), result.added[0].name));
    else if (n > 1) this.#host.notice('info', format(ngettext('Added %1$d torrent', 'Added %1$d torrents', n), n));
    return result;
  }
}

/** How to call an action, in words, for a parameter of the wrong type. */
export function usage(name: TorrentActionName): string {
  const { type, example } = TORRENT_ACTIONS[name];
  return type === null
    ? format(_('The action “%1$s” takes no parameter.'), name)
    : format(_('The action “%1$s” takes %2$s (GVariant type %3$s).'), name, example, type);
}
