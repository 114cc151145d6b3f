import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { SETTINGS } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/SettingsStore.ts';
import type { SimulationEnvironment } from '../simulation/accrual.ts';
import { type DistributionSettings, SpeedDistributor } from '../simulation/distribution.ts';
import type { Random } from '../simulation/random.ts';
import { RateBudget } from '../simulation/RateBudget.ts';
import { type AltSpeedSchedule, type LocalTime, scheduleWantsAlternative, WEEKDAYS } from '../simulation/schedule.ts';
import type { StopSettings } from '../simulation/stopConditions.ts';

const SCHEDULE_CHECK_SECONDS = 60;

export interface GlobalRatesOptions {
  settings: SettingsStore;
  random: Random;
  /** Local time for the alternative-speed scheduler (injected by specs). */
  localTime: () => LocalTime;
  /** A user-facing message (the scheduler switched speeds). */
  message: (text: string) => void;
}

/**
 * What all torrents share: the global caps (one RateBudget), the alternative-speed schedule,
 * the speed distribution's shares, and the settings every tick reads (cached until a setting
 * changes: a thousand torrents tick often). `tick()` is the model-wide step.
 */
export class GlobalRates {
  readonly budget = new RateBudget();
  readonly random: Random;
  readonly #settings: SettingsStore;
  readonly #localTime: () => LocalTime;
  readonly #message: (text: string) => void;
  readonly #upShares = new SpeedDistributor();
  readonly #downShares = new SpeedDistributor();
  #environment: SimulationEnvironment | null = null;
  #stopSettings: StopSettings | null = null;
  #lastScheduleCheckUs = -Infinity;
  #scheduleWanted: boolean | null = null;

  constructor(options: GlobalRatesOptions) {
    this.#settings = options.settings;
    this.random = options.random;
    this.#localTime = options.localTime;
    this.#message = options.message;
    this.#updateLimits();
  }

  /** Seconds between simulation ticks. */
  tickSeconds(): number {
    return this.#settings.get(SETTINGS.tickspeed);
  }

  environment(): SimulationEnvironment {
    return (this.#environment ??= this.#readEnvironment());
  }

  #readEnvironment(): SimulationEnvironment {
    const min = this.#settings.get(SETTINGS.ui_settings.speed_variation_min);
    const max = this.#settings.get(SETTINGS.ui_settings.speed_variation_max);
    return {
      variationMin: Math.min(min, max),
      variationMax: Math.max(min, max),
      uploadOnlyWithLeechers: this.#settings.get(SETTINGS.simulation.upload_only_with_leechers),
    };
  }

  /** The preferences' stop conditions (a torrent may override the seeding time). */
  stopSettings(): StopSettings {
    return (this.#stopSettings ??= {
      stopAtRatio: this.#settings.get(SETTINGS.simulation.stop_at_ratio),
      randomRatio: this.#settings.get(SETTINGS.simulation.stop_ratio_random),
      ratioMin: this.#settings.get(SETTINGS.simulation.stop_ratio_min),
      ratioMax: this.#settings.get(SETTINGS.simulation.stop_ratio_max),
      stopAfterSeedingHours: this.#settings.get(SETTINGS.simulation.stop_after_seeding_hours),
    });
  }

  /** KB/s the speed distribution gives this torrent, or null to use its configured speed. */
  distributedSpeed(direction: 'up' | 'down', key: string): number | null {
    return (direction === 'up' ? this.#upShares : this.#downShares).shareOf(key);
  }

  /** A tracker replied: distribution in `announce` mode reshuffles. */
  noteAnnounce(): void {
    this.#upShares.noteAnnounce();
    this.#downShares.noteAnnounce();
  }

  /** Global caps in KB/s (0 = none): the alternative ones while alternative speeds are on. */
  limitsKBps(): { up: number; down: number } {
    const s = this.#settings;
    return s.get(SETTINGS.speed.enable_alternative_speeds)
      ? { up: s.get(SETTINGS.speed.alt_upload_limit_kbps), down: s.get(SETTINGS.speed.alt_download_limit_kbps) }
      : { up: s.get(SETTINGS.speed.upload_limit_kbps), down: s.get(SETTINGS.speed.download_limit_kbps) };
  }

  #updateLimits(): void {
    const l = this.limitsKBps();
    this.budget.setLimits({ up: l.up * 1024, down: l.down * 1024 });
  }

  /** A setting changed (SettingsStore's `changed`). */
  settingChanged(path: string): void {
    this.#environment = null;
    this.#stopSettings = null;
    if (path.startsWith('speed') || path === '') this.#updateLimits();
    if (path.startsWith('scheduler')) this.#lastScheduleCheckUs = -Infinity;
  }

  /**
   * The model-wide step: the alternative-speed schedule (checked once a minute), the caps and
   * the speed distribution over the running torrents (`running`: their keys).
   */
  tick(running: string[], nowUs = GLib.get_monotonic_time()): void {
    if (nowUs - this.#lastScheduleCheckUs >= SCHEDULE_CHECK_SECONDS * 1e6) {
      this.#lastScheduleCheckUs = nowUs;
      this.#applySchedule();
    }
    this.#updateLimits();
    const limits = this.limitsKBps();
    const totalUp = limits.up > 0 ? limits.up : this.#settings.get(SETTINGS.total_upload_speed);
    const totalDown = limits.down > 0 ? limits.down : this.#settings.get(SETTINGS.total_download_speed);
    this.#upShares.update(nowUs, running, totalUp, this.#distribution('upload'), this.random);
    this.#downShares.update(nowUs, running, totalDown, this.#distribution('download'), this.random);
  }

  #distribution(direction: 'upload' | 'download'): DistributionSettings {
    const d = SETTINGS.speed_distribution[direction];
    const s = this.#settings;
    return {
      algorithm: s.get(d.algorithm),
      spreadPercentage: s.get(d.spread_percentage),
      stoppedMinPercentage: s.get(d.stopped_min_percentage),
      stoppedMaxPercentage: s.get(d.stopped_max_percentage),
      redistributionMode: s.get(d.redistribution_mode),
      customIntervalMinutes: s.get(d.custom_interval_minutes),
    };
  }

  #applySchedule(): void {
    const s = this.#settings;
    const sch = SETTINGS.scheduler;
    const days: AltSpeedSchedule['days'] = {};
    for (const d of WEEKDAYS) days[d] = s.get(sch.days[d]);
    if (!s.get(sch.enabled)) {
      this.#scheduleWanted = null;
      return;
    }
    const schedule: AltSpeedSchedule = {
      enabled: true,
      startHour: s.get(sch.start_hour),
      startMinute: s.get(sch.start_minute),
      endHour: s.get(sch.end_hour),
      endMinute: s.get(sch.end_minute),
      days,
    };
    const want = scheduleWantsAlternative(schedule, this.#localTime());
    // Only a change of the schedule's own decision writes the setting, so a user who flips
    // alternative speeds by hand keeps that until the next window edge.
    if (want === this.#scheduleWanted) return;
    this.#scheduleWanted = want;
    if (s.get(SETTINGS.speed.enable_alternative_speeds) === want) return;
    try {
      s.set(SETTINGS.speed.enable_alternative_speeds.path, want);
    } catch (e) {
      logger.warning(`scheduler could not switch alternative speeds: ${errorMessage(e)}`);
    }
    this.#updateLimits();
    this.#message(want ? _('Scheduler: alternative speeds on') : _('Scheduler: alternative speeds off'));
  }
}
