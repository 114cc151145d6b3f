import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { uiResource } from '../lib/resources.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { ProfileChooserGroup } from './ProfileChooserGroup.ts';
import { templateChild } from './template.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { TorrentOptions, TorrentSource } from './TorrentSource.ts';

type NumericOption = Exclude<keyof TorrentOptions, 'active'>;

/** The numeric options, each edited by the spin button of the same id in options-page.ui. */
const NUMERIC_OPTIONS: NumericOption[] = [
  'upload_speed',
  'download_speed',
  'upload_limit',
  'download_limit',
  'threshold',
  'announce_floor',
  'stop_ratio',
  'stop_seeding_minutes',
];

/**
 * The Options tab: per-torrent editors. Each change is the `set-option` torrent action; a
 * refused value is reported (a notice) and the editor shows the torrent's value again.
 */
export class OptionsPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsOptionsPage',
        Template: uiResource('options-page'),
        InternalChildren: ['active_switch', ...NUMERIC_OPTIONS],
      },
      this,
    );
  }

  declare _active_switch: Gtk.Switch;
  readonly spins = new Map<NumericOption, Gtk.SpinButton>();
  readonly #source: TorrentSource;
  readonly #activate: TorrentActionActivator;
  readonly profile: ProfileChooserGroup;
  #torrent: Torrent | null = null;
  #handler = 0;
  #loading = false;

  constructor(source: TorrentSource, activate: TorrentActionActivator) {
    super();
    this.#source = source;
    this.#activate = activate;
    this._active_switch.connect('notify::active', () => this.#apply('active', this._active_switch.get_active()));
    for (const key of NUMERIC_OPTIONS) {
      const spin = templateChild(this, OptionsPage.$gtype, key, Gtk.SpinButton);
      spin.connect('value-changed', () => this.#apply(key, spin.get_value()));
      this.spins.set(key, spin);
    }
    this.profile = new ProfileChooserGroup(source, activate);
    this.add(this.profile);
  }

  get activeSwitch(): Gtk.Switch {
    return this._active_switch;
  }

  setTorrent(torrent: Torrent | null): void {
    if (this.#torrent && this.#handler) this.#torrent.disconnect(this.#handler);
    this.#handler = 0;
    this.#torrent = torrent;
    if (!torrent) return;
    // The engine or another view may change these too (e.g. Pause from the header bar).
    this.#handler = torrent.connect('notify', () => this.#load());
    this.#load();
  }

  #load(): void {
    const t = this.#torrent;
    if (!t) return;
    this.#loading = true;
    try {
      const o = this.#source.options(t);
      if (this._active_switch.get_active() !== o.active) this._active_switch.set_active(o.active);
      this.profile.setTorrent(t);
      for (const [key, spin] of this.spins) {
        // Don't fight the user while they type into this field.
        if (spin.has_focus || spin.get_focus_child()) continue;
        if (spin.get_value() !== o[key]) spin.set_value(o[key]);
      }
    } finally {
      this.#loading = false;
    }
  }

  #apply<K extends keyof TorrentOptions>(key: K, value: TorrentOptions[K]): void {
    if (this.#loading || !this.#torrent) return;
    if (this.#source.options(this.#torrent)[key] === value) return;
    this.#activate('set-option', [[this.#torrent.info_hash], key, value]);
    // The action has its effect at once; refused, nothing changed and this shows the old value.
    this.#load();
  }
}
