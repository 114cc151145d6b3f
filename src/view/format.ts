import GLib from 'gi://GLib';

import { _, format, ngettext } from '../lib/i18n.ts';
import type { TorrentStatus } from '../model/torrent/Torrent.ts';

/** Bytes in a unit: 1 KB = 1024 bytes, the unit the settings and limits are given in. */
export const KB = 1024;

/**
 * The words the list's figures are made of, translated once: the list formats thousands of
 * cells in a sort, and each gettext lookup is a call into C. The language is set before the
 * first window opens and does not change while the app runs.
 */
let sizeWords: {
  units: string[];
  size: string;
  rate: string;
  statuses: Record<TorrentStatus, string>;
  yes: string;
  no: string;
} | null = null;
function words(): NonNullable<typeof sizeWords> {
  sizeWords ??= {
    units: [_('KB'), _('MB'), _('GB'), _('TB'), _('PB')],
    // Translators: a size, e.g. "1.2 MB"; the number first, then the unit.
    size: _('%1$s %2$s'),
    // Translators: a transfer speed, e.g. "1.2 MB/s".
    rate: _('%1$s/s'),
    statuses: {
      downloading: _('Downloading'),
      seeding: _('Seeding'),
      paused: _('Paused'),
      stopped: _('Stopped'),
      'tracker-error': _('Tracker Error'),
    },
    yes: _('Yes'),
    no: _('No'),
  };
  return sizeWords;
}

/** "0 bytes" … "1023 bytes", as they are asked for (zero rates fill a list). */
const smallSizes = new Map<number, string>();

/**
 * Bytes in human units ("1.2 MB"), counted in 1024s: the settings speak of KB/s = 1024 B/s, so
 * every figure in the window uses the same convention (GLib.format_size would count in 1000s).
 */
export function formatBytes(bytes: number): string {
  const n = Math.max(0, Math.round(bytes));
  if (n < KB) {
    let text = smallSizes.get(n);
    if (text === undefined) smallSizes.set(n, (text = format(ngettext('%1$d byte', '%1$d bytes', n), n)));
    return text;
  }
  const { units, size } = words();
  let value = n / KB;
  let unit = 0;
  while (value >= KB && unit < units.length - 1) {
    value /= KB;
    unit++;
  }
  return format(size, value.toFixed(1), units[unit]);
}

/** Bytes per second in human units ("1.2 MB/s"). */
export function formatRate(bytesPerSecond: number): string {
  return format(words().rate, formatBytes(bytesPerSecond));
}

/** A configured speed or limit in KB/s (the original's unit, 1024 B/s); 0 limits read "Unlimited". */
export function formatKbps(kbps: number, zeroMeansUnlimited = false): string {
  if (zeroMeansUnlimited && kbps <= 0) return _('Unlimited');
  return formatRate(kbps * KB);
}

/** A duration in seconds as "1 h 02 min", "5 min 03 s" or "12 s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return format(_('%1$d h %2$s min'), h, pad(m));
  if (m > 0) return format(_('%1$d min %2$s s'), m, pad(sec));
  return _('%d s').replace('%d', String(sec));
}

/** Time to the next announce; a dash when none is scheduled (negative: no usable tracker). */
export function formatNextUpdate(seconds: number): string {
  return seconds < 0 ? '—' : formatDuration(seconds);
}

/** A unix time in seconds as a local date and time; empty for 0 / unknown. */
export function formatDate(unixSeconds: number | null): string {
  if (!unixSeconds) return '';
  const dt = GLib.DateTime.new_from_unix_local(Math.floor(unixSeconds));
  return dt ? (dt.format('%x %X') ?? '') : '';
}

/** A unix time in seconds as a local time of day (for log lines and recent announces). */
export function formatTime(unixSeconds: number): string {
  const dt = GLib.DateTime.new_from_unix_local(Math.floor(unixSeconds));
  return dt ? (dt.format('%X') ?? '') : '';
}

/** How long ago a unix time was, in words ("just now", "4 min ago", "2 h ago"); a dash for null. */
export function formatAge(unixSeconds: number | null, now = Math.floor(GLib.get_real_time() / 1e6)): string {
  if (!unixSeconds) return '—';
  const s = Math.max(0, now - unixSeconds);
  if (s < 60) return _('just now');
  if (s < 3600) return format(ngettext('%1$d min ago', '%1$d min ago', Math.floor(s / 60)), Math.floor(s / 60));
  return format(ngettext('%1$d h ago', '%1$d h ago', Math.floor(s / 3600)), Math.floor(s / 3600));
}

/** Seeders/leechers are -1 until a tracker says; show a dash instead of a made-up number. */
export function formatCount(n: number): string {
  return n < 0 ? '—' : String(n);
}

export function formatPercent(fraction: number): string {
  return `${(Math.floor(fraction * 1000) / 10).toFixed(1)} %`;
}

export function formatPriority(priority: number): string {
  return [_('Low'), _('Normal'), _('High')][priority] ?? _('Normal');
}

export function formatStatus(status: TorrentStatus): string {
  return words().statuses[status] ?? status;
}

export function formatYesNo(value: boolean): string {
  return value ? words().yes : words().no;
}
