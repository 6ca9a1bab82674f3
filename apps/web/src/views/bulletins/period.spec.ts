import { describe, expect, it } from 'vitest';
import {
  choiceProblem,
  endedQuarters,
  hasEnded,
  initialChoice,
  lastEndedMonth,
  lastEndedQuarter,
  mayExport,
  mayMake,
  parsePeriod,
  percent,
  periodLabel,
  requestBody,
  sectionNumber,
} from './period';

const ZONE = 'Asia/Shanghai';
// 2 December 2026, 07:45 in Shanghai (still 1 December in UTC).
const NOW = new Date('2026-12-01T23:45:00.000Z');

describe('periods', () => {
  it('parses months and quarters and nothing else', () => {
    expect(parsePeriod('2026-11')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    for (const bad of ['2026', '2026-13', '2026-00', '2026-Q5', '2026-1', '', null, undefined]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it('knows which have ended, in the service’s time zone', () => {
    expect(hasEnded('2026-11', NOW, ZONE)).toBe(true);
    expect(hasEnded('2026-12', NOW, ZONE)).toBe(false);
    expect(hasEnded('2026-Q3', NOW, ZONE)).toBe(true);
    expect(hasEnded('2026-Q4', NOW, ZONE)).toBe(false);
    // at 23:45 UTC on 30 November it is already December in Shanghai
    expect(hasEnded('2026-11', new Date('2026-11-30T16:00:00.000Z'), ZONE)).toBe(true);
    expect(hasEnded('2026-11', new Date('2026-11-30T15:59:59.000Z'), ZONE)).toBe(false);
    expect(hasEnded('nonsense', NOW, ZONE)).toBe(false);
  });

  it('offers last month and the quarters that have ended', () => {
    expect(lastEndedMonth(NOW, ZONE)).toBe('2026-11');
    expect(lastEndedMonth(new Date('2026-01-10T00:00:00.000Z'), ZONE)).toBe('2025-12');
    expect(lastEndedQuarter(NOW, ZONE)).toBe('2026-Q3');
    expect(lastEndedQuarter(new Date('2026-02-10T00:00:00.000Z'), ZONE)).toBe('2025-Q4');
    expect(endedQuarters(NOW, ZONE, 5)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
    expect(initialChoice(NOW, ZONE)).toEqual({
      kind: 'month',
      month: '2026-11',
      quarter: '2026-Q3',
      from: '2026-11-01',
      to: '2026-11-30',
      title: '',
    });
  });

  it('names periods through i18n keys', () => {
    expect(periodLabel('2026-11')).toEqual({ key: 'bulletins.period.month', values: { year: 2026, month: 11 } });
    expect(periodLabel('2026-Q4')).toEqual({ key: 'bulletins.period.quarter', values: { year: 2026, quarter: 4 } });
    expect(periodLabel('x')).toBeNull();
  });
});

describe('the make form', () => {
  const choice = initialChoice(NOW, ZONE);
  it('sends {period} for a month or quarter and {from, to, title?} for a special bulletin', () => {
    expect(requestBody(choice)).toEqual({ period: '2026-11' });
    expect(requestBody({ ...choice, kind: 'quarter' })).toEqual({ period: '2026-Q3' });
    expect(requestBody({ ...choice, kind: 'special', title: '  ' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(requestBody({ ...choice, kind: 'special', title: ' 专项通报 ' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      title: '专项通报',
    });
  });

  it('says what is wrong before sending', () => {
    expect(choiceProblem(choice, NOW, ZONE)).toBeNull();
    expect(choiceProblem({ ...choice, month: '2026-12' }, NOW, ZONE)).toBe('notEnded');
    expect(choiceProblem({ ...choice, month: '' }, NOW, ZONE)).toBe('periodRequired');
    expect(choiceProblem({ ...choice, kind: 'quarter', quarter: '2026-Q4' }, NOW, ZONE)).toBe('notEnded');
    expect(choiceProblem({ ...choice, kind: 'quarter', quarter: '2026-11' }, NOW, ZONE)).toBe('periodRequired');
    const special = { ...choice, kind: 'special' as const };
    expect(choiceProblem(special, NOW, ZONE)).toBeNull();
    expect(choiceProblem({ ...special, from: '' }, NOW, ZONE)).toBe('rangeRequired');
    expect(choiceProblem({ ...special, from: '2026-11-30', to: '2026-11-01' }, NOW, ZONE)).toBe('rangeOrder');
    expect(choiceProblem({ ...special, to: '2026-12-02' }, NOW, ZONE)).toBeNull();
    expect(choiceProblem({ ...special, to: '2026-12-03' }, NOW, ZONE)).toBe('toInFuture');
    expect(choiceProblem({ ...special, title: 'x'.repeat(201) }, NOW, ZONE)).toBe('titleTooLong');
  });
});

describe('the bulletin page', () => {
  it('numbers sections as a document does', () => {
    expect([0, 1, 2, 5].map((i) => sectionNumber(i, 'zh-CN'))).toEqual(['一、', '二、', '三、', '六、']);
    expect(sectionNumber(2, 'en')).toBe('3. ');
  });

  it('shows rates as percentages', () => {
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });

  it('lets inspectors make, and inspectors and admins download', () => {
    expect([mayMake('inspector'), mayMake('admin'), mayMake('handler'), mayMake(null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([mayExport('inspector'), mayExport('admin'), mayExport('handler'), mayExport('supervisor')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
