import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import type { TorrentCounts } from '../model/session/TorrentCounts.ts';
import type { TransferTotals } from '../model/session/TransferTotals.ts';
import { formatBytes, formatRate } from './format.ts';

const count = (name: string) => GObject.ParamSpec.int(name, '', '', GObject.ParamFlags.READWRITE, 0, 2147483647, 0);
const figure = (name: string) =>
  GObject.ParamSpec.double(name, '', '', GObject.ParamFlags.READWRITE, 0, Number.MAX_SAFE_INTEGER, 0);

/** The counts it shows: its property ← TorrentCounts' property. */
const COUNTS: [own: string, counts: string][] = [
  ['torrents', 'all'],
  ['seeding', 'seeding'],
  ['downloading', 'downloading'],
  ['paused', 'paused'],
  ['errors', 'error'],
];
/** The figures it shows, named as TransferTotals names them. */
const FIGURES = [
  'upload-rate',
  'download-rate',
  'session-uploaded',
  'session-downloaded',
  'total-uploaded',
  'total-downloaded',
];

/**
 * The bottom bar: torrent counts and how many are selected, current speeds, and what was moved
 * since the app started and in total, each figure with its name. Every figure is a property of
 * its own, bound (`follow`) to the model's notifying counts and totals; it redraws on notify.
 */
export class StatusBar extends Gtk.Box {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsStatusBar',
        Template: uiResource('status-bar'),
        InternalChildren: ['counts_label', 'upload_label', 'download_label'],
        Properties: Object.fromEntries([
          ...[...COUNTS.map(([own]) => own), 'selected'].map((name) => [name, count(name)]),
          ...FIGURES.map((name) => [name, figure(name)]),
        ]),
      },
      this,
    );
  }

  declare _counts_label: Gtk.Label;
  declare _upload_label: Gtk.Label;
  declare _download_label: Gtk.Label;
  declare torrents: number;
  declare seeding: number;
  declare downloading: number;
  declare paused: number;
  declare errors: number;
  /** How many torrents are selected ("N selected" next to the counts). */
  declare selected: number;
  declare upload_rate: number;
  declare download_rate: number;
  declare session_uploaded: number;
  declare session_downloaded: number;
  declare total_uploaded: number;
  declare total_downloaded: number;

  constructor(params: Partial<Gtk.Box.ConstructorProps> = {}) {
    super(params);
    // Its own properties only: a widget's others also notify while GTK disposes of it.
    for (const name of [...COUNTS.map(([own]) => own), 'selected', ...FIGURES])
      this.connect(`notify::${name}`, () => this.#show());
  }

  get counts(): Gtk.Label {
    return this._counts_label;
  }

  get upload(): Gtk.Label {
    return this._upload_label;
  }

  get download(): Gtk.Label {
    return this._download_label;
  }

  /** Binds every figure to the model's; the returned function unbinds them. */
  follow(counts: TorrentCounts, totals: TransferTotals): () => void {
    const flags = GObject.BindingFlags.SYNC_CREATE;
    const bindings = [
      ...COUNTS.map(([own, name]) => counts.bind_property(name, this, own, flags)),
      ...FIGURES.map((name) => totals.bind_property(name, this, name, flags)),
    ];
    return () => bindings.forEach((b) => b.unbind());
  }

  #show(): void {
    const parts = [format(ngettext('%1$d torrent', '%1$d torrents', this.torrents), this.torrents)];
    if (this.seeding) parts.push(format(_('%1$d seeding'), this.seeding));
    if (this.downloading) parts.push(format(_('%1$d downloading'), this.downloading));
    if (this.paused) parts.push(format(_('%1$d paused'), this.paused));
    if (this.errors) parts.push(format(ngettext('%1$d error', '%1$d errors', this.errors), this.errors));
    if (this.selected) parts.push(format(ngettext('%1$d selected', '%1$d selected', this.selected), this.selected));
    setIfChanged(this._counts_label, parts.join(' · '));
    // Each figure says what it is. Translators: a session is the app's run (since it started).
    const up = _('Up %1$s · %2$s this session · %3$s in total');
    const down = _('Down %1$s · %2$s this session · %3$s in total');
    const line = (words: string, rate: number, session: number, total: number) =>
      format(words, formatRate(rate), formatBytes(session), formatBytes(total));
    setIfChanged(this._upload_label, line(up, this.upload_rate, this.session_uploaded, this.total_uploaded));
    setIfChanged(this._download_label, line(down, this.download_rate, this.session_downloaded, this.total_downloaded));
  }
}

function setIfChanged(l: Gtk.Label, text: string): void {
  if (l.get_label() !== text) l.set_label(text);
}
