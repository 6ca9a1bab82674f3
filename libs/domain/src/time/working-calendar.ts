import { DateTime } from 'luxon';

export type CalendarKind = 'natural' | 'working';

// Local dates as 'YYYY-MM-DD'; `workdays` are adjusted working days such as a Saturday worked in lieu.
export interface CalendarOverrides {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const NO_OVERRIDES: CalendarOverrides = Object.freeze({
  holidays: new Set<string>(),
  workdays: new Set<string>(),
});

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

// Plain UTC arithmetic on calendar dates: no time zone is involved in stepping a date.
function toUtcMidnight(date: string): number {
  const ms = LOCAL_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`invalid local date ${JSON.stringify(date)}`);
  }
  return ms;
}

export function addLocalDays(date: string, days: number): string {
  return new Date(toUtcMidnight(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  const weekday = new Date(toUtcMidnight(date)).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  return weekend ? overrides.workdays.has(date) : !overrides.holidays.has(date);
}

// Working days d with fromExclusive < d <= toInclusive; 0 when the range is empty.
export function countWorkingDays(
  fromExclusiveLocalDate: string,
  toInclusiveLocalDate: string,
  overrides: CalendarOverrides = NO_OVERRIDES,
): number {
  const end = toUtcMidnight(toInclusiveLocalDate);
  let count = 0;
  for (let d = addLocalDays(fromExclusiveLocalDate, 1); toUtcMidnight(d) <= end; d = addLocalDays(d, 1)) {
    if (isWorkingDay(d, overrides)) count += 1;
  }
  return count;
}

function zoned(instant: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`invalid instant or time zone ${timeZone}: ${dt.invalidExplanation ?? ''}`);
  return dt;
}

export function localDate(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone).toISODate() as string;
}

// First instant of a local date (not always 00:00 where DST starts at midnight).
export function startOfLocalDay(date: string, timeZone: string): Date {
  toUtcMidnight(date);
  const dt = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (!dt.isValid) throw new RangeError(`invalid time zone ${timeZone}`);
  return dt.toJSDate();
}

// Last millisecond of a local date: the next local midnight minus 1 ms.
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(startOfLocalDay(addLocalDays(date, 1), timeZone).getTime() - 1);
}
