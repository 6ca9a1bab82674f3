import { chineseNumeral } from '@app/domain';
import type { BulletinView } from './bulletin-content';

// The bulletin's sections as tables: one source for the Word document and the CSV, so both show the same rows.

export interface BulletinTable {
  /** Where the table sits in the JSON, e.g. `units`. */
  key: string;
  heading: string;
  /** Chinese column headings for the document, and the JSON field each column shows (for the CSV). */
  columns: { label: string; field: string }[];
  rows: (string | number | null)[][];
  /** Said instead of an empty table. */
  empty: string;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

const STATUS: Record<string, string> = {
  filed: '已提交',
  triage: '待分拨',
  assigned: '待签收',
  in_progress: '办理中',
  rectification_submitted: '整改待核查',
  closed: '已办结',
  withdrawn: '已撤回',
};

const KIND: Record<string, string> = { supervision: '督查问题', proposal: '提案' };

export const levelLabel = (level: number | string) => `${chineseNumeral(Number(level))}级督办`;

/** The four tables of a bulletin, in the order the document numbers them after its overview. */
export function bulletinTables(view: BulletinView): BulletinTable[] {
  const levels = Object.keys(view.escalationsByLevel)
    .map(Number)
    .sort((a, b) => a - b);
  return [
    {
      key: 'units',
      heading: '各单位考核排名',
      columns: [
        { label: '排名', field: 'rank' },
        { label: '单位', field: 'unitName' },
        { label: '交办', field: 'assigned' },
        { label: '办结', field: 'closed' },
        { label: '逾期', field: 'overdue' },
        { label: '升级督办', field: 'escalations' },
        { label: '签收率', field: 'acknowledgementRate' },
        { label: '按时办结率', field: 'onTimeClosureRate' },
        { label: '满意率', field: 'satisfactionRate' },
        { label: '得分', field: 'score' },
      ],
      rows: [...view.units]
        .sort(
          (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.unit.localeCompare(b.unit),
        )
        .map((row) => [
          row.rank ?? '不排名',
          row.unitName,
          row.assigned,
          row.closed,
          row.overdue,
          row.escalations,
          percent(row.acknowledgementRate),
          percent(row.onTimeClosureRate),
          percent(row.satisfactionRate),
          row.score,
        ]),
      empty: '无。',
    },
    {
      key: 'overdue',
      heading: '逾期未办结问题',
      columns: [
        { label: '编号', field: 'referenceNo' },
        { label: '问题', field: 'title' },
        { label: '责任单位', field: 'leadUnitName' },
        { label: '逾期天数', field: 'daysOverdue' },
        { label: '督办级别', field: 'escalationLevel' },
      ],
      rows: view.overdue.map((item) => [
        item.referenceNo,
        item.title,
        item.leadUnitName ?? '待分拨',
        item.daysOverdue,
        item.escalationLevel > 0 ? levelLabel(item.escalationLevel) : '未升级',
      ]),
      empty: '截至期末，无逾期未办结问题。',
    },
    {
      key: 'escalationsByUnit',
      heading: '升级督办情况',
      columns: [
        { label: '单位', field: 'unitName' },
        ...levels.map((level) => ({ label: levelLabel(level), field: `byLevel.${level}` })),
        { label: '合计', field: 'total' },
      ],
      rows: view.escalationsByUnit.map((row) => [
        row.unitName,
        ...levels.map((level) => row.byLevel[String(level)] ?? 0),
        row.total,
      ]),
      empty: '本期无升级督办。',
    },
    {
      key: 'keyIssues',
      heading: '重点问题和重点提案',
      columns: [
        { label: '编号', field: 'referenceNo' },
        { label: '类别', field: 'kind' },
        { label: '标题', field: 'title' },
        { label: '责任单位', field: 'leadUnitName' },
        { label: '期末状态', field: 'status' },
        { label: '是否逾期', field: 'overdue' },
      ],
      rows: view.keyIssues.map((item) => [
        item.referenceNo,
        KIND[item.kind] ?? item.kind,
        item.title,
        item.leadUnitName ?? '待分拨',
        STATUS[item.status] ?? item.status,
        item.overdue ? `逾期（${item.escalationLevel > 0 ? levelLabel(item.escalationLevel) : '未升级'}）` : '否',
      ]),
      empty: '本期无重点问题和重点提案。',
    },
    {
      key: 'proposals',
      heading: '提案办理情况',
      columns: [
        { label: '单位', field: 'unitName' },
        { label: '登记', field: 'registered' },
        { label: '已答复', field: 'replied' },
        { label: '答复率', field: 'replyRate' },
        { label: '重点提案', field: 'keyProposals' },
        { label: '满意率', field: 'satisfactionRate' },
      ],
      rows: view.proposals.byUnit.map((row) => [
        row.unit ? (view.units.find((unit) => unit.unit === row.unit)?.unitName ?? row.unit) : '待分拨',
        row.registered,
        row.replied,
        percent(row.replyRate),
        row.keyProposals,
        percent(row.satisfactionRate),
      ]),
      empty: '本期无新登记提案。',
    },
  ];
}

/** The overview paragraph: the figures a reader takes in first. */
export function bulletinOverview(view: BulletinView): string {
  const assigned = view.units.reduce((total, row) => total + row.assigned, 0);
  const closed = view.units.reduce((total, row) => total + row.closed, 0);
  const byLevel = Object.entries(view.escalationsByLevel)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([level, n]) => `${levelLabel(level)}${n}件`)
    .join('、');
  const p = view.proposals;
  return (
    `${view.periodLabel}，各责任单位共交办问题${assigned}件，办结${closed}件；` +
    `截至期末逾期未办结${view.overdue.length}件；升级督办${view.escalations}次${byLevel ? `（${byLevel}）` : ''}；` +
    `重点问题和重点提案${view.keyIssues.length}件。新登记提案${p.registered}件，已答复${p.replied}件，` +
    `答复率${percent(p.replyRate)}，满意率${percent(p.satisfactionRate)}。`
  );
}
