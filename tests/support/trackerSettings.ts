import GObject from 'gi://GObject';

import { MemoryPassword } from './MemoryPassword.ts';

/**
 * An in-memory settings object with the SettingsStore surface TrackerNetwork uses (`get` and
 * the `changed` signal), for tracker specs that do not need the settings file.
 */
export class MemorySettings extends GObject.Object {
  static {
    GObject.registerClass(
      { GTypeName: 'DfsTestMemorySettings', Signals: { changed: { param_types: [GObject.TYPE_STRING] } } },
      this,
    );
  }

  values: Record<string, unknown>;
  /** The password is not a setting (it lives in the keyring): `proxy.password` given here goes there. */
  readonly proxyPassword = new MemoryPassword();

  constructor(values: Record<string, unknown> = {}) {
    super();
    const { 'proxy.password': password, ...rest } = values;
    this.values = { 'seeders.http_timeout_seconds': 5, 'seeders.udp_timeout_seconds': 1, ...rest };
    if (typeof password === 'string') this.proxyPassword.value = password;
  }

  get<T = unknown>(path: string): T {
    return this.values[path] as T;
  }

  /** Changes a value and emits `changed`, as SettingsStore.set does. */
  change(path: string, value: unknown): void {
    if (path === 'proxy.password') return this.proxyPassword.change(String(value));
    this.values[path] = value;
    (this as unknown as { emit(signal: string, ...args: unknown[]): void }).emit('changed', path);
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
