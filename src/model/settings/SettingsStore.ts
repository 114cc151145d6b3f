import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { errorMessage } from '../../lib/errors.ts';
import { makeFolderPrivate, writeBytes } from '../../lib/files.ts';
import { finishGarbageCollection } from '../../lib/garbageCollection.ts';
import { _, format } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import '../../lib/promisify.ts';
import { readRegularFile, SETTINGS_FILE_LIMIT } from '../../lib/readRegularFile.ts';
import { adoptOriginal } from './adoptOriginal.ts';
import { LibsecretKeyring, type SecretKeyring } from './Keyring.ts';
import { ProxyPassword } from './ProxyPassword.ts';
import { shippedDefaults } from './defaults.ts';
import {
  deepClone,
  deepMerge,
  deletePath,
  getPath,
  isPlainObject,
  type Json,
  type JsonObject,
  leafPaths,
  sameJson,
  setPath,
} from './json.ts';
import { type Setting, SETTINGS, type SettingValue } from './schema.ts';
import { SettingsError } from './SettingsError.ts';
import { SettingsWriter } from './SettingsWriter.ts';
import { readSettingsFile, takePlainPassword } from './settingsFile.ts';
import { normalizeTorrentState, type TorrentState } from './TorrentState.ts';
import { problemWith } from './validation.ts';

const FILE_NAME = 'settings.json';

const TORRENTS_KEY = 'torrents';

interface SettingsStoreSignals extends GObject.Object.SignalSignatures {
  changed: (path: string) => void;
  'save-failed': (message: string) => void;
  saved: () => void;
}

export interface SettingsStoreOptions {
  /** Defaults to use instead of data/default.json (specs). */
  defaults?: JsonObject;
  /** The keyring for the proxy password (the user's, through libsecret, unless a spec gives one). */
  keyring?: SecretKeyring;
}

/**
 * The app's settings and the per-torrent state, kept in `settings.json` in the original's format:
 * settings under the original's key names, torrent state under `torrents`.
 *
 * Three layers: the shipped defaults, the user's values (everything the file holds except
 * `torrents`, unknown keys included, so nothing another version wrote is lost), and the torrent
 * state. `get` reads the user's value over the default. Every save writes the user's values *and*
 * the torrent state (the original dropped the latter on every save but the last), to a temporary
 * file that is then renamed over settings.json: a crash leaves either the old or the new file.
 */
export class SettingsStore extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsSettingsStore',
        Signals: {
          /** A setting's effective value changed; the argument is its dot path. */
          changed: { param_types: [GObject.TYPE_STRING] },
          /** A save failed; the argument says why, in plain words. The previous file is intact. */
          'save-failed': { param_types: [GObject.TYPE_STRING] },
          /** A save reached the disk. */
          saved: {},
        },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, SettingsStoreSignals>['connect'];
  declare emit: GObject.SignalMethods<this, SettingsStoreSignals>['emit'];

  /** The config folder (`$XDG_CONFIG_HOME/dfakeseeder`). */
  configDir = '';
  /** Full path of settings.json. */
  path = '';
  /** Things the user should be told about (e.g. a corrupt file moved aside). */
  problems: string[] = [];
  /** The last save failure's message, or null after a successful save. */
  lastSaveError: string | null = null;
  /** The proxy password: in the keyring, never in settings.json (see ProxyPassword). */
  proxyPassword!: ProxyPassword;

  #defaults: JsonObject = {};
  #user: JsonObject = {};
  #merged: JsonObject = {};
  #torrents: JsonObject = {};
  /** Moves with every change to what the file holds: a prepared content is only used while it matches. */
  #version = 0;
  #prepared: { version: number; bytes: Uint8Array } | null = null;
  #writer!: SettingsWriter;

  /** Reads settings.json (synchronously: start-up only). Never throws on a bad file. */
  static open(configDir: string, options: SettingsStoreOptions = {}): SettingsStore {
    const store = new SettingsStore();
    const plainPassword = store.#load(configDir, options.defaults ?? shippedDefaults());
    store.proxyPassword = ProxyPassword.create(store, options.keyring ?? new LibsecretKeyring());
    void store.proxyPassword.start(plainPassword || null);
    return store;
  }

  /** Returns the plain proxy password the file held ('' for none), for the keyring. */
  #load(configDir: string, defaults: JsonObject): string {
    this.configDir = configDir;
    this.path = GLib.build_filenamev([configDir, FILE_NAME]);
    this.#writer = new SettingsWriter(this.path, configDir, {
      content: () => this.#contentToWrite(),
      debounceMs: () => this.get(SETTINGS.ui_settings.settings_save_debounce_ms),
      saved: () => {
        this.lastSaveError = null;
        this.emit('saved');
      },
      failed: (reason) => this.#failed(reason),
    });
    this.#defaults = deepClone(defaults);
    // The folder holds passkeys and the settings: the user's only, also when an older version
    // (or the original) made it readable by others.
    makeFolderPrivate(configDir);
    const raw = this.#readFile();
    let plainPassword = '';
    if (raw) {
      plainPassword = takePlainPassword(raw);
      const torrents = raw[TORRENTS_KEY];
      delete raw[TORRENTS_KEY];
      if (isPlainObject(torrents)) {
        for (const [key, state] of Object.entries(torrents)) {
          if (isPlainObject(state)) this.#torrents[key] = state;
          else logger.warning(`settings: dropped unusable saved state for ${key}`);
        }
      } else if (torrents !== undefined) {
        this.problems.push(_('The saved torrent figures in your settings file were unreadable and were reset.'));
      }
      for (const note of adoptOriginal(raw, this.#torrents, configDir)) logger.info(`settings: adopted ${note}`);
      this.#user = raw;
      this.#dropInvalid(this.#user, '');
    }
    this.#merged = deepMerge(this.#defaults, this.#user);
    finishGarbageCollection();
    return plainPassword;
  }

  /** The file's settings object, or null (see readSettingsFile); a file it cannot read blocks saves. */
  #readFile(): JsonObject | null {
    const { settings, problem, keep } = readSettingsFile(this.path);
    if (problem) this.problems.push(problem);
    if (keep) this.#writer.blocked = true;
    return settings;
  }

  /** Drops the user's values that the defaults say are of the wrong kind; unknown keys stay. */
  #dropInvalid(node: JsonObject, prefix: string): void {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const dflt = getPath(this.#defaults, path);
      if (dflt === undefined) continue;
      if (isPlainObject(dflt) && Object.keys(dflt).length > 0) {
        if (isPlainObject(value)) this.#dropInvalid(value, path);
        else this.#reject(node, key, format(_('“%s” must be a group of settings.'), path));
        continue;
      }
      const problem = problemWith(path, value, dflt);
      if (problem) this.#reject(node, key, problem);
    }
  }

  #reject(node: JsonObject, key: string, problem: string): void {
    delete node[key];
    this.problems.push(format(_('A saved setting was unusable and its default is used instead: %s'), problem));
  }

  // ---- reading and changing settings -------------------------------------------------------

  /**
   * A setting of the table (schema.ts): the user's value over the default, always of the
   * setting's type. By dot path (for code that walks settings generically: D-Bus, export):
   * the value as stored, or undefined if there is none.
   */
  get<T extends SettingValue>(key: Setting<T>): T;
  get<T = unknown>(path: string): T;
  get(key: Setting | string): unknown {
    if (typeof key === 'string') return deepClone(getPath(this.#merged, key));
    const v = getPath(this.#merged, key.path);
    // Values are validated against the table on load and on set; only defaults given to
    // open() by a spec can lack a key.
    if (Array.isArray(key.default)) return Array.isArray(v) ? deepClone(v) : [...key.default];
    return typeof v === typeof key.default ? v : key.default;
  }

  /** The shipped default of a setting. */
  getDefault<T = unknown>(path: string): T {
    return deepClone(getPath(this.#defaults, path)) as T;
  }

  /** Validates and sets a setting (a group takes an object of its settings). Throws SettingsError. */
  override set(properties: { [key: string]: unknown }): void;
  override set(path: string, value: unknown): void;
  override set(pathOrProperties: string | { [key: string]: unknown }, value?: unknown): void {
    // GObject.Object.set(properties) keeps working for GObject properties.
    if (typeof pathOrProperties !== 'string') return super.set(pathOrProperties);
    const path = pathOrProperties;
    if (path === TORRENTS_KEY || path.startsWith(`${TORRENTS_KEY}.`)) {
      throw new SettingsError(path, _('Torrent state is changed with setTorrentState, not as a setting.'));
    }
    this.#check(path, value);
    const before = deepClone(this.#merged);
    if (isPlainObject(value)) {
      for (const leaf of leafPaths(value as Json, '')) {
        if (leaf) setPath(this.#user, `${path}.${leaf}`, deepClone(getPath(value as JsonObject, leaf)!));
      }
    } else {
      setPath(this.#user, path, deepClone(value as Json));
    }
    this.#changed(before, path);
  }

  #check(path: string, value: unknown): void {
    const dflt = getPath(this.#defaults, path);
    if (dflt === undefined) throw new SettingsError(path, format(_('There is no setting called “%s”.'), path));
    if (isPlainObject(dflt) && Object.keys(dflt).length > 0) {
      if (!isPlainObject(value)) {
        throw new SettingsError(path, format(_('“%s” is a group of settings: give it an object.'), path));
      }
      for (const [k, v] of Object.entries(value)) this.#check(`${path}.${k}`, v);
      return;
    }
    const problem = problemWith(path, value, dflt);
    if (problem) throw new SettingsError(path, problem);
  }

  /** Back to the shipped default: one setting or group, or (no argument) every setting. */
  reset(path?: string): void {
    const before = deepClone(this.#merged);
    if (path) {
      deletePath(this.#user, path);
    } else {
      // Keys the defaults do not know are not ours to reset (the original's, a later version's).
      for (const leaf of leafPaths(this.#defaults, '')) deletePath(this.#user, leaf);
    }
    this.#changed(before, path ?? '');
  }

  /** Rebuilds the merged view, emits `changed` per setting whose value moved, schedules a save. */
  #changed(before: JsonObject, path: string): void {
    this.#version++;
    this.#merged = deepMerge(this.#defaults, this.#user);
    const old = path ? getPath(before, path) : before;
    const now = path ? getPath(this.#merged, path) : this.#merged;
    const leaves = new Set([...leafPaths(old ?? null, path), ...leafPaths(now ?? null, path)]);
    const moved = [...leaves].filter((p) => !sameJson(getPath(before, p), getPath(this.#merged, p)));
    for (const p of moved) this.emit('changed', p);
    this.scheduleSave();
  }

  // ---- per-torrent state ---------------------------------------------------------------------

  getTorrentState(key: string): TorrentState | undefined {
    const raw = this.#torrents[key];
    return raw === undefined ? undefined : normalizeTorrentState(raw, { filepath: key });
  }

  /**
   * Memory only: the next save writes it. Fields this version does not know are kept.
   * `copy: false` hands over a state object the caller built for this call and never touches
   * again (the model's save builds a thousand of them; copying each costs a JSON round trip).
   */
  setTorrentState(key: string, state: TorrentState, options: { copy?: boolean } = {}): void {
    const previous = this.#torrents[key];
    const json: JsonObject = state;
    if (isPlainObject(previous) && holdsAll(previous, json)) return; // nothing moved: a prepared save stays valid
    this.#version++;
    const next = options.copy === false ? json : deepClone(json);
    this.#torrents[key] = isPlainObject(previous) ? { ...previous, ...next } : next;
  }

  deleteTorrentState(key: string): void {
    if (!(key in this.#torrents)) return;
    this.#version++;
    delete this.#torrents[key];
  }

  /**
   * Serializes the file's content now for the next write, which uses it if nothing changed in
   * between (else it serializes again). The quit sequence calls it once every torrent is
   * stopped, so the budget covers it: the JSON of 10 000 torrents takes a tenth of a second.
   */
  prepareSave(): void {
    this.#prepared = { version: this.#version, bytes: this.#content() };
  }

  #contentToWrite(): Uint8Array {
    const prepared = this.#prepared;
    this.#prepared = null;
    return prepared?.version === this.#version ? prepared.bytes : this.#content();
  }

  torrentStateKeys(): string[] {
    return Object.keys(this.#torrents);
  }

  // ---- saving --------------------------------------------------------------------------------

  /** Saves after `ui_settings.settings_save_debounce_ms` of quiet (one write for a burst of changes). */
  scheduleSave(): void {
    this.#writer.schedule();
  }

  /** Settles once no write is running or queued (a debounced save still waiting is not counted). */
  get writesSettled(): Promise<void> {
    return this.#writer.settled;
  }

  /** True while a debounced save is waiting. */
  get savePending(): boolean {
    return this.#writer.pending;
  }

  /**
   * Writes settings.json now. Writes never overlap: a request made during a write runs after it
   * (and requests made meanwhile share that one write). Never rejects: a failure is emitted as
   * `save-failed` and kept in `lastSaveError`.
   */
  saveNow(): Promise<void> {
    return this.#writer.saveNow();
  }

  /**
   * The same write, synchronously, for the very last save when the main loop will not run again.
   * Returns false (and emits `save-failed`) if it failed.
   */
  saveSync(): boolean {
    const ok = this.#writer.saveSync();
    if (ok) this.lastSaveError = null;
    return ok;
  }

  /**
   * The file's content: the user's settings, indented for a person to read and edit, then the
   * torrent state on one line: compact JSON. Indented, the state of 10 000 torrents was 15 MB and
   * twice the time to write (the quit's last save); the loader reads either.
   */
  #content(): Uint8Array {
    const settings = JSON.stringify(this.#user, null, 4);
    const torrents = `${JSON.stringify(TORRENTS_KEY)}: ${JSON.stringify(this.#torrents)}`;
    const text = settings === '{}' ? `{\n    ${torrents}\n}` : `${settings.slice(0, -2)},\n    ${torrents}\n}`;
    return new TextEncoder().encode(`${text}\n`);
  }

  #failed(reason: string): void {
    const message = format(_('Your settings could not be saved (%s). The previous settings file was kept.'), reason);
    this.lastSaveError = message;
    logger.warning(`settings: ${message}`);
    this.emit('save-failed', message);
  }

  // ---- export and import ----------------------------------------------------------------------

  /** Writes every setting (defaults included, torrent state not) to a JSON file. Throws SettingsError. */
  async exportTo(path: string): Promise<void> {
    const bytes = new TextEncoder().encode(`${JSON.stringify(this.#merged, null, 4)}\n`);
    try {
      await writeBytes(Gio.File.new_for_path(path), bytes, Gio.FileCreateFlags.PRIVATE);
    } catch (e) {
      throw new SettingsError(
        '',
        format(_('The settings could not be exported to “%1$s”: %2$s'), path, errorMessage(e)),
      );
    }
  }

  /**
   * Takes the settings from an exported file. Every known setting in it is checked first; if one
   * is unusable nothing changes and SettingsError says which. Unknown keys are kept, torrent
   * state in the file is ignored.
   */
  async importFrom(path: string): Promise<void> {
    let parsed: unknown;
    try {
      const bytes = await readRegularFile(Gio.File.new_for_path(path), SETTINGS_FILE_LIMIT);
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new SettingsError('', format(_('“%1$s” could not be read as settings: %2$s'), path, errorMessage(e)));
    }
    if (!isPlainObject(parsed)) {
      throw new SettingsError('', format(_('“%s” does not hold a settings object.'), path));
    }
    delete parsed[TORRENTS_KEY];
    // An exported file from an older version may hold the password: into the keyring with it.
    const plainPassword = takePlainPassword(parsed);
    adoptOriginal(parsed, {}, this.configDir);
    for (const [key, value] of Object.entries(parsed)) {
      if (getPath(this.#defaults, key) !== undefined) this.#check(key, value);
    }
    const before = deepClone(this.#merged);
    this.#user = deepMerge(this.#user, parsed);
    this.#changed(before, '');
    if (plainPassword) await this.proxyPassword.change(plainPassword);
  }
}

/**
 * True when `previous` already has every value of `next` (a torrent's saved state that did not
 * move). Compared in place, without an entry array or a JSON string per torrent: the quit
 * checks every torrent again right before the last write.
 */
function holdsAll(previous: JsonObject, next: JsonObject): boolean {
  for (const k in next) if (!sameValue(previous[k], next[k])) return false;
  return true;
}

function sameValue(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  return isPlainObject(a) && isPlainObject(b) && sameJson(a, b);
}
