import type { Torrent, TorrentValues } from './Torrent.ts';

type Figure = Parameters<Torrent['figureChanged']>[0];

/**
 * Writes one per-tick figure into the torrent's plain values (Torrent.values), and notifies it
 * only if it moved and `observed` is given (someone observes the figures: Torrent.observeFigures).
 */
export function writeFigure(observed: Torrent | null, v: TorrentValues, key: Figure, value: number): void {
  if (v[key] === value) return;
  v[key] = value;
  observed?.figureChanged(key);
}
