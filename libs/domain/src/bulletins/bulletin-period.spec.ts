import {
  bulletinPeriodLabel,
  chineseNumeral,
  daysOverdue,
  defaultBulletinTitle,
  documentDate,
  numberSections,
  parseBulletinPeriod,
} from './bulletin-period';

const ZONE = 'Asia/Shanghai';

describe('parseBulletinPeriod', () => {
  it('takes a month from its first local midnight to the next month’s', () => {
    const november = parseBulletinPeriod('2026-11', ZONE);
    expect(november).toEqual({
      kind: 'month',
      period: '2026-11',
      start: new Date('2026-10-31T16:00:00.000Z'),
      end: new Date('2026-11-30T16:00:00.000Z'),
    });
    expect(parseBulletinPeriod('2026-12', ZONE).end).toEqual(new Date('2026-12-31T16:00:00.000Z'));
  });

  it('takes a quarter as three months', () => {
    expect(parseBulletinPeriod('2026-Q4', ZONE)).toEqual({
      kind: 'quarter',
      period: '2026-Q4',
      start: new Date('2026-09-30T16:00:00.000Z'),
      end: new Date('2026-12-31T16:00:00.000Z'),
    });
    expect(parseBulletinPeriod('2026-Q1', 'UTC').start).toEqual(new Date('2026-01-01T00:00:00.000Z'));
  });

  it.each(['2026', '2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-11', '2026-1', '2026-11-01', '1999-01', ' 2026-11'])(
    'refuses %j',
    (period) => {
      expect(() => parseBulletinPeriod(period, ZONE)).toThrow(RangeError);
    },
  );
});

describe('labels', () => {
  it('names months, quarters and special ranges as the office writes them', () => {
    expect(bulletinPeriodLabel(parseBulletinPeriod('2026-11', ZONE), ZONE)).toBe('2026年11月');
    expect(bulletinPeriodLabel(parseBulletinPeriod('2026-Q4', ZONE), ZONE)).toBe('2026年第四季度');
    const special = {
      kind: 'special' as const,
      period: null,
      start: new Date('2026-11-04T16:00:00.000Z'),
      end: new Date('2026-11-20T16:00:00.000Z'),
    };
    expect(bulletinPeriodLabel(special, ZONE)).toBe('2026年11月5日至2026年11月20日');
    expect(bulletinPeriodLabel({ ...special, end: new Date('2026-11-05T03:00:00.000Z') }, ZONE)).toBe('2026年11月5日');
    expect(defaultBulletinTitle(parseBulletinPeriod('2026-11', ZONE), ZONE)).toBe(
      '关于2026年11月问题直办工作情况的通报',
    );
    expect(documentDate(new Date('2026-12-01T23:45:00.000Z'), ZONE)).toBe('2026年12月2日');
  });
});

describe('section numbering', () => {
  it('counts in Chinese numerals', () => {
    expect([1, 2, 3, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '三',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });

  it('numbers headings in order', () => {
    expect(numberSections([{ heading: '总体情况' }, { heading: '逾期未办结问题' }]).map((s) => s.numbered)).toEqual([
      '一、总体情况',
      '二、逾期未办结问题',
    ]);
  });
});

describe('daysOverdue', () => {
  const due = new Date('2026-11-20T10:00:00.000Z');
  it('counts any part of a day as a day', () => {
    expect(daysOverdue(due, new Date('2026-11-20T10:00:00.000Z'))).toBe(0);
    expect(daysOverdue(due, new Date('2026-11-20T09:00:00.000Z'))).toBe(0);
    expect(daysOverdue(due, new Date('2026-11-20T10:00:01.000Z'))).toBe(1);
    expect(daysOverdue(due, new Date('2026-11-21T10:00:00.000Z'))).toBe(1);
    expect(daysOverdue(due, new Date('2026-11-21T10:00:00.001Z'))).toBe(2);
  });
});
