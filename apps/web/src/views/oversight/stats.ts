import type { ChartOption } from '@/components/AppChart.vue';
import type { AssessmentRow, TrendWeek, UnitSummary } from './api';

// Option builders for the statistics page: plain data in, an ECharts option out (text already translated),
// so each chart is tested without a canvas.

const RED = '#c0392b';
const BLUE = '#1d6fc4';
const GREEN = '#3a9b5c';
const PALE = '#b7d9c2';
const LEVEL_COLOURS = ['#f56c6c', '#d0342c', '#8b1010'];

/** Room for the axis labels; ECharts 6 keeps labels inside the box by itself (outerBounds). */
const GRID = { left: 8, right: 16, top: 36, bottom: 8 };

export interface Named {
  unitName: (code: string) => string;
}

/** Units with something overdue, most first (at most `limit`). */
export function overdueByUnit(summary: readonly UnitSummary[], limit = 20): UnitSummary[] {
  return summary
    .filter((item) => item.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit))
    .slice(0, limit);
}

export function overdueByUnitOption(summary: readonly UnitSummary[], text: Named & { series: string }): ChartOption {
  const items = overdueByUnit(summary);
  return {
    tooltip: { trigger: 'axis' },
    grid: GRID,
    xAxis: {
      type: 'category',
      data: items.map((item) => text.unitName(item.unit)),
      axisLabel: { interval: 0, rotate: items.length > 4 ? 35 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: text.series,
        data: items.map((item) => item.overdue),
        itemStyle: { color: RED },
        barMaxWidth: 48,
      },
    ],
  };
}

/**
 * Units with a rate (something fell due in the period), best first, as percentages; those with too little
 * data to be ranked come after the ranked ones and are drawn paler.
 */
export function onTimeRanking(
  rows: readonly AssessmentRow[],
): { unit: string; unitName: string; percent: number; ranked: boolean }[] {
  return rows
    .filter((row) => row.onTimeClosureRate !== null)
    .map((row) => ({
      unit: row.unit,
      unitName: row.unitName,
      percent: Math.round((row.onTimeClosureRate ?? 0) * 1000) / 10,
      ranked: !row.insufficientData,
    }))
    .sort((a, b) => Number(b.ranked) - Number(a.ranked) || b.percent - a.percent || a.unit.localeCompare(b.unit));
}

export function onTimeRankingOption(rows: readonly AssessmentRow[], text: { series: string }): ChartOption {
  const ranked = onTimeRanking(rows);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
    grid: GRID,
    // The best at the top: the category axis reads downwards.
    yAxis: {
      type: 'category',
      inverse: true,
      data: ranked.map((row) => row.unitName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: text.series,
        data: ranked.map((row) => ({ value: row.percent, itemStyle: { color: row.ranked ? GREEN : PALE } })),
        barMaxWidth: 24,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}

/** Height for a horizontal bar chart of `count` rows, so names never overlap. */
export function rankingHeight(count: number): string {
  return `${Math.max(200, 60 + count * 28)}px`;
}

export function trendOption(weeks: readonly TrendWeek[], text: { filed: string; closed: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [text.filed, text.closed], top: 0 },
    grid: GRID,
    xAxis: { type: 'category', boundaryGap: false, data: weeks.map((week) => week.weekStart.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: text.filed, data: weeks.map((week) => week.filed), itemStyle: { color: BLUE } },
      { type: 'line', name: text.closed, data: weeks.map((week) => week.closed), itemStyle: { color: GREEN } },
    ],
  };
}

/** Open issues at each escalation level over all units: 1, 2 and 3-and-above. */
export function levelTotals(summary: readonly UnitSummary[]): [number, number, number] {
  const totals: [number, number, number] = [0, 0, 0];
  for (const item of summary) {
    for (const [level, count] of Object.entries(item.byLevel)) {
      const n = Number(level);
      if (n >= 1) {
        const index = (Math.min(n, 3) - 1) as 0 | 1 | 2;
        totals[index] += count;
      }
    }
  }
  return totals;
}

export function levelOption(
  summary: readonly UnitSummary[],
  text: { levelName: (level: number) => string; series: string },
): ChartOption {
  const totals = levelTotals(summary);
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: totals.map((_, index) => text.levelName(index + 1)) },
    series: [
      {
        type: 'pie',
        name: text.series,
        radius: ['35%', '65%'],
        label: { formatter: '{b}: {c}' },
        // Empty levels stay in the legend but draw no slice (nor a label for it).
        data: totals
          .map((value, index) => ({
            name: text.levelName(index + 1),
            value,
            itemStyle: { color: LEVEL_COLOURS[index] },
          }))
          .filter((slice) => slice.value > 0),
      },
    ],
  };
}
