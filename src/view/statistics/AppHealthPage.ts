import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _ } from '../../lib/i18n.ts';
import type { HealthSample } from '../../model/health/AppHealthSampler.ts';
import { formatBytes } from '../format.ts';
import { HistoryChart } from './HistoryChart.ts';
import type { StatisticsSource } from './StatisticsSource.ts';

type Figure = [key: keyof HealthSample, chart: HistoryChart];

/**
 * The app's own health, live (the original's Monitoring tab): CPU, memory, open files,
 * announces in flight and main-loop delay over the last ten minutes. Sampling runs only while
 * the page is on screen.
 */
export class AppHealthPage extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass({ GTypeName: 'DfsAppHealthPage' }, this);
  }

  readonly #source: StatisticsSource;
  readonly figures: Figure[];
  #unwatch: (() => void) | null = null;
  #handler = 0;

  constructor(source: StatisticsSource) {
    super({ hscrollbar_policy: Gtk.PolicyType.NEVER, vexpand: true });
    this.#source = source;
    const chart = (title: string, format: (v: number) => string, color?: 'accent' | 'error' | 'success') =>
      new HistoryChart({ title, kind: 'line', format, color, height: 110, base: format === formatBytes ? 1024 : 1000 });
    this.figures = [
      ['cpuPercent', chart(_('CPU (one core = 100 %)'), (v) => `${v.toFixed(1)} %`)],
      ['rssBytes', chart(_('Memory'), formatBytes, 'success')],
      ['openFiles', chart(_('Open files'), (v) => String(Math.round(v)))],
      ['announcesInFlight', chart(_('Announces in flight'), (v) => String(Math.round(v)), 'success')],
      ['loopDelayMs', chart(_('Main-loop delay'), (v) => `${v.toFixed(1)} ms`, 'error')],
    ];
    const grid = new Gtk.Grid({
      column_spacing: 18,
      row_spacing: 18,
      column_homogeneous: true,
      margin_top: 18,
      margin_bottom: 18,
      margin_start: 18,
      margin_end: 18,
    });
    this.figures.forEach(([, c], i) => grid.attach(c, i % 2, Math.floor(i / 2), 1, 1));
    this.set_child(grid);
    this.connect('map', () => this.#start());
    this.connect('unmap', () => this.#stop());
  }

  #start(): void {
    if (this.#unwatch) return;
    const health = this.#source.health;
    this.#handler = health.connect('sampled', () => this.refresh());
    this.#unwatch = health.watch();
    this.refresh();
  }

  #stop(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    if (this.#handler) this.#source.health.disconnect(this.#handler);
    this.#handler = 0;
  }

  refresh(): void {
    const samples = this.#source.health.samples;
    const cal = this.#source.history.calendar;
    for (const [key, chart] of this.figures)
      chart.setPoints(samples.map((s) => ({ label: cal.format(s.time, '%H:%M:%S'), value: s[key] })));
  }
}
