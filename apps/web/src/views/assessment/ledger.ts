import type { AssessmentRow, LedgerItem } from './api';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

/** Points rounded as the service rounds them (hundredths), so sums compare exactly. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** `issue.escalated{level=2}` → event `issue.escalated`, `{ level: '2' }` (libs/domain describeRule). */
export function parseRule(rule: string): { event: string; params: Record<string, string> } {
  const match = /^([^{]+)(?:\{(.*)\})?$/.exec(rule.trim());
  const params: Record<string, string> = {};
  for (const pair of (match?.[2] ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) params[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return { event: match?.[1] ?? rule, params };
}

/**
 * A ledger row's rule in words: the event's label with its condition (升级督办（2 级）), or 民主评议 with the
 * score for a democratic evaluation. Unknown events keep their code. Keys under `assessment.rule`.
 */
export function ruleInWords(item: Pick<LedgerItem, 'rule' | 'source'>, t: Translate, has: Has): string {
  const { event, params } = parseRule(item.rule);
  if (item.source === 'evaluation' || event === 'democratic_evaluation') {
    return params.score
      ? t('assessment.rule.evaluationScore', { score: params.score })
      : t('assessment.rule.evaluation');
  }
  const key = `enums.eventType.${event.replace(/^issue\./, '')}`;
  const name = has(key) ? t(key) : event;
  const conditions = Object.entries(params).map(([field, value]) =>
    field === 'level' ? t('assessment.rule.level', { level: value }) : `${field}=${value}`,
  );
  return conditions.length ? t('assessment.rule.withCondition', { name, condition: conditions.join('，') }) : name;
}

/** +2, −3 (a true minus sign), 0. */
export function formatPoints(points: number): string {
  const value = round2(points);
  if (value > 0) return `+${value}`;
  if (value < 0) return `\u2212${Math.abs(value)}`;
  return '0';
}

export function ledgerSum(ledger: readonly Pick<LedgerItem, 'points'>[]): number {
  return round2(ledger.reduce((sum, item) => sum + item.points, 0));
}

/** The ledger explains the score: its points add up to score − base. */
export function ledgerBalances(
  unit: Pick<AssessmentRow, 'score' | 'base'> & { ledger: readonly Pick<LedgerItem, 'points'>[] },
): { sum: number; expected: number; balances: boolean } {
  const sum = ledgerSum(unit.ledger);
  const expected = round2(unit.score - unit.base);
  return { sum, expected, balances: Math.abs(sum - expected) < 0.005 };
}

/** A fraction from 0 to 1 as a percentage with one decimal; null (nothing to count) as a dash. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The five indicators of the assessment table, in the order the office reads them. */
export const INDICATORS = [
  'acknowledgementRate',
  'onTimeClosureRate',
  'satisfactionRate',
  'returnRate',
  'rehandlingRate',
] as const satisfies readonly (keyof AssessmentRow)[];

/** Compares numbers with nulls (no rate, no rank) always last, whichever way the column is sorted. */
export function compareNullable(a: number | null, b: number | null, descending = false): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return descending ? b - a : a - b;
}

/** The table's first order: ranked units by rank, then the unranked by score. */
export function byRank(rows: readonly AssessmentRow[]): AssessmentRow[] {
  return [...rows].sort(
    (a, b) => compareNullable(a.rank, b.rank) || b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
}

export type SortOrder = 'ascending' | 'descending' | null;

/**
 * The table sorted in the browser (it is one page): by a column either way, nulls last, names by their
 * Chinese collation; no column: by rank.
 */
export function sortRows(rows: readonly AssessmentRow[], prop: string | null, order: SortOrder): AssessmentRow[] {
  if (!prop || !order || !(prop in (rows[0] ?? {}))) return byRank(rows);
  const key = prop as keyof AssessmentRow;
  const descending = order === 'descending';
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'string' || typeof y === 'string') {
      const compared = String(x).localeCompare(String(y), 'zh-CN');
      return descending ? -compared : compared;
    }
    const toNumber = (value: unknown) =>
      typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : null;
    return compareNullable(toNumber(x), toNumber(y), descending) || a.unitName.localeCompare(b.unitName, 'zh-CN');
  });
}
