import type { BulletinKind } from '@app/domain';
import type { AssessmentRow } from '../assessment/assessment.service';
import type { ProposalFigures } from '../assessment/proposal-report.service';

/** An issue on the overdue board at the period's last instant, as it stood then. */
export interface BulletinOverdueItem {
  issueId: string;
  referenceNo: string;
  title: string;
  kind: string;
  leadUnit: string | null;
  leadUnitName: string | null;
  dueAt: string | null;
  daysOverdue: number;
  escalationLevel: number;
}

/** A key issue or key proposal (重点问题 / 重点提案) as it stood at the period's end. */
export interface BulletinKeyItem {
  issueId: string;
  referenceNo: string;
  title: string;
  kind: string;
  leadUnit: string | null;
  leadUnitName: string | null;
  status: string;
  overdue: boolean;
  escalationLevel: number;
}

export interface BulletinEscalationRow {
  unit: string;
  unitName: string;
  total: number;
  byLevel: Record<string, number>;
}

/** What is frozen in the `content` column. */
export interface BulletinContent {
  periodLabel: string;
  issuingOffice: string;
  /** The instant the overdue board and key items were taken at: the period's last millisecond. */
  asOf: string;
  units: AssessmentRow[];
  overdue: BulletinOverdueItem[];
  escalations: number;
  escalationsByLevel: Record<string, number>;
  escalationsByUnit: BulletinEscalationRow[];
  keyIssues: BulletinKeyItem[];
  proposals: ProposalFigures;
}

export interface BulletinSummary {
  id: string;
  period: string | null;
  kind: BulletinKind;
  title: string;
  periodLabel: string;
  from: string;
  to: string;
  frozenAt: string;
  createdBy: string;
}

export type BulletinView = BulletinSummary & BulletinContent & { buildMs: number };

/**
 * A handler's copy: only its own unit's rows (empty where it has none), and the counts and proposal figures of its
 * own unit in place of the prefecture's, so nothing of another unit shows.
 */
export function scopeToUnit(view: BulletinView, unit: string | null): BulletinView {
  const mine = <T extends { unit?: string | null; leadUnit?: string | null }>(rows: T[]) =>
    rows.filter((row) => unit !== null && (row.unit ?? row.leadUnit) === unit);
  const escalationRow = view.escalationsByUnit.find((row) => row.unit === unit);
  const proposalRow = view.proposals.byUnit.find((row) => row.unit === unit);
  return {
    ...view,
    units: mine(view.units),
    overdue: view.overdue.filter((row) => row.leadUnit === unit),
    escalations: escalationRow?.total ?? 0,
    escalationsByLevel: escalationRow?.byLevel ?? {},
    escalationsByUnit: mine(view.escalationsByUnit),
    keyIssues: view.keyIssues.filter((row) => row.leadUnit === unit),
    proposals: {
      registered: proposalRow?.registered ?? 0,
      replied: proposalRow?.replied ?? 0,
      replyRate: proposalRow?.replyRate ?? null,
      closed: proposalRow?.closed ?? 0,
      keyProposals: proposalRow?.keyProposals ?? 0,
      keyProposalsSupervised: proposalRow?.keyProposalsSupervised ?? 0,
      satisfied: proposalRow?.satisfied ?? 0,
      basicallySatisfied: proposalRow?.basicallySatisfied ?? 0,
      unsatisfied: proposalRow?.unsatisfied ?? 0,
      satisfactionRate: proposalRow?.satisfactionRate ?? null,
      byUnit: proposalRow ? [proposalRow] : [],
    },
  };
}
