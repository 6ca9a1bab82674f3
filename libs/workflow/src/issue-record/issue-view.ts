import type { ExtensionRequestEntity, IssueEntity, IssueEventEntity } from '@app/persistence';

/** The issue as every endpoint returns it (API.md). */
export interface IssueView {
  id: string;
  referenceNo: string;
  kind: string;
  title: string;
  description: string;
  category: string;
  regionCode: string;
  severity: string;
  source: string;
  location: Record<string, unknown>;
  evidence: Record<string, unknown>[];
  status: string;
  leadUnit: string | null;
  coUnits: string[];
  filedBy: string;
  filedAt: string;
  assignedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgeDueAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  /** The reminder window: blue from the first reminder, yellow after the last, red once overdue. */
  remindFromAt: string | null;
  remindLastAt: string | null;
  escalationLevel: number;
  reopenCount: number;
  returnCount: number;
  isKey: boolean;
  closedAt: string | null;
  version: number;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toIssueView(issue: IssueEntity): IssueView {
  return {
    id: issue.id,
    referenceNo: issue.referenceNo,
    kind: issue.kind,
    title: issue.title,
    description: issue.description,
    category: issue.category,
    regionCode: issue.regionCode,
    severity: issue.severity,
    source: issue.source,
    location: issue.location as Record<string, unknown>,
    evidence: issue.evidence as unknown as Record<string, unknown>[],
    status: issue.status,
    leadUnit: issue.leadUnit,
    coUnits: issue.coUnits,
    filedBy: issue.filedBy,
    filedAt: issue.filedAt.toISOString(),
    assignedAt: iso(issue.assignedAt),
    acknowledgedAt: iso(issue.acknowledgedAt),
    acknowledgeDueAt: iso(issue.acknowledgeDueAt),
    dueAt: iso(issue.dueAt),
    overdue: issue.overdue,
    remindFromAt: iso(issue.remindFromAt),
    remindLastAt: iso(issue.remindLastAt),
    escalationLevel: issue.escalationLevel,
    reopenCount: issue.reopenCount,
    returnCount: issue.returnCount,
    isKey: issue.isKey,
    closedAt: iso(issue.closedAt),
    version: issue.version,
  };
}

export interface TimelineItemView {
  /** The event id: what webhooks send as X-Event-Id and ledger rows name. */
  id: string;
  seq: number;
  type: string;
  occurredAt: string;
  actor: { username: string; role?: string };
  data: Record<string, unknown>;
}

export function toTimelineItem(event: IssueEventEntity): TimelineItemView {
  return {
    id: event.id,
    seq: event.seq,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actorRole
      ? { username: event.actorUsername, role: event.actorRole }
      : { username: event.actorUsername },
    data: event.data,
  };
}

export interface ExtensionRequestView {
  id: string;
  issueId: string;
  status: string;
  unit: string;
  requestedBy: string;
  requestedDueAt: string;
  previousDueAt: string | null;
  reason: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
}

export function toExtensionRequestView(request: ExtensionRequestEntity): ExtensionRequestView {
  return {
    id: request.id,
    issueId: request.issueId,
    status: request.status,
    unit: request.unit,
    requestedBy: request.requestedBy,
    requestedDueAt: request.requestedDueAt.toISOString(),
    previousDueAt: iso(request.previousDueAt),
    reason: request.reason,
    decidedBy: request.decidedBy,
    decidedAt: iso(request.decidedAt),
    comment: request.comment,
    createdAt: (request.createdAt ?? new Date()).toISOString(),
  };
}
