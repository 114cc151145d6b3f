import GObject from 'gi://GObject';

const bytes = (name: string) =>
  GObject.ParamSpec.double(name, '', '', GObject.ParamFlags.READABLE, 0, Number.MAX_SAFE_INTEGER, 0);

/** The figures over all torrents, as plain numbers (what `TransferTotals.update` takes). */
export interface TransferFigures {
  /** Bytes since the app started, summed. */
  sessionUploaded: number;
  sessionDownloaded: number;
  /** Lifetime bytes, summed. */
  totalUploaded: number;
  totalDownloaded: number;
  /** Current bytes per second, summed. */
  uploadRate: number;
  downloadRate: number;
}

const FIELDS: [keyof TransferFigures, string][] = [
  ['sessionUploaded', 'session-uploaded'],
  ['sessionDownloaded', 'session-downloaded'],
  ['totalUploaded', 'total-uploaded'],
  ['totalDownloaded', 'total-downloaded'],
  ['uploadRate', 'upload-rate'],
  ['downloadRate', 'download-rate'],
];

interface TransferTotalsSignals extends GObject.Object.SignalSignatures {
  /** After each push, whether or not a figure moved: the pace at which live views refresh. */
  updated: () => void;
}

/**
 * What moved over all torrents and how fast, as notifying properties (`upload-rate`,
 * `session-uploaded`, …) that views bind to. Whoever owns it pushes new figures as the engine
 * ticks, throttled there; a property notifies only when its figure changed.
 */
export class TransferTotals extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTransferTotals',
        Properties: Object.fromEntries(FIELDS.map(([, name]) => [name, bytes(name)])),
        Signals: { updated: {} },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, TransferTotalsSignals>['connect'];
  declare emit: GObject.SignalMethods<this, TransferTotalsSignals>['emit'];
  readonly #figures: TransferFigures = {
    sessionUploaded: 0,
    sessionDownloaded: 0,
    totalUploaded: 0,
    totalDownloaded: 0,
    uploadRate: 0,
    downloadRate: 0,
  };

  // Read-only GObject properties: GJS reads them through these getters.
  get session_uploaded(): number {
    return this.#figures.sessionUploaded;
  }
  get session_downloaded(): number {
    return this.#figures.sessionDownloaded;
  }
  get total_uploaded(): number {
    return this.#figures.totalUploaded;
  }
  get total_downloaded(): number {
    return this.#figures.totalDownloaded;
  }
  get upload_rate(): number {
    return this.#figures.uploadRate;
  }
  get download_rate(): number {
    return this.#figures.downloadRate;
  }

  /** The figures now (a copy). */
  figures(): TransferFigures {
    return { ...this.#figures };
  }

  /** Takes new figures: notifies those that changed, then `updated`. */
  update(next: TransferFigures): void {
    this.freeze_notify();
    for (const [key, name] of FIELDS) {
      if (this.#figures[key] === next[key]) continue;
      this.#figures[key] = next[key];
      this.notify(name);
    }
    this.thaw_notify();
    this.emit('updated');
  }
}
