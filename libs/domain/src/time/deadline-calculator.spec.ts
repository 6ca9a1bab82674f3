import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDuration } from './deadline-calculator';
import { InvalidDurationError, IsoDuration, parseIsoDuration } from './iso-duration';
import {
  CalendarOverrides,
  NO_OVERRIDES,
  addLocalDays,
  countWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  startOfLocalDay,
} from './working-calendar';

const SH = 'Asia/Shanghai';
const BER = 'Europe/Berlin';
const ZONES = [SH, BER];
const ZERO: IsoDuration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
const iso = (d: Date) => d.toISOString();
const at = (text: string) => new Date(text);

const NATIONAL_DAY_2025: CalendarOverrides = {
  holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']),
  workdays: new Set(['2025-09-28', '2025-10-11']),
};

describe('addDuration natural', () => {
  it('adds time as exact elapsed time', () => {
    expect(iso(addDuration(at('2026-01-05T10:00:00Z'), parseIsoDuration('PT2S'), 'natural', { timeZone: SH }))).toBe(
      '2026-01-05T10:00:02.000Z',
    );
    expect(iso(addDuration(at('2026-01-05T10:00:00Z'), parseIsoDuration('PT6.5S'), 'natural', { timeZone: SH }))).toBe(
      '2026-01-05T10:00:06.500Z',
    );
  });

  it('PT24H across spring forward is 24 elapsed hours, P1D keeps the wall clock', () => {
    const start = at('2026-03-28T11:00:00Z'); // 12:00 CET
    expect(iso(addDuration(start, parseIsoDuration('PT24H'), 'natural', { timeZone: BER }))).toBe(
      '2026-03-29T11:00:00.000Z',
    );
    expect(iso(addDuration(start, parseIsoDuration('P1D'), 'natural', { timeZone: BER }))).toBe(
      '2026-03-29T10:00:00.000Z',
    );
  });

  it('P1D across fall back keeps the wall clock (25 elapsed hours)', () => {
    const start = at('2026-10-24T10:00:00Z'); // 12:00 CEST
    expect(iso(addDuration(start, parseIsoDuration('P1D'), 'natural', { timeZone: BER }))).toBe(
      '2026-10-25T11:00:00.000Z',
    );
  });

  it('months clamp to the end of a shorter month in the local zone', () => {
    const start = at('2026-01-31T02:00:00Z'); // 10:00 Jan 31 in Shanghai
    expect(iso(addDuration(start, parseIsoDuration('P1M'), 'natural', { timeZone: SH }))).toBe(
      '2026-02-28T02:00:00.000Z',
    );
  });

  it('mixed units: dates first, then elapsed time', () => {
    const start = at('2026-01-05T00:00:00Z');
    expect(iso(addDuration(start, parseIsoDuration('P1Y2M3DT4H5M6.5S'), 'natural', { timeZone: SH }))).toBe(
      '2027-03-08T04:05:06.500Z',
    );
    expect(iso(addDuration(start, parseIsoDuration('P1W'), 'natural', { timeZone: SH }))).toBe(
      '2026-01-12T00:00:00.000Z',
    );
  });

  it('a zero duration returns the same instant as a new Date', () => {
    const start = at('2026-01-05T10:00:00Z');
    const result = addDuration(start, ZERO, 'natural', { timeZone: SH });
    expect(result.getTime()).toBe(start.getTime());
    expect(result).not.toBe(start);
  });

  it('rejects negative, non-finite or fractional non-second components', () => {
    const start = at('2026-01-05T10:00:00Z');
    for (const bad of [{ days: -1 }, { seconds: Number.NaN }, { hours: Infinity }, { days: 1.5 }]) {
      expect(() => addDuration(start, { ...ZERO, ...bad }, 'natural', { timeZone: SH })).toThrow(InvalidDurationError);
    }
  });

  it('rejects an unknown time zone', () => {
    expect(() =>
      addDuration(at('2026-01-05T10:00:00Z'), parseIsoDuration('P1D'), 'natural', { timeZone: 'Nowhere/X' }),
    ).toThrow(RangeError);
  });

  const startArb = fc.date({ min: at('2024-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z'), noInvalidDate: true });
  const small = fc.integer({ min: 0, max: 40 });
  const durationArb = fc.record({
    years: fc.integer({ min: 0, max: 2 }),
    months: fc.integer({ min: 0, max: 14 }),
    weeks: fc.integer({ min: 0, max: 5 }),
    days: small,
    hours: small,
    minutes: small,
    seconds: fc.integer({ min: 0, max: 100_000 }).map((ms) => ms / 1000),
  });

  it('property: time-only durations add exact milliseconds in any zone', () => {
    fc.assert(
      fc.property(startArb, small, small, fc.integer({ min: 0, max: 100_000 }), (start, h, m, ms) => {
        for (const timeZone of ZONES) {
          const result = addDuration(start, { ...ZERO, hours: h, minutes: m, seconds: ms / 1000 }, 'natural', {
            timeZone,
          });
          expect(result.getTime() - start.getTime()).toBe((h * 60 + m) * 60_000 + ms);
        }
      }),
    );
  });

  it('property: never earlier than start and monotone in the duration', () => {
    fc.assert(
      fc.property(startArb, durationArb, small, fc.constantFrom(...ZONES), (start, d, extraDays, timeZone) => {
        const a = addDuration(start, d, 'natural', { timeZone });
        const b = addDuration(start, { ...d, days: d.days + extraDays }, 'natural', { timeZone });
        expect(a.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      }),
    );
  });

  it('property: monotone in the start where the zone has no DST', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 10 * 86_400_000 }), durationArb, (s1, delta, d) => {
        const s2 = new Date(s1.getTime() + delta);
        expect(addDuration(s2, d, 'natural', { timeZone: SH }).getTime()).toBeGreaterThanOrEqual(
          addDuration(s1, d, 'natural', { timeZone: SH }).getTime(),
        );
      }),
    );
  });

  it('property: date units keep the local wall-clock time when it exists', () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 400 }), (start, days) => {
        const before = DateTime.fromJSDate(start, { zone: SH });
        const after = DateTime.fromJSDate(addDuration(start, { ...ZERO, days }, 'natural', { timeZone: SH }), {
          zone: SH,
        });
        expect(after.toFormat('HH:mm:ss.SSS')).toBe(before.toFormat('HH:mm:ss.SSS'));
        expect(after.toISODate()).toBe(addLocalDays(before.toISODate()!, days));
      }),
    );
  });
});

describe('addDuration working', () => {
  it('P1D from a Tuesday morning ends at the end of Wednesday in Shanghai', () => {
    const start = at('2026-01-06T02:00:00Z'); // Tue 10:00
    expect(iso(addDuration(start, parseIsoDuration('P1D'), 'working', { timeZone: SH }))).toBe(
      '2026-01-07T15:59:59.999Z',
    );
  });

  it('counts from the day after the start even late at night, skipping the weekend', () => {
    const start = at('2026-01-09T15:30:00Z'); // Fri 23:30 Shanghai
    expect(iso(addDuration(start, parseIsoDuration('P1D'), 'working', { timeZone: SH }))).toBe(
      '2026-01-12T15:59:59.999Z',
    );
  });

  it('a start on a weekend counts from Monday', () => {
    const start = at('2026-01-03T04:00:00Z'); // Sat noon
    expect(iso(addDuration(start, parseIsoDuration('P1D'), 'working', { timeZone: SH }))).toBe(
      '2026-01-05T15:59:59.999Z',
    );
  });

  it('P1W is five working days', () => {
    const start = at('2026-01-05T02:00:00Z'); // Mon
    expect(iso(addDuration(start, parseIsoDuration('P1W'), 'working', { timeZone: SH }))).toBe(
      '2026-01-12T15:59:59.999Z',
    );
    expect(iso(addDuration(start, parseIsoDuration('P1W2D'), 'working', { timeZone: SH }))).toBe(
      '2026-01-14T15:59:59.999Z',
    );
  });

  it('skips holidays and counts an adjusted working Saturday', () => {
    const start = at('2025-09-30T02:00:00Z'); // Tue before National Day
    // Oct 9 (Thu), Oct 10 (Fri), Oct 11 (worked Saturday).
    expect(
      iso(addDuration(start, parseIsoDuration('P3D'), 'working', { timeZone: SH, overrides: NATIONAL_DAY_2025 })),
    ).toBe('2025-10-11T15:59:59.999Z');
    // Without the overrides the holidays are ordinary weekdays.
    expect(iso(addDuration(start, parseIsoDuration('P3D'), 'working', { timeZone: SH }))).toBe(
      '2025-10-03T15:59:59.999Z',
    );
  });

  it('end of day is 23:59:59.999 local across Berlin DST changes', () => {
    // Fri Mar 27 -> Mon Mar 30, after spring forward (CEST, UTC+2).
    expect(iso(addDuration(at('2026-03-27T10:00:00Z'), parseIsoDuration('P1D'), 'working', { timeZone: BER }))).toBe(
      '2026-03-30T21:59:59.999Z',
    );
    // Fri Oct 23 -> Mon Oct 26, after fall back (CET, UTC+1).
    expect(iso(addDuration(at('2026-10-23T10:00:00Z'), parseIsoDuration('P1D'), 'working', { timeZone: BER }))).toBe(
      '2026-10-26T22:59:59.999Z',
    );
    // The DST Sunday itself worked.
    const overrides = { holidays: new Set<string>(), workdays: new Set(['2026-03-29', '2026-10-25']) };
    expect(
      iso(addDuration(at('2026-03-27T10:00:00Z'), parseIsoDuration('P1D'), 'working', { timeZone: BER, overrides })),
    ).toBe('2026-03-29T21:59:59.999Z');
    expect(
      iso(addDuration(at('2026-10-23T10:00:00Z'), parseIsoDuration('P1D'), 'working', { timeZone: BER, overrides })),
    ).toBe('2026-10-25T22:59:59.999Z');
  });

  it('time runs only on working days', () => {
    // Fri 20:00 Shanghai + 8h: 4h left on Friday, then Monday 04:00.
    expect(iso(addDuration(at('2026-01-09T12:00:00Z'), parseIsoDuration('PT8H'), 'working', { timeZone: SH }))).toBe(
      '2026-01-11T20:00:00.000Z',
    );
    // Within a working day it is plain elapsed time.
    expect(iso(addDuration(at('2026-01-06T02:00:00Z'), parseIsoDuration('PT2S'), 'working', { timeZone: SH }))).toBe(
      '2026-01-06T02:00:02.000Z',
    );
  });

  it('a start on a non-working day starts the clock at the next working midnight', () => {
    // Sat noon + PT1H -> Mon 01:00 Shanghai.
    expect(iso(addDuration(at('2026-01-03T04:00:00Z'), parseIsoDuration('PT1H'), 'working', { timeZone: SH }))).toBe(
      '2026-01-04T17:00:00.000Z',
    );
  });

  it('a worked DST Sunday contributes its real 23 hours', () => {
    const overrides = { holidays: new Set<string>(), workdays: new Set(['2026-03-29']) };
    // Sat Mar 28 noon: clock starts Sun 00:00 CET, 23h to Mon 00:00 CEST, then 1h more.
    expect(
      iso(addDuration(at('2026-03-28T11:00:00Z'), parseIsoDuration('PT24H'), 'working', { timeZone: BER, overrides })),
    ).toBe('2026-03-29T23:00:00.000Z');
  });

  it('days then time: the time part runs from the end-of-day deadline', () => {
    // Tue + P1D -> Wed 23:59:59.999; +PT2H -> Thu 01:59:59.999 Shanghai.
    expect(iso(addDuration(at('2026-01-06T02:00:00Z'), parseIsoDuration('P1DT2H'), 'working', { timeZone: SH }))).toBe(
      '2026-01-07T17:59:59.999Z',
    );
  });

  it('rejects years and months', () => {
    const start = at('2026-01-06T02:00:00Z');
    expect(() => addDuration(start, parseIsoDuration('P1M'), 'working', { timeZone: SH })).toThrow(
      InvalidDurationError,
    );
    expect(() => addDuration(start, parseIsoDuration('P1Y'), 'working', { timeZone: SH })).toThrow(
      InvalidDurationError,
    );
  });

  it('a zero duration returns start, even on a weekend', () => {
    const start = at('2026-01-03T04:00:00Z');
    expect(addDuration(start, parseIsoDuration('P0D'), 'working', { timeZone: SH }).getTime()).toBe(start.getTime());
  });

  const startArb = fc.date({ min: at('2025-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z'), noInvalidDate: true });
  const dateIn2025To2027 = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addLocalDays('2025-01-01', n));
  const overridesArb: fc.Arbitrary<CalendarOverrides> = fc
    .record({
      holidays: fc.array(dateIn2025To2027, { maxLength: 60 }),
      workdays: fc.array(dateIn2025To2027, { maxLength: 20 }),
    })
    .map(({ holidays, workdays }) => ({ holidays: new Set(holidays), workdays: new Set(workdays) }));

  it('property: whole days land at the end of a working day n working days later', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        overridesArb,
        fc.constantFrom(...ZONES),
        (start, weeks, days, overrides, timeZone) => {
          fc.pre(weeks + days > 0);
          const result = addDuration(start, { ...ZERO, weeks, days }, 'working', { timeZone, overrides });
          const date = localDate(result, timeZone);
          expect(isWorkingDay(date, overrides)).toBe(true);
          expect(countWorkingDays(localDate(start, timeZone), date, overrides)).toBe(weeks * 5 + days);
          expect(result.getTime()).toBe(endOfLocalDay(date, timeZone).getTime());
          expect(DateTime.fromJSDate(result, { zone: timeZone }).toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
          expect(result.getTime()).toBeGreaterThan(start.getTime());
        },
      ),
    );
  });

  // Independent oracle: overlap of [start, result) with every working local day.
  function workingMillisBetween(start: Date, end: Date, timeZone: string, overrides: CalendarOverrides): number {
    let total = 0;
    for (let d = localDate(start, timeZone); d <= localDate(end, timeZone); d = addLocalDays(d, 1)) {
      if (!isWorkingDay(d, overrides)) continue;
      const from = Math.max(start.getTime(), startOfLocalDay(d, timeZone).getTime());
      const to = Math.min(end.getTime(), startOfLocalDay(addLocalDays(d, 1), timeZone).getTime());
      total += Math.max(0, to - from);
    }
    return total;
  }

  it('property: time-only durations consume exactly that much working time', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 200 * 3_600_000 }),
        overridesArb,
        fc.constantFrom(...ZONES),
        (start, ms, overrides, timeZone) => {
          const result = addDuration(start, { ...ZERO, seconds: ms / 1000 }, 'working', { timeZone, overrides });
          expect(result.getTime()).toBeGreaterThanOrEqual(start.getTime() + ms);
          expect(workingMillisBetween(start, result, timeZone, overrides)).toBe(ms);
        },
      ),
    );
  });

  it('property: more working days never give an earlier deadline', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        overridesArb,
        (start, n, extra, overrides) => {
          const a = addDuration(start, { ...ZERO, days: n }, 'working', { timeZone: BER, overrides });
          const b = addDuration(start, { ...ZERO, days: n + extra }, 'working', { timeZone: BER, overrides });
          expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
          if (extra > 0) expect(b.getTime()).toBeGreaterThan(a.getTime());
        },
      ),
    );
  });

  it('NO_OVERRIDES is the default', () => {
    const start = at('2026-01-06T02:00:00Z');
    expect(addDuration(start, parseIsoDuration('P3D'), 'working', { timeZone: SH }).getTime()).toBe(
      addDuration(start, parseIsoDuration('P3D'), 'working', { timeZone: SH, overrides: NO_OVERRIDES }).getTime(),
    );
  });
});
