import type { Setting, SettingValue } from './schema.ts';

/**
 * The one interface to the settings for code that reads or changes them (SettingsStore
 * implements it; specs use the real store): a table entry gives a typed value, never undefined;
 * a dot path (generic code: D-Bus, export, preferences rows) the stored value or undefined.
 */
export interface Settings {
  get<T extends SettingValue>(key: Setting<T>): T;
  get<T = unknown>(path: string): T;
  /** Validates against the table; throws SettingsError (plain words) on a bad value. */
  set(path: string, value: unknown): void;
  /** `changed` (path): a setting's effective value moved. */
  connect(signal: 'changed', callback: (store: unknown, path: string) => void): number;
  disconnect(id: number): void;
}
