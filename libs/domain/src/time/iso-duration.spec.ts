import fc from 'fast-check';
import { InvalidDurationError, IsoDuration, isIsoDuration, isZeroDuration, parseIsoDuration } from './iso-duration';

const ZERO: IsoDuration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['PT2S', { seconds: 2 }],
    ['PT24H', { hours: 24 }],
    ['P15D', { days: 15 }],
    ['P1W', { weeks: 1 }],
    ['P1M', { months: 1 }],
    ['PT1M', { minutes: 1 }],
    ['PT0S', {}],
    ['P0D', {}],
    ['PT0.25S', { seconds: 0.25 }],
    ['P1Y2M3DT4H5M6.5S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6.5 }],
    ['P2W3D', { weeks: 2, days: 3 }],
    ['P1DT12H', { days: 1, hours: 12 }],
  ])('parses %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual({ ...ZERO, ...expected });
  });

  it.each([
    '',
    'P',
    'PT',
    '2S',
    'P-1D',
    'PT1.5.S',
    'P1DT',
    'pt2s',
    'PT2s',
    ' PT2S',
    'PT2S ',
    'P1.5D',
    'PT1.5H',
    'P1D2Y',
    'PT1S1M',
    'P1H',
    'PT1D',
    '+PT1S',
    'PT.5S',
    'PT5.S',
    'PT1,5S',
    'P1D1D',
  ])('rejects %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(InvalidDurationError);
    expect(isIsoDuration(text)).toBe(false);
  });

  it('rejects absurdly large components instead of losing precision', () => {
    expect(() => parseIsoDuration('P99999999999999999999D')).toThrow(InvalidDurationError);
  });

  it('the error names the input', () => {
    expect(() => parseIsoDuration('P')).toThrow('"P" is not an ISO-8601 duration');
  });

  it('isIsoDuration rejects non-strings', () => {
    for (const value of [undefined, null, 2, {}, ['PT1S']]) expect(isIsoDuration(value)).toBe(false);
    expect(isIsoDuration('PT1S')).toBe(true);
  });

  it('property: formatting any duration canonically parses back to it', () => {
    const n = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(
        fc.record({
          years: n,
          months: n,
          weeks: n,
          days: n,
          hours: n,
          minutes: n,
          seconds: n,
          millis: fc.integer({ min: 0, max: 999 }),
        }),
        ({ millis, ...d }) => {
          const seconds = d.seconds + millis / 1000;
          const text = `P${d.years}Y${d.months}M${d.weeks}W${d.days}DT${d.hours}H${d.minutes}M${seconds}S`;
          expect(parseIsoDuration(text)).toEqual({ ...d, seconds });
        },
      ),
    );
  });
});

describe('isZeroDuration', () => {
  it('is true only when every component is zero', () => {
    expect(isZeroDuration(parseIsoDuration('PT0S'))).toBe(true);
    expect(isZeroDuration(parseIsoDuration('P0Y0M0W0DT0H0M0S'))).toBe(true);
    for (const k of Object.keys(ZERO) as (keyof IsoDuration)[]) {
      expect(isZeroDuration({ ...ZERO, [k]: 1 })).toBe(false);
    }
    expect(isZeroDuration({ ...ZERO, seconds: 0.001 })).toBe(false);
  });
});
