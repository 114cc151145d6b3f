import GLib from 'gi://GLib';

import { configDir } from '../lib/config.ts';

/** Codes the Language preference may hold that need a region for their catalogue. */
const CATALOGUE_FOR: Record<string, string> = { zh: 'zh_CN' };

/**
 * Applies the Language preference (`language` in settings.json: "auto" or a code such as "de")
 * by setting LANGUAGE before gettext is bound, so a restart shows the chosen language. Reads
 * settings.json synchronously and minimally: this runs once, before the main loop exists and
 * before the settings store is opened. A missing or unreadable file means "auto".
 *
 * gettext ignores LANGUAGE under the plain "C" locale; every desktop session has a real one.
 */
export function applyLanguagePreference(): string | null {
  const code = readLanguageSetting();
  if (!code || code === 'auto') return null;
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(code)) return null;
  const catalogue = CATALOGUE_FOR[code] ?? code;
  // Keep the base language as a fallback after the regional catalogue (zh_CN:zh).
  const value = catalogue === code ? code : `${catalogue}:${code}`;
  GLib.setenv('LANGUAGE', value, true);
  return value;
}

function readLanguageSetting(): string | null {
  try {
    const path = GLib.build_filenamev([configDir(), 'settings.json']);
    const [ok, bytes] = GLib.file_get_contents(path);
    if (!ok) return null;
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
