import Adw from 'gi://Adw';

import { SETTINGS } from '../model/settings/schema.ts';

export const COLOR_SCHEME = SETTINGS.ui_settings.color_scheme;

/** The Style preference: follow the system, or force light or dark (libadwaita does the rest). */
export function applyColorScheme(value: string): void {
  const schemes: Record<string, Adw.ColorScheme> = {
    light: Adw.ColorScheme.FORCE_LIGHT,
    dark: Adw.ColorScheme.FORCE_DARK,
  };
  Adw.StyleManager.get_default().set_color_scheme(schemes[value] ?? Adw.ColorScheme.DEFAULT);
}
