import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

/** One reading of the app's own health. */
export interface HealthSample {
  /** Unix seconds. */
  time: number;
  /** Percent of one core used since the previous sample. */
  cpuPercent: number;
  /** Resident memory, bytes. */
  rssBytes: number;
  openFiles: number;
  /** Announces running plus waiting for the global cap. */
  announcesInFlight: number;
  /** How late the sampling timeout fired: what any event waits for the main loop. */
  loopDelayMs: number;
}

/** Samples kept: ten minutes at one every two seconds. */
export const HEALTH_SAMPLES = 300;
const INTERVAL_MS = 2000;
/** Linux reports CPU time in USER_HZ ticks, 100 a second on every architecture GNOME runs on. */
const TICKS_PER_SECOND = 100;

/** What the sampler reads from the tracker layer (TrackerNetwork.announceLoad). */
export interface AnnounceLoadSource {
  readonly announceLoad: { running: number; waiting: number; limit: number };
}

/** CPU seconds (user + system) from the text of /proc/self/stat; null if it does not parse. */
export function cpuSecondsFromStat(stat: string): number | null {
  // The command name (field 2) may hold spaces and parentheses: fields count from the last ')'.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : null;
}

/** Resident memory in bytes from the text of /proc/self/status (VmRSS, in kB). */
export function rssFromStatus(status: string): number | null {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : null;
}

interface AppHealthSamplerSignals extends GObject.Object.SignalSignatures {
  sampled: () => void;
}

/**
 * The app's own CPU, memory, open files, announces in flight and main-loop delay, read every
 * two seconds while someone watches (the Statistics window's App Health page, D-Bus), from
 * /proc/self — in-kernel files, read synchronously in microseconds. Nothing runs while no one
 * watches.
 */
export class AppHealthSampler extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsAppHealthSampler', Signals: { sampled: {} } }, this);
  }

  declare connect: GObject.SignalMethods<this, AppHealthSamplerSignals>['connect'];
  declare emit: GObject.SignalMethods<this, AppHealthSamplerSignals>['emit'];

  readonly samples: HealthSample[] = [];
  #network: AnnounceLoadSource | null;
  #procDir: string;
  #watchers = 0;
  #timer = 0;
  #expectedUs = 0;
  #lastCpu: { seconds: number; atUs: number } | null = null;

  constructor(options: { network?: AnnounceLoadSource | null; procDir?: string } = {}) {
    super();
    this.#network = options.network ?? null;
    this.#procDir = options.procDir ?? '/proc/self';
  }

  /** Starts sampling for one more watcher; returns the function that stops watching. */
  watch(): () => void {
    this.#watchers++;
    if (this.#watchers === 1) {
      this.sample();
      this.#arm();
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#watchers--;
      if (this.#watchers === 0 && this.#timer) {
        GLib.source_remove(this.#timer);
        this.#timer = 0;
      }
    };
  }

  #arm(): void {
    this.#expectedUs = GLib.get_monotonic_time() + INTERVAL_MS * 1000;
    this.#timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, INTERVAL_MS, () => {
      const lateMs = Math.max(0, (GLib.get_monotonic_time() - this.#expectedUs) / 1000);
      this.#timer = 0;
      this.sample(lateMs);
      if (this.#watchers > 0) this.#arm();
      return GLib.SOURCE_REMOVE;
    });
  }

  /** Takes one sample now (the timer calls this; so can a caller that wants a fresh figure). */
  sample(loopDelayMs = this.samples.at(-1)?.loopDelayMs ?? 0): HealthSample {
    const nowUs = GLib.get_monotonic_time();
    const cpuSeconds = cpuSecondsFromStat(this.#read('stat')) ?? 0;
    let cpuPercent = 0;
    if (this.#lastCpu && nowUs > this.#lastCpu.atUs)
      cpuPercent = (100 * (cpuSeconds - this.#lastCpu.seconds)) / ((nowUs - this.#lastCpu.atUs) / 1e6);
    this.#lastCpu = { seconds: cpuSeconds, atUs: nowUs };
    const load = this.#network?.announceLoad;
    const s: HealthSample = {
      time: Math.floor(GLib.get_real_time() / 1e6),
      cpuPercent: Math.max(0, cpuPercent),
      rssBytes: rssFromStatus(this.#read('status')) ?? 0,
      openFiles: this.#countFds(),
      announcesInFlight: load ? load.running + load.waiting : 0,
      loopDelayMs,
    };
    this.samples.push(s);
    if (this.samples.length > HEALTH_SAMPLES) this.samples.shift();
    this.emit('sampled');
    return s;
  }

  #read(name: string): string {
    try {
      return new TextDecoder().decode(GLib.file_get_contents(`${this.#procDir}/${name}`)[1]);
    } catch {
      return '';
    }
  }

  #countFds(): number {
    let n = 0;
    try {
      const listing = Gio.File.new_for_path(`${this.#procDir}/fd`).enumerate_children(
        'standard::name',
        Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS,
        null,
      );
      while (listing.next_file(null) !== null) n++;
      listing.close(null);
    } catch {
      return 0;
    }
    return Math.max(0, n - 1); // less the listing's own descriptor
  }
}
