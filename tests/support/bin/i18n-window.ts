import Adw from 'gi://Adw';
import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';
import { bindtextdomain, textdomain } from 'gettext';
import { exit, programArgs } from 'system';

import { applyLanguagePreference } from '../../../src/controller/languagePreference.ts';
import { APP_ID } from '../../../src/lib/config.ts';
import { MainWindow } from '../../../src/view/MainWindow.ts';

/**
 * Builds the main window the way the app starts (Language preference, then gettext) and prints
 * what it shows as JSON: the i18n spec runs it with LANGUAGE or a `language` setting.
 *
 *   gjs -m i18n-window.js LOCALE_DIR
 */
const [localeDir] = programArgs;
const applied = applyLanguagePreference();
bindtextdomain(APP_ID, localeDir);
textdomain(APP_ID);
if (!Gtk.init_check()) {
  printerr('no display');
  exit(3);
}
Adw.init();

function labels(model: Gio.MenuModel): string[] {
  const out: string[] = [];
  for (let i = 0; i < model.get_n_items(); i++) {
    const label = model.get_item_attribute_value(i, 'label', null);
    if (label) out.push(label.unpack() as string);
    for (const link of ['section', 'submenu']) {
      const child = model.get_item_link(i, link);
      if (child) out.push(...labels(child));
    }
  }
  return out;
}

const window = new MainWindow({});
print(
  JSON.stringify({
    applied,
    language: GLib.getenv('LANGUAGE'),
    menu: labels(window._primary_menu_button.get_menu_model()!),
    emptyTitle: window._empty_page.get_title(),
  }),
);
window.destroy();
