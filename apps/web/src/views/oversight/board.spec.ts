import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/locales';
import type { UnitSummary } from './api';
import { countdown } from '@/domain/countdown';
import { formatDuration, levelLight, overdueSecondsAt, remindersFromColour, summaryRows } from './board';
import { throttle } from './live';
import { readAll, regionTree } from './reference';

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});

describe('the board', () => {
  it('lights escalation levels in three deepening reds, 3 and above alike', () => {
    expect([0, 1, 2, 3, 4, 9].map(levelLight)).toEqual(['none', 'level1', 'level2', 'level3', 'level3', 'level3']);
    expect(levelLight(-1)).toBe('none');
    expect(levelLight(Number.NaN)).toBe('none');
  });

  it('says how long overdue as a person says it', () => {
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, t)).toBe('3天4小时');
    expect(formatDuration(2 * 86_400 + 30 * 60, t)).toBe('2天');
    expect(formatDuration(5 * 3600 + 12 * 60, t)).toBe('5小时12分钟');
    expect(formatDuration(7200, t)).toBe('2小时');
    expect(formatDuration(7 * 60 + 30, t)).toBe('7分钟');
    expect(formatDuration(59, t)).toBe('不足1分钟');
    expect(formatDuration(-5, t)).toBe('不足1分钟');
  });

  it('keeps the overdue time live from the due time, falling back to the API’s seconds', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    expect(overdueSecondsAt({ overdue: true, dueAt: '2026-03-10T01:00:00Z', overdueSeconds: 10 }, now)).toBe(3600);
    expect(overdueSecondsAt({ overdue: true, dueAt: null, overdueSeconds: 10 }, now)).toBe(10);
    expect(overdueSecondsAt({ overdue: false, dueAt: '2026-03-10T01:00:00Z', overdueSeconds: 0 }, now)).toBe(0);
  });

  it('a yellow or blue item counts down in the board’s colour', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    const due = '2026-03-20T02:00:00Z';
    expect(countdown(due, now, undefined, remindersFromColour('yellow')).kind).toBe('soon');
    expect(countdown(due, now, undefined, remindersFromColour('blue')).kind).toBe('reminder');
    expect(countdown(due, now, undefined, remindersFromColour(null)).kind).toBe('ok');
  });

  it('summarises units: levels 3+ together, the most overdue first, idle units only on request', () => {
    const items: UnitSummary[] = [
      { unit: 'a', open: 2, overdue: 0, key: 1, byLevel: {} },
      { unit: 'b', open: 5, overdue: 3, key: 0, byLevel: { '1': 1, '2': 1, '3': 2, '5': 1 } },
      { unit: 'c', open: 0, overdue: 0, key: 0, byLevel: {} },
    ];
    expect(summaryRows(items)).toEqual([
      { unit: 'b', open: 5, overdue: 3, level1: 1, level2: 1, level3: 3, key: 0 },
      { unit: 'a', open: 2, overdue: 0, level1: 0, level2: 0, level3: 0, key: 1 },
    ]);
    expect(summaryRows(items, true).map((row) => row.unit)).toEqual(['b', 'a', 'c']);
  });
});

describe('reference data', () => {
  it('builds the region tree, orphans at the root', () => {
    expect(
      regionTree([
        { code: '522302', name: '兴仁市', parent: '522300' },
        { code: '522300', name: '黔西南州', parent: null },
        { code: '522301', name: '兴义市', parent: '522300' },
        { code: '999999', name: '某地', parent: '000000' },
      ]),
    ).toEqual([
      {
        value: '522300',
        label: '黔西南州',
        children: [
          { value: '522301', label: '兴义市' },
          { value: '522302', label: '兴仁市' },
        ],
      },
      { value: '999999', label: '某地' },
    ]);
  });

  it('reads every page, and stops at the page limit', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    };
    const read = vi.fn(async (cursor: string | undefined) => pages[cursor ?? 'start']!);
    expect(await readAll(read)).toEqual({ items: [1, 2, 3, 4], complete: true });
    expect(read).toHaveBeenCalledTimes(3);
    expect(await readAll(read, 2)).toEqual({ items: [1, 2, 3], complete: false });
  });
});

describe('throttle', () => {
  it('runs at once, then once more after a burst, and not at all when cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const later = throttle(fn, 100);
    later();
    expect(fn).toHaveBeenCalledTimes(1);
    later();
    later();
    vi.advanceTimersByTime(99);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    // quiet for a whole interval: the next call runs at once again
    vi.advanceTimersByTime(100);
    later();
    expect(fn).toHaveBeenCalledTimes(3);
    later();
    later.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
