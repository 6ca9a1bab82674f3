import { describe, expect, it } from 'vitest';
import type { Bulletin } from './api';
import { bulletinSections, overviewFigures } from './sections';

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}${JSON.stringify(values)}` : key);

const row = (unit: string, unitName: string, score: number, rank: number | null) =>
  ({
    unit,
    unitName,
    score,
    rank,
    assigned: 3,
    closed: 1,
    overdue: 1,
    escalations: 2,
    acknowledgementRate: 0.5,
    onTimeClosureRate: null,
    satisfactionRate: 1,
  }) as unknown as Bulletin['units'][number];

const bulletin = {
  units: [row('b', '兴义市人民政府', 97, 2), row('a', '兴仁市人民政府', 99, 1), row('c', '州能源局', 100, null)],
  overdue: [
    {
      issueId: 'i1',
      referenceNo: 'DH-2026-000001',
      title: '公路塌方',
      kind: 'supervision',
      leadUnit: 'a',
      leadUnitName: '兴仁市人民政府',
      dueAt: '2026-11-10T00:00:00.000Z',
      daysOverdue: 21,
      escalationLevel: 2,
    },
  ],
  escalations: 3,
  escalationsByLevel: { '2': 1, '1': 2 },
  escalationsByUnit: [{ unit: 'a', unitName: '兴仁市人民政府', total: 3, byLevel: { '1': 2, '2': 1 } }],
  keyIssues: [
    {
      issueId: 'i2',
      referenceNo: 'DH-2026-000002',
      title: '提案',
      kind: 'proposal',
      leadUnit: null,
      leadUnitName: null,
      status: 'closed',
      overdue: false,
      escalationLevel: 0,
    },
  ],
  proposals: {
    registered: 2,
    replied: 1,
    replyRate: 0.5,
    satisfactionRate: null,
    byUnit: [{ unit: 'a', registered: 2, replied: 1, replyRate: 0.5, keyProposals: 1, satisfactionRate: null }],
  },
} as unknown as Bulletin;

describe('bulletin sections', () => {
  const sections = bulletinSections(bulletin, t);

  it('lists the ranking by rank, the unranked last', () => {
    expect(sections.map((s) => s.key)).toEqual(['units', 'overdue', 'escalations', 'key', 'proposals']);
    expect(sections[0]!.rows.map((r) => [r.unit, r.rank])).toEqual([
      ['兴仁市人民政府', 1],
      ['兴义市人民政府', 2],
      ['州能源局', 'bulletins.view.unranked'],
    ]);
    expect(sections[0]!.rows[0]).toMatchObject({ acknowledgementRate: '50%', onTimeClosureRate: '—' });
  });

  it('names overdue items with days and level, linking to the issue', () => {
    const overdue = sections[1]!;
    expect(overdue.rows[0]).toMatchObject({
      referenceNo: 'DH-2026-000001',
      daysOverdue: 'bulletins.view.days{"n":21}',
      level: 'bulletins.view.level{"n":2}',
    });
    expect(overdue.columns.find((c) => c.key === 'referenceNo')?.link?.(overdue.rows[0]!)).toBe('/issues/i1');
  });

  it('gives escalations a column per level in order, and the triage unit a name', () => {
    expect(sections[2]!.columns.map((c) => c.key)).toEqual(['unit', 'level1', 'level2', 'total']);
    expect(sections[2]!.rows[0]).toMatchObject({ level1: 2, level2: 1, total: 3 });
    expect(sections[3]!.rows[0]).toMatchObject({ unit: 'bulletins.view.triage', status: 'enums.status.closed' });
    expect(sections[4]!.rows[0]).toMatchObject({ unit: '兴仁市人民政府', replyRate: '50%' });
  });

  it('sums the overview', () => {
    expect(Object.fromEntries(overviewFigures(bulletin).map((f) => [f.key, f.value]))).toEqual({
      assigned: 9,
      closed: 3,
      overdue: 1,
      escalations: 3,
      key: 1,
      proposals: 2,
      replyRate: '50%',
      satisfactionRate: '—',
    });
  });
});
