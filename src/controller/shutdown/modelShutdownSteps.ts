import { DEFAULT_BUDGET_MS, type ShutdownParticipant, type ShutdownSteps } from '../ShutdownCoordinator.ts';

/** What the quit sequence uses of the Model (src/model/Model.ts). */
export interface ShutdownModel {
  /** Stops the model's timers (global tick, periodic save) and the starting of new workers. */
  stopTimers(): void;
  workers(): ShutdownParticipant[];
  /** Copies every torrent's state into the settings store and writes it. */
  saveState(): Promise<void>;
  /** Copies every torrent's state into the settings store (memory only). */
  syncState(): void;
}

/** What the quit sequence uses of SettingsStore (src/model/settings/). */
export interface ShutdownSettings {
  get<T>(path: string): T;
  saveNow(): Promise<void>;
  /** The same atomic write, synchronously; false (and lastSaveError) if it failed. */
  saveSync(): boolean;
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
    save: async (budgetFired) => {
      const model = options.model();
      const settings = options.settings();
      if (budgetFired && settings) {
        // The budget cancelled every pending farewell, which queued as many completions on the
        // main loop; an async write would be served after all of them. This is the last thing
        // the process does (the windows are gone, quit() follows in this same dispatch, so the
        // queued completions are never run): write synchronously, atomically, now.
        model?.syncState();
        if (!settings.saveSync()) throw new Error(settings.lastSaveError ?? 'the settings file could not be written');
        return;
      }
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
