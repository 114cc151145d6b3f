import GLib from 'gi://GLib';

import type { Settings } from '../settings/Settings.ts';

/* What TrackerNetwork is given: the settings it reads (with the keyring's proxy password) and its clock. */

/** The settings TrackerNetwork reads: the Settings interface, plus the proxy password source. */
export type SettingsSource = Settings & {
  /** The proxy password, from the keyring (SettingsStore.proxyPassword); never a setting. */
  readonly proxyPassword?: PasswordSource;
};

export interface PasswordSource {
  readonly value: string;
  /** Settles once the keyring answered at start. */
  readonly ready: Promise<void>;
  /** `changed`: the password changed. */
  connect(signal: string, callback: () => void): number;
  disconnect(id: number): void;
}

/** Time as the announcer sees it; specs inject a manual clock. */
export interface Clock {
  /** Monotonic microseconds (GLib.get_monotonic_time). */
  monotonicUs(): number;
  /** Wall-clock unix seconds, for display. */
  wallSeconds(): number;
}

export const systemClock: Clock = {
  monotonicUs: () => GLib.get_monotonic_time(),
  wallSeconds: () => Math.floor(GLib.get_real_time() / 1e6),
};
