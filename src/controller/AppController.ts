import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { logger } from '../lib/log.ts';

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
  #quitting: Promise<void> | null = null;

  constructor(app: HostApplication) {
    this.#app = app;
  }

  startup(): void {
    logger.debug('controller started');
  }

  addTorrentFiles(files: Gio.File[]): void {
    for (const f of files) logger.info(`asked to add ${f.get_path() ?? f.get_uri()}`);
  }

  /** Every exit path calls this; a second request joins the sequence already running. */
  requestQuit(): Promise<void> {
    if (!this.#quitting) this.#quitting = this.#runQuitSequence();
    return this.#quitting;
  }

  /** Last-chance hook from GApplication shutdown (e.g. the session ending). */
  shutdownNow(): void {
    logger.debug('application shutdown');
  }

  async #runQuitSequence(): Promise<void> {
    this.#app.hideWindows?.();
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      this.#app.quit();
      return GLib.SOURCE_REMOVE;
    });
  }
}
