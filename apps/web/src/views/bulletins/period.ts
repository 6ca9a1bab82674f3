import dayjs from 'dayjs';
import type { Role } from '@/api/types';
import { timeZone } from '@/utils/time';

/** What the inspector picks on the make page: a month, a quarter, or chosen dates (a special bulletin). */
export type BulletinKind = 'month' | 'quarter' | 'special';

export interface BulletinChoice {
  kind: BulletinKind;
  /** `YYYY-MM`, for a month. */
  month: string;
  /** `YYYY-Qn`, for a quarter. */
  quarter: string;
  /** Local dates `YYYY-MM-DD`, `to` inclusive, for a special bulletin. */
  from: string;
  to: string;
  title: string;
}

/** POST /bulletins's body: `{period}` or `{from, to, title?}`. */
export type MakeBody = { period: string } | { from: string; to: string; title?: string };

export type ParsedPeriod =
  { kind: 'month'; year: number; month: number } | { kind: 'quarter'; year: number; quarter: number };

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-11` or `2026-Q4` as parts; null for anything else. */
export function parsePeriod(period: string | null | undefined): ParsedPeriod | null {
  const match = period ? PERIOD.exec(period) : null;
  if (!match) return null;
  const year = Number(match[1]);
  return match[2]
    ? { kind: 'month', year, month: Number(match[2]) }
    : { kind: 'quarter', year, quarter: Number(match[3]) };
}

/** The first local instant after the period, in the service's time zone. */
function periodEnd(parsed: ParsedPeriod, zone: string) {
  const firstMonth = parsed.kind === 'month' ? parsed.month : (parsed.quarter - 1) * 3 + 1;
  const start = dayjs.tz(`${parsed.year}-${String(firstMonth).padStart(2, '0')}-01 00:00`, zone);
  return start.add(parsed.kind === 'month' ? 1 : 3, 'month');
}

/** Whether the period is over (a bulletin is made only for one that is). */
export function hasEnded(period: string, now: Date = new Date(), zone: string = timeZone()): boolean {
  const parsed = parsePeriod(period);
  return !!parsed && !periodEnd(parsed, zone).isAfter(dayjs(now));
}

/** The month before this one: the bulletin the office makes at the start of a month. */
export function lastEndedMonth(now: Date = new Date(), zone: string = timeZone()): string {
  return dayjs(now).tz(zone).startOf('month').subtract(1, 'month').format('YYYY-MM');
}

/** The quarter before this one. */
export function lastEndedQuarter(now: Date = new Date(), zone: string = timeZone()): string {
  const local = dayjs(now).tz(zone);
  const quarter = Math.floor(local.month() / 3) + 1;
  return quarter === 1 ? `${local.year() - 1}-Q4` : `${local.year()}-Q${quarter - 1}`;
}

/** The quarters to offer: the last eight that have ended, newest first. */
export function endedQuarters(now: Date = new Date(), zone: string = timeZone(), count = 8): string[] {
  const quarters: string[] = [];
  let [year, quarter] = lastEndedQuarter(now, zone).split('-Q').map(Number) as [number, number];
  while (quarters.length < count) {
    quarters.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return quarters;
}

/** The choice a make page opens with: last month, last quarter, and last month's dates for a special one. */
export function initialChoice(now: Date = new Date(), zone: string = timeZone()): BulletinChoice {
  const month = lastEndedMonth(now, zone);
  const first = dayjs.tz(`${month}-01 00:00`, zone);
  return {
    kind: 'month',
    month,
    quarter: lastEndedQuarter(now, zone),
    from: first.format('YYYY-MM-DD'),
    to: first.endOf('month').format('YYYY-MM-DD'),
    title: '',
  };
}

/** Why the choice cannot be sent (an i18n key under `bulletins.make.errors`), or null when it can. */
export function choiceProblem(
  choice: BulletinChoice,
  now: Date = new Date(),
  zone: string = timeZone(),
): string | null {
  if (choice.kind === 'month' || choice.kind === 'quarter') {
    const period = choice.kind === 'month' ? choice.month : choice.quarter;
    const parsed = parsePeriod(period);
    if (!parsed || parsed.kind !== choice.kind) return 'periodRequired';
    return hasEnded(period, now, zone) ? null : 'notEnded';
  }
  if (!DATE.test(choice.from) || !DATE.test(choice.to)) return 'rangeRequired';
  if (choice.to < choice.from) return 'rangeOrder';
  if (choice.to > dayjs(now).tz(zone).format('YYYY-MM-DD')) return 'toInFuture';
  if (choice.title.trim().length > 200) return 'titleTooLong';
  return null;
}

export function requestBody(choice: BulletinChoice): MakeBody {
  if (choice.kind === 'month') return { period: choice.month };
  if (choice.kind === 'quarter') return { period: choice.quarter };
  const title = choice.title.trim();
  return { from: choice.from, to: choice.to, ...(title ? { title } : {}) };
}

/** An i18n key and its values naming a period: `2026年11月`, `2026年第四季度`. */
export function periodLabel(period: string): { key: string; values: Record<string, number | string> } | null {
  const parsed = parsePeriod(period);
  if (!parsed) return null;
  return parsed.kind === 'month'
    ? { key: 'bulletins.period.month', values: { year: parsed.year, month: parsed.month } }
    : { key: 'bulletins.period.quarter', values: { year: parsed.year, quarter: parsed.quarter } };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A section's number as a document numbers it: 一、二、… in Chinese, 1. 2. … otherwise. */
export function sectionNumber(index: number, locale: string): string {
  return locale === 'zh-CN' ? `${NUMERALS[index] ?? String(index + 1)}、` : `${index + 1}. `;
}

/** A fraction as a percentage with one decimal; a dash when there was nothing to count. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Who makes bulletins, and who downloads them (API.md: inspectors make; inspectors and admins export). */
export const mayMake = (role: Role | null | undefined) => role === 'inspector';
export const mayExport = (role: Role | null | undefined) => role === 'inspector' || role === 'admin';

export const EXPORT_FORMATS = ['docx', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
