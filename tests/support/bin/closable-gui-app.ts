import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';
import { exit, programArgs, programInvocationName } from 'system';

import '../../../src/lib/promisify.ts';
import { initI18n } from '../../../src/lib/i18n.ts';
import { GuiApplication } from '../../../src/controller/GuiApplication.ts';

/**
 * The real windowed app, plus one thing a spec cannot do from outside without a window manager:
 * SIGUSR1 closes its window, exactly as the window's close button does (`Gtk.Window.close`).
 *
 *   gjs -m closable-gui-app.js [APP ARGS…]
 */
const SIGUSR1 = 10;
initI18n();
GLib.set_prgname('dfakeseeder');
const app = new GuiApplication();
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, SIGUSR1, () => {
  for (const w of app.get_windows()) (w as Gtk.Window).close();
  print('CLOSED WINDOW');
  return GLib.SOURCE_CONTINUE;
});
exit(app.run([programInvocationName, ...programArgs]));
