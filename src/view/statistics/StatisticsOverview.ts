import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../../lib/i18n.ts';
import type { Bucket } from '../../model/history/HistorySeries.ts';
import { formatBytes } from '../format.ts';
import { HistoryChart } from './HistoryChart.ts';
import type { StatisticsSource } from './StatisticsSource.ts';

/** Days shown by the per-day charts. */
export const CHART_DAYS = 30;

/** Local midnight of this week's Monday, on the history's calendar. */
export function weekStartOf(source: StatisticsSource, now: number): number {
  return source.history.calendar.weekStart(now);
}

/** Start of the day `days - 1` days before today: the first day of a chart of `days` days. */
export function firstDayOf(source: StatisticsSource, now: number, days: number): number {
  return source.history.calendar.firstDay(now, days);
}

export function formatRatio(v: number): string {
  return v.toFixed(2);
}

/**
 * The Statistics window's first page: totals for today, this week, this month and all time,
 * uploaded per day as bars and the ratio over the same days.
 */
export class StatisticsOverview extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsStatisticsOverview' }, this);
  }

  readonly #source: StatisticsSource;
  readonly totals = new Map<string, Gtk.Label[]>();
  readonly uploadedPerDay = new HistoryChart({
    title: _('Uploaded per day'),
    kind: 'bars',
    format: formatBytes,
    base: 1024,
  });
  readonly ratio = new HistoryChart({ title: _('Ratio'), kind: 'line', format: formatRatio, color: 'success' });

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
    box.append(this.#totalsGrid());
    box.append(this.uploadedPerDay);
    box.append(this.ratio);
    this.set_child(box);
  }

  #totalsGrid(): Gtk.Grid {
    const grid = new Gtk.Grid({ column_spacing: 24, row_spacing: 6, halign: Gtk.Align.START });
    grid.update_property([Gtk.AccessibleProperty.LABEL], [_('Totals')]);
    const heads = [_('Uploaded'), _('Downloaded'), _('Announces'), _('Failed Announces')];
    heads.forEach((h, i) => {
      const label = new Gtk.Label({ label: h, xalign: 1 });
      label.add_css_class('dim-label');
      grid.attach(label, i + 1, 0, 1, 1);
    });
    const rows: [string, string][] = [
      ['today', _('Today')],
      ['week', _('This Week')],
      ['month', _('This Month')],
      ['all', _('All Time')],
    ];
    rows.forEach(([key, title], r) => {
      const name = new Gtk.Label({ label: title, xalign: 0 });
      name.add_css_class('heading');
      grid.attach(name, 0, r + 1, 1, 1);
      const values = heads.map((_h, c) => {
        const v = new Gtk.Label({ label: '—', xalign: 1, selectable: true });
        v.add_css_class('numeric');
        grid.attach(v, c + 1, r + 1, 1, 1);
        return v;
      });
      this.totals.set(key, values);
    });
    return grid;
  }

  refresh(): void {
    const source = this.#source;
    const h = source.history;
    const now = h.now();
    const starts: Record<string, number> = {
      today: h.calendar.start('day', now),
      week: weekStartOf(source, now),
      month: h.calendar.start('month', now),
      all: -Infinity,
    };
    for (const [key, labels] of this.totals) {
      const b: Bucket = h.totals(starts[key], Infinity);
      labels[0].label = formatBytes(b[1]);
      labels[1].label = formatBytes(b[2]);
      labels[2].label = String(b[3] + b[4]);
      labels[3].label = String(b[4]);
    }
    const from = firstDayOf(source, now, CHART_DAYS);
    const to = h.calendar.end('day', now);
    const dayLabel = (t: number) => h.calendar.format(t, '%e %b').trim();
    this.uploadedPerDay.setPoints(h.buckets('day', from, to).map((b) => ({ label: dayLabel(b[0]), value: b[1] })));
    this.ratio.setPoints(
      h.ratioByDay(source.ratioInputs(), from, to).map((r) => ({ label: dayLabel(r.start), value: r.ratio })),
    );
  }
}
