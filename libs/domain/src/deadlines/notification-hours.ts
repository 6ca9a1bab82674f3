import { DateTime } from 'luxon';
import { CalendarOverrides, isWorkingDay, NO_OVERRIDES } from '../time/working-calendar';

export interface WorkingHours {
  timeZone: string;
  overrides?: CalendarOverrides;
  /** Local hour the working day starts (inclusive) and ends (exclusive). */
  startHour?: number;
  endHour?: number;
}

/**
 * When a notification to people may go out: now inside working hours or when urgent, else the next working
 * morning. Timers still fire on time; only the people are spared the night.
 */
export function deliverAfter(now: Date, urgent: boolean, hours: WorkingHours): Date {
  if (urgent) return now;
  const startHour = hours.startHour ?? 9;
  const endHour = hours.endHour ?? 18;
  const overrides = hours.overrides ?? NO_OVERRIDES;
  let local = DateTime.fromJSDate(now, { zone: hours.timeZone });
  const today = local.toISODate() as string;
  if (isWorkingDay(today, overrides) && local.hour >= startHour && local.hour < endHour) return now;
  if (!(isWorkingDay(today, overrides) && local.hour < startHour)) local = local.plus({ days: 1 });
  for (let i = 0; i < 366; i += 1) {
    const date = local.toISODate() as string;
    if (isWorkingDay(date, overrides)) {
      return DateTime.fromISO(`${date}T${String(startHour).padStart(2, '0')}:00:00`, {
        zone: hours.timeZone,
      }).toJSDate();
    }
    local = local.plus({ days: 1 });
  }
  return now;
}
