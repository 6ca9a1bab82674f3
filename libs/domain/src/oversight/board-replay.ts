import type { IssueEventType } from '../issue/issue-event-type';
import type { IssueStatus } from '../issue/issue-status';

// The overdue board of a past moment, rebuilt from the immutable timeline: every change that puts an issue on the
// board or takes it off is an event, so the board as of t follows from the events up to t.

export interface ReplayEvent {
  type: IssueEventType | string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export interface ReplayedIssue {
  status: IssueStatus;
  leadUnit: string | null;
  coUnits: string[];
  /** The due time the issue is (or was last) late against. */
  dueAt: Date | null;
  overdue: boolean;
  escalationLevel: number;
  isKey: boolean;
  /** The issue's version then: one per transaction that wrote events. */
  version: number;
  assignedAt: Date | null;
  acknowledgedAt: Date | null;
}

const date = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);

/** Events that start a new deadline, or stop the clock: the issue is no longer late after them. */
const CLEARS = new Set([
  'issue.routed',
  'issue.triaged',
  'issue.rectification_submitted',
  'issue.extension_approved',
  'issue.reopened',
  'issue.accepted',
  'issue.withdrawn',
]);

/**
 * The issue as it stood at `asOf`, from its events (oldest first); null if it was not filed yet. Events at `asOf`
 * itself count: the board of an instant includes what happened at it.
 */
export function replayIssue(events: readonly ReplayEvent[], asOf: Date): ReplayedIssue | null {
  let state: ReplayedIssue | null = null;
  let lastTransaction: number | null = null;
  for (const event of events) {
    const at = event.occurredAt.getTime();
    if (at > asOf.getTime()) break;
    if (!state) {
      if (event.type !== 'issue.filed') continue;
      state = {
        status: 'filed',
        leadUnit: null,
        coUnits: [],
        dueAt: null,
        overdue: false,
        escalationLevel: 0,
        isKey: false,
        version: 0,
        assignedAt: null,
        acknowledgedAt: null,
      };
    }
    // The events of one command share its instant: each such transaction raised the version by one.
    if (at !== lastTransaction) state.version += 1;
    lastTransaction = at;
    if (CLEARS.has(event.type)) {
      state.overdue = false;
      state.escalationLevel = 0;
    }
    const { data } = event;
    switch (event.type) {
      case 'issue.routed':
        state.status = 'assigned';
        state.leadUnit = (data.leadUnit as string) ?? null;
        state.coUnits = (data.coUnits as string[]) ?? [];
        state.assignedAt = event.occurredAt;
        state.acknowledgedAt = null;
        state.dueAt = null;
        break;
      case 'issue.triaged':
        state.status = 'triage';
        state.leadUnit = null;
        state.coUnits = [];
        state.assignedAt = null;
        state.dueAt = null;
        break;
      case 'issue.acknowledged':
        state.status = 'in_progress';
        state.acknowledgedAt = event.occurredAt;
        break;
      case 'issue.rectification_submitted':
        state.status = 'rectification_submitted';
        break;
      case 'issue.reopened':
        state.status = 'in_progress';
        state.dueAt = date(data.dueAt);
        break;
      case 'issue.extension_approved':
        state.dueAt = date(data.dueAt);
        break;
      case 'issue.overdue':
        state.overdue = true;
        state.dueAt = date(data.dueAt) ?? state.dueAt;
        break;
      case 'issue.escalated':
        state.overdue = true;
        state.escalationLevel = Number(data.level) || state.escalationLevel;
        break;
      case 'issue.key_changed':
        state.isKey = data.isKey === true;
        break;
      case 'issue.accepted':
        state.status = 'closed';
        break;
      case 'issue.withdrawn':
        state.status = 'withdrawn';
        break;
    }
  }
  return state;
}

/** Whether a replayed issue was on the overdue board: open and late. */
export function wasOverdue(state: ReplayedIssue | null): state is ReplayedIssue {
  return !!state && state.overdue && state.status !== 'closed' && state.status !== 'withdrawn';
}
