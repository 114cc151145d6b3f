import GObject from 'gi://GObject';
import { errorMessage } from '../../lib/errors.ts';
import { logger } from '../../lib/log.ts';

/**
 * One torrent as the rest of the app sees it: a GObject whose properties notify, so the view can
 * bind list rows and details to it. It holds the original DFakeSeeder's per-torrent fields (the
 * columns of its list) plus the few the port adds.
 *
 * The properties are plain state. The engine (TorrentSession and its TorrentWorker) writes them;
 * the view only reads them and asks the controller for changes.
 */

/**
 * What the torrent is doing, for the sidebar filters and the list's status column; decided in
 * one place, TorrentSession.updateStatus: `paused` by the user, `stopped` by a stop condition
 * (`stop_reason` says which), `tracker-error` while no tracker works (`tracker_message` says
 * why; nothing is transferred), else `seeding` or `downloading`.
 */
export type TorrentStatus = 'downloading' | 'seeding' | 'paused' | 'stopped' | 'tracker-error';

const RW = GObject.ParamFlags.READWRITE;
const MAX = Number.MAX_SAFE_INTEGER;

const str = (name: string, dflt = '') => GObject.ParamSpec.string(name, '', '', RW, dflt);
const dbl = (name: string, min = 0, max = MAX, dflt = 0) => GObject.ParamSpec.double(name, '', '', RW, min, max, dflt);
const int = (name: string, min = 0, max = 2147483647, dflt = 0) =>
  GObject.ParamSpec.int(name, '', '', RW, min, max, dflt);
const bool = (name: string, dflt = false) => GObject.ParamSpec.boolean(name, '', '', RW, dflt);

/** The torrent's GObject properties. */
const PROPERTIES = {
  // Identity and metainfo
  'info-hash': str('info-hash'),
  'info-hash-v1': str('info-hash-v1'),
  'info-hash-v2': str('info-hash-v2'),
  name: str('name'),
  filepath: str('filepath'),
  comment: str('comment'),
  'created-by': str('created-by'),
  'creation-date': dbl('creation-date'),
  'total-size': dbl('total-size'),
  'piece-length': dbl('piece-length'),
  'piece-count': int('piece-count'),
  'file-count': int('file-count'),
  private: bool('private'),
  // Queue and user options (the original's per-torrent fields)
  id: int('id'),
  label: str('label'),
  priority: int('priority', 0, 2, 1),
  active: bool('active', true),
  'force-start': bool('force-start'),
  'super-seeding': bool('super-seeding'),
  'sequential-download': bool('sequential-download'),
  'upload-speed': dbl('upload-speed'),
  'download-speed': dbl('download-speed'),
  'upload-limit': dbl('upload-limit'),
  'download-limit': dbl('download-limit'),
  'announce-interval': int('announce-interval', 0, 2147483647, 1800),
  threshold: int('threshold', 0, 100, 30),
  'small-torrent-limit': int('small-torrent-limit'),
  // Simulated transfer
  progress: dbl('progress', 0, 1, 0),
  uploading: bool('uploading'),
  'session-uploaded': dbl('session-uploaded'),
  'session-downloaded': dbl('session-downloaded'),
  'total-uploaded': dbl('total-uploaded'),
  'total-downloaded': dbl('total-downloaded'),
  'upload-rate': dbl('upload-rate'),
  'download-rate': dbl('download-rate'),
  ratio: dbl('ratio'),
  'seeding-time': dbl('seeding-time'),
  // Tracker side
  seeders: int('seeders', -1, 2147483647, -1),
  leechers: int('leechers', -1, 2147483647, -1),
  'counts-time': int('counts-time', 0, 2147483647, 0),
  'next-update': int('next-update', -1, 2147483647, 0),
  'tracker-host': str('tracker-host'),
  'tracker-message': str('tracker-message'),
  // Overall state
  status: str('status', 'seeding'),
  'stop-reason': str('stop-reason'),
  'error-message': str('error-message'),
};

/** A property's JS name: `info-hash` is `info_hash`. */
type JsName<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${JsName<B>}` : S;
type PropertyKey = JsName<keyof typeof PROPERTIES>;

/**
 * Every property's value, by JS name. The properties are GObject properties (bindings, sorters
 * and `g_object_get` read them, and they notify), but their storage is this plain JS object,
 * which the engine, the totals and the saved state read directly (Torrent.values): every access
 * through a GObject wrapper goes through GJS (about a µs for a read, 2.5 µs for a write), and ten
 * thousand torrents tick over a thousand times a second.
 */
export type TorrentValues = { -readonly [K in PropertyKey]: Torrent[K] };

/** The ParamSpecs' defaults, which a new torrent's values start from. */
const DEFAULTS = Object.fromEntries(
  Object.entries(PROPERTIES).map(([name, spec]) => [name.replace(/-/g, '_'), spec.get_default_value() as unknown]),
) as TorrentValues;

/** GObject property names (kebab case) by JS name. */
const PROPERTY_NAME = Object.fromEntries(Object.keys(PROPERTIES).map((n) => [n.replace(/-/g, '_'), n])) as Record<
  PropertyKey,
  string
>;

type Figure =
  | 'session_uploaded'
  | 'session_downloaded'
  | 'total_uploaded'
  | 'total_downloaded'
  | 'upload_rate'
  | 'download_rate'
  | 'ratio'
  | 'seeding_time'
  | 'next_update';

/**
 * The figures notify only while someone observes them (`Torrent.observeFigures()`: the window,
 * a remote event stream); nobody else follows them change by change. The other engine values
 * notify at every change, as GObject properties do.
 */
const FIGURES: ReadonlySet<string> = new Set<Figure>([
  'session_uploaded',
  'session_downloaded',
  'total_uploaded',
  'total_downloaded',
  'upload_rate',
  'download_rate',
  'ratio',
  'seeding_time',
  'next_update',
]);

/** Observers of the figures: while none, a figure's change is kept but not notified. */
const observationListeners = new Set<() => void>();
let figureObservers = 0;

export class Torrent extends GObject.Object {
  static {
    // Defined before registerClass, which then keeps them instead of generating its own.
    for (const key of Object.keys(PROPERTY_NAME) as PropertyKey[]) {
      const name = PROPERTY_NAME[key];
      const quiet = FIGURES.has(key);
      Object.defineProperty(this.prototype, key, {
        configurable: true,
        get(this: Torrent) {
          return this.values[key];
        },
        set(this: Torrent, value: never) {
          const v = this.values;
          if (v[key] === value) return;
          v[key] = value;
          if (!quiet || figureObservers > 0) this.notify(name);
        },
      });
    }
    GObject.registerClass(
      {
        GTypeName: 'DfsTorrent',
        Properties: PROPERTIES,
      },
      this,
    );
  }

  /**
   * Someone shows or streams the per-tick figures (upload, rates, ratio, seeding time, next
   * update): from now on their changes notify. Returns the release; call it once.
   */
  static observeFigures(): () => void {
    figureObservers++;
    if (figureObservers === 1)
      for (const listener of observationListeners)
        try {
          listener();
        } catch (e) {
          logger.warning(`a figure-observation listener failed: ${errorMessage(e)}`);
        }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      figureObservers--;
    };
  }

  /** Calls `listener` each time someone starts observing the figures (resting workers wake). */
  static onObservationStarted(listener: () => void): () => void {
    observationListeners.add(listener);
    return () => observationListeners.delete(listener);
  }

  /** Whether figure changes notify now (for specs). */
  static get figuresObserved(): boolean {
    return figureObservers > 0;
  }

  /** The properties' storage (TorrentValues); made on first use, which may come from g_object_new. */
  declare _values: TorrentValues | undefined;

  /**
   * The plain storage of this torrent's properties. Reading it is free; a write here changes the
   * property without notifying: the engine writes figures so, then calls figureChanged().
   */
  get values(): TorrentValues {
    return (this._values ??= { ...DEFAULTS });
  }

  /** After the engine wrote a figure into `values`: notifies it while figures are observed. */
  figureChanged(key: Figure): void {
    if (figureObservers > 0) this.notify(PROPERTY_NAME[key]);
  }

  // The accessors are defined in the static block above; `declare` keeps TypeScript from shadowing them.
  /** The 20-byte hash trackers get, as hex: SHA-1 for v1 and hybrid, truncated SHA-256 for v2. */
  declare info_hash: string;
  /** Full SHA-1 (v1, hybrid) and SHA-256 (v2, hybrid) info hashes as hex; '' when absent. */
  declare info_hash_v1: string;
  declare info_hash_v2: string;
  declare name: string;
  declare filepath: string;
  declare comment: string;
  declare created_by: string;
  /** Unix time in seconds, 0 when the torrent does not say. */
  declare creation_date: number;
  declare total_size: number;
  declare piece_length: number;
  declare piece_count: number;
  declare file_count: number;
  declare private: boolean;

  /** Queue position, 1-based, unique in the model (the original's "id"). */
  declare id: number;
  declare label: string;
  /** 0 low, 1 normal, 2 high. */
  declare priority: number;
  /** False when paused. */
  declare active: boolean;
  declare force_start: boolean;
  declare super_seeding: boolean;
  declare sequential_download: boolean;
  /** Configured speeds in KB/s (the original's unit), before variation and caps. */
  declare upload_speed: number;
  declare download_speed: number;
  /** Per-torrent caps in KB/s; 0 means "no cap of its own". */
  declare upload_limit: number;
  declare download_limit: number;
  /** The torrent's own announce interval in seconds (used when the tracker gives none). */
  declare announce_interval: number;
  /** Progress (%) from which uploading starts. */
  declare threshold: number;
  declare small_torrent_limit: number;

  /** 0..1 */
  declare progress: number;
  declare uploading: boolean;
  /** Bytes in this run of the app ("this session"): 0 at start, kept across pause/resume. */
  declare session_uploaded: number;
  declare session_downloaded: number;
  /** Lifetime bytes, kept across sessions and restarts. */
  declare total_uploaded: number;
  declare total_downloaded: number;
  /** Current simulated rates in bytes per second, after variation and caps. */
  declare upload_rate: number;
  declare download_rate: number;
  /** total_uploaded / total_size. */
  declare ratio: number;
  /** Seconds spent seeding (complete and active), lifetime. */
  declare seeding_time: number;

  /** The freshest of the trackers' announce and scrape figures; -1 while unknown. */
  declare seeders: number;
  declare leechers: number;
  /** When seeders/leechers were received (unix seconds); 0 while unknown. */
  declare counts_time: number;
  /** Seconds until the next regular announce; -1 when none is scheduled (no usable tracker). */
  declare next_update: number;
  declare tracker_host: string;
  /** The last tracker warning or failure, in words (with `tracker-error`: why no tracker works). */
  declare tracker_message: string;

  declare status: TorrentStatus;
  /** Why a stop condition paused the torrent ('' if none). */
  declare stop_reason: string;
  declare error_message: string;
}
