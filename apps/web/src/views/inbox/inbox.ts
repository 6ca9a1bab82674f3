import type { IssueStreamEvent } from '@/api/stream';
import type { Issue } from '@/api/types';
import { DAY_MS, type ReminderWindow } from '@/domain/countdown';
import type { DeadlinePolicy } from './api';

/** 主办 (the lead unit) or 协办 (a co-unit). */
export type UnitPart = 'lead' | 'co';

export function partOf(issue: Pick<Issue, 'leadUnit'>, unit: string): UnitPart {
  return issue.leadUnit === unit ? 'lead' : 'co';
}

export interface CurrentDeadline {
  /** acknowledge: the 签收 deadline, while `assigned`; resolve: the 办理 deadline. */
  kind: 'acknowledge' | 'resolve';
  at: string | null;
  /** Rectification is in: the resolve deadline is met, the clock stands still. */
  stopped: boolean;
}

type DeadlineFields = Pick<Issue, 'status' | 'acknowledgeDueAt' | 'dueAt'>;

/** The deadline that matters now: acknowledge due while `assigned`, else due. */
export function currentDeadline(issue: DeadlineFields): CurrentDeadline {
  if (issue.status === 'assigned' && issue.acknowledgeDueAt) {
    return { kind: 'acknowledge', at: issue.acknowledgeDueAt, stopped: false };
  }
  return { kind: 'resolve', at: issue.dueAt, stopped: issue.status === 'rectification_submitted' };
}

/** Past the deadline that matters now (the service's `overdue` flag, or the clock, whichever says so first). */
export function isLate(issue: DeadlineFields & Pick<Issue, 'overdue'>, now: Date): boolean {
  const deadline = currentDeadline(issue);
  if (deadline.stopped) return false;
  if (issue.overdue) return true;
  return deadline.at !== null && new Date(deadline.at).getTime() <= now.getTime();
}

export interface QueueCounters {
  open: number;
  overdue: number;
  /** Not late yet, and the deadline that matters falls within 24 hours. */
  dueSoon: number;
}

export function countQueue(items: readonly (DeadlineFields & Pick<Issue, 'overdue'>)[], now: Date): QueueCounters {
  let overdue = 0;
  let dueSoon = 0;
  for (const issue of items) {
    if (isLate(issue, now)) {
      overdue += 1;
      continue;
    }
    const deadline = currentDeadline(issue);
    if (!deadline.stopped && deadline.at && new Date(deadline.at).getTime() - now.getTime() <= DAY_MS) dueSoon += 1;
  }
  return { open: items.length, overdue, dueSoon };
}

/** Does this stream event touch the queue: the issue is in this unit now, or was (it is in the list)? */
export function concernsQueue(event: IssueStreamEvent, unit: string, listed: ReadonlySet<string>): boolean {
  return event.leadUnit === unit || (event.coUnits ?? []).includes(unit) || listed.has(event.id);
}

/** The policy the service applies: category and severity before severity alone (API.md, deadline policy). */
export function policyFor(
  issue: Pick<Issue, 'category' | 'severity'>,
  policies: readonly DeadlinePolicy[],
): DeadlinePolicy | null {
  return (
    policies.find((p) => p.severity === issue.severity && p.category === issue.category) ??
    policies.find((p) => p.severity === issue.severity && p.category === null) ??
    null
  );
}

/**
 * When the reminders of the resolve deadline go out: fractions of the window from assignment to due
 * (libs/domain planTimers). The API does not send them, so they are placed from the policy; after a reopening
 * the window restarted at a moment the issue does not carry, so none is given then.
 */
export function reminderWindow(
  issue: Pick<Issue, 'category' | 'severity' | 'assignedAt' | 'dueAt' | 'reopenCount'>,
  policies: readonly DeadlinePolicy[],
): ReminderWindow | null {
  if (!issue.assignedAt || !issue.dueAt || issue.reopenCount > 0) return null;
  const fractions = [...(policyFor(issue, policies)?.remindAt ?? [])].sort((a, b) => a - b);
  const start = new Date(issue.assignedAt).getTime();
  const due = new Date(issue.dueAt).getTime();
  if (!fractions.length || due <= start) return null;
  const at = (fraction: number) => new Date(start + Math.round((due - start) * fraction));
  return { fromAt: at(fractions[0]!), lastAt: at(fractions[fractions.length - 1]!) };
}
