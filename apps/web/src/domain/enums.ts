import type {
  EvidenceType,
  IssueKind,
  IssueSource,
  IssueStatus,
  ReturnReasonCode,
  Role,
  Satisfaction,
  Severity,
} from '@/api/types';

// Every enum of the API, in the API's order. `satisfies` against the generated types means a value the API
// adds or drops breaks the type check here, and the label files (locales/*/enums.ts) are tested against these.
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

export const ROLES = all<Role>()(['supervisor', 'handler', 'inspector', 'admin']);
export const ISSUE_STATUSES = all<IssueStatus>()([
  'filed',
  'triage',
  'assigned',
  'in_progress',
  'rectification_submitted',
  'closed',
  'withdrawn',
]);
export const OPEN_STATUSES: readonly IssueStatus[] = ISSUE_STATUSES.filter((s) => s !== 'closed' && s !== 'withdrawn');
export const SEVERITIES = all<Severity>()(['general', 'major', 'urgent']);
export const ISSUE_SOURCES = all<IssueSource>()([
  'unannounced_visit',
  'spot_check',
  'symposium',
  'consultation',
  'river_patrol',
  'inspection',
  'proposal',
  'other',
]);
export const ISSUE_KINDS = all<IssueKind>()(['supervision', 'proposal']);
export const EVIDENCE_TYPES = all<EvidenceType>()(['photo', 'document', 'link', 'note']);
export const RETURN_REASON_CODES = all<ReturnReasonCode>()([
  'not_our_jurisdiction',
  'not_our_duty',
  'duplicate',
  'insufficient_information',
  'other',
]);
export const SATISFACTIONS = all<Satisfaction>()(['satisfied', 'basically_satisfied', 'unsatisfied']);
export const VERIFICATION_OUTCOMES = ['accepted', 'rejected'] as const;

// Not in the OpenAPI document as enums (yet): taken from API.md.
export const UNIT_KINDS = ['party_committee', 'government', 'department', 'inspection_office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const NOTIFICATION_TYPES = [
  'reminder',
  'acknowledge_overdue',
  'overdue',
  'escalation',
  'supervision_notice',
  'extension_decided',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const EVENT_TYPES = [
  'issue.filed',
  'issue.routed',
  'issue.triaged',
  'issue.acknowledged',
  'issue.returned',
  'issue.progress_reported',
  'issue.rectification_submitted',
  'issue.accepted',
  'issue.reopened',
  'issue.extension_requested',
  'issue.extension_approved',
  'issue.extension_rejected',
  'issue.reminder_sent',
  'issue.acknowledge_overdue',
  'issue.overdue',
  'issue.escalated',
  'issue.supervision_notice',
  'issue.key_changed',
  'issue.withdrawn',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isOpen(status: IssueStatus): boolean {
  return status !== 'closed' && status !== 'withdrawn';
}
