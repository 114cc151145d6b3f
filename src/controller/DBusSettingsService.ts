import GLib from 'gi://GLib';

import { APP_ID, VERSION, configDir, isFlatpak } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { logger } from '../lib/log.ts';
import { dbusError } from './dbusError.ts';
import { DBusService } from './DBusService.ts';
import { isSecretSetting, refusedOverDBus, settingsSnapshot, type SnapshotSource } from './dbusSettingsPolicy.ts';
import type { Settings } from '../model/settings/Settings.ts';

export const SETTINGS_INTERFACE = `${APP_ID}.Settings`;

/** The original DFakeSeeder's D-Bus interface, same names and signatures. */
const INTERFACE_XML = `<node>
  <interface name="${SETTINGS_INTERFACE}">
    <method name="GetSettings"><arg type="s" direction="out" name="settings_json"/></method>
    <method name="UpdateSettings">
      <arg type="s" direction="in" name="changes_json"/>
      <arg type="b" direction="out" name="success"/>
    </method>
    <method name="ShowPreferences"><arg type="b" direction="out" name="success"/></method>
    <method name="ShowAbout"><arg type="b" direction="out" name="success"/></method>
    <method name="Ping"><arg type="b" direction="out" name="alive"/></method>
    <method name="GetConnectionStatus"><arg type="s" direction="out" name="status_json"/></method>
    <method name="GetDebugInfo"><arg type="s" direction="out" name="info_json"/></method>
    <signal name="SettingsChanged"><arg type="s" name="changes_json"/></signal>
  </interface>
</node>`;

/** What the service uses of the settings store: the Settings interface and the torrents' saved state. */
export type DBusSettingsStore = Settings & SnapshotSource;

export interface DBusSettingsHost {
  settings: DBusSettingsStore;
  /** Activates an application action without a parameter (preferences, about, quit). */
  activateAction: (name: string) => boolean;
  torrentCount: () => number;
}

/**
 * Trigger keys of the original: writing them over UpdateSettings does something rather than
 * storing a value (the tray used them). Kept so the original's scripts go on working.
 */
const TRIGGERS: Record<string, string> = {
  show_preferences: 'preferences',
  show_about: 'about',
  application_quit_requested: 'quit',
};

/**
 * `ie.fio.dfakeseeder.Settings` on the application's own object path (/ie/fio/dfakeseeder),
 * next to GApplication's org.gtk.Actions. Unlike the original, dotted keys
 * (`{"speed.upload_limit_kbps": 100}`) are stored and saved, changes are validated by the
 * settings store, and a bad change is refused with an error that says why.
 */
export class DBusSettingsService extends DBusService<DBusSettingsHost> {
  #changedHandler = 0;

  constructor() {
    super(INTERFACE_XML);
  }

  protected override attached(host: DBusSettingsHost): void {
    this.#changedHandler = host.settings.connect('changed', (_store, path) => this.#emitChanged(host, path));
  }

  protected override detached(host: DBusSettingsHost): void {
    if (this.#changedHandler) host.settings.disconnect(this.#changedHandler);
    this.#changedHandler = 0;
  }

  /** Every setting but the secrets (dbusSettingsPolicy.ts). */
  GetSettings(): string {
    return JSON.stringify(settingsSnapshot(this.host.settings));
  }

  UpdateSettings(changesJson: string): boolean {
    let changes: unknown;
    try {
      changes = JSON.parse(changesJson);
    } catch (e) {
      throw invalidArgs(`UpdateSettings expects a JSON object, e.g. {"upload_speed": 60}: ${errorMessage(e)}`);
    }
    if (!changes || typeof changes !== 'object' || Array.isArray(changes)) {
      throw invalidArgs('UpdateSettings expects a JSON object, e.g. {"upload_speed": 60}');
    }
    const entries = flatten(changes as Record<string, unknown>);
    // Not for any program on the bus: all of the call is refused, before anything is changed.
    const denied = entries.map(([key]) => refusedOverDBus(key)).filter((why): why is string => why !== null);
    if (denied.length) {
      logger.warning(`D-Bus UpdateSettings refused ${denied.join('; ')}`);
      throw dbusError('ACCESS_DENIED', `Not changed: ${denied.join('; ')}`);
    }
    const refused: string[] = [];
    const actions: string[] = [];
    for (const [key, value] of entries) {
      if (key in TRIGGERS) {
        if (value === true) actions.push(TRIGGERS[key]);
        continue;
      }
      try {
        this.host.settings.set(key, value);
      } catch (e) {
        refused.push(`${key}: ${errorMessage(e)}`);
      }
    }
    // After the reply: quitting inside the call would close the connection before it answers.
    if (actions.length) {
      GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
        for (const a of actions) this.host.activateAction(a);
        return GLib.SOURCE_REMOVE;
      });
    }
    if (refused.length) {
      logger.warning(`D-Bus UpdateSettings refused ${refused.join('; ')}`);
      throw invalidArgs(`Not changed: ${refused.join('; ')}`);
    }
    return true;
  }

  ShowPreferences(): boolean {
    return this.host.activateAction('preferences');
  }

  ShowAbout(): boolean {
    return this.host.activateAction('about');
  }

  Ping(): boolean {
    return true;
  }

  GetConnectionStatus(): string {
    return JSON.stringify({ connected: true, torrents: this.host.torrentCount() });
  }

  GetDebugInfo(): string {
    return JSON.stringify({
      version: VERSION,
      pid: getPid(),
      flatpak: isFlatpak(),
      config_dir: configDir(),
      torrents: this.host.torrentCount(),
    });
  }

  #emitChanged(host: DBusSettingsHost, path: string): void {
    // A signal goes to every program on the bus: a secret's change is not announced at all.
    if (isSecretSetting(path) || path === 'torrents' || path.startsWith('torrents.')) return;
    const value: unknown = host.settings.get(path) ?? null;
    this.emitSignal('SettingsChanged', new GLib.Variant('(s)', [JSON.stringify({ [path]: value })]));
  }
}

/** {"a": {"b": 1}, "c.d": 2} → [["a.b", 1], ["c.d", 2]]; arrays and trigger keys stay whole. */
function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      out.push(...flatten(v as Record<string, unknown>, key));
    } else {
      out.push([key, v]);
    }
  }
  return out;
}

function invalidArgs(message: string): GLib.Error {
  return dbusError('INVALID_ARGS', message);
}

function getPid(): number {
  try {
    return Number(GLib.file_read_link('/proc/self'));
  } catch {
    return 0;
  }
}
