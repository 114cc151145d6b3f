import type Cairo from 'cairo';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { _, format } from '../lib/i18n.ts';
import type { SpeedSample } from '../model/session/SpeedHistory.ts';
import { formatRate } from './format.ts';

/** The span the graph shows, in seconds (the model keeps this much for every torrent). */
export const GRAPH_SECONDS = 300;

/** Room for the scale labels on the left and the time labels at the bottom. */
const LEFT = 76;
const BOTTOM = 18;
const TOP = 6;

/**
 * A line graph of a torrent's upload and download speed over the last five minutes, from the
 * model's per-torrent history (so it has minutes to show as soon as it is opened). The scale is
 * labelled on the left (0, half, full) and the time below ("5 min ago" … "now").
 */
export class SpeedGraph extends Gtk.DrawingArea {
  static {
    GObject.registerClass({ GTypeName: 'DfsSpeedGraph' }, this);
  }

  #samples: SpeedSample[] = [];
  /** What "now" is for the time axis (ms); the newest sample's time or the clock. */
  #now = Date.now();

  constructor(params: Partial<Gtk.DrawingArea.ConstructorProps> = {}) {
    super({ content_height: 150, hexpand: true, vexpand: true, ...params });
    this.add_css_class('dfs-speed-graph');
    this.set_draw_func((_area, cr, width, height) => this.#draw(cr, width, height));
  }

  /** The samples on show (oldest first). */
  get samples(): readonly SpeedSample[] {
    return this.#samples;
  }

  get upload(): number[] {
    return this.#samples.map((s) => s.up);
  }

  get download(): number[] {
    return this.#samples.map((s) => s.down);
  }

  setSamples(samples: SpeedSample[], nowMs = Date.now()): void {
    this.#samples = samples;
    this.#now = nowMs;
    this.queue_draw();
  }

  clear(): void {
    this.setSamples([]);
  }

  /** The full-scale value the graph uses for these samples: 1, 2 or 5 × a power of ten. */
  get scale(): number {
    // Nice numbers of KB (1024 bytes), so the half-scale label reads "1.0 KB/s", not "1000 bytes/s".
    const peak = Math.max(1024, ...this.#samples.map((s) => Math.max(s.up, s.down)));
    return niceCeiling(peak / 1024) * 1024;
  }

  /** Colours that follow the theme (light and dark) so lines keep their contrast. */
  #color(name: string, fallback: [number, number, number, number]): [number, number, number, number] {
    const [found, rgba] = this.get_style_context().lookup_color(name);
    return found ? [rgba.red, rgba.green, rgba.blue, rgba.alpha] : fallback;
  }

  #draw(cr: Cairo.Context, width: number, height: number): void {
    const fg = this.get_style_context().get_color();
    const plotW = Math.max(1, width - LEFT - 4);
    const plotH = Math.max(1, height - TOP - BOTTOM);
    const scale = this.scale;
    cr.selectFontFace('Sans', 0, 0);
    cr.setFontSize(10);

    // Grid and scale: 0, half and full, labelled on the left.
    cr.setLineWidth(1);
    for (const f of [0, 0.5, 1]) {
      const y = Math.round(TOP + plotH - f * plotH) + 0.5;
      cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.12);
      cr.moveTo(LEFT, y);
      cr.lineTo(LEFT + plotW, y);
      cr.stroke();
      cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.6);
      const label = formatRate(scale * f);
      const ext = cr.textExtents(label);
      cr.moveTo(LEFT - 6 - ext.width, Math.min(height - BOTTOM, Math.max(TOP + 8, y + 4)));
      cr.showText(label);
    }

    // Time axis: five ticks, minutes ago.
    for (let m = 0; m <= 5; m++) {
      const x = LEFT + plotW - (m * 60 * plotW) / GRAPH_SECONDS;
      const label = m === 0 ? _('now') : format(_('-%1$d min'), m);
      const ext = cr.textExtents(label);
      cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.12);
      cr.moveTo(Math.round(x) + 0.5, TOP);
      cr.lineTo(Math.round(x) + 0.5, TOP + plotH);
      cr.stroke();
      cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.6);
      cr.moveTo(Math.max(LEFT, Math.min(width - ext.width - 2, x - ext.width / 2)), height - 4);
      cr.showText(label);
    }

    const xOf = (time: number) => LEFT + plotW - ((this.#now - time) / 1000 / GRAPH_SECONDS) * plotW;
    const yOf = (v: number) => TOP + plotH - (Math.max(0, v) / scale) * plotH;
    const shown = this.#samples.filter((s) => this.#now - s.time <= GRAPH_SECONDS * 1000);
    const series: [(s: SpeedSample) => number, [number, number, number, number]][] = [
      [(s) => s.down, this.#color('success_color', [0.15, 0.64, 0.41, 1])],
      [(s) => s.up, this.#color('accent_color', [0.21, 0.52, 0.89, 1])],
    ];
    if (shown.length >= 2) {
      for (const [value, [r, g, b]] of series) {
        cr.moveTo(xOf(shown[0].time), yOf(value(shown[0])));
        for (const s of shown) cr.lineTo(xOf(s.time), yOf(value(s)));
        cr.setSourceRGBA(r, g, b, 1);
        cr.setLineWidth(2);
        cr.strokePreserve();
        cr.lineTo(xOf(shown[shown.length - 1].time), TOP + plotH);
        cr.lineTo(xOf(shown[0].time), TOP + plotH);
        cr.closePath();
        cr.setSourceRGBA(r, g, b, 0.15);
        cr.fill();
      }
    }
    cr.$dispose();
  }
}

/** Rounds a peak up to 1, 2 or 5 × a power of ten, so the scale label reads well. */
function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (value <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}
