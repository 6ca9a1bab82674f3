import fc from 'fast-check';
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

// 2025 National Day: Oct 1-8 off, Sunday Sep 28 and Saturday Oct 11 worked in lieu.
const NATIONAL_DAY_2025: CalendarOverrides = {
  holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']),
  workdays: new Set(['2025-09-28', '2025-10-11']),
};

describe('isWorkingDay', () => {
  it.each([
    ['2026-01-05', true], // Monday
    ['2026-01-09', true], // Friday
    ['2026-01-10', false], // Saturday
    ['2026-01-11', false], // Sunday
  ])('%s without overrides -> %s', (date, working) => {
    expect(isWorkingDay(date, NO_OVERRIDES)).toBe(working);
  });

  it('holidays remove weekdays and adjusted workdays add weekend days', () => {
    expect(isWorkingDay('2025-10-01', NATIONAL_DAY_2025)).toBe(false);
    expect(isWorkingDay('2025-09-28', NATIONAL_DAY_2025)).toBe(true);
    expect(isWorkingDay('2025-10-11', NATIONAL_DAY_2025)).toBe(true);
    expect(isWorkingDay('2025-10-12', NATIONAL_DAY_2025)).toBe(false);
  });

  it('a holiday on a weekend and a workday on a weekday change nothing', () => {
    const overrides = { holidays: new Set(['2026-01-10']), workdays: new Set(['2026-01-05']) };
    expect(isWorkingDay('2026-01-10', overrides)).toBe(false);
    expect(isWorkingDay('2026-01-05', overrides)).toBe(true);
  });

  it.each(['2026-02-30', '2026-1-05', 'not a date', ''])('rejects malformed date %j', (date) => {
    expect(() => isWorkingDay(date, NO_OVERRIDES)).toThrow(RangeError);
  });
});

describe('addLocalDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addLocalDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addLocalDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('countWorkingDays', () => {
  it('counts from exclusive to inclusive', () => {
    expect(countWorkingDays('2026-01-05', '2026-01-05', NO_OVERRIDES)).toBe(0);
    expect(countWorkingDays('2026-01-05', '2026-01-06', NO_OVERRIDES)).toBe(1);
    expect(countWorkingDays('2026-01-04', '2026-01-11', NO_OVERRIDES)).toBe(5);
    expect(countWorkingDays('2026-01-09', '2026-01-12', NO_OVERRIDES)).toBe(1);
  });

  it('is 0 for an empty or inverted range', () => {
    expect(countWorkingDays('2026-01-12', '2026-01-05', NO_OVERRIDES)).toBe(0);
  });

  it('honours holidays and adjusted working days', () => {
    // Sep 28 (worked Sunday) .. Oct 12: Sep 28, 29, 30, Oct 9, 10, 11.
    expect(countWorkingDays('2025-09-27', '2025-10-12', NATIONAL_DAY_2025)).toBe(6);
  });

  it('property: additive over adjacent ranges and bounded by the number of days', () => {
    const date = fc.integer({ min: 0, max: 800 }).map((n) => addLocalDays('2025-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, x, y) => {
        const b = addLocalDays(a, x);
        const c = addLocalDays(b, y);
        expect(countWorkingDays(a, c)).toBe(countWorkingDays(a, b) + countWorkingDays(b, c));
        expect(countWorkingDays(a, b)).toBeLessThanOrEqual(x);
        // Any 7 consecutive days contain exactly 5 weekdays.
        expect(countWorkingDays(a, addLocalDays(a, 7))).toBe(5);
      }),
    );
  });
});

describe('localDate and day boundaries', () => {
  it('uses the given time zone', () => {
    const instant = new Date('2026-01-05T17:00:00Z');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-01-06');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-01-05');
    expect(localDate(instant, 'UTC')).toBe('2026-01-05');
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('end of day is 23:59:59.999 local, also on DST change days', () => {
    expect(endOfLocalDay('2026-01-05', 'Asia/Shanghai').toISOString()).toBe('2026-01-05T15:59:59.999Z');
    // Spring forward: a 23-hour day.
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    // Fall back: a 25-hour day.
    expect(endOfLocalDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});
