import { SETTINGS } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/SettingsStore.ts';
import type { TorrentOptionValues } from './options.ts';

/**
 * Seeding profiles (the original DFakeSeeder's General tab): named sets of a
 * torrent's speeds, limits, announce interval floor and stop conditions. The one chosen in
 * Preferences (`seeding_profile.name`) is what a new torrent starts with; applying one to
 * torrents already there is the `apply-profile` action, after a preview (`profileChanges`).
 * Unlike the original, Aggressive is not speed 0 ("unlimited" there, a stalled torrent here).
 */

export const PROFILE_NAMES = ['conservative', 'balanced', 'aggressive', 'custom'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** The per-torrent options a profile sets, in the order a preview lists them. */
export const PROFILE_FIELDS = [
  'upload_speed',
  'download_speed',
  'upload_limit',
  'download_limit',
  'announce_floor',
  'stop_ratio',
  'stop_seeding_minutes',
] as const satisfies readonly (keyof TorrentOptionValues)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Speeds and limits in KB/s (0 limit: none), the floor in seconds (0: the client decides), 0 stops: none. */
export type ProfileValues = Record<ProfileField, number>;

/** The built-in profiles. Balanced is the shipped defaults plus a ratio stop of 2. */
export const BUILT_IN_PROFILES: Readonly<Record<Exclude<ProfileName, 'custom'>, Readonly<ProfileValues>>> = {
  conservative: {
    upload_speed: 20,
    download_speed: 200,
    upload_limit: 40,
    download_limit: 400,
    announce_floor: 3600,
    stop_ratio: 1,
    stop_seeding_minutes: 1440,
  },
  balanced: {
    upload_speed: 50,
    download_speed: 500,
    upload_limit: 0,
    download_limit: 0,
    announce_floor: 0,
    stop_ratio: 2,
    stop_seeding_minutes: 0,
  },
  aggressive: {
    upload_speed: 200,
    download_speed: 2000,
    upload_limit: 0,
    download_limit: 0,
    announce_floor: 0,
    stop_ratio: 0,
    stop_seeding_minutes: 0,
  },
};

/** What profiles read of the settings. */
export type ProfileSettings = Pick<SettingsStore, 'get'>;

export function isProfileName(name: unknown): name is ProfileName {
  return (PROFILE_NAMES as readonly unknown[]).includes(name);
}

/** A profile's values; Custom's come from the settings. */
export function profileValues(settings: ProfileSettings, name: ProfileName): ProfileValues {
  if (name !== 'custom') return { ...BUILT_IN_PROFILES[name] };
  const c = SETTINGS.seeding_profile.custom;
  return {
    upload_speed: settings.get(SETTINGS.upload_speed),
    download_speed: settings.get(SETTINGS.download_speed),
    upload_limit: settings.get(c.upload_limit),
    download_limit: settings.get(c.download_limit),
    announce_floor: settings.get(c.announce_floor),
    stop_ratio: settings.get(c.stop_ratio),
    stop_seeding_minutes: settings.get(c.stop_seeding_minutes),
  };
}

/** The profile new torrents get, and its values. */
export function newTorrentProfile(settings: ProfileSettings): { name: ProfileName; values: ProfileValues } {
  const name = settings.get(SETTINGS.seeding_profile.name);
  return { name, values: profileValues(settings, name) };
}

/** One line of a preview: this torrent's field goes from `from` to `to`. */
export interface ProfileChange {
  infoHash: string;
  name: string;
  field: ProfileField;
  from: number;
  to: number;
}

/** Exactly what applying `values` to these torrents changes (fields already equal are left out). */
export function profileChanges(
  torrents: readonly { infoHash: string; name: string; options: TorrentOptionValues }[],
  values: ProfileValues,
): ProfileChange[] {
  const out: ProfileChange[] = [];
  for (const t of torrents)
    for (const field of PROFILE_FIELDS)
      if (t.options[field] !== values[field])
        out.push({ infoHash: t.infoHash, name: t.name, field, from: t.options[field], to: values[field] });
  return out;
}
