import { bindtextdomain, gettext, ngettext, pgettext, textdomain } from 'gettext';

import { APP_ID, localeDir } from './config.ts';

/** Binds the message catalogue; called once at start, before any string is translated. */
export function initI18n(): void {
  bindtextdomain(APP_ID, localeDir());
  textdomain(APP_ID);
}

export const _ = gettext;
export { ngettext, pgettext };
