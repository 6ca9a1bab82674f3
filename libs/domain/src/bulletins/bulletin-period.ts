import { DateTime } from 'luxon';

// The periods a bulletin (通报) covers and how the office names them: 2026-11 is "2026年11月", 2026-Q4 is
// "2026年第四季度", a special bulletin names its dates. Pure, so the API, the exports and the tests agree.

export type BulletinKind = 'month' | 'quarter' | 'special';

/** `YYYY-MM` (a month) or `YYYY-Qn` (a quarter). */
export const BULLETIN_PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export interface BulletinPeriod {
  kind: BulletinKind;
  /** `YYYY-MM` or `YYYY-Qn`; null for a special bulletin. */
  period: string | null;
  /** The first instant covered. */
  start: Date;
  /** The first instant after the period: the range is [start, end). */
  end: Date;
}

/** A month or quarter in the time zone; a RangeError for anything else. */
export function parseBulletinPeriod(period: string, timeZone: string): BulletinPeriod {
  const match = BULLETIN_PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`period must be YYYY-MM or YYYY-Qn, got "${period}"`);
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) throw new RangeError(`period must be a year from 2000 to 2100, got "${period}"`);
  const month = match[2] ? Number(match[2]) : (Number(match[3]) - 1) * 3 + 1;
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone });
  const end = start.plus(match[2] ? { months: 1 } : { months: 3 });
  return { kind: match[2] ? 'month' : 'quarter', period, start: start.toJSDate(), end: end.toJSDate() };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the numbering of a document's sections. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral takes 1 to 99, got ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Sections numbered as an official document numbers them: 一、… 二、… */
export function numberSections<T extends { heading: string }>(sections: readonly T[]): (T & { numbered: string })[] {
  return sections.map((section, index) => ({
    ...section,
    numbered: `${chineseNumeral(index + 1)}、${section.heading}`,
  }));
}

const local = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone });
const dayLabel = (at: DateTime) => `${at.year}年${at.month}月${at.day}日`;

/** The period as the office writes it: 2026年11月, 2026年第四季度, 2026年11月5日至2026年11月20日. */
export function bulletinPeriodLabel(period: BulletinPeriod, timeZone: string): string {
  const start = local(period.start, timeZone);
  if (period.kind === 'month') return `${start.year}年${start.month}月`;
  if (period.kind === 'quarter') return `${start.year}年第${chineseNumeral(Math.ceil(start.month / 3))}季度`;
  // The last day covered is the one holding the range's last instant.
  const last = local(new Date(period.end.getTime() - 1), timeZone);
  return last.hasSame(start, 'day') ? dayLabel(start) : `${dayLabel(start)}至${dayLabel(last)}`;
}

/** The title a bulletin carries unless the office gives one. */
export function defaultBulletinTitle(period: BulletinPeriod, timeZone: string): string {
  return `关于${bulletinPeriodLabel(period, timeZone)}问题直办工作情况的通报`;
}

/** The date line under a document: 2026年12月2日. */
export function documentDate(at: Date, timeZone: string): string {
  return dayLabel(local(at, timeZone));
}

/** Days overdue at `asOf`, as a bulletin counts them: any part of a day late counts as a day; 0 if not late. */
export function daysOverdue(dueAt: Date, asOf: Date): number {
  const late = asOf.getTime() - dueAt.getTime();
  return late > 0 ? Math.ceil(late / 86_400_000) : 0;
}
