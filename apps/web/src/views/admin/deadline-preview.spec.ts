import { describe, expect, it } from 'vitest';
import {
  addDuration,
  durationProblem,
  overridesOf,
  parseDuration,
  previewPolicy,
  summarize,
  type CalendarKind,
  type IsoDuration,
} from './deadline-preview';

const ZONE = 'Asia/Shanghai';
// 2026 National Day: 1–7 October off, Saturday 10 October worked in lieu (调休).
const CALENDAR = overridesOf([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    type: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-10-10', type: 'workday', name: '国庆节调休' },
]);
const options = { timeZone: ZONE, overrides: CALENDAR };
const at = (iso: string) => new Date(iso);
const add = (start: string, text: string, calendar: CalendarKind = 'working') =>
  addDuration(at(start), parseDuration(text) as IsoDuration, calendar, options);

describe('the deadline preview’s arithmetic', () => {
  it('counts whole working days over a holiday week and a 调休 Saturday; the deadline ends that day', () => {
    // Filed Wednesday 30 September 10:00 in Shanghai; 4 working days: 8 and 9 Oct (Thu, Fri), 10 Oct (Sat, worked),
    // 12 Oct (Mon). The holidays on 3 and 4 Oct are a weekend anyway.
    const result = add('2026-09-30T02:00:00Z', 'P4D');
    expect(result.at.toISOString()).toBe('2026-10-12T15:59:59.999Z');
    expect(summarize(result.walked)).toEqual({
      counted: 4,
      weekends: 3,
      holidays: 5,
      holidayNames: ['国庆节'],
      adjusted: 1,
    });
  });

  it('a working week is five working days; hours run only on working days', () => {
    expect(add('2026-11-02T01:00:00Z', 'P1W').at.toISOString()).toBe('2026-11-09T15:59:59.999Z');
    // Friday 23:00 local + 2 working hours: 1 hour on Friday, then Monday 01:00.
    expect(add('2026-11-06T15:00:00Z', 'PT2H').at.toISOString()).toBe('2026-11-08T17:00:00.000Z');
  });

  it('a natural calendar keeps the wall time for days and months and adds hours as elapsed time', () => {
    expect(add('2026-01-31T02:00:00Z', 'P1M', 'natural').at.toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(add('2026-09-30T02:00:00Z', 'P3DT4H', 'natural').at.toISOString()).toBe('2026-10-03T06:00:00.000Z');
    expect(add('2026-09-30T02:00:00Z', 'PT0S').at.toISOString()).toBe('2026-09-30T02:00:00.000Z');
  });

  it('refuses what the service refuses', () => {
    expect(parseDuration('P1DT')).toBeNull();
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('1D')).toBeNull();
    expect(durationProblem('P1Y', 'working')).toBe('workingMonths');
    expect(durationProblem('P1Y', 'natural')).toBeNull();
  });

  it('previews a policy: acknowledge, resolve, reminders at fractions of the window, escalations after due', () => {
    const lines = previewPolicy(
      {
        calendar: 'working',
        acknowledgeWithin: 'P1D',
        resolveWithin: 'P4D',
        remindAt: [0.8, 0.5],
        escalations: [
          { after: 'P1D', level: 2 },
          { after: 'PT0S', level: 1 },
        ],
      },
      at('2026-09-30T02:00:00Z'),
      options,
    )!;
    expect(lines.map((l) => [l.step, l.detail ?? null, l.at.toISOString()])).toEqual([
      ['acknowledge', null, '2026-10-08T15:59:59.999Z'],
      ['resolve', null, '2026-10-12T15:59:59.999Z'],
      // halfway between 10:00 on 30 September and the end of 12 October, rounded to the millisecond
      ['remind', 0.5, '2026-10-06T09:00:00.000Z'],
      ['remind', 0.8, expect.any(String)],
      ['escalate', 1, '2026-10-12T15:59:59.999Z'],
      ['escalate', 2, '2026-10-13T15:59:59.999Z'],
    ]);
    expect(
      previewPolicy(
        { calendar: 'working', acknowledgeWithin: 'P1M', resolveWithin: 'P1D', remindAt: [], escalations: [] },
        new Date(),
        options,
      ),
    ).toBeNull();
  });
});

// libs/domain is the service's own arithmetic: both are asked the same questions.
interface Domain {
  addDuration: (
    start: Date,
    duration: IsoDuration,
    calendar: CalendarKind,
    options: { timeZone: string; overrides: { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> } },
  ) => Date;
  parseIsoDuration: (text: string) => IsoDuration;
}

describe('agrees with libs/domain', () => {
  it('gives the same instants for the same questions', async () => {
    // A glob, so Vite loads the files and the web app's type check does not walk into libs/ (its own tsconfig).
    const modules = import.meta.glob('../../../../../libs/domain/src/time/{deadline-calculator,iso-duration}.ts');
    const load = (name: string) => Object.entries(modules).find(([path]) => path.endsWith(name))![1]();
    const [calculator, iso] = (await Promise.all([load('deadline-calculator.ts'), load('iso-duration.ts')])) as [
      Pick<Domain, 'addDuration'>,
      Pick<Domain, 'parseIsoDuration'>,
    ];
    const sets = { holidays: new Set(CALENDAR.holidays.keys()), workdays: new Set(CALENDAR.workdays.keys()) };
    const cases: [string, string, CalendarKind][] = [
      ['2026-09-30T02:00:00Z', 'P3D', 'working'],
      ['2026-09-30T02:00:00Z', 'P2W', 'working'],
      ['2026-10-09T15:30:00Z', 'P1DT20H', 'working'],
      ['2026-11-06T15:00:00Z', 'PT2H', 'working'],
      ['2026-10-03T04:00:00Z', 'PT36H', 'working'],
      ['2026-01-31T02:00:00Z', 'P1M', 'natural'],
      ['2024-02-29T02:00:00Z', 'P1Y1M', 'natural'],
      ['2026-09-30T02:00:00Z', 'P3DT4H30M', 'natural'],
      ['2026-09-30T02:00:00Z', 'PT0S', 'working'],
    ];
    for (const [start, text, calendar] of cases) {
      const theirs = calculator.addDuration(at(start), iso.parseIsoDuration(text), calendar, {
        timeZone: ZONE,
        overrides: sets,
      });
      expect(add(start, text, calendar).at.toISOString(), `${start} + ${text} (${calendar})`).toBe(
        theirs.toISOString(),
      );
    }
  });
});
