import type { Bulletin } from './api';
import { percent } from './period';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface SectionColumn {
  key: string;
  label: string;
  /** The column that names the row: a card's heading on a phone. */
  primary?: boolean;
  /** Where the cell links to (an issue's page). */
  link?: (row: SectionRow) => string | null;
}

export type SectionRow = Record<string, string | number> & { id: string };

export interface Section {
  key: 'units' | 'overdue' | 'escalations' | 'key' | 'proposals';
  heading: string;
  columns: SectionColumn[];
  rows: SectionRow[];
}

const issueLink = (row: SectionRow) => `/issues/${row.id}`;

/** The bulletin's tables as the page shows them, in the document's order after the overview; text via `t`. */
export function bulletinSections(bulletin: Bulletin, t: Translate): Section[] {
  const column = (key: string, extra: Partial<SectionColumn> = {}): SectionColumn => ({
    key,
    label: t(`bulletins.view.columns.${key}`),
    ...extra,
  });
  const level = (n: number) => (n > 0 ? t('bulletins.view.level', { n }) : t('bulletins.view.notEscalated'));
  const unitName = (name: string | null) => name ?? t('bulletins.view.triage');
  const levels = Object.keys(bulletin.escalationsByLevel)
    .map(Number)
    .sort((a, b) => a - b);
  const ranked = [...bulletin.units].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.unit.localeCompare(b.unit),
  );
  return [
    {
      key: 'units',
      heading: t('bulletins.view.sections.units'),
      columns: [
        column('rank'),
        column('unit', { primary: true }),
        column('score'),
        column('assigned'),
        column('closed'),
        column('overdue'),
        column('escalations'),
        column('acknowledgementRate'),
        column('onTimeClosureRate'),
        column('satisfactionRate'),
      ],
      rows: ranked.map((row) => ({
        id: row.unit,
        rank: row.rank ?? t('bulletins.view.unranked'),
        unit: row.unitName,
        score: row.score,
        assigned: row.assigned,
        closed: row.closed,
        overdue: row.overdue,
        escalations: row.escalations,
        acknowledgementRate: percent(row.acknowledgementRate),
        onTimeClosureRate: percent(row.onTimeClosureRate),
        satisfactionRate: percent(row.satisfactionRate),
      })),
    },
    {
      key: 'overdue',
      heading: t('bulletins.view.sections.overdue'),
      columns: [
        column('referenceNo', { link: issueLink }),
        column('issue', { primary: true }),
        column('unit'),
        column('daysOverdue'),
        column('level'),
      ],
      rows: bulletin.overdue.map((item) => ({
        id: item.issueId,
        referenceNo: item.referenceNo,
        issue: item.title,
        unit: unitName(item.leadUnitName),
        daysOverdue: t('bulletins.view.days', { n: item.daysOverdue }),
        level: level(item.escalationLevel),
      })),
    },
    {
      key: 'escalations',
      heading: t('bulletins.view.sections.escalations'),
      columns: [
        column('unit', { primary: true }),
        ...levels.map((n) => ({ key: `level${n}`, label: t('bulletins.view.level', { n }) })),
        column('total'),
      ],
      rows: bulletin.escalationsByUnit.map((row) => ({
        id: row.unit,
        unit: row.unitName,
        ...Object.fromEntries(levels.map((n) => [`level${n}`, row.byLevel[String(n)] ?? 0])),
        total: row.total,
      })),
    },
    {
      key: 'key',
      heading: t('bulletins.view.sections.key'),
      columns: [
        column('referenceNo', { link: issueLink }),
        column('kind'),
        column('issue', { primary: true }),
        column('unit'),
        column('status'),
        column('overdue'),
      ],
      rows: bulletin.keyIssues.map((item) => ({
        id: item.issueId,
        referenceNo: item.referenceNo,
        kind: t(`bulletins.view.issueKinds.${item.kind}`),
        issue: item.title,
        unit: unitName(item.leadUnitName),
        status: t(`enums.status.${item.status}`),
        overdue: item.overdue ? `${t('bulletins.view.overdueYes')}（${level(item.escalationLevel)}）` : '—',
      })),
    },
    {
      key: 'proposals',
      heading: t('bulletins.view.sections.proposals'),
      columns: [
        column('unit', { primary: true }),
        column('registered'),
        column('replied'),
        column('replyRate'),
        column('keyProposals'),
        column('satisfactionRate'),
      ],
      rows: bulletin.proposals.byUnit.map((row) => ({
        id: row.unit ?? 'triage',
        unit: row.unit
          ? (bulletin.units.find((unit) => unit.unit === row.unit)?.unitName ?? row.unit)
          : t('bulletins.view.triage'),
        registered: row.registered,
        replied: row.replied,
        replyRate: percent(row.replyRate),
        keyProposals: row.keyProposals,
        satisfactionRate: percent(row.satisfactionRate),
      })),
    },
  ];
}

/** The overview's figures, in order: what a reader takes in first. */
export function overviewFigures(bulletin: Bulletin): { key: string; value: string | number }[] {
  const sum = (pick: (row: Bulletin['units'][number]) => number) =>
    bulletin.units.reduce((total, row) => total + pick(row), 0);
  return [
    { key: 'assigned', value: sum((row) => row.assigned) },
    { key: 'closed', value: sum((row) => row.closed) },
    { key: 'overdue', value: bulletin.overdue.length },
    { key: 'escalations', value: bulletin.escalations },
    { key: 'key', value: bulletin.keyIssues.length },
    { key: 'proposals', value: bulletin.proposals.registered },
    { key: 'replyRate', value: percent(bulletin.proposals.replyRate) },
    { key: 'satisfactionRate', value: percent(bulletin.proposals.satisfactionRate) },
  ];
}
