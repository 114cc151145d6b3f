import type Gio from 'gi://Gio';

import { _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import type { BackgroundPortal } from './BackgroundPortal.ts';
import type { Notifier } from './Notifier.ts';
import { type Settings, SETTINGS } from '../model/settings/index.ts';

/** The setting that makes closing the window keep the app seeding. */

export interface BackgroundSeedingOptions {
  app: Gio.Application;
  settings: Pick<Settings, 'get'> | null;
  notifier: Notifier;
  /** Given only when sandboxed: there the desktop must allow running without a window. */
  portal: BackgroundPortal | null;
  hideWindows: () => void;
  torrentCount: () => number;
  autostart: () => boolean;
}

/**
 * Run in background: a GTK 4 app has no tray, so when the window closes with the setting on the
 * app holds itself, keeps seeding, and says so in a notification whose Quit button ends it.
 * Opening the app again (launcher, notification, a second start) shows the window and lets go.
 */
export class BackgroundSeeding {
  readonly #o: BackgroundSeedingOptions;
  #holding = false;

  constructor(options: BackgroundSeedingOptions) {
    this.#o = options;
  }

  get holding(): boolean {
    return this.#holding;
  }

  enabled(): boolean {
    try {
      return this.#o.settings?.get(SETTINGS.run_in_background) ?? false;
    } catch {
      return false;
    }
  }

  /** The window's close request: true when the app goes on without a window (no quit). */
  keepRunningOnClose(): boolean {
    if (!this.enabled()) return false;
    this.#o.hideWindows();
    this.#goBackground();
    this.#o.notifier.stillRunning(this.#o.torrentCount());
    return true;
  }

  /** `--background` (Start on login): seed without ever showing the window. */
  startHidden(): void {
    this.#goBackground();
  }

  /** The window is shown again: the app no longer needs its own hold. */
  windowShown(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.#o.app.release();
    this.#o.notifier.withdrawStillRunning();
  }

  #goBackground(): void {
    if (!this.#holding) {
      this.#holding = true;
      this.#o.app.hold();
    }
    logger.info('window closed; seeding in the background');
    if (this.#o.portal) {
      void this.#o.portal
        .request({
          reason: _('Keep seeding after the window is closed'),
          autostart: this.#o.autostart(),
          commandline: ['dfakeseeder', '--background'],
        })
        .then((answer) => {
          if (!answer.background) logger.warning('the desktop did not allow running in the background');
        });
    }
  }
}
