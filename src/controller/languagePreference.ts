import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { LocaleCategory, setlocale } from 'gettext';

import { configDir } from '../lib/config.ts';
import { readRegularFileSync, SETTINGS_FILE_LIMIT } from '../lib/readRegularFile.ts';

/** Codes the Language preference may hold that need a region for their catalogue. */
const CATALOGUE_FOR: Record<string, string> = { zh: 'zh_CN' };

/**
 * Applies the Language preference (`language` in settings.json: "auto" or a code such as "de")
 * by setting LANGUAGE before gettext is bound, so a restart shows the chosen language. Reads
 * settings.json synchronously and minimally: this runs once, before the main loop exists and
 * before the settings store is opened. A missing or unreadable file means "auto".
 *
 * gettext ignores LANGUAGE under the plain "C" locale (a bare terminal, a service, some
 * containers), so there the locale becomes C.UTF-8 first: the same conventions, in UTF-8,
 * and a chosen language is then honoured as in a desktop session.
 */
export function applyLanguagePreference(): string | null {
  const code = readLanguageSetting();
  if (!code || code === 'auto') return null;
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(code)) return null;
  const catalogue = CATALOGUE_FOR[code] ?? code;
  // Keep the base language as a fallback after the regional catalogue (zh_CN:zh).
  const value = catalogue === code ? code : `${catalogue}:${code}`;
  GLib.setenv('LANGUAGE', value, true);
  const current = setlocale(LocaleCategory.ALL, null);
  if (current === 'C' || current === 'POSIX') {
    // In the environment too: GTK sets the locale from it again when it starts.
    GLib.setenv('LC_ALL', 'C.UTF-8', true);
    setlocale(LocaleCategory.ALL, 'C.UTF-8');
  }
  return value;
}

function readLanguageSetting(): string | null {
  try {
    const path = GLib.build_filenamev([configDir(), 'settings.json']);
    // Never a pipe or a device: opening one would hang the start before there is a window.
    const bytes = readRegularFileSync(Gio.File.new_for_path(path), SETTINGS_FILE_LIMIT);
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (parsed && typeof parsed === 'object' && 'language' in parsed) {
      const language = (parsed as { language: unknown }).language;
      return typeof language === 'string' ? language : null;
    }
  } catch {
    // No settings yet, or a corrupt file (the settings store reports that one): use the locale.
  }
  return null;
}
