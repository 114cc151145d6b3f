import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { MainWindow } from '../../src/view/MainWindow.ts';
import { initGtk, pumpEvents, saveScreenshot } from '../support/gtk.ts';

describe('main window', () => {
  let window: MainWindow;

  beforeAll(() => {
    if (!initGtk()) pending('no display');
  });

  beforeEach(() => {
    window = new MainWindow({});
    window.present();
  });

  afterEach(() => window?.destroy());

  it('is a libadwaita window titled "D\' Fake Seeder" with a primary menu', async () => {
    await pumpEvents(200);
    expect(window instanceof Adw.ApplicationWindow).toBeTrue();
    expect(window.get_title()).toBe("D' Fake Seeder");
    const menuButtons: Gtk.MenuButton[] = [];
    const walk = (w: Gtk.Widget | null): void => {
      for (let c = w?.get_first_child() ?? null; c; c = c.get_next_sibling()) {
        if (c instanceof Gtk.MenuButton) menuButtons.push(c);
        walk(c);
      }
    };
    walk(window);
    expect(menuButtons.length).toBeGreaterThan(0);
    const labels: string[] = [];
    const model = menuButtons[0].get_menu_model()!;
    for (let s = 0; s < model.get_n_items(); s++) {
      const section = model.get_item_link(s, 'section')!;
      for (let i = 0; i < section.get_n_items(); i++) {
        labels.push(section.get_item_attribute_value(i, 'label', null)!.unpack() as string);
      }
    }
    expect(labels).toEqual(['_Preferences', '_Keyboard Shortcuts', "_About D' Fake Seeder", '_Quit']);
  });

  it('shows the empty state inviting the user to add torrents, and saves a screenshot', async () => {
    await pumpEvents(300);
    expect(window._main_stack.get_visible_child_name()).toBe('empty');
    expect(window._empty_page.get_title()).toBe('No Torrents');
    const path = await saveScreenshot(window, 'main-window-empty');
    expect(GLib.file_test(path, GLib.FileTest.EXISTS)).toBeTrue();
  });
});
