import { describe, expect, it } from 'vitest';
import { countdown, DAY_MS } from './countdown';

const NOW = new Date('2026-03-10T02:00:00.000Z'); // a fixed clock: 10:00 in Shanghai
const at = (ms: number) => new Date(NOW.getTime() + ms);
const H = 3_600_000;
const M = 60_000;

describe('countdown', () => {
  it('ample time left is ok, split into days, hours, minutes, seconds', () => {
    const c = countdown(at(3 * DAY_MS + 4 * H + 5 * M + 6000), NOW);
    expect(c.kind).toBe('ok');
    expect(c.parts).toEqual({ days: 3, hours: 4, minutes: 5, seconds: 6 });
    expect(c.remainingMs).toBe(3 * DAY_MS + 4 * H + 5 * M + 6000);
  });

  it('within a day is soon, and exactly a day is soon too', () => {
    expect(countdown(at(DAY_MS), NOW).kind).toBe('soon');
    expect(countdown(at(DAY_MS + 1), NOW).kind).toBe('ok');
    expect(countdown(at(1), NOW).kind).toBe('soon');
  });

  it('at the due instant it is overdue by nothing', () => {
    const c = countdown(NOW, NOW);
    expect(c.kind).toBe('overdue');
    expect(c.parts).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });

  it('past the due time it says by how much', () => {
    const c = countdown(at(-(2 * DAY_MS + 3 * H + 30 * 1000)), NOW);
    expect(c.kind).toBe('overdue');
    expect(c.parts).toEqual({ days: 2, hours: 3, minutes: 0, seconds: 30 });
    expect(c.remainingMs).toBeLessThan(0);
  });

  it('takes ISO strings as the API sends them', () => {
    expect(countdown('2026-03-10T03:30:00.000Z', NOW).parts).toEqual({ days: 0, hours: 1, minutes: 30, seconds: 0 });
  });

  it('the soon window can be set per use', () => {
    expect(countdown(at(2 * H), NOW, H).kind).toBe('ok');
    expect(countdown(at(30 * M), NOW, H).kind).toBe('soon');
  });

  it('rounds partial seconds down', () => {
    expect(countdown(at(1999), NOW).parts.seconds).toBe(1);
    expect(countdown(at(-1999), NOW).parts.seconds).toBe(1);
  });
});

describe('countdown with reminders', () => {
  const window = { fromAt: at(-H), lastAt: at(2 * H) };

  it('inside the reminder window is reminder (blue), past the last reminder soon (amber)', () => {
    expect(countdown(at(5 * DAY_MS), NOW, DAY_MS, window).kind).toBe('reminder');
    expect(countdown(at(5 * DAY_MS), at(3 * H), DAY_MS, window).kind).toBe('soon');
  });

  it('before the first reminder it is ok; under a day it is soon whatever the reminders say', () => {
    expect(countdown(at(5 * DAY_MS), at(-2 * H), DAY_MS, window).kind).toBe('ok');
    expect(countdown(at(H), NOW, DAY_MS, { fromAt: at(-H), lastAt: at(30 * M) }).kind).toBe('soon');
  });

  it('overdue wins over everything; no window known is the same as none', () => {
    expect(countdown(at(-1), NOW, DAY_MS, window).kind).toBe('overdue');
    expect(countdown(at(5 * DAY_MS), NOW, DAY_MS, { fromAt: null, lastAt: null }).kind).toBe('ok');
    expect(countdown('2026-03-20T00:00:00Z', NOW, DAY_MS, { fromAt: '2026-03-09T00:00:00Z', lastAt: null }).kind).toBe(
      'reminder',
    );
  });
});
