import fc from 'fast-check';
import { DateTime } from 'luxon';
import { CalendarOverrides, NO_OVERRIDES, addLocalDays, isWorkingDay } from '../time/working-calendar';
import { WorkingHours, deliverAfter } from './notification-hours';

const SH = 'Asia/Shanghai';
const BER = 'Europe/Berlin';
const at = (text: string) => new Date(text);
const iso = (d: Date) => d.toISOString();
const shanghai: WorkingHours = { timeZone: SH };

// 2025 National Day: Oct 1-8 off, Sunday Sep 28 and Saturday Oct 11 worked in lieu.
const NATIONAL_DAY_2025: CalendarOverrides = {
  holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']),
  workdays: new Set(['2025-09-28', '2025-10-11']),
};

describe('deliverAfter urgent', () => {
  it.each([
    '2026-01-09T12:00:00Z', // Friday 20:00 Shanghai
    '2026-01-10T02:00:00Z', // Saturday 10:00
    '2026-01-05T19:00:00Z', // Tuesday 03:00
    '2025-10-01T02:00:00Z', // National Day
  ])('is delivered at once: %s', (when) => {
    const now = at(when);
    expect(iso(deliverAfter(now, true, { timeZone: SH, overrides: NATIONAL_DAY_2025 }))).toBe(iso(now));
  });
});

describe('deliverAfter in Asia/Shanghai (UTC+8, no DST)', () => {
  it.each([
    ['Monday 09:00:00.000, the first working moment', '2026-01-05T01:00:00.000Z'],
    ['Monday 10:00', '2026-01-05T02:00:00.000Z'],
    ['Friday 17:59:59.999, the last working moment', '2026-01-09T09:59:59.999Z'],
  ])('inside working hours is immediate: %s', (_label, when) => {
    expect(iso(deliverAfter(at(when), false, shanghai))).toBe(when);
  });

  it.each([
    ['Monday 08:59:59.999 waits for 09:00 the same day', '2026-01-05T00:59:59.999Z', '2026-01-05T01:00:00.000Z'],
    ['Monday 03:00 waits for 09:00 the same day', '2026-01-04T19:00:00.000Z', '2026-01-05T01:00:00.000Z'],
    ['Monday 00:00 waits for 09:00 the same day', '2026-01-04T16:00:00.000Z', '2026-01-05T01:00:00.000Z'],
    ['Monday 18:00 waits for Tuesday 09:00', '2026-01-05T10:00:00.000Z', '2026-01-06T01:00:00.000Z'],
    ['Monday 23:59 waits for Tuesday 09:00', '2026-01-05T15:59:00.000Z', '2026-01-06T01:00:00.000Z'],
    ['Friday 20:00 waits for Monday 09:00', '2026-01-09T12:00:00.000Z', '2026-01-12T01:00:00.000Z'],
    ['Saturday 10:00 waits for Monday 09:00', '2026-01-10T02:00:00.000Z', '2026-01-12T01:00:00.000Z'],
    ['Saturday 03:00 waits for Monday 09:00', '2026-01-09T19:00:00.000Z', '2026-01-12T01:00:00.000Z'],
    ['Sunday 23:00 waits for Monday 09:00', '2026-01-11T15:00:00.000Z', '2026-01-12T01:00:00.000Z'],
    // Thursday 31 Dec 2026 evening, in UTC still the afternoon: the local date decides.
    ['New Year’s Eve 20:00 waits for Friday 1 Jan 09:00', '2026-12-31T12:00:00.000Z', '2027-01-01T01:00:00.000Z'],
  ])('outside working hours: %s', (_label, when, expected) => {
    expect(iso(deliverAfter(at(when), false, shanghai))).toBe(expected);
  });

  it('uses the local date, not the UTC date: Monday 07:00 local is still Sunday in UTC', () => {
    // 2026-01-11T23:00Z is Monday 07:00 in Shanghai.
    expect(iso(deliverAfter(at('2026-01-11T23:00:00Z'), false, shanghai))).toBe('2026-01-12T01:00:00.000Z');
  });

  it('skips holidays and the weekend between them', () => {
    const hours = { timeZone: SH, overrides: NATIONAL_DAY_2025 };
    // Tuesday Sep 30 19:00 -> Oct 1-8 off (Oct 4-5 a weekend) -> Thursday Oct 9 09:00.
    expect(iso(deliverAfter(at('2025-09-30T11:00:00Z'), false, hours))).toBe('2025-10-09T01:00:00.000Z');
    // A holiday at 10:00, inside what would be working hours.
    expect(iso(deliverAfter(at('2025-10-01T02:00:00Z'), false, hours))).toBe('2025-10-09T01:00:00.000Z');
    // A holiday Monday at 03:00 does not stop at that morning.
    expect(iso(deliverAfter(at('2025-10-05T19:00:00Z'), false, hours))).toBe('2025-10-09T01:00:00.000Z');
  });

  it('without the overrides the same days are ordinary', () => {
    expect(iso(deliverAfter(at('2025-10-01T02:00:00Z'), false, shanghai))).toBe('2025-10-01T02:00:00.000Z');
    expect(iso(deliverAfter(at('2025-09-27T12:00:00Z'), false, shanghai))).toBe('2025-09-29T01:00:00.000Z');
  });

  it('an adjusted working weekend day counts as a working day', () => {
    const hours = { timeZone: SH, overrides: NATIONAL_DAY_2025 };
    // Saturday Sep 27 20:00 -> worked Sunday Sep 28 09:00.
    expect(iso(deliverAfter(at('2025-09-27T12:00:00Z'), false, hours))).toBe('2025-09-28T01:00:00.000Z');
    // Worked Sunday Sep 28 10:00 is immediate.
    expect(iso(deliverAfter(at('2025-09-28T02:00:00Z'), false, hours))).toBe('2025-09-28T02:00:00.000Z');
    // Worked Sunday Sep 28 05:00 waits until 09:00 that day.
    expect(iso(deliverAfter(at('2025-09-27T21:00:00Z'), false, hours))).toBe('2025-09-28T01:00:00.000Z');
    // Friday Oct 10 19:00 -> worked Saturday Oct 11 09:00.
    expect(iso(deliverAfter(at('2025-10-10T11:00:00Z'), false, hours))).toBe('2025-10-11T01:00:00.000Z');
    // Worked Saturday Oct 11 18:00 -> Monday Oct 13 09:00.
    expect(iso(deliverAfter(at('2025-10-11T10:00:00Z'), false, hours))).toBe('2025-10-13T01:00:00.000Z');
  });

  it('honours configured working hours', () => {
    const hours: WorkingHours = { timeZone: SH, startHour: 8, endHour: 17 };
    expect(iso(deliverAfter(at('2026-01-05T00:30:00Z'), false, hours))).toBe('2026-01-05T00:30:00.000Z'); // 08:30
    expect(iso(deliverAfter(at('2026-01-04T23:59:00Z'), false, hours))).toBe('2026-01-05T00:00:00.000Z'); // 07:59
    expect(iso(deliverAfter(at('2026-01-05T09:00:00Z'), false, hours))).toBe('2026-01-06T00:00:00.000Z'); // 17:00
    expect(iso(deliverAfter(at('2026-01-05T08:59:59Z'), false, hours))).toBe('2026-01-05T08:59:59.000Z'); // 16:59
  });

  it('rejects an unknown time zone', () => {
    expect(() => deliverAfter(at('2026-01-05T02:00:00Z'), false, { timeZone: 'Mars/Olympus_Mons' })).toThrow(
      RangeError,
    );
  });
});

describe('deliverAfter in Europe/Berlin (DST)', () => {
  const berlin: WorkingHours = { timeZone: BER };

  it.each([
    // Spring forward on Sunday 2026-03-29: CET (UTC+1) before, CEST (UTC+2) after.
    ['Friday 20:00 CET -> Monday 09:00 CEST', '2026-03-27T19:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    [
      'Sunday 03:30 CEST, just after the gap -> Monday 09:00 CEST',
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ],
    ['Monday 08:30 CEST -> 09:00 CEST', '2026-03-30T06:30:00.000Z', '2026-03-30T07:00:00.000Z'],
    // Fall back on Sunday 2026-10-25: CEST before, CET after.
    ['Friday 20:00 CEST -> Monday 09:00 CET', '2026-10-23T18:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    ['Sunday 02:30 CET, the repeated hour -> Monday 09:00 CET', '2026-10-25T01:30:00.000Z', '2026-10-26T08:00:00.000Z'],
    ['Saturday 18:00 CEST -> Monday 09:00 CET', '2026-10-24T16:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    // Winter time.
    ['Tuesday 18:00 CET -> Wednesday 09:00 CET', '2026-01-06T17:00:00.000Z', '2026-01-07T08:00:00.000Z'],
  ])('%s', (_label, when, expected) => {
    expect(iso(deliverAfter(at(when), false, berlin))).toBe(expected);
  });

  it.each([
    // 09:30 CEST is 07:30Z; under CET it would still be 08:30 and wait.
    ['Monday 09:30 CEST', '2026-03-30T07:30:00.000Z'],
    // 17:30 CET is 16:30Z; under CEST it would be 18:30 and wait.
    ['Monday 17:30 CET', '2026-10-26T16:30:00.000Z'],
  ])('inside working hours under the offset in force: %s', (_label, when) => {
    expect(iso(deliverAfter(at(when), false, berlin))).toBe(when);
  });

  it('a holiday is skipped in Berlin too', () => {
    const hours = {
      timeZone: BER,
      overrides: { holidays: new Set(['2026-04-03', '2026-04-06']), workdays: new Set<string>() },
    };
    // Thursday before Good Friday 19:00 CEST -> Tuesday after Easter Monday 09:00 CEST.
    expect(iso(deliverAfter(at('2026-04-02T17:00:00Z'), false, hours))).toBe('2026-04-07T07:00:00.000Z');
  });
});

describe('deliverAfter properties', () => {
  const ZONES = [SH, BER, 'America/New_York', 'UTC'];
  const BASE = '2025-06-01';
  const dayArb = fc.integer({ min: 0, max: 500 }).map((n) => addLocalDays(BASE, n));
  const overridesArb: fc.Arbitrary<CalendarOverrides> = fc
    .record({
      holidays: fc.uniqueArray(dayArb, { maxLength: 40 }),
      workdays: fc.uniqueArray(dayArb, { maxLength: 10 }),
    })
    .map((o) => ({ holidays: new Set(o.holidays), workdays: new Set(o.workdays) }));
  const hoursArb: fc.Arbitrary<WorkingHours> = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    overrides: fc.oneof(fc.constant(NO_OVERRIDES), overridesArb),
    startHour: fc.integer({ min: 6, max: 10 }),
    endHour: fc.integer({ min: 16, max: 21 }),
  });
  const nowArb = fc
    .integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2026-10-31T00:00:00Z') })
    .map((ms) => new Date(ms));

  const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });
  const inHours = (d: Date, h: WorkingHours) => {
    const l = local(d, h.timeZone);
    const date = l.toISODate() as string;
    return isWorkingDay(date, h.overrides) && l.hour >= (h.startHour ?? 9) && l.hour < (h.endHour ?? 18);
  };

  it('property: urgent is immediate; otherwise never earlier than now, and immediate exactly inside working hours', () => {
    fc.assert(
      fc.property(nowArb, hoursArb, (now, hours) => {
        expect(deliverAfter(now, true, hours).getTime()).toBe(now.getTime());
        const after = deliverAfter(now, false, hours);
        expect(after.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(after.getTime() === now.getTime()).toBe(inHours(now, hours));
      }),
    );
  });

  it('property: a deferred notification goes out at the start of the next working morning, none skipped', () => {
    fc.assert(
      fc.property(nowArb, hoursArb, (now, hours) => {
        const after = deliverAfter(now, false, hours);
        if (after.getTime() === now.getTime()) return;
        const l = local(after, hours.timeZone);
        expect([l.hour, l.minute, l.second, l.millisecond]).toEqual([hours.startHour, 0, 0, 0]);
        const resultDate = l.toISODate() as string;
        expect(isWorkingDay(resultDate, hours.overrides)).toBe(true);
        // No working day lies strictly between today and the delivery date ...
        const today = local(now, hours.timeZone).toISODate() as string;
        for (let d = addLocalDays(today, 1); d < resultDate; d = addLocalDays(d, 1)) {
          expect(isWorkingDay(d, hours.overrides)).toBe(false);
        }
        // ... and today's working hours, if any, are already over or not yet begun.
        if (resultDate !== today && isWorkingDay(today, hours.overrides)) {
          expect(local(now, hours.timeZone).hour).toBeGreaterThanOrEqual(hours.endHour as number);
        }
        // The delivery moment is itself deliverable.
        expect(deliverAfter(after, false, hours).getTime()).toBe(after.getTime());
      }),
    );
  });
});
