// Entry point. Kept synchronous on purpose: GJS 1.74 stops resolving promises inside
// Application.run() if the module awaits anything at top level first.
// The resource bundle first: widget classes read their templates from it when they are defined.
import './lib/resources.ts';
import GLib from 'gi://GLib';
import { exit, programArgs, programInvocationName } from 'system';

import './lib/promisify.ts';
import { initI18n } from './lib/i18n.ts';
import { APP_NAME } from './lib/config.ts';
import { exitAtOnce } from './lib/exitAtOnce.ts';
import { saveExitStatus } from './lib/exitStatus.ts';
import { createApplication } from './controller/createApplication.ts';
import { applyLanguagePreference } from './controller/languagePreference.ts';
import { EXIT_BAD_FILES, addToRunningInstance, checkFileArguments } from './controller/commandLine.ts';
import { actionList, actionRequest, runActionInRunningInstance } from './controller/commandLineAction.ts';

applyLanguagePreference();
initI18n();
GLib.set_application_name(APP_NAME);
GLib.set_prgname('dfakeseeder');

// `--action NAME [--parameter JSON]` asks the running instance for one torrent action, and exits.
const action = actionRequest([programInvocationName, ...programArgs]);
if (action?.name === 'help') {
  print(actionList());
  exit(0);
}
if (action) exit(runActionInRunningInstance(action));

// Each FILE argument is checked here, where the terminal is, and reported on its own line.
const checked = checkFileArguments([programInvocationName, ...programArgs]);
if (checked.refused > 0 && checked.accepted === 0) exit(EXIT_BAD_FILES);
const forwarded = addToRunningInstance(checked);
if (forwarded !== null) exit(forwarded);
const status = createApplication(checked.argv).run(checked.argv);
if (GLib.getenv('DFS_BENCH') === '1') printerr(`DFS_BENCH run returned at ${GLib.get_monotonic_time()}`);
// A failed last save (read-only folder, full disk) is a failure too: what was not saved is lost.
// Everything is written and closed by now: the process ends without GJS's context teardown.
exitAtOnce(status !== 0 ? status : saveExitStatus() || (checked.refused > 0 ? EXIT_BAD_FILES : 0));
