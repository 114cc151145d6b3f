import { chooseRatioTarget, type StopSettings } from '../simulation/stopConditions.ts';
import type { Torrent } from '../torrent/Torrent.ts';
import type { EngineContext, TorrentWorker } from '../torrent/TorrentWorker.ts';
import type { SessionFacts } from './sessionCodec.ts';
import type { TorrentSession } from './TorrentSession.ts';
import type { SessionHost, TorrentLogLine } from './types.ts';

/** What the context reaches of a session's private state; TorrentSession fills it in once. */
export interface SessionInternals {
  host(s: TorrentSession): SessionHost;
  facts(s: TorrentSession): SessionFacts;
  stopSettings(s: TorrentSession): StopSettings;
  ticked(s: TorrentSession): void;
  stopForCondition(s: TorrentSession, reason: string): void;
}

/**
 * A TorrentSession as its worker sees it (EngineContext). Its methods live on one prototype: the
 * twelve closures per torrent this replaced cost about 0.8 KB of engine heap each, for every
 * torrent, all the time.
 */
export class SessionEngineContext implements EngineContext {
  static internals: SessionInternals;
  readonly #s: TorrentSession;

  constructor(session: TorrentSession) {
    this.#s = session;
  }

  get random() {
    return SessionEngineContext.internals.host(this.#s).rates.random;
  }

  get budget() {
    return SessionEngineContext.internals.host(this.#s).rates.budget;
  }

  tickSeconds(): number {
    return SessionEngineContext.internals.host(this.#s).rates.tickSeconds();
  }

  restSeconds(): number {
    return SessionEngineContext.internals.host(this.#s).restSeconds;
  }

  environment() {
    return SessionEngineContext.internals.host(this.#s).rates.environment();
  }

  stopSettings(): StopSettings {
    return SessionEngineContext.internals.stopSettings(this.#s);
  }

  ratioTarget(): number {
    const facts = SessionEngineContext.internals.facts(this.#s);
    return (facts.ratioTarget ??= chooseRatioTarget(this.stopSettings(), this.random));
  }

  accrues(): boolean {
    return this.#s.accrues;
  }

  distributedSpeed(direction: 'up' | 'down'): number | null {
    return SessionEngineContext.internals.host(this.#s).rates.distributedSpeed(direction, this.#s.values.filepath);
  }

  changed(): void {
    SessionEngineContext.internals.ticked(this.#s);
  }

  stopConditionMet(_worker: TorrentWorker, reason: string): void {
    SessionEngineContext.internals.stopForCondition(this.#s, reason);
  }

  log(_torrent: Torrent, level: TorrentLogLine['level'], message: string): void {
    this.#s.appendLog(level, message);
  }

  credited(torrent: Torrent, up: number, down: number): void {
    SessionEngineContext.internals.host(this.#s).credited?.(torrent, up, down);
  }
}
