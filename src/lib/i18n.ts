import { bindtextdomain, gettext, ngettext, pgettext, textdomain } from 'gettext';

import { APP_ID, localeDir } from './config.ts';

/** Binds the message catalogue; called once at start, before any string is translated. */
export function initI18n(): void {
  bindtextdomain(APP_ID, localeDir());
  textdomain(APP_ID);
}

export const _ = gettext;
export { ngettext, pgettext };

/**
 * Fills a translated string's placeholders. Positional ones (`%1$s`, `%2$d`) let a translator
 * reorder the words (xgettext marks them javascript-format, and `msgfmt --check` holds every
 * translation to the same arguments); plain `%s`/`%d` are filled in order; `%%` is a percent sign.
 *
 *   format(_('Could not delete %1$s: %2$s'), path, reason)
 */
export function format(template: string, ...args: (string | number)[]): string {
  let next = 0;
  return template.replace(/%(?:(\d+)\$)?([sd%])/g, (whole, position: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    const index = position ? Number(position) - 1 : next++;
    if (index < 0 || index >= args.length) return whole;
    const value = args[index];
    return kind === 'd' && typeof value === 'number' ? String(Math.trunc(value)) : String(value);
  });
}
