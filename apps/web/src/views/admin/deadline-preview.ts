import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// The deadline arithmetic of libs/domain (time/iso-duration.ts, time/working-calendar.ts,
// time/deadline-calculator.ts) mirrored for the policy preview, rule for rule: a working calendar counts whole
// days as working days (a week is five) and the deadline falls at the end of the last one in TIME_ZONE; hours
// run only on working days; a natural calendar keeps the local wall time for date units. deadline-preview.spec.ts
// checks both give the same instants. The service stays the judge: this only shows what it will do.

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO-8601 duration as the service reads it; null when it would refuse it. */
export function parseDuration(text: string): IsoDuration | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const parts = match.slice(1);
  if (parts.every((p) => p === undefined)) return null;
  if (text.includes('T') && parts.slice(4).every((p) => p === undefined)) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((p) => (p === undefined ? 0 : Number(p))) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const values = [years, months, weeks, days, hours, minutes];
  if (!values.every(Number.isSafeInteger) || !Number.isFinite(seconds)) return null;
  return { years, months, weeks, days, hours, minutes, seconds };
}

export type CalendarKind = 'working' | 'natural';

/** Why a duration cannot be used on a calendar (the service's 400), or null. */
export function durationProblem(text: string, calendar: CalendarKind): 'duration' | 'workingMonths' | null {
  const parsed = parseDuration(text);
  if (!parsed) return 'duration';
  return calendar === 'working' && (parsed.years || parsed.months) ? 'workingMonths' : null;
}

export interface Overrides {
  holidays: ReadonlyMap<string, string | null>;
  workdays: ReadonlyMap<string, string | null>;
}

/** Calendar entries from GET /calendar/days as the sets the arithmetic looks up. */
export function overridesOf(days: readonly { date: string; type: 'holiday' | 'workday'; name?: string | null }[]) {
  const holidays = new Map<string, string | null>();
  const workdays = new Map<string, string | null>();
  for (const day of days) (day.type === 'holiday' ? holidays : workdays).set(day.date, day.name ?? null);
  return { holidays, workdays } satisfies Overrides;
}

const MS_PER_DAY = 86_400_000;
const addLocalDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

export function isWorkingDay(date: string, overrides: Overrides): boolean {
  return isWeekend(date) ? overrides.workdays.has(date) : !overrides.holidays.has(date);
}

const localDate = (instant: Date, zone: string) => dayjs(instant).tz(zone).format('YYYY-MM-DD');
const startOfLocalDay = (date: string, zone: string) => dayjs.tz(`${date} 00:00:00`, zone).toDate();
const endOfLocalDay = (date: string, zone: string) =>
  new Date(startOfLocalDay(addLocalDays(date, 1), zone).getTime() - 1);
const timeMillis = (d: IsoDuration) => Math.round(((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);

/** A day the working calendar walked over, and what it made of it. */
export interface WalkedDay {
  date: string;
  counted: boolean;
  /** weekday; workday: a weekend day worked in lieu (调休); weekend; holiday. */
  kind: 'weekday' | 'workday' | 'weekend' | 'holiday';
  name: string | null;
}

export interface Computed {
  at: Date;
  /** The days counted or skipped for the whole days of a working calendar (empty otherwise). */
  walked: WalkedDay[];
}

function walk(date: string, overrides: Overrides): WalkedDay {
  if (isWeekend(date)) {
    return overrides.workdays.has(date)
      ? { date, counted: true, kind: 'workday', name: overrides.workdays.get(date) ?? null }
      : { date, counted: false, kind: 'weekend', name: null };
  }
  return overrides.holidays.has(date)
    ? { date, counted: false, kind: 'holiday', name: overrides.holidays.get(date) ?? null }
    : { date, counted: true, kind: 'weekday', name: null };
}

function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `start` plus `duration` on a calendar, as the service computes a deadline. */
export function addDuration(
  start: Date,
  duration: IsoDuration,
  calendar: CalendarKind,
  options: { timeZone: string; overrides: Overrides },
): Computed {
  const { timeZone: zone, overrides } = options;
  if (calendar === 'working' && (duration.years || duration.months)) {
    throw new RangeError('a working calendar cannot count years or months');
  }
  const ms = timeMillis(duration);
  if (calendar === 'natural') {
    const local = dayjs(start).tz(zone);
    const date = addLocalDays(
      addMonthsClamped(local.format('YYYY-MM-DD'), duration.years * 12 + duration.months),
      duration.weeks * 7 + duration.days,
    );
    const moved =
      date === local.format('YYYY-MM-DD') ? start : dayjs.tz(`${date} ${local.format('HH:mm:ss.SSS')}`, zone).toDate();
    return { at: new Date(moved.getTime() + ms), walked: [] };
  }
  const walked: WalkedDay[] = [];
  let cursor = start;
  const wholeDays = duration.weeks * 5 + duration.days;
  if (wholeDays > 0) {
    let date = localDate(start, zone);
    for (let counted = 0; counted < wholeDays;) {
      date = addLocalDays(date, 1);
      const day = walk(date, overrides);
      walked.push(day);
      if (day.counted) counted += 1;
    }
    cursor = endOfLocalDay(date, zone);
  }
  return { at: ms > 0 ? addWorkingTime(cursor, ms, zone, overrides) : cursor, walked };
}

function addWorkingTime(from: Date, ms: number, zone: string, overrides: Overrides): Date {
  let cursor = from.getTime();
  let remaining = ms;
  let date = localDate(from, zone);
  for (;;) {
    const dayEnd = startOfLocalDay(addLocalDays(date, 1), zone).getTime();
    if (isWorkingDay(date, overrides)) {
      const available = dayEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
    date = addLocalDays(date, 1);
  }
}

/** What the walk over the calendar amounts to: the counts a person checks a deadline by. */
export function summarize(walked: readonly WalkedDay[]) {
  const holidays = walked.filter((d) => d.kind === 'holiday');
  return {
    counted: walked.filter((d) => d.counted).length,
    weekends: walked.filter((d) => d.kind === 'weekend').length,
    holidays: holidays.length,
    holidayNames: [...new Set(holidays.map((d) => d.name).filter((n): n is string => !!n))],
    adjusted: walked.filter((d) => d.kind === 'workday').length,
  };
}

export interface PolicyTerms {
  calendar: CalendarKind;
  acknowledgeWithin: string;
  resolveWithin: string;
  remindAt: readonly number[];
  escalations: readonly { after: string; level: number }[];
}

export interface PreviewLine {
  step: 'acknowledge' | 'resolve' | 'remind' | 'escalate';
  /** The reminder's fraction or the escalation's level. */
  detail?: number;
  duration?: string;
  at: Date;
  walked: WalkedDay[];
}

/**
 * The deadlines an issue assigned at `from` gets under a policy, as the service's deadline service and timer plan
 * set them: acknowledge and resolve from the assignment, reminders at fractions of the resolve window, each
 * escalation `after` the due time on the policy's calendar. Null when a duration is one the service refuses.
 */
export function previewPolicy(
  policy: PolicyTerms,
  from: Date,
  options: { timeZone: string; overrides: Overrides },
): PreviewLine[] | null {
  const durations = [policy.acknowledgeWithin, policy.resolveWithin, ...policy.escalations.map((e) => e.after)];
  if (durations.some((text) => durationProblem(text, policy.calendar))) return null;
  const add = (text: string, start: Date) =>
    addDuration(start, parseDuration(text) as IsoDuration, policy.calendar, options);
  const ack = add(policy.acknowledgeWithin, from);
  const due = add(policy.resolveWithin, from);
  const lines: PreviewLine[] = [
    { step: 'acknowledge', duration: policy.acknowledgeWithin, ...ack },
    { step: 'resolve', duration: policy.resolveWithin, ...due },
  ];
  const window = due.at.getTime() - from.getTime();
  if (window > 0) {
    for (const fraction of [...policy.remindAt].sort((a, b) => a - b)) {
      lines.push({
        step: 'remind',
        detail: fraction,
        at: new Date(from.getTime() + Math.round(window * fraction)),
        walked: [],
      });
    }
  }
  for (const step of [...policy.escalations].sort((a, b) => a.level - b.level)) {
    lines.push({ step: 'escalate', detail: step.level, duration: step.after, ...add(step.after, due.at) });
  }
  return lines;
}
