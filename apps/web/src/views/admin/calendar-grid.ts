// The calendar's year view (twelve month grids, Monday first) and the year import (CSV or JSON), in plain local
// dates ('YYYY-MM-DD'): no time zone enters a calendar date.

export type DayType = 'holiday' | 'workday';

export interface CalendarEntry {
  date: string;
  type: DayType;
  name?: string | null;
}

export interface DayCell {
  date: string;
  day: number;
  weekend: boolean;
  /** The calendar's entry for that day, if any. */
  type: DayType | null;
  name: string | null;
  /** A working day: a weekday that is no holiday, or a weekend day worked in lieu (调休). */
  working: boolean;
}

export interface MonthGrid {
  month: number; // 1–12
  /** Rows of seven, Monday to Sunday; null pads the first and last week. */
  weeks: (DayCell | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (year: number, month: number, day: number) =>
  (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;

/** The year's twelve months with each day marked from the calendar's entries. */
export function yearGrid(year: number, entries: readonly CalendarEntry[]): MonthGrid[] {
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const cells: (DayCell | null)[] = Array.from({ length: weekdayOf(year, month, 1) }, () => null);
    for (let day = 1; day <= daysIn(year, month); day += 1) {
      const date = isoDate(year, month, day);
      const weekend = weekdayOf(year, month, day) >= 5;
      const entry = byDate.get(date);
      const type = entry?.type ?? null;
      cells.push({
        date,
        day,
        weekend,
        type,
        name: entry?.name ?? null,
        working: weekend ? type === 'workday' : type !== 'holiday',
      });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (DayCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return { month, weeks };
  });
}

export interface ImportProblem {
  /** 1-based line (CSV) or item (JSON) number; 0 for the text as a whole. */
  line: number;
  key: 'format' | 'date' | 'type' | 'outsideYear' | 'duplicate' | 'nameTooLong' | 'empty';
}

export interface ImportResult {
  days: CalendarEntry[];
  problems: ImportProblem[];
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const NAME_MAX = 200;

export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

// Type words people write in such lists: the API's own, and the Chinese ones of the State Council's notice.
const TYPE_WORDS: Record<string, DayType> = {
  holiday: 'holiday',
  workday: 'workday',
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  放假: 'holiday',
  班: 'workday',
  上班: 'workday',
  调休: 'workday',
  调休上班: 'workday',
};

function entryOf(
  year: number,
  line: number,
  raw: { date: unknown; type: unknown; name?: unknown },
  seen: Set<string>,
): CalendarEntry | ImportProblem {
  const date = typeof raw.date === 'string' ? raw.date.trim() : '';
  if (!isLocalDate(date)) return { line, key: 'date' };
  if (Number(date.slice(0, 4)) !== year) return { line, key: 'outsideYear' };
  const type = typeof raw.type === 'string' ? TYPE_WORDS[raw.type.trim().toLowerCase()] : undefined;
  if (!type) return { line, key: 'type' };
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if ([...name].length > NAME_MAX) return { line, key: 'nameTooLong' };
  if (seen.has(date)) return { line, key: 'duplicate' };
  seen.add(date);
  return name ? { date, type, name } : { date, type };
}

/** One CSV line's cells: separated by commas (also tabs and full-width commas), "quoted" cells with "" inside. */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && !cell.trim()) {
      quoted = true;
      cell = '';
    } else if (ch === ',' || ch === '\t' || ch === '，') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * A year's holidays and adjusted working days from pasted text: a JSON list (`[{date, type, name?}]`, or
 * `{days: [...]}` as GET/PUT carry it) or CSV lines `date,type[,name]` (a header line and blank lines are
 * skipped). Every problem is reported with its line; nothing is sent while there is one.
 */
export function parseYearImport(year: number, text: string): ImportResult {
  const trimmed = text.trim();
  if (!trimmed) return { days: [], problems: [{ line: 0, key: 'empty' }] };
  const days: CalendarEntry[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const take = (line: number, raw: { date: unknown; type: unknown; name?: unknown }) => {
    const result = entryOf(year, line, raw, seen);
    if ('key' in result) problems.push(result);
    else days.push(result);
  };
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { days: [], problems: [{ line: 0, key: 'format' }] };
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { days?: unknown } | null)?.days;
    if (!Array.isArray(list)) return { days: [], problems: [{ line: 0, key: 'format' }] };
    list.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null) problems.push({ line: index + 1, key: 'format' });
      else take(index + 1, item as { date: unknown; type: unknown; name?: unknown });
    });
  } else {
    trimmed.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line) return;
      const [date = '', type = '', ...rest] = csvCells(line);
      if (index === 0 && !isLocalDate(date) && /date|日期/i.test(date)) return; // a header
      take(index + 1, { date, type, name: rest.join(',') });
    });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, problems };
}

/** The year's entries as CSV, the format the import reads back. */
export function toCsv(entries: readonly CalendarEntry[]): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return ['date,type,name', ...entries.map((e) => `${e.date},${e.type},${quote(e.name ?? '')}`)].join('\n');
}
