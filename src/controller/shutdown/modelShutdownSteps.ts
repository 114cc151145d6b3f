import type { ShutdownParticipant, ShutdownSteps } from '../ShutdownCoordinator.ts';
import { SETTINGS, type SettingsStore } from '../../model/settings/index.ts';
import { settleWithin } from '../../model/torrent/TickScheduler.ts';
import { logger } from '../../lib/log.ts';

/** What the quit sequence uses of the Model (src/model/Model.ts). */
export interface ShutdownModel {
  /** Stops the model's timers (global tick, periodic save) and the starting of new workers. */
  stopTimers(): void;
  workers(): ShutdownParticipant[];
  /** Copies every torrent's state into the settings store (memory only). */
  syncState(): void;
}

/** What the quit sequence uses of SettingsStore: the write chain, the last synchronous write, its error. */
export type ShutdownSettings = Pick<
  SettingsStore,
  'get' | 'writesSettled' | 'prepareSave' | 'saveSync' | 'lastSaveError'
>;

/**
 * The quit sequence's steps for a running model: its workers are the participants, the
 * budget is the `shutdown.budget_ms` setting, and the save writes the settings and every
 * torrent's state in one atomic SettingsStore write.
 */
export function modelShutdownSteps(options: {
  model: ShutdownModel;
  settings: ShutdownSettings;
  /** The statistics history: its open buckets are written with the last save. */
  history?: { flushSync(): void } | null;
  hideWindows: () => void;
  quit: () => void;
}): ShutdownSteps {
  return {
    hideWindows: options.hideWindows,
    stopNewWork: () => options.model.stopTimers(),
    participants: () => options.model.workers(),
    budgetMs: () => options.settings.get(SETTINGS.shutdown.budget_ms),
    prepareSave: () => {
      options.model.syncState();
      options.settings.prepareSave();
    },
    save: async () => {
      const { model, settings } = options;
      // A write started before the quit (the periodic save, a settings change) finishes first:
      // its rename runs on a GIO worker thread and must not land after the final file.
      // At most 5 s: GJS 1.74 can drop a write's completion (garbageCollection.ts), and the quit
      // must not wait for it for good; a write that lost its completion has finished its rename.
      await settleWithin(settings.writesSettled, 5000, () =>
        logger.warning('shutdown: an earlier settings write did not report back; saving anyway'),
      );
      // The last write of the process, synchronous and atomic (temp file, then rename): quit()
      // follows in this same main-loop dispatch, so nothing queued behind it (the completions
      // of farewells the budget cancelled, a debounced save) can run and write after it, and
      // the write itself waits for no main-loop round trip. The state is synced again (a torrent
      // changed over D-Bus since prepareSave would move the store's version, and the prepared
      // JSON would not be used); when nothing moved, the JSON made by prepareSave is written.
      model.syncState();
      options.history?.flushSync();
      if (!settings.saveSync()) throw new Error(settings.lastSaveError ?? 'the settings file could not be written');
    },
    quit: options.quit,
  };
}
