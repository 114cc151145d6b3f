import GLib from 'gi://GLib';

/** The resolutions of the history, finest first. */
export type BucketUnit = 'minute' | 'hour' | 'day' | 'month';

/**
 * Where buckets start and end, in unix seconds, on the user's local calendar: a day bucket runs
 * from local midnight to local midnight (23 or 25 hours across a DST change), a month from the
 * 1st to the 1st. The time zone is injectable so specs can pin one (e.g. Europe/Dublin).
 * The last range asked for each unit is cached: nearly every call falls in it.
 */
export class BucketCalendar {
  readonly zone: GLib.TimeZone;
  readonly #cache = new Map<BucketUnit, [start: number, end: number]>();
  readonly #offsets = new Map<number, number>();
  readonly #dayStarts = new Map<number, number>();
  readonly #monthStarts = new Map<number, number>();

  constructor(zone?: GLib.TimeZone) {
    this.zone = zone ?? GLib.TimeZone.new_local();
  }

  /** A calendar for a time zone identifier such as "Europe/Dublin" (UTC if GLib does not know it). */
  static forZone(identifier: string): BucketCalendar {
    return new BucketCalendar(GLib.TimeZone.new_identifier(identifier) ?? GLib.TimeZone.new_utc());
  }

  /** The bucket of `unit` holding the instant `t` (unix seconds): [start, end). */
  range(unit: BucketUnit, t: number): [number, number] {
    const cached = this.#cache.get(unit);
    if (cached && t >= cached[0] && t < cached[1]) return cached;
    const start = this.start(unit, t);
    const range: [number, number] = [start, this.#next(unit, start)];
    this.#cache.set(unit, range);
    return range;
  }

  start(unit: BucketUnit, t: number): number {
    const s = Math.floor(t);
    if (unit === 'minute') return s - mod(s, 60);
    const offset = this.#offset(s);
    if (unit === 'hour') return s - mod(s + offset, 3600);
    // Days and months through GLib's calendar, once per local day (DST days are not 86400 s).
    const localDay = Math.floor((s + offset) / 86400);
    const cache = unit === 'day' ? this.#dayStarts : this.#monthStarts;
    let start = cache.get(localDay);
    if (start === undefined) {
      const local = this.#local(s);
      start = this.#midnight(local.get_year(), local.get_month(), unit === 'day' ? local.get_day_of_month() : 1, s);
      if (cache.size > 50000) cache.clear();
      cache.set(localDay, start);
    }
    return start;
  }

  /**
   * The zone's UTC offset at `t`, in seconds. Offsets change only at transitions, which fall on
   * quarter hours: one GLib lookup per quarter hour asked about, then a map.
   */
  #offset(t: number): number {
    const key = Math.floor(t / 900);
    let offset = this.#offsets.get(key);
    if (offset === undefined) {
      offset = Math.round(Number(this.#local(t).get_utc_offset()) / 1e6);
      if (this.#offsets.size > 50000) this.#offsets.clear();
      this.#offsets.set(key, offset);
    }
    return offset;
  }

  /** Local midnight of the Monday of the week holding `t`. */
  weekStart(t: number): number {
    let day = this.start('day', t);
    for (let i = this.weekday(day); i > 1; i--) day = this.start('day', day - 1);
    return day;
  }

  /** Local midnight `days - 1` days before the day holding `t`: the first day of `days` days ending then. */
  firstDay(t: number, days: number): number {
    let day = this.start('day', t);
    for (let i = 1; i < days; i++) day = this.start('day', day - 1);
    return day;
  }

  end(unit: BucketUnit, t: number): number {
    return this.range(unit, t)[1];
  }

  /** Local date of an instant, "YYYY-MM-DD HH:MM" (export and labels). */
  label(t: number): string {
    return this.format(t, '%Y-%m-%d %H:%M');
  }

  /** An instant in this calendar's zone, formatted like GLib.DateTime.format ("%e %b", "%H:%M"). */
  format(t: number, pattern: string): string {
    return this.#local(t).format(pattern) ?? String(t);
  }

  /** Day of the week (1 = Monday … 7 = Sunday) and day of month of an instant, locally. */
  weekday(t: number): number {
    return this.#local(t).get_day_of_week();
  }

  #local(t: number): GLib.DateTime {
    const utc = GLib.DateTime.new_from_unix_utc(t) ?? GLib.DateTime.new_from_unix_utc(0)!;
    return utc.to_timezone(this.zone) ?? utc;
  }

  /** Local midnight of a date; where midnight does not exist (a DST jump at 00:00), the first instant of the day. */
  #midnight(year: number, month: number, day: number, notAfter: number): number {
    const at = GLib.DateTime.new(this.zone, year, month, day, 0, 0, 0).to_unix();
    return Math.min(at, notAfter);
  }

  #next(unit: BucketUnit, start: number): number {
    if (unit === 'minute') return start + 60;
    if (unit === 'hour') {
      // Usually an hour later; a zone with a half-hour DST shift ends the local hour sooner.
      const inside = this.start('hour', start + 3599);
      return inside > start ? inside : start + 3600;
    }
    const local = this.#local(start);
    const later = unit === 'day' ? local.add_days(1) : local.add_months(1);
    if (!later) return start + 86400;
    const day = unit === 'day' ? later.get_day_of_month() : 1;
    return this.#midnight(later.get_year(), later.get_month(), day, later.to_unix());
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
