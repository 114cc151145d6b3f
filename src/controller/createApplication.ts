import Gio from 'gi://Gio';

import { wantsHeadless } from './commandLine.ts';
import { HeadlessApplication } from './HeadlessApplication.ts';
import { GuiApplication } from './GuiApplication.ts';

/**
 * Picks the windowed or the headless application. Headless must never initialise GTK
 * (it runs on servers without a display), so the choice is made before GApplication starts.
 */
export function createApplication(argv: string[]): Gio.Application {
  return wantsHeadless(argv) ? new HeadlessApplication() : new GuiApplication();
}
