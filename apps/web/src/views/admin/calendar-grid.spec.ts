import { describe, expect, it } from 'vitest';
import { isLocalDate, parseYearImport, toCsv, yearGrid } from './calendar-grid';

describe('the year grid', () => {
  const grid = yearGrid(2026, [
    { date: '2026-10-01', type: 'holiday', name: '国庆节' },
    { date: '2026-10-10', type: 'workday', name: '国庆节调休' },
  ]);

  it('has twelve months of Monday-first weeks with every day once', () => {
    expect(grid).toHaveLength(12);
    const days = grid.flatMap((m) => m.weeks.flat()).filter((c) => c !== null);
    expect(days).toHaveLength(365);
    for (const month of grid) for (const week of month.weeks) expect(week).toHaveLength(7);
    // 1 January 2026 is a Thursday: three empty cells before it
    expect(grid[0]!.weeks[0]!.slice(0, 4).map((c) => c?.day ?? null)).toEqual([null, null, null, 1]);
  });

  it('marks holidays and adjusted working days, and which days are worked', () => {
    const october = grid[9]!.weeks.flat();
    const day = (d: number) => october.find((c) => c?.day === d)!;
    expect(day(1)).toMatchObject({ type: 'holiday', name: '国庆节', working: false, weekend: false });
    expect(day(10)).toMatchObject({ type: 'workday', working: true, weekend: true });
    expect(day(11)).toMatchObject({ type: null, working: false, weekend: true });
    expect(day(12)).toMatchObject({ type: null, working: true, weekend: false });
  });

  it('knows leap years', () => {
    expect(yearGrid(2028, [])[1]!.weeks.flat().filter(Boolean)).toHaveLength(29);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });
});

describe('the year import', () => {
  it('reads CSV with a header, Chinese type words and names', () => {
    const text = 'date,type,name\n2027-10-01,休,国庆节\n\n2027-09-26，班，国庆节调休\n2027-01-01,holiday';
    expect(parseYearImport(2027, text)).toEqual({
      days: [
        { date: '2027-01-01', type: 'holiday' },
        { date: '2027-09-26', type: 'workday', name: '国庆节调休' },
        { date: '2027-10-01', type: 'holiday', name: '国庆节' },
      ],
      problems: [],
    });
  });

  it('reads a JSON list or the API’s {days} shape', () => {
    const days = [{ date: '2027-05-01', type: 'holiday', name: '劳动节' }];
    expect(parseYearImport(2027, JSON.stringify(days)).days).toEqual(days);
    expect(parseYearImport(2027, JSON.stringify({ year: 2027, days })).days).toEqual(days);
  });

  it('reports every problem with its line, as the API would refuse them', () => {
    const text = '2027-13-01,holiday\n2026-12-31,holiday\n2027-02-01,rest\n2027-03-01,workday\n2027-03-01,holiday';
    expect(parseYearImport(2027, text).problems).toEqual([
      { line: 1, key: 'date' },
      { line: 2, key: 'outsideYear' },
      { line: 3, key: 'type' },
      { line: 5, key: 'duplicate' },
    ]);
    expect(parseYearImport(2027, '[{"date": 1}').problems).toEqual([{ line: 0, key: 'format' }]);
    expect(parseYearImport(2027, '  ').problems).toEqual([{ line: 0, key: 'empty' }]);
    expect(parseYearImport(2027, `2027-01-01,holiday,${'名'.repeat(201)}`).problems).toEqual([
      { line: 1, key: 'nameTooLong' },
    ]);
  });

  it('reads back what it exports', () => {
    const days = [
      { date: '2027-01-01', type: 'holiday' as const, name: '元旦' },
      { date: '2027-02-07', type: 'workday' as const, name: '春节, "调休"' },
    ];
    expect(parseYearImport(2027, toCsv(days)).days).toEqual(days);
  });
});
