import { describe, expect, it } from 'vitest';
import type { AssessmentRow, UnitSummary } from './api';
import {
  levelOption,
  levelTotals,
  onTimeRanking,
  onTimeRankingOption,
  overdueByUnitOption,
  rankingHeight,
  trendOption,
} from './stats';

const summary: UnitSummary[] = [
  { unit: 'xingren-gov', open: 4, overdue: 2, key: 0, byLevel: { '1': 1, '3': 1 } },
  { unit: 'pref-energy', open: 6, overdue: 5, key: 1, byLevel: { '1': 2, '2': 1, '4': 2 } },
  { unit: 'xingyi-gov', open: 1, overdue: 0, key: 0, byLevel: {} },
];
const names: Record<string, string> = { 'xingren-gov': '兴仁市人民政府', 'pref-energy': '州能源局' };

function row(fields: Partial<AssessmentRow>): AssessmentRow {
  return { unit: 'u', unitName: 'U', onTimeClosureRate: null, insufficientData: false, ...fields } as AssessmentRow;
}

describe('chart options', () => {
  it('overdue by unit: a bar per unit with something overdue, most first, by name', () => {
    const option = overdueByUnitOption(summary, { unitName: (code) => names[code] ?? code, series: '超期事项' });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['州能源局', '兴仁市人民政府'] });
    expect(option.series).toMatchObject([{ type: 'bar', name: '超期事项', data: [5, 2] }]);
  });

  it('on-time closure: percentages, ranked units first and best at the top, the unranked paler', () => {
    const rows = [
      row({ unit: 'a', unitName: '甲', onTimeClosureRate: 0.5 }),
      row({ unit: 'b', unitName: '乙', onTimeClosureRate: 0.875 }),
      row({ unit: 'c', unitName: '丙', onTimeClosureRate: 1, insufficientData: true }),
      row({ unit: 'd', unitName: '丁', onTimeClosureRate: null }),
    ];
    expect(onTimeRanking(rows).map((r) => [r.unitName, r.percent, r.ranked])).toEqual([
      ['乙', 87.5, true],
      ['甲', 50, true],
      ['丙', 100, false],
    ]);
    const option = onTimeRankingOption(rows, { series: '按时办结率' });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['乙', '甲', '丙'] });
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 100 });
    const [series] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(series!.data.map((d) => d.value)).toEqual([87.5, 50, 100]);
    expect(series!.data[2]!.itemStyle.color).not.toBe(series!.data[0]!.itemStyle.color);
    expect(rankingHeight(1)).toBe('200px');
    expect(rankingHeight(30)).toBe('900px');
  });

  it('the weekly trend: two lines over the weeks, oldest first', () => {
    const option = trendOption(
      [
        { weekStart: '2026-02-23', filed: 3, closed: 1 },
        { weekStart: '2026-03-02', filed: 5, closed: 4 },
      ],
      { filed: '提交', closed: '办结' },
    );
    expect(option.xAxis).toMatchObject({ data: ['02-23', '03-02'] });
    expect(option.series).toMatchObject([
      { type: 'line', name: '提交', data: [3, 5] },
      { type: 'line', name: '办结', data: [1, 4] },
    ]);
  });

  it('escalations by level: 1, 2 and 3+ over every unit, empty levels without a slice', () => {
    expect(levelTotals(summary)).toEqual([3, 1, 3]);
    expect(levelTotals([])).toEqual([0, 0, 0]);
    const option = levelOption([{ unit: 'a', open: 1, overdue: 1, key: 0, byLevel: { '1': 1 } }], {
      levelName: (level) => `${level} 级`,
      series: '在办事项',
    });
    expect(option.legend).toMatchObject({ data: ['1 级', '2 级', '3 级'] });
    expect(option.series).toMatchObject([{ type: 'pie', data: [{ name: '1 级', value: 1 }] }]);
  });
});
