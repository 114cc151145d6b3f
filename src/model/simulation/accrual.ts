import { type Random, uniform } from './random.ts';

/**
 * One torrent's simulated transfer, as the original computes it each tick
 * (DFakeSeeder's tick): configured KB/s × a random factor in
 * [speed_variation_min, speed_variation_max), credited for the seconds that really elapsed.
 * Pure: the caller passes the state, the elapsed time and the random source.
 */

/** The part of a torrent's state the simulation reads and writes. Sizes in bytes. */
export interface TransferState {
  totalSize: number;
  /** 0..1 */
  progress: number;
  /** Once progress reaches the threshold it stays true (the original never goes back). */
  uploading: boolean;
  sessionUploaded: number;
  sessionDownloaded: number;
  totalUploaded: number;
  totalDownloaded: number;
  /** Lifetime seconds spent complete and active. */
  seedingTime: number;
}

/** What the user configured for this torrent (KB/s; limits of 0 mean "none of its own"). */
export interface TransferOptions {
  uploadSpeed: number;
  downloadSpeed: number;
  uploadLimit: number;
  downloadLimit: number;
  /** % of progress from which uploading starts. */
  threshold: number;
  /** Leechers the tracker last reported; -1 while unknown. */
  leechers: number;
}

export interface SimulationEnvironment {
  variationMin: number;
  variationMax: number;
  /** Upload only while the tracker reports at least one leecher. */
  uploadOnlyWithLeechers: boolean;
}

/** Bytes per second. */
export interface Rates {
  up: number;
  down: number;
}

const KB = 1024;

/**
 * The rates this torrent would like this tick, before the global caps: speed × variation,
 * then its own limit. Zero in a direction that is idle (complete, below threshold, no leechers).
 */
export function wantedRates(
  state: TransferState,
  options: TransferOptions,
  env: SimulationEnvironment,
  random: Random,
): Rates {
  const uploads = isUploading(state, options) && (!env.uploadOnlyWithLeechers || options.leechers > 0);
  const downloads = state.progress < 1 && state.totalSize > 0;
  const vary = () => uniform(random, env.variationMin, env.variationMax);
  let up = uploads ? options.uploadSpeed * KB * vary() : 0;
  let down = downloads ? options.downloadSpeed * KB * vary() : 0;
  if (options.uploadLimit > 0) up = Math.min(up, options.uploadLimit * KB);
  if (options.downloadLimit > 0) down = Math.min(down, options.downloadLimit * KB);
  return { up: Math.max(0, up), down: Math.max(0, down) };
}

/** True once progress has reached the threshold (or uploading was already on). */
export function isUploading(state: TransferState, options: TransferOptions): boolean {
  return state.uploading || state.progress * 100 >= options.threshold;
}

export interface StepResult {
  state: TransferState;
  /** The rates in effect (bytes/s), for the list's speed columns. */
  rates: Rates;
  /** True only on the step where a simulated download reached 100 %. */
  completedNow: boolean;
}

/**
 * Credits `rates` for `elapsedSeconds` of real (monotonic) time. The download never credits
 * more than what is left, and progress follows the downloaded bytes.
 */
export function creditTransfer(
  state: TransferState,
  options: TransferOptions,
  rates: Rates,
  elapsedSeconds: number,
): StepResult {
  const seconds = Math.max(0, elapsedSeconds);
  const next = { ...state };
  const wasComplete = state.progress >= 1;
  let down = 0;
  if (!wasComplete && state.totalSize > 0) {
    const left = state.totalSize * (1 - state.progress);
    down = Math.min(Math.floor(rates.down * seconds), Math.ceil(left));
    next.progress = down >= left ? 1 : Math.min(1, state.progress + down / state.totalSize);
  } else if (state.totalSize <= 0) {
    // A torrent of unknown size (never valid metainfo) counts as complete rather than dividing by 0.
    next.progress = 1;
  }
  const up = Math.floor(rates.up * seconds);
  next.sessionDownloaded += down;
  next.totalDownloaded += down;
  next.sessionUploaded += up;
  next.totalUploaded += up;
  next.uploading = isUploading(next, options);
  if (wasComplete) next.seedingTime += seconds;
  const completedNow = !wasComplete && next.progress >= 1 && state.totalSize > 0;
  // The rates in effect (not bytes ÷ seconds, which whole-byte rounding distorts over short
  // steps); a download that ran out of bytes shows what it really moved.
  const effective = {
    up: rates.up,
    down: wasComplete || state.totalSize <= 0 ? 0 : next.progress >= 1 && seconds > 0 ? down / seconds : rates.down,
  };
  return { state: next, rates: effective, completedNow };
}

/** Bytes left to download, as told to trackers. */
export function bytesLeft(state: TransferState): number {
  if (state.progress >= 1 || state.totalSize <= 0) return 0;
  return Math.max(0, Math.ceil(state.totalSize * (1 - state.progress)));
}

/** total uploaded / size, the figure the ratio column and the ratio stop condition use. */
export function shareRatio(state: TransferState): number {
  return state.totalSize > 0 ? state.totalUploaded / state.totalSize : 0;
}
