import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import '../lib/promisify.ts';
import { programInvocationName } from 'system';

import { APP_ID, APP_NAME } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import type { BackgroundPortal } from './BackgroundPortal.ts';

/**
 * "Start on login" (the `auto_start` setting). Outside a sandbox it writes or removes the XDG
 * autostart entry `$XDG_CONFIG_HOME/autostart/ie.fio.dfakeseeder.desktop`; inside Flatpak, where
 * that folder is not ours to write, it asks the Background portal instead.
 */
export class BackgroundAutostart {
  readonly #portal: BackgroundPortal | null;

  /** `portal` is given only when the app runs sandboxed. */
  constructor(portal: BackgroundPortal | null) {
    this.#portal = portal;
  }

  static entryPath(): string {
    return GLib.build_filenamev([GLib.get_user_config_dir(), 'autostart', `${APP_ID}.desktop`]);
  }

  /** Makes the system match the setting. Never throws; problems are logged in plain words. */
  async apply(enabled: boolean): Promise<void> {
    try {
      if (this.#portal) {
        const answer = await this.#portal.request({
          reason: _('Start seeding when you log in'),
          autostart: enabled,
          commandline: ['dfakeseeder', '--background'],
        });
        if (enabled && !answer.autostart) logger.warning('the desktop did not allow starting on login');
        return;
      }
      const file = Gio.File.new_for_path(BackgroundAutostart.entryPath());
      if (enabled) {
        GLib.mkdir_with_parents(GLib.path_get_dirname(file.get_path()!), 0o755);
        const bytes = new TextEncoder().encode(autostartEntry());
        await file.replace_contents_async(bytes, null, false, Gio.FileCreateFlags.REPLACE_DESTINATION, null);
      } else {
        try {
          await file.delete_async(GLib.PRIORITY_DEFAULT, null);
        } catch (e) {
          if (!(e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND))) throw e;
        }
      }
    } catch (e) {
      logger.warning(`could not change “Start on login”: ${errorMessage(e)}`);
    }
  }
}

/** The command that starts this same installation: the launcher, or `gjs -m …/main.js` from source. */
export function launchCommand(): string[] {
  const invoked = GLib.canonicalize_filename(programInvocationName, GLib.get_current_dir());
  if (invoked.endsWith('.js')) return [GLib.find_program_in_path('gjs') ?? 'gjs', '-m', invoked];
  return [GLib.file_test(invoked, GLib.FileTest.IS_EXECUTABLE) ? invoked : 'dfakeseeder'];
}

/** Quotes one Exec argument as the Desktop Entry specification asks. */
function execArg(arg: string): string {
  if (!/[\s"'\\$`<>~|&;*?#()]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

function autostartEntry(): string {
  const exec = [...launchCommand(), '--background'].map(execArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${APP_NAME}`,
    `Comment=${_('Keeps seeding in the background')}`,
    `Exec=${exec}`,
    `Icon=${APP_ID}`,
    'Terminal=false',
    'NoDisplay=true',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
