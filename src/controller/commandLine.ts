import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_NAME, VERSION } from '../lib/config.ts';
import { _ } from '../lib/i18n.ts';

/** Options shared by the windowed and the headless application, so --help is the same for both. */
export function addCommandLineOptions(app: Gio.Application): void {
  app.add_main_option(
    'version',
    'v'.charCodeAt(0),
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Show the version and exit'),
    null,
  );
  app.add_main_option(
    'headless',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Seed without a window: load the torrents folder and announce until SIGINT or SIGTERM'),
    null,
  );
  app.set_option_context_parameter_string(_('[FILE.torrent…]'));
  app.set_option_context_summary(
    _('Announces .torrent files to their trackers as a seeding client, with simulated upload and download figures.'),
  );
}

/** Handles options that need no instance (`--version`). Returns an exit code, or -1 to go on. */
export function handleLocalOptions(options: GLib.VariantDict): number {
  if (options.contains('version')) {
    print(`${APP_NAME} ${VERSION}`);
    return 0;
  }
  return -1;
}

/** True when argv asks for headless mode; decided before any GTK code runs. */
export function wantsHeadless(argv: string[]): boolean {
  return argv.slice(1).some((a) => a === '--headless');
}
