import { describe, expect, it } from 'vitest';
import { i18n } from '@/locales';
import type { AssessmentRow } from './api';
import { filenameFrom } from './api';
import {
  byRank,
  formatPoints,
  formatRate,
  ledgerBalances,
  ledgerSum,
  parseRule,
  ruleInWords,
  sortRows,
} from './ledger';
import { currentYear, periodFromQuery, presetOf, presetPeriod } from './period';

const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {});
const te = (key: string) => i18n.global.te(key);

describe('period presets', () => {
  it('years and this year’s quarters as local dates, `to` inclusive', () => {
    expect(presetPeriod('thisYear', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', 2026)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('q1', 2026)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('q2', 2026)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('q3', 2026)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('q4', 2026)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('q1', 2024)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(presetPeriod('custom', 2026)).toBeNull();
  });

  it('recognises a preset from its dates, else custom', () => {
    expect(presetOf({ from: '2026-04-01', to: '2026-06-30' }, 2026)).toBe('q2');
    expect(presetOf({ from: '2025-01-01', to: '2025-12-31' }, 2026)).toBe('lastYear');
    expect(presetOf({ from: '2026-04-02', to: '2026-06-30' }, 2026)).toBe('custom');
  });

  it('reads a period from a link, or falls back to this year', () => {
    expect(periodFromQuery({ from: '2026-02-01', to: '2026-02-28' }, 2026)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodFromQuery({ from: '2026-03-01', to: '2026-02-01' }, 2026)).toEqual(presetPeriod('thisYear', 2026));
    expect(periodFromQuery({ from: 'yesterday' }, 2026)).toEqual(presetPeriod('thisYear', 2026));
  });

  it('the year is the service’s, not the browser’s (Asia/Shanghai is ahead of UTC)', () => {
    expect(currentYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(currentYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
  });
});

describe('the ledger', () => {
  it('parses the rule as the service describes it', () => {
    expect(parseRule('issue.escalated{level=2}')).toEqual({ event: 'issue.escalated', params: { level: '2' } });
    expect(parseRule('issue.overdue')).toEqual({ event: 'issue.overdue', params: {} });
  });

  it('says each rule in words; evaluations are 民主评议', () => {
    expect(ruleInWords({ rule: 'issue.overdue', source: 'event' }, t, te)).toBe('办理超期');
    expect(ruleInWords({ rule: 'issue.escalated{level=2}', source: 'event' }, t, te)).toBe('升级督办（2 级）');
    expect(ruleInWords({ rule: 'issue.reopened{satisfaction=unsatisfied}', source: 'event' }, t, te)).toBe(
      '核查不通过（satisfaction=unsatisfied）',
    );
    expect(ruleInWords({ rule: 'democratic_evaluation{score=80,weight=0.1}', source: 'evaluation' }, t, te)).toBe(
      '民主评议（评分 80）',
    );
    expect(ruleInWords({ rule: 'something.new', source: 'event' }, t, te)).toBe('something.new');
  });

  it('signs points with a plus or a true minus', () => {
    expect([formatPoints(2), formatPoints(-3.5), formatPoints(0), formatPoints(-0.001)]).toEqual([
      '+2',
      '\u22123.5',
      '0',
      '0',
    ]);
  });

  it('sums to score − base, in hundredths', () => {
    const ledger = [{ points: -0.1 }, { points: -0.2 }, { points: -2 }, { points: 1.5 }];
    expect(ledgerSum(ledger)).toBe(-0.8);
    expect(ledgerBalances({ score: 99.2, base: 100, ledger })).toEqual({ sum: -0.8, expected: -0.8, balances: true });
    expect(ledgerBalances({ score: 98, base: 100, ledger }).balances).toBe(false);
    expect(ledgerBalances({ score: 100, base: 100, ledger: [] }).balances).toBe(true);
  });

  it('shows rates as percentages, none as a dash', () => {
    expect([formatRate(0.8756), formatRate(1), formatRate(0), formatRate(null)]).toEqual([
      '87.6%',
      '100.0%',
      '0.0%',
      '—',
    ]);
  });
});

describe('sorting the table', () => {
  const row = (unit: string, fields: Partial<AssessmentRow>) =>
    ({ unit, unitName: unit, rank: null, score: 100, onTimeClosureRate: null, ...fields }) as AssessmentRow;
  const rows = [
    row('c', { rank: null, score: 100, onTimeClosureRate: null }),
    row('a', { rank: 2, score: 90, onTimeClosureRate: 0.5 }),
    row('b', { rank: 1, score: 95, onTimeClosureRate: 0.9 }),
    row('d', { rank: null, score: 99, onTimeClosureRate: 0.7 }),
  ];
  const units = (list: AssessmentRow[]) => list.map((r) => r.unit);

  it('starts by rank, the unranked after by score', () => {
    expect(units(byRank(rows))).toEqual(['b', 'a', 'c', 'd']);
    expect(units(sortRows(rows, null, null))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('sorts a column either way with nulls last', () => {
    expect(units(sortRows(rows, 'onTimeClosureRate', 'ascending'))).toEqual(['a', 'd', 'b', 'c']);
    expect(units(sortRows(rows, 'onTimeClosureRate', 'descending'))).toEqual(['b', 'd', 'a', 'c']);
    expect(units(sortRows(rows, 'rank', 'descending'))).toEqual(['a', 'b', 'c', 'd']);
    expect(units(sortRows(rows, 'score', 'ascending'))).toEqual(['a', 'b', 'd', 'c']);
    expect(units(sortRows(rows, 'unitName', 'descending'))).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('the export’s file name', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(filenameFrom(`attachment; filename="____.csv"; filename*=UTF-8''%E8%80%83%E6%A0%B8.csv`, 'x.csv')).toBe(
      '考核.csv',
    );
    expect(filenameFrom('attachment; filename="assessment-2026.csv"', 'x.csv')).toBe('assessment-2026.csv');
    expect(filenameFrom('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
    expect(filenameFrom(null, 'x.csv')).toBe('x.csv');
    expect(filenameFrom('attachment', 'x.csv')).toBe('x.csv');
  });
});
