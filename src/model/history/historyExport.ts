import Gio from 'gi://Gio';

import { writeBytes } from '../../lib/files.ts';
import { finishGarbageCollection } from '../../lib/garbageCollection.ts';
import type { HistorySeries } from './HistorySeries.ts';
import { ALL_KEY, type HistoryStore } from './HistoryStore.ts';

export type ExportFormat = 'csv' | 'json';

export const CSV_HEADER =
  'series,kind,name,resolution,start_unix,start_local,uploaded_bytes,downloaded_bytes,announces_ok,announces_failed';

interface ExportRow {
  series: string;
  kind: 'all' | 'tracker' | 'torrent';
  name: string;
  resolution: string;
  start: number;
  startLocal: string;
  uploaded: number;
  downloaded: number;
  announcesOk: number;
  announcesFailed: number;
}

function describe(store: HistoryStore, s: HistorySeries): Pick<ExportRow, 'series' | 'kind' | 'name'> {
  if (s.key === ALL_KEY) return { series: s.key, kind: 'all', name: 'all torrents' };
  if (s.key.startsWith('h:')) return { series: s.key.slice(2), kind: 'tracker', name: s.key.slice(2) };
  const hash = s.key.slice(2);
  return { series: hash, kind: 'torrent', name: store.torrents.get(hash)?.name ?? '' };
}

/** Every bucket of every series, oldest first per series ("open" = the bucket still filling). */
export function exportRows(store: HistoryStore): ExportRow[] {
  const rows: ExportRow[] = [];
  const keys = [...store.series.keys()].sort((a, b) => (a === ALL_KEY ? -1 : b === ALL_KEY ? 1 : a.localeCompare(b)));
  for (const key of keys) {
    const s = store.series.get(key)!;
    const who = describe(store, s);
    s.forEach((b, unit) => {
      rows.push({
        ...who,
        resolution: unit === 'open' ? `${s.unit} (current)` : unit,
        start: b[0],
        startLocal: store.calendar.label(b[0]),
        uploaded: b[1],
        downloaded: b[2],
        announcesOk: b[3],
        announcesFailed: b[4],
      });
    });
  }
  return rows;
}

/**
 * One CSV field. Names come from .torrent files (hostile): quoted when needed, and a leading
 * = + - @ is defused so a spreadsheet does not run it as a formula.
 */
function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyCsv(store: HistoryStore): string {
  const lines = [CSV_HEADER];
  for (const r of exportRows(store))
    lines.push(
      [
        r.series,
        r.kind,
        r.name,
        r.resolution,
        r.start,
        r.startLocal,
        r.uploaded,
        r.downloaded,
        r.announcesOk,
        r.announcesFailed,
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

export function historyJson(store: HistoryStore): string {
  const series = new Map<string, { series: string; kind: string; name: string; buckets: unknown[] }>();
  for (const r of exportRows(store)) {
    const id = `${r.kind}:${r.series}`;
    if (!series.has(id)) series.set(id, { series: r.series, kind: r.kind, name: r.name, buckets: [] });
    series.get(id)!.buckets.push({
      resolution: r.resolution,
      start: r.start,
      start_local: r.startLocal,
      uploaded_bytes: r.uploaded,
      downloaded_bytes: r.downloaded,
      announces_ok: r.announcesOk,
      announces_failed: r.announcesFailed,
    });
  }
  return `${JSON.stringify(
    {
      format: 'dfakeseeder-history',
      version: 1,
      generated: Math.floor(store.now()),
      time_zone: store.calendar.zone.get_identifier(),
      series: [...series.values()],
    },
    null,
    1,
  )}\n`;
}

/** Writes the export (atomically: GIO writes a temp file and renames it). */
export async function exportHistory(store: HistoryStore, path: string, format: ExportFormat): Promise<void> {
  const text = format === 'csv' ? historyCsv(store) : historyJson(store);
  const bytes = new TextEncoder().encode(text);
  finishGarbageCollection();
  await writeBytes(Gio.File.new_for_path(path), bytes, Gio.FileCreateFlags.REPLACE_DESTINATION);
}
