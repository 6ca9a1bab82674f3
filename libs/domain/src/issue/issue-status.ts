export const ISSUE_STATUSES = [
  'filed',
  'triage',
  'assigned',
  'in_progress',
  'rectification_submitted',
  'closed',
  'withdrawn',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_KINDS = ['supervision', 'proposal'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

export const SEVERITIES = ['general', 'major', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ISSUE_SOURCES = [
  'unannounced_visit',
  'spot_check',
  'symposium',
  'consultation',
  'river_patrol',
  'inspection',
  'proposal',
  'other',
] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];

export const EVIDENCE_TYPES = ['photo', 'document', 'link', 'note'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const RETURN_REASON_CODES = [
  'not_our_jurisdiction',
  'not_our_duty',
  'duplicate',
  'insufficient_information',
  'other',
] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ROLES = ['admin', 'supervisor', 'handler', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['party_committee', 'government', 'department', 'inspection_office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const TERMINAL_STATUSES: readonly IssueStatus[] = ['closed', 'withdrawn'];

export function isOpenStatus(s: IssueStatus): boolean {
  return !TERMINAL_STATUSES.includes(s);
}

export const OPEN_STATUSES: readonly IssueStatus[] = ISSUE_STATUSES.filter(isOpenStatus);
