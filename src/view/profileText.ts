import { _, format } from '../lib/i18n.ts';
import type { ProfileField } from '../model/session/seedingProfiles.ts';
import { formatDuration, formatKbps } from './format.ts';
import type { ProfileName } from './TorrentSource.ts';

/** A seeding profile's name as the user reads it. */
export function profileTitle(name: ProfileName): string {
  switch (name) {
    case 'conservative':
      return _('Conservative');
    case 'balanced':
      return _('Balanced');
    case 'aggressive':
      return _('Aggressive');
    case 'custom':
      return _('Custom');
  }
}

/** What a profile field is called in a preview line. */
export function fieldTitle(field: ProfileField): string {
  switch (field) {
    case 'upload_speed':
      return _('Upload speed');
    case 'download_speed':
      return _('Download speed');
    case 'upload_limit':
      return _('Upload limit');
    case 'download_limit':
      return _('Download limit');
    case 'announce_floor':
      return _('Announce interval floor');
    case 'stop_ratio':
      return _('Stop at ratio');
    case 'stop_seeding_minutes':
      return _('Stop after seeding');
  }
}

/** A profile field's value in words; 0 reads "none" where 0 means none. */
export function fieldValue(field: ProfileField, value: number): string {
  switch (field) {
    case 'upload_speed':
    case 'download_speed':
      return formatKbps(value);
    case 'upload_limit':
    case 'download_limit':
      return formatKbps(value, true);
    case 'announce_floor':
      return value > 0 ? formatDuration(value) : _('None');
    case 'stop_ratio':
      return value > 0 ? value.toFixed(2) : _('None');
    case 'stop_seeding_minutes':
      return value > 0 ? formatDuration(value * 60) : _('None');
  }
}

/** One preview line: "Upload speed: 333.0 KB/s → 20.0 KB/s". */
export function changeText(field: ProfileField, from: number, to: number): string {
  // Translators: a preview line before applying a seeding profile: field, old value, new value.
  return format(_('%1$s: %2$s → %3$s'), fieldTitle(field), fieldValue(field, from), fieldValue(field, to));
}
