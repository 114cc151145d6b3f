import Adw from 'gi://Adw';
import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import type { SettingsAccess } from './TorrentSource.ts';

export type Choice = [value: string | number, label: string];

export const DAYS: [key: string, label: () => string][] = [
  ['monday', () => _('Mon')],
  ['tuesday', () => _('Tue')],
  ['wednesday', () => _('Wed')],
  ['thursday', () => _('Thu')],
  ['friday', () => _('Fri')],
  ['saturday', () => _('Sat')],
  ['sunday', () => _('Sun')],
];

/**
 * The rows of the preferences, one per setting. Each control writes its setting at once
 * (`settings.set`, validated by the store); a refused value is reported in a toast and the
 * control shows the stored value again. A key missing from the defaults gets no control.
 */
export class PreferenceControls {
  readonly settings: SettingsAccess;
  /** Every control by its settings path (specs drive them). */
  readonly controls = new Map<string, Gtk.Widget>();
  /** The folder chooser while it is open (held until it answers). */
  chooser: Gtk.FileChooserNative | null = null;
  readonly #window: Adw.PreferencesWindow;
  readonly #refreshers = new Map<string, () => void>();
  /** The row of each control, for greying out rows that depend on another setting. */
  readonly #rows = new Map<string, Gtk.Widget>();
  readonly #dependencies: { path: string; when: (value: unknown) => boolean; rows: string[] }[] = [];
  #loading = false;

  constructor(window: Adw.PreferencesWindow, settings: SettingsAccess) {
    this.#window = window;
    this.settings = settings;
  }

  page(title: string, icon: string): Adw.PreferencesPage {
    const page = new Adw.PreferencesPage({ title, icon_name: icon });
    this.#window.add(page);
    return page;
  }

  group(page: Adw.PreferencesPage, title: string, description = ''): Adw.PreferencesGroup {
    const group = new Adw.PreferencesGroup({ title, description });
    page.add(group);
    return group;
  }

  /** Rows that only matter while another setting has a certain value are greyed out otherwise. */
  dependOn(path: string, when: (value: unknown) => boolean, rows: string[]): void {
    if (this.has(path)) this.#dependencies.push({ path, when, rows });
  }

  updateSensitivity(): void {
    const off = new Set<string>();
    for (const d of this.#dependencies) if (!d.when(this.settings.get(d.path))) d.rows.forEach((r) => off.add(r));
    const rows = new Set(this.#dependencies.flatMap((d) => d.rows));
    for (const path of rows) this.#rows.get(path)?.set_sensitive(!off.has(path));
  }

  /** Lets go of the widgets, so they go with the window. */
  release(): void {
    this.#refreshers.clear();
    this.#rows.clear();
    this.controls.clear();
    this.chooser?.destroy();
    this.chooser = null;
  }

  /** A row built elsewhere (the proxy password), greyed out and found like the others. */
  register(path: string, row: Gtk.Widget): void {
    this.#rows.set(path, row);
    this.controls.set(path, row);
  }

  /** Shows the stored value again (the setting changed elsewhere). */
  refresh(path: string): void {
    this.#refreshers.get(path)?.();
  }

  /** Whether the changed setting decides whether other rows are greyed out. */
  isDependency(path: string): boolean {
    return this.#dependencies.some((d) => d.path === path);
  }

  /** Whether a control is greyed out (specs). */
  isRowSensitive(path: string): boolean {
    return this.#rows.get(path)?.get_sensitive() ?? false;
  }

  has(path: string): boolean {
    try {
      return this.settings.get<unknown>(path) !== undefined;
    } catch {
      return false;
    }
  }

  write(path: string, value: unknown): void {
    if (this.#loading) return;
    try {
      if (this.settings.get<unknown>(path) === value) return;
      this.settings.set(path, value);
    } catch (e) {
      this.#window.add_toast(new Adw.Toast({ title: GLib.markup_escape_text(errorMessage(e), -1), timeout: 5 }));
      this.#refreshers.get(path)?.();
    }
  }

  track(path: string, widget: Gtk.Widget, refresh: () => void): void {
    this.controls.set(path, widget);
    const guarded = () => {
      this.#loading = true;
      try {
        refresh();
      } finally {
        this.#loading = false;
      }
    };
    this.#refreshers.set(path, guarded);
    guarded();
  }

  switch(group: Adw.PreferencesGroup, path: string, title: string, subtitle: string): void {
    if (!this.has(path)) return;
    const toggle = new Gtk.Switch({ valign: Gtk.Align.CENTER });
    const row = new Adw.ActionRow({ title, subtitle, activatable_widget: toggle });
    row.add_suffix(toggle);
    group.add(row);
    this.#rows.set(path, row);
    toggle.connect('notify::active', () => this.write(path, toggle.get_active()));
    this.track(path, toggle, () => toggle.set_active(Boolean(this.settings.get(path))));
  }

  spin(
    group: Adw.PreferencesGroup,
    path: string,
    title: string,
    subtitle: string,
    lower: number,
    upper: number,
    step = 1,
    digits = 0,
  ): void {
    if (!this.has(path)) return;
    const spin = Gtk.SpinButton.new_with_range(lower, upper, step);
    spin.set_digits(digits);
    spin.set_numeric(true);
    spin.set_valign(Gtk.Align.CENTER);
    spin.set_width_chars(7);
    const row = new Adw.ActionRow({ title, subtitle, activatable_widget: spin });
    row.add_suffix(spin);
    group.add(row);
    this.#rows.set(path, row);
    spin.connect('value-changed', () => this.write(path, digits ? spin.get_value() : Math.round(spin.get_value())));
    this.track(path, spin, () => spin.set_value(Number(this.settings.get(path))));
  }

  combo(group: Adw.PreferencesGroup, path: string, title: string, subtitle: string, choices: Choice[]): void {
    if (!this.has(path)) return;
    const row = new Adw.ComboRow({ title, subtitle, model: Gtk.StringList.new(choices.map(([, label]) => label)) });
    group.add(row);
    this.#rows.set(path, row);
    row.connect('notify::selected', () => {
      const choice = choices[row.get_selected()];
      if (choice) this.write(path, choice[0]);
    });
    this.track(path, row, () => {
      const i = choices.findIndex(([value]) => value === this.settings.get(path));
      row.set_selected(i >= 0 ? i : 0);
    });
  }

  entry(group: Adw.PreferencesGroup, path: string, title: string, password = false): void {
    if (!this.has(path)) return;
    const row = password ? new Adw.PasswordEntryRow({ title }) : new Adw.EntryRow({ title });
    row.set_show_apply_button(true);
    group.add(row);
    this.#rows.set(path, row);
    row.connect('apply', () => this.write(path, row.get_text().trim()));
    this.track(path, row, () => row.set_text(String(this.settings.get(path) ?? '')));
  }

  folder(group: Adw.PreferencesGroup, path: string, title: string): void {
    if (!this.has(path)) return;
    const row = new Adw.ActionRow({ title, activatable: true });
    const button = new Gtk.Button({
      icon_name: 'folder-open-symbolic',
      valign: Gtk.Align.CENTER,
      tooltip_text: _('Choose Folder'),
    });
    button.add_css_class('flat');
    row.add_suffix(button);
    row.set_activatable_widget(button);
    group.add(row);
    this.#rows.set(path, row);
    button.connect('clicked', () => {
      if (this.chooser) {
        this.chooser.show();
        return;
      }
      const chooser = new Gtk.FileChooserNative({
        title: _('Choose the Watch Folder'),
        transient_for: this.#window,
        modal: true,
        action: Gtk.FileChooserAction.SELECT_FOLDER,
        accept_label: _('_Select'),
      });
      chooser.connect('response', (_c, response: number) => {
        const file = chooser.get_file() as Gio.File | null;
        if (response === Gtk.ResponseType.ACCEPT && file?.get_path()) this.write(path, file.get_path());
        chooser.destroy();
        if (this.chooser === chooser) this.chooser = null;
      });
      // Held until it answers: GTK needs its caller to keep it, or the garbage collector closes it.
      this.chooser = chooser;
      chooser.show();
    });
    this.track(path, row, () => row.set_subtitle(String(this.settings.get(path) || _('None chosen'))));
  }

  time(group: Adw.PreferencesGroup, hourPath: string, minutePath: string, title: string): void {
    if (!this.has(hourPath) || !this.has(minutePath)) return;
    const spin = (upper: number) =>
      new Gtk.SpinButton({
        adjustment: new Gtk.Adjustment({ lower: 0, upper, step_increment: 1, page_increment: 10 }),
        numeric: true,
        wrap: true,
        valign: Gtk.Align.CENTER,
        width_chars: 2,
      });
    const hour = spin(23);
    const minute = spin(59);
    // Leading zeros, as clocks show minutes.
    for (const s of [hour, minute]) {
      s.connect('output', () => {
        s.set_text(String(s.get_value()).padStart(2, '0'));
        return true;
      });
    }
    const box = new Gtk.Box({ spacing: 4, valign: Gtk.Align.CENTER });
    box.append(hour);
    box.append(new Gtk.Label({ label: ':' }));
    box.append(minute);
    const row = new Adw.ActionRow({ title });
    row.add_suffix(box);
    group.add(row);
    this.#rows.set(hourPath, row);
    this.#rows.set(minutePath, row);
    hour.connect('value-changed', () => this.write(hourPath, hour.get_value()));
    minute.connect('value-changed', () => this.write(minutePath, minute.get_value()));
    this.track(hourPath, hour, () => hour.set_value(Number(this.settings.get(hourPath))));
    this.track(minutePath, minute, () => minute.set_value(Number(this.settings.get(minutePath))));
  }

  days(group: Adw.PreferencesGroup): void {
    if (!this.has('scheduler.days.monday')) return;
    const box = new Gtk.Box({ spacing: 0, valign: Gtk.Align.CENTER, homogeneous: true });
    box.add_css_class('linked');
    for (const [key, label] of DAYS) {
      const path = `scheduler.days.${key}`;
      const toggle = new Gtk.ToggleButton({ label: label() });
      toggle.connect('toggled', () => this.write(path, toggle.get_active()));
      box.append(toggle);
      this.track(path, toggle, () => toggle.set_active(Boolean(this.settings.get(path))));
    }
    const row = new Adw.ActionRow({ title: _('Days') });
    row.add_suffix(box);
    group.add(row);
    for (const [key] of DAYS) this.#rows.set(`scheduler.days.${key}`, row);
  }
}
