// Mainland China's 2026 statutory holidays and adjusted working days (调休), as set by the State Council
// General Office's notice on the 2026 holiday arrangements (国务院办公厅关于2026年部分节假日安排的通知).
// Every day of each holiday block is listed, weekends included; a `workday` is a weekend day worked instead.

export interface CalendarDaySeed {
  day: string;
  type: 'holiday' | 'workday';
  name: string;
}

const holidays: [string, string, string][] = [
  ['元旦', '2026-01-01', '2026-01-03'],
  ['春节', '2026-02-15', '2026-02-23'],
  ['清明节', '2026-04-04', '2026-04-06'],
  ['劳动节', '2026-05-01', '2026-05-05'],
  ['端午节', '2026-06-19', '2026-06-21'],
  ['中秋节', '2026-09-25', '2026-09-27'],
  ['国庆节', '2026-10-01', '2026-10-07'],
];

const workdays: [string, string][] = [
  ['2026-01-04', '元旦调休上班'],
  ['2026-02-14', '春节调休上班'],
  ['2026-02-28', '春节调休上班'],
  ['2026-05-09', '劳动节调休上班'],
  ['2026-09-20', '国庆节调休上班'],
  ['2026-10-10', '国庆节调休上班'],
];

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const CALENDAR_2026: readonly CalendarDaySeed[] = [
  ...holidays.flatMap(([name, from, to]) =>
    daysBetween(from, to).map((day) => ({ day, type: 'holiday' as const, name })),
  ),
  ...workdays.map(([day, name]) => ({ day, type: 'workday' as const, name })),
];
