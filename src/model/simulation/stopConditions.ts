import { _ } from '../../lib/i18n.ts';
import { type Random, uniform } from './random.ts';

/**
 * Stop conditions the original DFakeSeeder lacked: pause a
 * torrent once its ratio reaches a target, or once it has seeded for a number of hours.
 */
export interface StopSettings {
  /** Ratio target; 0 turns the condition off. */
  stopAtRatio: number;
  /** Pick the target at random within [ratioMin, ratioMax] once per torrent. */
  randomRatio: boolean;
  ratioMin: number;
  ratioMax: number;
  /** Hours of seeding; 0 turns the condition off. */
  stopAfterSeedingHours: number;
}

/** The ratio target for one torrent, or 0 for none. Called once per torrent and then kept. */
export function chooseRatioTarget(settings: StopSettings, random: Random): number {
  if (settings.randomRatio) {
    const lo = Math.max(0, Math.min(settings.ratioMin, settings.ratioMax));
    const hi = Math.max(settings.ratioMin, settings.ratioMax);
    if (hi <= 0) return 0;
    return Math.round(uniform(random, lo, hi) * 100) / 100;
  }
  return Math.max(0, settings.stopAtRatio);
}

/** Why the torrent should stop now, in words, or null to go on. */
export function stopReason(
  ratio: number,
  ratioTarget: number,
  seedingSeconds: number,
  settings: StopSettings,
): string | null {
  if (ratioTarget > 0 && ratio >= ratioTarget) {
    return _('Ratio target %s reached').replace('%s', ratioTarget.toFixed(2));
  }
  const hours = settings.stopAfterSeedingHours;
  if (hours > 0 && seedingSeconds >= hours * 3600) {
    return _('Seeded for %s hours').replace('%s', String(hours));
  }
  return null;
}
