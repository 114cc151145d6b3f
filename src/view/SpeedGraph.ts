import type Cairo from 'cairo';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { formatRate } from './format.ts';

/** Samples kept: one a second for the last five minutes. */
export const GRAPH_SAMPLES = 300;

/**
 * A live line graph of upload and download speed. The owner adds one sample a second (from the
 * torrent's rate properties); the graph keeps the last five minutes and redraws itself.
 */
export class SpeedGraph extends Gtk.DrawingArea {
  static {
    GObject.registerClass({ GTypeName: 'DfsSpeedGraph' }, this);
  }

  readonly upload: number[] = [];
  readonly download: number[] = [];

  constructor() {
    super({ content_height: 140, hexpand: true, vexpand: true });
    this.add_css_class('dfs-speed-graph');
    this.set_draw_func((_area, cr, width, height) => this.#draw(cr, width, height));
  }

  addSample(uploadRate: number, downloadRate: number): void {
    this.upload.push(Math.max(0, uploadRate));
    this.download.push(Math.max(0, downloadRate));
    if (this.upload.length > GRAPH_SAMPLES) this.upload.shift();
    if (this.download.length > GRAPH_SAMPLES) this.download.shift();
    this.queue_draw();
  }

  clear(): void {
    this.upload.length = 0;
    this.download.length = 0;
    this.queue_draw();
  }

  /** Colours that follow the theme (light and dark) so lines keep their contrast. */
  #color(name: string, fallback: [number, number, number, number]): [number, number, number, number] {
    const [found, rgba] = this.get_style_context().lookup_color(name);
    return found ? [rgba.red, rgba.green, rgba.blue, rgba.alpha] : fallback;
  }

  #draw(cr: Cairo.Context, width: number, height: number): void {
    const fg = this.get_style_context().get_color();
    const top = 18;
    const plotHeight = Math.max(1, height - top - 2);
    // At least 1 kB/s full scale, so an idle graph reads "1.0 kB/s" rather than "1 byte/s".
    const peak = Math.max(1000, ...this.upload, ...this.download);
    const scale = niceCeiling(peak);

    // Grid: four horizontal lines, faint.
    cr.setLineWidth(1);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.12);
    for (let i = 0; i <= 4; i++) {
      const y = Math.round(top + (plotHeight * i) / 4) + 0.5;
      cr.moveTo(0, y);
      cr.lineTo(width, y);
    }
    cr.stroke();

    // Scale label in the top left corner.
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.6);
    cr.selectFontFace('Sans', 0, 0);
    cr.setFontSize(11);
    cr.moveTo(2, 12);
    cr.showText(formatRate(scale));

    const series: [number[], [number, number, number, number]][] = [
      [this.download, this.#color('success_color', [0.15, 0.64, 0.41, 1])],
      [this.upload, this.#color('accent_color', [0.21, 0.52, 0.89, 1])],
    ];
    const step = width / (GRAPH_SAMPLES - 1);
    for (const [samples, [r, g, b]] of series) {
      if (samples.length < 2) continue;
      const x0 = width - (samples.length - 1) * step;
      const yOf = (v: number) => top + plotHeight - (v / scale) * plotHeight;
      cr.moveTo(x0, yOf(samples[0]));
      samples.forEach((v, i) => cr.lineTo(x0 + i * step, yOf(v)));
      cr.setSourceRGBA(r, g, b, 1);
      cr.setLineWidth(2);
      cr.strokePreserve();
      cr.lineTo(width, top + plotHeight);
      cr.lineTo(x0, top + plotHeight);
      cr.closePath();
      cr.setSourceRGBA(r, g, b, 0.15);
      cr.fill();
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
