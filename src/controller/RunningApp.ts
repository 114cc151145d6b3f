import Gio from 'gi://Gio';

import { logger } from '../lib/log.ts';
import { AppController } from './AppController.ts';
import type { AppDBus } from './AppDBus.ts';
import { DesktopIntegration, type WindowHooks } from './DesktopIntegration.ts';
import { createRemoteAccess } from './remote/createRemoteAccess.ts';
import type { RemoteAccess } from './remote/RemoteAccess.ts';
import { remoteRequestedOnCommandLine } from './remote/remoteOptions.ts';
import { watchQuitSignals } from './shutdown/quitSignals.ts';

/**
 * What both applications (windowed and headless) run from `startup` to `shutdown`: the
 * controller (settings, model, torrent actions on the application), the `quit` action, SIGINT
 * and SIGTERM as quit requests, and the desktop integration (D-Bus services attached,
 * notifications, background, watch folder).
 */
export class RunningApp {
  readonly controller: AppController;
  readonly desktop: DesktopIntegration;
  /** The web page and JSON API: nothing listens unless the user turned it on. */
  readonly remote: RemoteAccess;
  readonly #unwatchQuitSignals: () => void;

  constructor(app: Gio.Application, dbus: AppDBus | null, window?: WindowHooks) {
    this.controller = new AppController(app, window);
    const quit = new Gio.SimpleAction({ name: 'quit' });
    quit.connect('activate', () => void this.controller.requestQuit('app.quit'));
    app.add_action(quit);
    // A windowed app gets SIGINT/SIGTERM too (Ctrl+C in a terminal, logout, `kill`).
    this.#unwatchQuitSignals = watchQuitSignals((name) => {
      logger.info(`received ${name}, shutting down`);
      void this.controller.requestQuit(name);
    });
    this.controller.start();
    this.desktop = new DesktopIntegration({ app, controller: this.controller, dbus, window });
    this.desktop.start();
    this.remote = createRemoteAccess(this.controller, remoteRequestedOnCommandLine());
  }

  /** GApplication shutdown: the last chance to save if the quit sequence did not run. */
  stop(): void {
    this.#unwatchQuitSignals();
    this.remote.stop();
    this.desktop.stop();
    this.controller.shutdownNow();
  }
}
