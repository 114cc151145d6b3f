import Gio from 'gi://Gio';

import { logger } from '../lib/log.ts';
import { DEFAULT_BUDGET_MS, ShutdownCoordinator, type ShutdownReport } from './ShutdownCoordinator.ts';

/** What the controller needs from whichever application hosts it. */
interface HostApplication extends Gio.Application {
  hideWindows?(): void;
}

/**
 * Turns user intents (actions from the view, the command line, D-Bus) into model operations,
 * and owns the one quit sequence every exit path goes through.
 */
export class AppController {
  readonly #app: HostApplication;
  readonly #shutdown: ShutdownCoordinator;

  constructor(app: HostApplication) {
    this.#app = app;
    this.#shutdown = new ShutdownCoordinator({
      hideWindows: () => this.#app.hideWindows?.(),
      stopNewWork: () => undefined,
      participants: () => [],
      budgetMs: () => DEFAULT_BUDGET_MS,
      save: () => Promise.resolve(),
      quit: () => this.#app.quit(),
    });
  }

  startup(): void {
    logger.debug('controller started');
  }

  addTorrentFiles(files: Gio.File[]): void {
    for (const f of files) logger.info(`asked to add ${f.get_path() ?? f.get_uri()}`);
  }

  /**
   * Every exit path calls this (window close, Ctrl+Q, app.quit also over D-Bus, SIGINT/SIGTERM);
   * a second request joins the sequence already running. See ShutdownCoordinator.
   */
  requestQuit(reason = 'quit requested'): Promise<ShutdownReport> {
    return this.#shutdown.run(reason);
  }

  /** Last-chance hook from GApplication shutdown (e.g. the session ending). */
  shutdownNow(): void {
    logger.debug('application shutdown');
  }
}
