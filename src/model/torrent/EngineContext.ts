import type { SimulationEnvironment } from '../simulation/accrual.ts';
import type { Random } from '../simulation/random.ts';
import type { RateBudget } from '../simulation/RateBudget.ts';
import type { StopSettings } from '../simulation/stopConditions.ts';
import type { TickScheduler } from './TickScheduler.ts';
import type { Torrent } from './Torrent.ts';
import type { TorrentWorker } from './TorrentWorker.ts';

/**
 * How a farewell went: `stopped` acknowledged by some tracker; refused by every tracker that
 * answered; not answered (network error, timeout); or nothing owed to any tracker.
 */
export type FarewellResult = 'sent' | 'rejected' | 'unanswered' | 'nothing';

/**
 * What the worker's owner (the TorrentSession) supplies: the shared pieces (settings read at
 * each tick, RNG, global budget) and the torrent's own decisions.
 */
export interface EngineContext {
  readonly random: Random;
  readonly budget: RateBudget;
  /** Seconds between simulation ticks (`tickspeed`). */
  tickSeconds(): number;
  /**
   * Seconds between the ticks of a seeding torrent while nobody observes the figures (no window,
   * no remote event stream); 0 or absent: every tickSeconds, always. See TorrentWorker.#armNext.
   */
  restSeconds?(): number;
  /** Whether anyone observes the figures now (default: Torrent.figuresObserved; specs set it). */
  observed?(): boolean;
  environment(): SimulationEnvironment;
  stopSettings(torrent: Torrent): StopSettings;
  /** The torrent's ratio target (0 = none), chosen once by its owner. */
  ratioTarget(torrent: Torrent): number;
  /** False while the torrent may not transfer (no tracker answers: no peers to trade with). */
  accrues(torrent: Torrent): boolean;
  /** KB/s the speed distribution gives this torrent, or null to use its configured speed. */
  distributedSpeed(direction: 'up' | 'down', torrent: Torrent): number | null;
  /** Called after each tick (the owner records the rates and decides the status). */
  changed(torrent: Torrent): void;
  /** A stop condition was met: the Model pauses the torrent (sending `stopped`). */
  stopConditionMet(worker: TorrentWorker, reason: string): void;
  /** One line of this torrent's history (announces, replies, errors). */
  log(torrent: Torrent, level: 'info' | 'warning' | 'error', message: string): void;
  /** The bytes this tick credited (the statistics history). */
  credited?(torrent: Torrent, up: number, down: number): void;
  /** The engine's clock (default: the process-wide TickScheduler.shared). */
  readonly scheduler?: TickScheduler;
}
