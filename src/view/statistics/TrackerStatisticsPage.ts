import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../../lib/i18n.ts';
import { formatBytes } from '../format.ts';
import { HistoryChart } from './HistoryChart.ts';
import { CHART_DAYS, firstDayOf } from './StatisticsOverview.ts';
import type { StatisticsSource } from './StatisticsSource.ts';

/** Trackers drawn in the breakdown chart (the table lists them all). */
const CHART_TRACKERS = 12;

const count = (v: number) => String(Math.round(v));

/**
 * Per tracker: what was reported to it (bars, then a table with every figure), and the failed
 * announces over time, per day for the month and per hour for the last day.
 */
export class TrackerStatisticsPage extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsTrackerStatisticsPage' }, this);
  }

  readonly #source: StatisticsSource;
  readonly perTracker = new HistoryChart({
    title: _('Uploaded per tracker'),
    kind: 'bars',
    format: formatBytes,
    base: 1024,
  });
  readonly errorsPerDay = new HistoryChart({
    title: _('Failed announces per day'),
    kind: 'bars',
    format: count,
    color: 'error',
  });
  readonly errorsPerHour = new HistoryChart({
    title: _('Failed announces per hour, last day'),
    kind: 'bars',
    format: count,
    color: 'error',
  });
  readonly table = new Gtk.Grid({ column_spacing: 24, row_spacing: 4, halign: Gtk.Align.START });

  constructor(source: StatisticsSource) {
    super({ hscrollbar_policy: Gtk.PolicyType.NEVER, vexpand: true });
    this.#source = source;
    const box = new Gtk.Box({
      orientation: Gtk.Orientation.VERTICAL,
      spacing: 18,
      margin_top: 18,
      margin_bottom: 18,
      margin_start: 18,
      margin_end: 18,
    });
    box.append(this.perTracker);
    this.table.update_property([Gtk.AccessibleProperty.LABEL], [_('Figures per tracker')]);
    box.append(this.table);
    box.append(this.errorsPerDay);
    box.append(this.errorsPerHour);
    this.set_child(box);
  }

  refresh(): void {
    const h = this.#source.history;
    const now = h.now();
    const trackers = h.trackerTotals(-Infinity, Infinity);
    this.perTracker.setPoints(trackers.slice(0, CHART_TRACKERS).map((t) => ({ label: t.host, value: t.totals[1] })));

    for (let child = this.table.get_first_child(); child; child = this.table.get_first_child())
      this.table.remove(child);
    const heads = [_('Tracker'), _('Uploaded'), _('Downloaded'), _('Announces'), _('Failed')];
    heads.forEach((text, c) => {
      const l = new Gtk.Label({ label: text, xalign: c === 0 ? 0 : 1 });
      l.add_css_class('heading');
      this.table.attach(l, c, 0, 1, 1);
    });
    trackers.forEach((t, r) => {
      const cells = [
        t.host,
        formatBytes(t.totals[1]),
        formatBytes(t.totals[2]),
        String(t.totals[3] + t.totals[4]),
        String(t.totals[4]),
      ];
      cells.forEach((text, c) => {
        const l = new Gtk.Label({ label: text, xalign: c === 0 ? 0 : 1, selectable: c === 0 });
        if (c > 0) l.add_css_class('numeric');
        if (c === 4 && t.totals[4] > 0) l.add_css_class('error');
        this.table.attach(l, c, r + 1, 1, 1);
      });
    });
    if (trackers.length === 0) this.table.attach(new Gtk.Label({ label: _('No announce recorded yet.') }), 0, 1, 5, 1);

    const from = firstDayOf(this.#source, now, CHART_DAYS);
    const days = h.buckets('day', from, h.calendar.end('day', now));
    this.errorsPerDay.setPoints(days.map((b) => ({ label: h.calendar.format(b[0], '%e %b').trim(), value: b[4] })));
    const hourTo = h.calendar.end('hour', now);
    const hours = h.buckets('hour', hourTo - 24 * 3600, hourTo);
    this.errorsPerHour.setPoints(hours.map((b) => ({ label: h.calendar.format(b[0], '%H:%M'), value: b[4] })));
  }
}
