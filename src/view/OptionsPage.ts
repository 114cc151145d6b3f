import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../lib/i18n.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TorrentActionActivator } from './torrentActions.ts';
import type { TorrentOptions, TorrentSource } from './TorrentSource.ts';

type NumericOption = Exclude<keyof TorrentOptions, 'active'>;

interface NumberRow {
  key: NumericOption;
  title: string;
  subtitle: string;
  max: number;
  digits?: number;
  step?: number;
}

/**
 * The Options tab: per-torrent editors. Each change is the `set-option` torrent action; a
 * refused value is reported (a notice) and the editor shows the torrent's value again.
 */
export class OptionsPage extends Adw.PreferencesPage {
  static {
    GObject.registerClass({ GTypeName: 'DfsOptionsPage' }, this);
  }

  readonly activeSwitch: Gtk.Switch;
  readonly spins = new Map<NumericOption, Gtk.SpinButton>();
  readonly #source: TorrentSource;
  readonly #activate: TorrentActionActivator;
  #torrent: Torrent | null = null;
  #handler = 0;
  #loading = false;

  constructor(source: TorrentSource, activate: TorrentActionActivator) {
    super();
    this.#source = source;
    this.#activate = activate;

    const transfer = new Adw.PreferencesGroup({ title: _('Transfer') });
    this.activeSwitch = new Gtk.Switch({ valign: Gtk.Align.CENTER });
    const activeRow = new Adw.ActionRow({
      title: _('Active'),
      subtitle: _('Announce and simulate transfer for this torrent'),
      activatable_widget: this.activeSwitch,
    });
    activeRow.add_suffix(this.activeSwitch);
    transfer.add(activeRow);
    this.activeSwitch.connect('notify::active', () => this.#apply('active', this.activeSwitch.get_active()));
    this.#numberRows(transfer, [
      { key: 'upload_speed', title: _('Upload Speed'), subtitle: _('KB/s, before random variation'), max: 1_000_000 },
      {
        key: 'download_speed',
        title: _('Download Speed'),
        subtitle: _('KB/s, before random variation'),
        max: 1_000_000,
      },
    ]);
    this.add(transfer);

    const limits = new Adw.PreferencesGroup({
      title: _('Limits'),
      description: _('Caps for this torrent in KB/s; 0 follows the global limits.'),
    });
    this.#numberRows(limits, [
      { key: 'upload_limit', title: _('Upload Limit'), subtitle: _('KB/s'), max: 1_000_000 },
      { key: 'download_limit', title: _('Download Limit'), subtitle: _('KB/s'), max: 1_000_000 },
    ]);
    this.add(limits);

    // No announce interval: the tracker's interval (or the client identity's default) decides.
    const announce = new Adw.PreferencesGroup({ title: _('Announces') });
    this.#numberRows(announce, [
      {
        key: 'threshold',
        title: _('Upload Threshold'),
        subtitle: _('Progress (%) from which uploading starts'),
        max: 100,
      },
    ]);
    this.add(announce);

    const stop = new Adw.PreferencesGroup({
      title: _('Stop Conditions'),
      description: _('Pause this torrent when one is reached; 0 follows the preferences.'),
    });
    this.#numberRows(stop, [
      {
        key: 'stop_ratio',
        title: _('Stop at Ratio'),
        subtitle: _('Uploaded divided by size'),
        max: 1000,
        digits: 2,
        step: 0.1,
      },
      { key: 'stop_seeding_minutes', title: _('Stop After Seeding'), subtitle: _('Minutes'), max: 525_600 },
    ]);
    this.add(stop);
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

  #numberRows(group: Adw.PreferencesGroup, rows: NumberRow[]): void {
    for (const r of rows) {
      const spin = new Gtk.SpinButton({
        adjustment: new Gtk.Adjustment({ lower: 0, upper: r.max, step_increment: r.step ?? 1, page_increment: 10 }),
        digits: r.digits ?? 0,
        numeric: true,
        valign: Gtk.Align.CENTER,
        width_chars: 8,
      });
      const row = new Adw.ActionRow({ title: r.title, subtitle: r.subtitle, activatable_widget: spin });
      row.add_suffix(spin);
      group.add(row);
      spin.connect('value-changed', () => this.#apply(r.key, spin.get_value()));
      this.spins.set(r.key, spin);
    }
  }

  #load(): void {
    const t = this.#torrent;
    if (!t) return;
    this.#loading = true;
    try {
      const o = this.#source.options(t);
      if (this.activeSwitch.get_active() !== o.active) this.activeSwitch.set_active(o.active);
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
