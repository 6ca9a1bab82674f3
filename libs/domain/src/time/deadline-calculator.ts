import { DateTime } from 'luxon';
import { InvalidDurationError, IsoDuration, isZeroDuration } from './iso-duration';
import {
  CalendarKind,
  CalendarOverrides,
  NO_OVERRIDES,
  addLocalDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  startOfLocalDay,
} from './working-calendar';

export interface AddDurationOptions {
  timeZone: string;
  overrides?: CalendarOverrides;
}

function timeMillis(d: IsoDuration): number {
  // Rounded so fractional seconds like 6.5 give whole milliseconds despite float error.
  return Math.round(((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

function assertWellFormed(d: IsoDuration): void {
  const values = [d.years, d.months, d.weeks, d.days, d.hours, d.minutes, d.seconds];
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) {
    throw new InvalidDurationError(d, 'has a negative or non-finite component');
  }
  if (![d.years, d.months, d.weeks, d.days, d.hours, d.minutes].every(Number.isInteger)) {
    throw new InvalidDurationError(d, 'has a fractional component other than seconds');
  }
}

export function addDuration(
  start: Date,
  duration: IsoDuration,
  calendar: CalendarKind,
  options: AddDurationOptions,
): Date {
  assertWellFormed(duration);
  if (calendar === 'working' && (duration.years !== 0 || duration.months !== 0)) {
    throw new InvalidDurationError(duration, 'uses years or months, which a working calendar cannot count');
  }
  if (isZeroDuration(duration)) return new Date(start.getTime());
  return calendar === 'working' ? addWorking(start, duration, options) : addNatural(start, duration, options.timeZone);
}

function addNatural(start: Date, d: IsoDuration, timeZone: string): Date {
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`invalid instant or time zone ${timeZone}`);
  // Date units keep the local wall time; time units are exact elapsed time.
  const dated = local.plus({ years: d.years, months: d.months, weeks: d.weeks, days: d.days });
  return new Date(dated.toMillis() + timeMillis(d));
}

function addWorking(start: Date, d: IsoDuration, options: AddDurationOptions): Date {
  const { timeZone } = options;
  const overrides = options.overrides ?? NO_OVERRIDES;
  let cursor = start;
  // A week on a working calendar is five working days, not seven calendar days.
  const wholeDays = d.weeks * 5 + d.days;
  if (wholeDays > 0) {
    let date = localDate(start, timeZone);
    for (let counted = 0; counted < wholeDays;) {
      date = addLocalDays(date, 1);
      if (isWorkingDay(date, overrides)) counted += 1;
    }
    cursor = endOfLocalDay(date, timeZone);
  }
  const ms = timeMillis(d);
  return ms > 0 ? addWorkingTime(cursor, ms, timeZone, overrides) : cursor;
}

// The clock runs only on working days, each contributing its real local length (23h/25h across DST).
function addWorkingTime(from: Date, ms: number, timeZone: string, overrides: CalendarOverrides): Date {
  let cursor = from.getTime();
  let remaining = ms;
  let date = localDate(from, timeZone);
  for (;;) {
    const dayEnd = startOfLocalDay(addLocalDays(date, 1), timeZone).getTime();
    if (isWorkingDay(date, overrides)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
    date = addLocalDays(date, 1);
  }
}
