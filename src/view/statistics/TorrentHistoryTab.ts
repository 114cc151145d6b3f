import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { format, _ } from '../../lib/i18n.ts';
import { HistoryStore } from '../../model/history/HistoryStore.ts';
import type { Torrent } from '../../model/torrent/Torrent.ts';
import { formatBytes } from '../format.ts';
import { HistoryChart } from './HistoryChart.ts';
import { CHART_DAYS, firstDayOf, formatRatio } from './StatisticsOverview.ts';
import type { StatisticsSource } from './StatisticsSource.ts';

/**
 * The details pane's History tab: for the torrent shown, uploaded per hour over the last day,
 * uploaded per day over the month, and its ratio over those days. Refreshed when the history
 * closes buckets (once a minute) while the tab is on screen.
 */
export class TorrentHistoryTab extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsTorrentHistoryTab' }, this);
  }

  readonly #source: StatisticsSource | null;
  #torrent: Torrent | null = null;
  #handler = 0;
  readonly summary = new Gtk.Label({ xalign: 0, wrap: true });
  readonly perHour = new HistoryChart({
    title: _('Uploaded per hour, last day'),
    kind: 'bars',
    format: formatBytes,
    base: 1024,
    height: 110,
  });
  readonly perDay = new HistoryChart({
    title: _('Uploaded per day'),
    kind: 'bars',
    format: formatBytes,
    base: 1024,
    height: 110,
  });
  readonly ratio = new HistoryChart({
    title: _('Ratio'),
    kind: 'line',
    format: formatRatio,
    color: 'success',
    height: 110,
  });

  constructor(source: StatisticsSource | null) {
    super({ hscrollbar_policy: Gtk.PolicyType.NEVER, vexpand: true });
    this.#source = source;
    const box = new Gtk.Box({
      orientation: Gtk.Orientation.VERTICAL,
      spacing: 12,
      margin_top: 12,
      margin_bottom: 12,
      margin_start: 12,
      margin_end: 12,
    });
    box.append(this.summary);
    const charts = new Gtk.Grid({ column_spacing: 12, row_spacing: 12, column_homogeneous: true });
    charts.attach(this.perHour, 0, 0, 1, 1);
    charts.attach(this.perDay, 1, 0, 1, 1);
    charts.attach(this.ratio, 0, 1, 2, 1);
    box.append(charts);
    this.set_child(box);
    if (!source) this.summary.label = _('No history is kept in this window.');
    this.connect('map', () => {
      if (source && !this.#handler) this.#handler = source.history.connect('changed', () => this.refresh());
      this.refresh();
    });
    this.connect('unmap', () => {
      if (this.#handler) source?.history.disconnect(this.#handler);
      this.#handler = 0;
    });
  }

  setTorrent(torrent: Torrent | null): void {
    this.#torrent = torrent;
    if (this.get_mapped()) this.refresh();
  }

  refresh(): void {
    const source = this.#source;
    const t = this.#torrent;
    if (!source || !t) return;
    const h = source.history;
    const key = HistoryStore.torrentKey(t.info_hash);
    const now = h.now();
    const hourTo = h.calendar.end('hour', now);
    this.perHour.setPoints(
      h.buckets('hour', hourTo - 24 * 3600, hourTo, key).map((b) => ({
        label: h.calendar.format(b[0], '%H:%M'),
        value: b[1],
      })),
    );
    const from = firstDayOf(source, now, CHART_DAYS);
    const to = h.calendar.end('day', now);
    const dayLabel = (s: number) => h.calendar.format(s, '%e %b').trim();
    this.perDay.setPoints(h.buckets('day', from, to, key).map((b) => ({ label: dayLabel(b[0]), value: b[1] })));
    const input = [{ infoHash: t.info_hash, totalUploaded: t.total_uploaded, size: t.total_size }];
    this.ratio.setPoints(h.ratioByDay(input, from, to).map((r) => ({ label: dayLabel(r.start), value: r.ratio })));
    const today = h.totals(h.calendar.start('day', now), Infinity, key);
    const all = h.totals(-Infinity, Infinity, key);
    this.summary.label = format(
      _('Uploaded today: %1$s · recorded in all: %2$s · announces: %3$s, of which failed: %4$s'),
      formatBytes(today[1]),
      formatBytes(all[1]),
      all[3] + all[4],
      all[4],
    );
  }
}
