import GLib from 'gi://GLib';

import { type Setting, type Settings, SettingsStore, type SettingValue } from '../../src/model/settings/index.ts';

import { MemoryPassword } from './MemoryPassword.ts';

/**
 * The real SettingsStore with its shipped defaults, in a folder of its own, with the values a
 * spec gives (validated as the app would validate them). Nothing is written to disk while a spec
 * runs: the debounced save waits longer than any spec.
 */
export class MemorySettings implements Settings {
  readonly store: SettingsStore;
  /** The password is not a setting (it lives in the keyring): `proxy.password` given here goes there. */
  readonly proxyPassword = new MemoryPassword();

  constructor(values: Record<string, unknown> = {}) {
    this.store = SettingsStore.open(
      GLib.build_filenamev([GLib.get_tmp_dir(), `dfs-spec-settings-${GLib.uuid_string_random()}`]),
    );
    const { 'proxy.password': password, ...rest } = values;
    if (typeof password === 'string') this.proxyPassword.value = password;
    const all: Record<string, unknown> = {
      'ui_settings.settings_save_debounce_ms': 600000,
      'seeders.http_timeout_seconds': 5,
      'seeders.udp_timeout_seconds': 1,
      ...rest,
    };
    for (const [path, value] of Object.entries(all)) this.store.set(path, value);
  }

  get<T extends SettingValue>(key: Setting<T>): T;
  get<T = unknown>(path: string): T;
  get(key: Setting | string): unknown {
    return typeof key === 'string' ? this.store.get(key) : this.store.get(key);
  }

  set(path: string, value: unknown): void {
    this.store.set(path, value);
  }

  /** Changes a value (the store emits `changed`, as in the app). */
  change(path: string, value: unknown): void {
    if (path === 'proxy.password') return this.proxyPassword.change(String(value));
    this.store.set(path, value);
  }

  connect(signal: 'changed', callback: (store: unknown, path: string) => void): number {
    return this.store.connect(signal, callback);
  }

  disconnect(id: number): void {
    this.store.disconnect(id);
  }
}

/** A clock the spec moves by hand (monotonic µs and wall seconds move together). */
export class ManualClock {
  us = 1_000_000_000;
  monotonicUs(): number {
    return this.us;
  }
  wallSeconds(): number {
    return 1_700_000_000 + Math.floor(this.us / 1e6);
  }
  advance(seconds: number): void {
    this.us += seconds * 1e6;
  }
}

export function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** Percent-decodes a URL component to its bytes (no '+' handling: trackers don't use it). */
export function percentDecode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(text.charCodeAt(i));
  }
  return Uint8Array.from(out);
}
