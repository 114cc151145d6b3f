import type Cairo from 'cairo';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

/** One value on the chart: its label on the axis and in the hover text. */
export interface ChartPoint {
  label: string;
  value: number;
}

/** Where a value was drawn (widget coordinates), for hover and for specs that check the drawing. */
export interface DrawnMark {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

type Rgba = [number, number, number, number];

const TOP = 20;
const BOTTOM = 18;

/**
 * A chart drawn with cairo: bars (one per point) or a line. Colours come from the theme
 * (accent, error, success), so it reads in light and dark. Hovering shows the value under the
 * pointer (tooltip and a highlight); the accessible description is a text summary of every
 * value, for screen readers and for anyone who wants the numbers.
 */
export class HistoryChart extends Gtk.DrawingArea {
  static {
    GObject.registerClass({ GTypeName: 'DfsHistoryChart' }, this);
  }

  readonly kind: 'bars' | 'line';
  readonly title: string;
  #points: ChartPoint[] = [];
  #format: (v: number) => string;
  #base: number;
  #colorName: string;
  /** Marks from the last draw. */
  marks: DrawnMark[] = [];
  hoverIndex = -1;

  constructor(options: {
    title: string;
    kind: 'bars' | 'line';
    format: (v: number) => string;
    /** 1024 for bytes: the scale then rounds in the units the labels print (KB, MB, GB). */
    base?: 1000 | 1024;
    color?: 'accent' | 'error' | 'success';
    height?: number;
  }) {
    super({
      content_height: options.height ?? 150,
      hexpand: true,
      has_tooltip: true,
      accessible_role: Gtk.AccessibleRole.IMG,
    });
    this.kind = options.kind;
    this.title = options.title;
    this.#format = options.format;
    this.#base = options.base ?? 1000;
    this.#colorName = `${options.color ?? 'accent'}_color`;
    this.add_css_class('dfs-history-chart');
    this.set_draw_func((_a, cr, w, h) => this.#draw(cr, w, h));
    const motion = new Gtk.EventControllerMotion();
    motion.connect('motion', (_c, x) => this.hoverAt(x));
    motion.connect('leave', () => this.hoverAt(-1));
    this.add_controller(motion);
    this.connect('query-tooltip', (_w, _x, _y, _k, tooltip: Gtk.Tooltip) => {
      const text = this.hoverText();
      if (!text) return false;
      tooltip.set_text(text);
      return true;
    });
    this.#describe();
  }

  get points(): readonly ChartPoint[] {
    return this.#points;
  }

  setPoints(points: ChartPoint[]): void {
    this.#points = points;
    this.hoverIndex = Math.min(this.hoverIndex, points.length - 1);
    this.#describe();
    this.queue_draw();
  }

  /** "label: value" of the point under the pointer, or null. */
  hoverText(): string | null {
    const p = this.#points[this.hoverIndex];
    return p ? `${p.label}: ${this.#format(p.value)}` : null;
  }

  /** The text alternative: the title and every value. */
  summary(): string {
    if (this.#points.length === 0) return `${this.title}: —`;
    return `${this.title}: ${this.#points.map((p) => `${p.label} ${this.#format(p.value)}`).join('; ')}`;
  }

  #describe(): void {
    this.update_property(
      [Gtk.AccessibleProperty.LABEL, Gtk.AccessibleProperty.DESCRIPTION],
      [this.title, this.summary()],
    );
  }

  /** Index of the point at x (widget coordinates), -1 if none. */
  indexAt(x: number): number {
    const n = this.#points.length;
    const width = this.get_width();
    if (x < 0 || n === 0 || width <= 0) return -1;
    return Math.min(n - 1, Math.max(0, Math.floor((x / width) * n)));
  }

  /** Highlights the point under x (the pointer's motion; -1 when it leaves). */
  hoverAt(x: number): void {
    const index = this.indexAt(x);
    if (index === this.hoverIndex) return;
    this.hoverIndex = index;
    this.queue_draw();
  }

  #color(name: string, fallback: Rgba): Rgba {
    const [found, rgba] = this.get_style_context().lookup_color(name);
    return found ? [rgba.red, rgba.green, rgba.blue, rgba.alpha] : fallback;
  }

  #draw(cr: Cairo.Context, width: number, height: number): void {
    const fg = this.get_style_context().get_color();
    const [r, g, b] = this.#color(this.#colorName, [0.21, 0.52, 0.89, 1]);
    const plot = Math.max(1, height - TOP - BOTTOM);
    const n = this.#points.length;
    const peak = Math.max(0, ...this.#points.map((p) => p.value));
    const scale = peak > 0 ? niceCeiling(peak, this.#base) : 1;
    const yOf = (v: number) => TOP + plot - (Math.max(0, v) / scale) * plot;

    cr.setLineWidth(1);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.12);
    for (let i = 0; i <= 4; i++) {
      const y = Math.round(TOP + (plot * i) / 4) + 0.5;
      cr.moveTo(0, y);
      cr.lineTo(width, y);
    }
    cr.stroke();

    cr.selectFontFace('Sans', 0, 0);
    cr.setFontSize(11);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.7);
    cr.moveTo(2, 13);
    cr.showText(this.title);
    // The scale where it applies: the top and middle grid lines carry their values.
    cr.setFontSize(9);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.55);
    for (const [fraction, i] of [
      [1, 0],
      [0.5, 2],
    ]) {
      cr.moveTo(2, Math.round(TOP + (plot * i) / 4) + 10);
      cr.showText(this.#format(scale * fraction));
    }
    cr.setFontSize(11);
    cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.7);
    const slotWidth = n > 0 ? width / n : width;
    if (this.kind === 'bars' && n > 0 && n <= 12) {
      // Few bars (trackers): each one named under it, cut to its width.
      this.#points.forEach((p, i) => {
        let text = p.label;
        while (text.length > 1 && cr.textExtents(text).width > slotWidth - 4) text = `${text.slice(0, -2)}…`;
        const w = cr.textExtents(text).width;
        cr.moveTo(i * slotWidth + (slotWidth - w) / 2, height - 4);
        cr.showText(text);
      });
    } else if (n > 0) {
      cr.moveTo(2, height - 4);
      cr.showText(this.#points[0].label);
      const last = this.#points[n - 1].label;
      const extents = cr.textExtents(last);
      cr.moveTo(Math.max(2, width - extents.width - 4), height - 4);
      cr.showText(last);
    }

    this.marks = [];
    const slot = slotWidth;
    if (this.kind === 'bars') {
      const gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
      this.#points.forEach((p, i) => {
        const y = yOf(p.value);
        const mark = { index: i, x: i * slot + gap / 2, y, width: Math.max(1, slot - gap), height: TOP + plot - y };
        this.marks.push(mark);
        cr.setSourceRGBA(r, g, b, i === this.hoverIndex ? 1 : 0.8);
        cr.rectangle(mark.x, mark.y, mark.width, mark.height);
        cr.fill();
      });
    } else if (n > 0) {
      this.#points.forEach((p, i) => {
        const x = n === 1 ? width / 2 : (i * width) / (n - 1);
        this.marks.push({ index: i, x, y: yOf(p.value), width: 0, height: TOP + plot - yOf(p.value) });
        if (i === 0) cr.moveTo(x, yOf(p.value));
        else cr.lineTo(x, yOf(p.value));
      });
      // One sample so far: a level line across, not an invisible point.
      if (n === 1) {
        cr.moveTo(0, this.marks[0].y);
        cr.lineTo(width, this.marks[0].y);
      }
      const [first, last] = n === 1 ? [0, width] : [this.marks[0].x, this.marks[n - 1].x];
      cr.setSourceRGBA(r, g, b, 1);
      cr.setLineWidth(2);
      cr.strokePreserve();
      cr.lineTo(last, TOP + plot);
      cr.lineTo(first, TOP + plot);
      cr.closePath();
      cr.setSourceRGBA(r, g, b, 0.15);
      cr.fill();
      const hovered = this.marks[this.hoverIndex];
      if (hovered) {
        cr.setSourceRGBA(r, g, b, 1);
        cr.arc(hovered.x, hovered.y, 4, 0, 2 * Math.PI);
        cr.fill();
      }
    }

    const text = this.hoverText();
    if (text) {
      cr.setSourceRGBA(fg.red, fg.green, fg.blue, 0.9);
      const extents = cr.textExtents(text);
      cr.moveTo(Math.max(2, width - extents.width - 4), 13);
      cr.showText(text);
    }
    cr.$dispose();
  }
}

/**
 * Rounds a peak up to 1, 2 or 5 × a power of ten — in units of `base`^k for bytes (2.1 GB → 5 GB,
 * not 5·10⁹ bytes printed as "4.7 GB"), so the scale reads well.
 */
export function niceCeiling(value: number, base = 1000): number {
  if (base !== 1000 && value >= base) {
    const unit = base ** Math.floor(Math.log(value) / Math.log(base));
    return niceCeiling(value / unit) * unit;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (value <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}
