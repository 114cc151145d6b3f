import type { AppHealthSampler } from '../../model/health/AppHealthSampler.ts';
import type { ExportFormat } from '../../model/history/historyExport.ts';
import type { HistoryStore } from '../../model/history/HistoryStore.ts';

/** What a torrent contributes to the ratio over time. */
export interface RatioInput {
  infoHash: string;
  totalUploaded: number;
  size: number;
}

/**
 * What the Statistics window and the History tab read (the controller supplies it): the history
 * store and the health sampler, read only, and the export, which writes the file.
 */
export interface StatisticsSource {
  readonly history: HistoryStore;
  readonly health: AppHealthSampler;
  /** The torrents in the library now, for the ratio worked back from their totals. */
  ratioInputs(): RatioInput[];
  /** Writes the whole history to `path`; rejects with a plain sentence. */
  exportHistory(path: string, format: ExportFormat): Promise<void>;
}
