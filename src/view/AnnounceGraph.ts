import type Cairo from 'cairo';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { format, _ } from '../lib/i18n.ts';

/**
 * A live bar graph of the built-in tracker's announces per second over the last five minutes.
 * The owner hands it the whole history (TrackerService.figures().history) when figures move.
 */
export class AnnounceGraph extends Gtk.DrawingArea {
  static {
    GObject.registerClass({ GTypeName: 'DfsAnnounceGraph' }, this);
  }

  samples: number[] = [];

  constructor() {
    super({ content_height: 120, hexpand: true });
    this.add_css_class('dfs-announce-graph');
    this.set_draw_func((_area, cr, width, height) => this.#draw(cr, width, height));
  }

  setSamples(samples: number[]): void {
    this.samples = samples;
    this.queue_draw();
  }

  #draw(cr: Cairo.Context, width: number, height: number): void {
    const fg = this.get_style_context().get_color();
    const [found, accent] = this.get_style_context().lookup_color('accent_color');
    const top = 18;
    const plot = Math.max(1, height - top - 2);
    const peak = Math.max(1, ...this.samples);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.12);
    cr.setLineWidth(1);
    for (let i = 0; i <= 4; i++) {
      const y = Math.round(top + (plot * i) / 4) + 0.5;
      cr.moveTo(0, y);
      cr.lineTo(width, y);
    }
    cr.stroke();
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.6);
    cr.selectFontFace('Sans', 0, 0);
    cr.setFontSize(11);
    cr.moveTo(2, 12);
    cr.showText(format(_('%1$d announces a second'), peak));
    const n = this.samples.length;
    if (n > 0) {
      const step = width / n;
      if (found) cr.setSourceRGBA(accent.red, accent.green, accent.blue, 0.8);
      else cr.setSourceRGBA(0.21, 0.52, 0.89, 0.8);
      this.samples.forEach((v, i) => {
        if (v <= 0) return;
        const h = (v / peak) * plot;
        cr.rectangle(i * step, top + plot - h, Math.max(1, step - 0.5), h);
      });
      cr.fill();
    }
    cr.$dispose();
  }
}
