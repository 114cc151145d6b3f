import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format, ngettext } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { formatBytes, formatRate } from './format.ts';
import type { SessionTotals, StateFilter } from './TorrentSource.ts';

/**
 * The bottom bar: torrent counts and how many are selected, current speeds, and what was moved
 * since the app started and in total, each figure with its name. It shows what it is given.
 */
export class StatusBar extends Gtk.Box {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsStatusBar',
        Template: uiResource('status-bar'),
        InternalChildren: ['counts_label', 'upload_label', 'download_label'],
      },
      this,
    );
  }

  declare _counts_label: Gtk.Label;
  declare _upload_label: Gtk.Label;
  declare _download_label: Gtk.Label;
  #selected = 0;
  #counts: Record<StateFilter, number> | null = null;

  get counts(): Gtk.Label {
    return this._counts_label;
  }

  get upload(): Gtk.Label {
    return this._upload_label;
  }

  get download(): Gtk.Label {
    return this._download_label;
  }

  /** How many torrents are selected ("N selected" next to the counts). */
  setSelected(n: number): void {
    this.#selected = n;
    if (this.#counts) this.#showCounts(this.#counts);
  }

  update(totals: SessionTotals, counts: Record<StateFilter, number>): void {
    this.#counts = counts;
    this.#showCounts(counts);
    // Translators: "<speed> · <amount> this session · <amount> in total"; a session is the app's run.
    const line = (rate: number, session: number, total: number) =>
      format(_('%1$s · %2$s this session · %3$s in total'), formatRate(rate), formatBytes(session), formatBytes(total));
    setIfChanged(this._upload_label, line(totals.uploadRate, totals.sessionUploaded, totals.totalUploaded));
    setIfChanged(this._download_label, line(totals.downloadRate, totals.sessionDownloaded, totals.totalDownloaded));
  }

  #showCounts(counts: Record<StateFilter, number>): void {
    const all = counts.all ?? 0;
    const parts = [format(ngettext('%1$d torrent', '%1$d torrents', all), all)];
    if (counts.seeding) parts.push(format(_('%1$d seeding'), counts.seeding));
    if (counts.downloading) parts.push(format(_('%1$d downloading'), counts.downloading));
    if (counts.paused) parts.push(format(_('%1$d paused'), counts.paused));
    if (counts.error) parts.push(format(ngettext('%1$d error', '%1$d errors', counts.error), counts.error));
    if (this.#selected) parts.push(format(ngettext('%1$d selected', '%1$d selected', this.#selected), this.#selected));
    setIfChanged(this._counts_label, parts.join(' · '));
  }
}

function setIfChanged(l: Gtk.Label, text: string): void {
  if (l.get_label() !== text) l.set_label(text);
}
