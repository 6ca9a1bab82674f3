import dayjs from 'dayjs';
import { timeZone } from '@/utils/time';

/** The periods the assessment is read for: whole years, this year's quarters, or any from/to. */
export const PERIOD_PRESETS = ['thisYear', 'lastYear', 'q1', 'q2', 'q3', 'q4', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Local dates in TIME_ZONE, `to` inclusive: what GET /assessment/units takes as `from` and `to`. */
export interface Period {
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The year it is now in the service's time zone. */
export function currentYear(now: Date = new Date()): number {
  return dayjs(now).tz(timeZone()).year();
}

/** The dates of a preset for `year` (this year's quarters; last year is `year - 1`). Null for custom. */
export function presetPeriod(preset: PeriodPreset, year: number): Period | null {
  switch (preset) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'custom':
      return null;
    default: {
      const quarter = Number(preset.slice(1));
      const first = (quarter - 1) * 3 + 1;
      const last = first + 2;
      return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
    }
  }
}

/** Which preset a period is (for the picker when a link carries from/to); custom when none matches. */
export function presetOf(period: Period, year: number): PeriodPreset {
  for (const preset of PERIOD_PRESETS) {
    const dates = presetPeriod(preset, year);
    if (dates && dates.from === period.from && dates.to === period.to) return preset;
  }
  return 'custom';
}

/** A period from a route's query (`?from=&to=`), if both are dates in order; else this year. */
export function periodFromQuery(query: Record<string, unknown>, year: number): Period {
  const { from, to } = query;
  if (typeof from === 'string' && typeof to === 'string' && DATE.test(from) && DATE.test(to) && from <= to) {
    return { from, to };
  }
  return presetPeriod('thisYear', year) as Period;
}
