import type { IssueStatus } from '../issue/issue-status';

/**
 * The timers of one deadline version. Step names are stable strings (`acknowledge-due`, `remind-0`, `due`,
 * `escalate-2`, `verify-due`): with the issue id and the version they make each timer's deterministic job id.
 */
export interface PlannedTimer {
  step: string;
  /** ISO-8601 instant. */
  at: string;
}

export interface TimerPlanInput {
  status: IssueStatus;
  acknowledgeDueAt: Date | null;
  /** When the current resolve window began: assignment, reopening or an approved extension. */
  clockStartedAt: Date | null;
  dueAt: Date | null;
  verifyDueAt: Date | null;
  /** Fractions of the resolve window at which a reminder goes out. */
  remindAt: readonly number[];
  escalations: readonly { level: number; at: Date }[];
}

const WORKING: readonly IssueStatus[] = ['assigned', 'in_progress'];

const STEP_RANK: Record<string, number> = { 'acknowledge-due': 0, remind: 1, due: 2, escalate: 3, 'verify-due': 4 };

/** Timers at the same instant fire in ladder order, and escalate-2 before escalate-10. */
function stepOrder(step: string): number {
  const [, kind, n] = /^(remind|escalate)-(\d+)$/.exec(step) ?? [null, step, '0'];
  return (STEP_RANK[kind as string] ?? 5) * 1000 + Number(n);
}

export function planTimers(input: TimerPlanInput): PlannedTimer[] {
  const plan: PlannedTimer[] = [];
  if (input.status === 'assigned' && input.acknowledgeDueAt) {
    plan.push({ step: 'acknowledge-due', at: input.acknowledgeDueAt.toISOString() });
  }
  if (WORKING.includes(input.status) && input.dueAt) {
    const start = input.clockStartedAt?.getTime();
    const due = input.dueAt.getTime();
    if (start !== undefined && due > start) {
      [...input.remindAt]
        .sort((a, b) => a - b)
        .forEach((fraction, index) => {
          plan.push({
            step: `remind-${index}`,
            at: new Date(start + Math.round((due - start) * fraction)).toISOString(),
          });
        });
    }
    plan.push({ step: 'due', at: input.dueAt.toISOString() });
    for (const escalation of input.escalations) {
      plan.push({ step: `escalate-${escalation.level}`, at: escalation.at.toISOString() });
    }
  }
  if (input.status === 'rectification_submitted' && input.verifyDueAt) {
    plan.push({ step: 'verify-due', at: input.verifyDueAt.toISOString() });
  }
  return plan.sort((a, b) => a.at.localeCompare(b.at) || stepOrder(a.step) - stepOrder(b.step));
}

/** Steps already fired whose time did not change stay fired in the new plan, so nothing is announced twice. */
export function carryOverFired(
  oldPlan: readonly PlannedTimer[],
  fired: readonly string[],
  newPlan: readonly PlannedTimer[],
): string[] {
  const oldAt = new Map(oldPlan.map((timer) => [timer.step, timer.at]));
  return newPlan.filter((timer) => fired.includes(timer.step) && oldAt.get(timer.step) === timer.at).map((t) => t.step);
}

export function pendingTimers(plan: readonly PlannedTimer[], fired: readonly string[]): PlannedTimer[] {
  return plan.filter((timer) => !fired.includes(timer.step));
}

/** The earliest timer not yet fired: the reconciler's index column. */
export function nextTimerAt(plan: readonly PlannedTimer[], fired: readonly string[]): Date | null {
  const pending = pendingTimers(plan, fired);
  return pending.length ? new Date(pending[0].at) : null;
}

/** Timers due at `now`, oldest first; after downtime each missed step is due once, not once per interval. */
export function dueTimers(plan: readonly PlannedTimer[], fired: readonly string[], now: Date): PlannedTimer[] {
  return pendingTimers(plan, fired).filter((timer) => Date.parse(timer.at) <= now.getTime());
}

export type TimerEffect =
  | { kind: 'acknowledge_overdue' }
  | { kind: 'reminder'; index: number }
  | { kind: 'overdue' }
  | { kind: 'escalate'; level: number }
  | { kind: 'auto_accept' }
  | { kind: 'none'; reason: string };

export interface TimerIssueState {
  status: IssueStatus;
  overdue: boolean;
  escalationLevel: number;
  dueAt: Date | null;
}

/** What a due timer does to the issue as it is now; a step whose moment has passed does nothing. */
export function timerEffect(step: string, issue: TimerIssueState, now: Date): TimerEffect {
  const working = WORKING.includes(issue.status);
  if (step === 'acknowledge-due') {
    return issue.status === 'assigned' ? { kind: 'acknowledge_overdue' } : { kind: 'none', reason: 'acknowledged' };
  }
  const reminder = /^remind-(\d+)$/.exec(step);
  if (reminder) {
    if (!working) return { kind: 'none', reason: `status ${issue.status}` };
    // A reminder that would arrive after the deadline says nothing the overdue notice does not.
    if (issue.overdue || (issue.dueAt && now >= issue.dueAt)) return { kind: 'none', reason: 'already due' };
    return { kind: 'reminder', index: Number(reminder[1]) };
  }
  if (step === 'due') {
    if (!working) return { kind: 'none', reason: `status ${issue.status}` };
    return issue.overdue ? { kind: 'none', reason: 'already overdue' } : { kind: 'overdue' };
  }
  const escalation = /^escalate-(\d+)$/.exec(step);
  if (escalation) {
    const level = Number(escalation[1]);
    if (!working) return { kind: 'none', reason: `status ${issue.status}` };
    if (issue.escalationLevel >= level) return { kind: 'none', reason: `already at level ${issue.escalationLevel}` };
    return { kind: 'escalate', level };
  }
  if (step === 'verify-due') {
    return issue.status === 'rectification_submitted'
      ? { kind: 'auto_accept' }
      : { kind: 'none', reason: `status ${issue.status}` };
  }
  return { kind: 'none', reason: `unknown step ${step}` };
}

/**
 * Who an escalation reaches: level 1 the lead unit itself (its leadership), level 2 the unit above it, and so
 * on up the `parent` chain; past the top of the chain, the inspection office.
 */
export function escalationTarget(
  ladder: readonly string[],
  level: number,
  inspectionOffice: string | null,
): string | null {
  return ladder[level - 1] ?? inspectionOffice ?? ladder[ladder.length - 1] ?? null;
}

export type AlertColour = 'blue' | 'yellow' | 'red';

/** The supervision-notice colours: blue inside the reminder window, yellow past the last reminder, red overdue. */
export function alertColour(
  issue: { overdue: boolean; remindFromAt: Date | null; remindLastAt: Date | null },
  now: Date,
): AlertColour | null {
  if (issue.overdue) return 'red';
  if (issue.remindLastAt && now >= issue.remindLastAt) return 'yellow';
  if (issue.remindFromAt && now >= issue.remindFromAt) return 'blue';
  return null;
}
