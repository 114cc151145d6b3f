import type { Torrent, TorrentValues } from '../model/torrent/Torrent.ts';
import { _ } from '../lib/i18n.ts';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatNextUpdate,
  formatKbps,
  formatPercent,
  formatPriority,
  formatRate,
  formatStatus,
  formatTime,
  formatYesNo,
} from './format.ts';

/**
 * The torrent list's columns: every column of the original DFakeSeeder plus the
 * port's live figures. `id` is the name stored in the `columns` setting (the original's
 * property names), `property` the `Torrent` GObject property the cell watches.
 */
export interface TorrentColumn {
  id: string;
  title: string;
  property: string;
  kind: 'text' | 'progress';
  /** Text shown in the cell (progress cells show it inside the bar). */
  format(t: Torrent): string;
  /**
   * How the list sorts the column: on the raw property, in C (Gtk.NumericSorter or
   * Gtk.StringSorter on a property expression), so sorting 10 000 rows calls no JS.
   */
  sortAs: 'number' | 'string';
  /** Right-aligned numbers, left-aligned words. */
  numeric: boolean;
  /** Takes the free width (the name). */
  expand?: boolean;
  /** Initial width in pixels, -1 for natural. */
  width?: number;
}

type Getter<T> = (t: Torrent) => T;

function text(id: string, title: string, property: string, get: Getter<string>, width = -1): TorrentColumn {
  return {
    id,
    title,
    property,
    kind: 'text',
    format: get,
    sortAs: 'string',
    numeric: false,
    width,
  };
}

function num(
  id: string,
  title: string,
  property: string,
  get: Getter<number>,
  show: (n: number) => string,
): TorrentColumn {
  return {
    id,
    title,
    property,
    kind: 'text',
    format: (t) => show(get(t)),
    sortAs: 'number',
    numeric: true,
    width: 100,
  };
}

function flag(id: string, title: string, property: string, get: Getter<boolean>): TorrentColumn {
  return {
    id,
    title,
    property,
    kind: 'text',
    format: (t) => formatYesNo(get(t)),
    sortAs: 'number',
    numeric: false,
  };
}

export const TORRENT_COLUMNS: readonly TorrentColumn[] = [
  { ...num('id', _('#'), 'id', (t) => t.id, String), width: 44 },
  { ...text('name', _('Name'), 'name', (t) => t.name), expand: true },
  {
    id: 'progress',
    title: _('Progress'),
    property: 'progress',
    kind: 'progress',
    format: (t) => formatPercent(t.progress),
    sortAs: 'number',
    numeric: true,
    width: 110,
  },
  // Wide enough for the longest status, "Tracker Error" (and its translations, mostly).
  text('status', _('Status'), 'status', (t) => formatStatus(t.status), 120),
  num('total_size', _('Size'), 'total-size', (t) => t.total_size, formatBytes),
  { ...num('upload_rate', _('Upload Speed'), 'upload-rate', (t) => t.upload_rate, formatRate), width: 115 },
  { ...num('download_rate', _('Download Speed'), 'download-rate', (t) => t.download_rate, formatRate), width: 125 },
  {
    ...num(
      'upload_speed',
      _('Target Upload'),
      'upload-speed',
      (t) => t.upload_speed,
      (n) => formatKbps(n),
    ),
    width: 115,
  },
  {
    ...num(
      'download_speed',
      _('Target Download'),
      'download-speed',
      (t) => t.download_speed,
      (n) => formatKbps(n),
    ),
    width: 125,
  },
  { ...num('seeders', _('Seeders'), 'seeders', (t) => t.seeders, formatCount), width: 75 },
  { ...num('leechers', _('Leechers'), 'leechers', (t) => t.leechers, formatCount), width: 75 },
  // The time of day, not "n min ago": a cell only redraws when its property changes.
  {
    ...num(
      'counts_time',
      _('Counts As Of'),
      'counts-time',
      (t) => t.counts_time,
      (n) => (n ? formatTime(n) : '—'),
    ),
    width: 95,
  },
  num(
    'ratio',
    _('Ratio'),
    'ratio',
    (t) => t.ratio,
    (n) => n.toFixed(2),
  ),
  num('session_uploaded', _('Session Uploaded'), 'session-uploaded', (t) => t.session_uploaded, formatBytes),
  num('session_downloaded', _('Session Downloaded'), 'session-downloaded', (t) => t.session_downloaded, formatBytes),
  num('total_uploaded', _('Total Uploaded'), 'total-uploaded', (t) => t.total_uploaded, formatBytes),
  num('total_downloaded', _('Total Downloaded'), 'total-downloaded', (t) => t.total_downloaded, formatBytes),
  num('announce_interval', _('Announce Interval'), 'announce-interval', (t) => t.announce_interval, formatDuration),
  num('next_update', _('Next Update'), 'next-update', (t) => t.next_update, formatNextUpdate),
  text('tracker', _('Tracker'), 'tracker-host', (t) => t.tracker_host),
  text('filepath', _('File Path'), 'filepath', (t) => t.filepath, 200),
  num(
    'threshold',
    _('Threshold'),
    'threshold',
    (t) => t.threshold,
    (n) => `${n} %`,
  ),
  num('small_torrent_limit', _('Small Torrent Limit'), 'small-torrent-limit', (t) => t.small_torrent_limit, String),
  flag('uploading', _('Uploading'), 'uploading', (t) => t.uploading),
  flag('active', _('Active'), 'active', (t) => t.active),
  text('label', _('Label'), 'label', (t) => t.label),
  num('priority', _('Priority'), 'priority', (t) => t.priority, formatPriority),
  num(
    'upload_limit',
    _('Upload Limit'),
    'upload-limit',
    (t) => t.upload_limit,
    (n) => formatKbps(n, true),
  ),
  num(
    'download_limit',
    _('Download Limit'),
    'download-limit',
    (t) => t.download_limit,
    (n) => formatKbps(n, true),
  ),
  flag('super_seeding', _('Super Seeding'), 'super-seeding', (t) => t.super_seeding),
  flag('sequential_download', _('Sequential Download'), 'sequential-download', (t) => t.sequential_download),
  flag('force_start', _('Force Start'), 'force-start', (t) => t.force_start),
  num('creation_date', _('Created'), 'creation-date', (t) => t.creation_date, formatDate),
  text('comment', _('Comment'), 'comment', (t) => t.comment, 160),
  text('created_by', _('Created By'), 'created-by', (t) => t.created_by),
  num('piece_length', _('Piece Length'), 'piece-length', (t) => t.piece_length, formatBytes),
  num('piece_count', _('Pieces'), 'piece-count', (t) => t.piece_count, String),
];

/**
 * The columns when the setting is missing or names nothing we know: live speeds and the status,
 * not the configured targets (those are in the Options tab and the optional Target columns).
 */
export const DEFAULT_COLUMNS = 'id,name,progress,status,upload_rate,download_rate,seeders,leechers,total_size';

/** The original's default, which showed the targets as if they were speeds: read as the new one. */
const ORIGINAL_DEFAULT = 'id,name,progress,upload_speed,download_speed,seeders,leechers,total_size';

/** Parses the `columns` setting, keeping known ids in their stored order. */
export function parseColumns(value: unknown): string[] {
  const known = new Set(TORRENT_COLUMNS.map((c) => c.id));
  const ids = (typeof value === 'string' && value !== ORIGINAL_DEFAULT ? value : '')
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => known.has(s) && all.indexOf(s) === i);
  return ids.length ? ids : DEFAULT_COLUMNS.split(',');
}

/**
 * The value the list sorts a column by: the raw property (not the shown text), numbers and
 * yes/no as numbers, words without case; compared with < and > in one JS sort.
 */
export function sortKey(column: TorrentColumn): (t: Torrent) => number | string {
  // The properties' plain storage (Torrent.values): no GObject accessor per torrent.
  const name = column.property.replace(/-/g, '_') as keyof TorrentValues;
  return column.sortAs === 'number' ? (t) => Number(t.values[name]) : (t) => String(t.values[name]).toLowerCase();
}
