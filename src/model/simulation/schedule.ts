/**
 * The alternative-speed scheduler (`scheduler.*`, as in the original DFakeSeeder): alternative
 * speeds are on during a daily time window on the chosen weekdays. A window that ends at or
 * before its start crosses midnight; its part after midnight belongs to the day it started on.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface AltSpeedSchedule {
  enabled: boolean;
  startHour: number;
  startMinute: number;
  endHour: number;
  endMinute: number;
  days: Partial<Record<Weekday, boolean>>;
}

/** Local wall-clock time: ISO weekday (1 = Monday … 7 = Sunday), hour, minute. */
export interface LocalTime {
  weekday: number;
  hour: number;
  minute: number;
}

export function scheduleWantsAlternative(schedule: AltSpeedSchedule, now: LocalTime): boolean {
  if (!schedule.enabled) return false;
  const start = schedule.startHour * 60 + schedule.startMinute;
  const end = schedule.endHour * 60 + schedule.endMinute;
  const t = now.hour * 60 + now.minute;
  const dayOn = (isoWeekday: number) => schedule.days[WEEKDAYS[(((isoWeekday - 1) % 7) + 7) % 7]] === true;
  if (start < end) return t >= start && t < end && dayOn(now.weekday);
  if (start === end) return dayOn(now.weekday); // a 24-hour window
  // Crosses midnight: evening part on today's setting, early-morning part on yesterday's.
  if (t >= start) return dayOn(now.weekday);
  if (t < end) return dayOn(now.weekday - 1);
  return false;
}
