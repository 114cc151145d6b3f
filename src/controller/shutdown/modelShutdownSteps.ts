import { DEFAULT_BUDGET_MS, type ShutdownParticipant, type ShutdownSteps } from '../ShutdownCoordinator.ts';

/** What the quit sequence uses of the Model (src/model/Model.ts). */
export interface ShutdownModel {
  /** Stops the model's timers (global tick, periodic save) and the starting of new workers. */
  stopTimers(): void;
  workers(): ShutdownParticipant[];
  /** Copies every torrent's state into the settings store and writes it. */
  saveState(): Promise<void>;
}

/** What the quit sequence uses of SettingsStore (src/model/settings/). */
export interface ShutdownSettings {
  get<T>(path: string): T;
  saveNow(): Promise<void>;
  /** True while a debounced or queued save waits. */
  readonly savePending: boolean;
  /** The last failed save's plain-words message, or null once a save succeeded. */
  readonly lastSaveError: string | null;
}

/**
 * The quit sequence's steps for a running model: its workers are the participants, the
 * budget is the `shutdown.budget_ms` setting, and the save writes the settings and every
 * torrent's state in one atomic SettingsStore write.
 */
export function modelShutdownSteps(options: {
  model: () => ShutdownModel | null;
  settings: () => ShutdownSettings | null;
  hideWindows: () => void;
  quit: () => void;
}): ShutdownSteps {
  return {
    hideWindows: options.hideWindows,
    stopNewWork: () => options.model()?.stopTimers(),
    participants: () => options.model()?.workers() ?? [],
    budgetMs: () => options.settings()?.get<number>('shutdown.budget_ms') ?? DEFAULT_BUDGET_MS,
    save: async () => {
      const model = options.model();
      const settings = options.settings();
      if (model) await model.saveState();
      else await settings?.saveNow();
      // A save someone else queued meanwhile (a settings change from D-Bus, the watch folder)
      // runs now, so no write is left running when the process quits.
      for (let i = 0; settings?.savePending && i < 3; i++) await settings.saveNow();
      if (settings?.lastSaveError) throw new Error(settings.lastSaveError);
    },
    quit: options.quit,
  };
}
