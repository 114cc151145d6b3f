import type Gio from 'gi://Gio';

import { errorMessage } from '../lib/errors.ts';
import { logger } from '../lib/log.ts';
import { DBusSettingsService } from './DBusSettingsService.ts';
import { DBusStatisticsService } from './DBusStatisticsService.ts';
import { DBusTorrentsService } from './DBusTorrentsService.ts';

/**
 * The app's own D-Bus interfaces on its object path, next to GApplication's org.gtk.Actions:
 * `ie.fio.dfakeseeder.Settings`, `.Torrents` and `.Statistics`. Both applications call register() from their
 * dbus_register hook: GApplication calls it before it asks for the bus name, so by the time
 * anyone sees the name the interfaces are there. They serve calls once DesktopIntegration
 * attached them at the end of start-up.
 */
export class AppDBus {
  readonly settings = new DBusSettingsService();
  readonly torrents = new DBusTorrentsService();
  readonly statistics = new DBusStatisticsService();

  register(connection: Gio.DBusConnection, objectPath: string): void {
    // A failed export costs that interface, never the application's registration.
    for (const [what, service] of [
      ['torrents', this.torrents],
      ['settings', this.settings],
      ['statistics', this.statistics],
    ] as const) {
      try {
        service.export(connection, objectPath);
      } catch (e) {
        logger.warning(`could not export the D-Bus ${what} interface: ${errorMessage(e)}`);
      }
    }
  }

  /** GApplication's dbus_unregister, or the end of the application. */
  unregister(): void {
    this.settings.unexport();
    this.torrents.unexport();
    this.statistics.unexport();
  }
}
