import Adw from 'gi://Adw';
import type Gio from 'gi://Gio';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import type { SettingsAccess } from './TorrentSource.ts';

/** The values of a combo row's items, in the order of the items in its template. */
export type ChoiceValues = readonly (string | number)[];

/**
 * Ties the controls of a preferences template to their settings, one control per setting.
 * Each control writes its setting at once (`settings.set`, validated by the store); a refused
 * value is reported through `onError` and the control shows the stored value again. A control
 * whose key is missing from the defaults (a setting nothing reads) is hidden with its row.
 */
export class PreferenceControls {
  readonly settings: SettingsAccess;
  /** Every control by its settings path (specs drive them). */
  readonly controls = new Map<string, Gtk.Widget>();
  /** The folder chooser while it is open (held until it answers). */
  chooser: Gtk.FileChooserNative | null = null;
  readonly #onError: (message: string) => void;
  readonly #refreshers = new Map<string, () => void>();
  /** The row of each control, for greying out rows that depend on another setting. */
  readonly #rows = new Map<string, Gtk.Widget>();
  readonly #dependencies: { path: string; when: (value: unknown) => boolean; rows: string[] }[] = [];
  #loading = false;

  constructor(settings: SettingsAccess, onError: (message: string) => void) {
    this.settings = settings;
    this.#onError = onError;
  }

  /**
   * Binds a template control to the setting at `path`; what it reads and writes follows from its
   * class: a switch or toggle a boolean, a spin button a number, a combo row one of `choices`,
   * an entry row text (or a list, if the setting is one), an action row a folder.
   */
  bind(path: string, control: Gtk.Widget, choices: ChoiceValues = []): void {
    const row = control instanceof Adw.PreferencesRow ? control : control.get_ancestor(Adw.PreferencesRow.$gtype);
    if (!this.has(path)) {
      (row ?? control).set_visible(false);
      return;
    }
    if (row) this.#rows.set(path, row);
    const get = () => this.settings.get<unknown>(path);
    if (control instanceof Gtk.Switch) {
      control.connect('notify::active', () => this.write(path, control.get_active()));
      this.track(path, control, () => control.set_active(Boolean(get())));
    } else if (control instanceof Gtk.ToggleButton) {
      control.connect('toggled', () => this.write(path, control.get_active()));
      this.track(path, control, () => control.set_active(Boolean(get())));
    } else if (control instanceof Gtk.SpinButton) {
      const digits = control.get_digits();
      control.connect('value-changed', () =>
        this.write(path, digits ? control.get_value() : Math.round(control.get_value())),
      );
      this.track(path, control, () => control.set_value(Number(get())));
    } else if (control instanceof Adw.ComboRow) {
      if (control.get_model()?.get_n_items() !== choices.length)
        throw new Error(`${path}: the template lists another number of choices than the code`);
      control.connect('notify::selected', () => {
        const choice = choices[control.get_selected()];
        if (choice !== undefined) this.write(path, choice);
      });
      this.track(path, control, () => control.set_selected(Math.max(0, choices.indexOf(get() as string | number))));
    } else if (control instanceof Adw.EntryRow) {
      const isList = Array.isArray(get());
      control.connect('apply', () => {
        const text = control.get_text().trim();
        this.write(path, isList ? text.split(/[\s,]+/).filter((x) => x !== '') : text);
      });
      this.track(path, control, () => {
        const v = get();
        control.set_text(Array.isArray(v) ? v.join(', ') : String(v ?? ''));
      });
    } else if (control instanceof Adw.ActionRow) {
      this.#folder(path, control);
    } else {
      throw new Error(`${path}: no way to bind a ${control.constructor.name}`);
    }
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

  /** A row bound elsewhere (the proxy password), greyed out and found like the others. */
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
    return this.settings.get<unknown>(path) !== undefined;
  }

  write(path: string, value: unknown): void {
    if (this.#loading) return;
    try {
      // Compared as JSON: list settings are new arrays each time.
      if (JSON.stringify(this.settings.get<unknown>(path)) === JSON.stringify(value)) return;
      this.settings.set(path, value);
    } catch (e) {
      this.#onError(errorMessage(e));
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

  /** An action row that shows a folder and opens a chooser from its button. */
  #folder(path: string, row: Adw.ActionRow): void {
    const button = row.get_activatable_widget();
    if (button instanceof Gtk.Button) button.connect('clicked', () => this.#chooseFolder(path, row));
    this.track(path, row, () => row.set_subtitle(String(this.settings.get(path) || _('None chosen'))));
  }

  #chooseFolder(path: string, row: Adw.ActionRow): void {
    if (this.chooser) {
      this.chooser.show();
      return;
    }
    const root = row.get_root();
    const chooser = new Gtk.FileChooserNative({
      title: _('Choose the Watch Folder'),
      transient_for: root instanceof Gtk.Window ? root : null,
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
  }
}
