// Entry point. Kept synchronous on purpose: GJS 1.74 stops resolving promises inside
// Application.run() if the module awaits anything at top level first.
import GLib from 'gi://GLib';
import { exit, programArgs, programInvocationName } from 'system';

import './lib/promisify.ts';
import { initI18n } from './lib/i18n.ts';
import { APP_NAME } from './lib/config.ts';
import { createApplication } from './controller/createApplication.ts';

initI18n();
GLib.set_application_name(APP_NAME);
GLib.set_prgname('dfakeseeder');

const argv = [programInvocationName, ...programArgs];
exit(createApplication(argv).run(argv));
