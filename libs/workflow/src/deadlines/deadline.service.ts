import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  addDuration,
  carryOverFired,
  nextTimerAt,
  parseIsoDuration,
  pendingTimers,
  planTimers,
  PlannedTimer,
} from '@app/domain';
import { JOBS, OutboxJob, timerJobId } from '@app/messaging';
import { DeadlinePolicyEntity, IssueEntity, PolicyTerms } from '@app/persistence';
import { WorkingCalendar } from '../calendar/working-calendar.service';

/**
 * Applies the deadline policy that fits an issue (the category-and-severity one before the severity-only one)
 * and keeps the issue's durable timers in step with its state.
 */
@Injectable()
export class DeadlineService {
  // Keyed by the transaction's EntityManager, so it lives exactly as long as the transaction.
  private readonly policyMemo = new WeakMap<EntityManager, Map<string, Promise<DeadlinePolicyEntity | null>>>();

  constructor(private readonly calendar: WorkingCalendar) {}

  /** The terms the issue keeps from its assignment; an issue assigned before they were kept uses the policy now. */
  policyFor(
    manager: EntityManager,
    issue: Pick<IssueEntity, 'category' | 'severity' | 'policyTerms'>,
  ): Promise<PolicyTerms | null> {
    return issue.policyTerms ? Promise.resolve(issue.policyTerms) : this.currentTerms(manager, issue);
  }

  /** The terms of the policy in force now, for an assignment. Read once per transaction. */
  async currentTerms(
    manager: EntityManager,
    issue: Pick<IssueEntity, 'category' | 'severity'>,
  ): Promise<PolicyTerms | null> {
    const policy = await this.currentPolicy(manager, issue);
    if (!policy) return null;
    const { calendar, acknowledgeWithin, resolveWithin, remindAt, escalations, verifyWithin, maxReturns } = policy;
    return { calendar, acknowledgeWithin, resolveWithin, remindAt, escalations, verifyWithin, maxReturns };
  }

  private currentPolicy(
    manager: EntityManager,
    issue: Pick<IssueEntity, 'category' | 'severity'>,
  ): Promise<DeadlinePolicyEntity | null> {
    if (!manager.queryRunner) return this.loadPolicy(manager, issue);
    const key = `${issue.severity}:${issue.category}`;
    const memo = this.policyMemo.get(manager) ?? new Map<string, Promise<DeadlinePolicyEntity | null>>();
    this.policyMemo.set(manager, memo);
    const cached = memo.get(key);
    if (cached) return cached;
    const loading = this.loadPolicy(manager, issue);
    memo.set(key, loading);
    return loading;
  }

  private loadPolicy(manager: EntityManager, issue: Pick<IssueEntity, 'category' | 'severity'>) {
    return manager
      .createQueryBuilder(DeadlinePolicyEntity, 'p')
      .where('p.severity = :severity', { severity: issue.severity })
      .andWhere('(p.category_code = :category OR p.category_code IS NULL)', { category: issue.category })
      .orderBy('p.category_code', 'ASC', 'NULLS LAST')
      .getOne();
  }

  /** Deadlines that start when an issue is assigned to a unit. Without a policy there are none. */
  async assignmentDeadlines(
    manager: EntityManager,
    issue: IssueEntity,
    from: Date,
  ): Promise<{ acknowledgeDueAt: Date | null; dueAt: Date | null }> {
    const policy = await this.policyFor(manager, issue);
    if (!policy) return { acknowledgeDueAt: null, dueAt: null };
    return {
      acknowledgeDueAt: await this.add(manager, policy, policy.acknowledgeWithin, from),
      dueAt: await this.add(manager, policy, policy.resolveWithin, from),
    };
  }

  /** A fresh resolve deadline, as after a rejected rectification. */
  async resolveDeadline(manager: EntityManager, issue: IssueEntity, from: Date): Promise<Date | null> {
    const policy = await this.policyFor(manager, issue);
    return policy ? this.add(manager, policy, policy.resolveWithin, from) : null;
  }

  /** When a submitted rectification is accepted without the filer: the policy's verifyWithin, 5 days by default. */
  async verifyDeadline(manager: EntityManager, issue: IssueEntity, from: Date): Promise<Date> {
    const policy = await this.policyFor(manager, issue);
    if (!policy) {
      return addDuration(from, parseIsoDuration('P5D'), 'working', await this.calendar.options(manager, 'working'));
    }
    return this.add(manager, policy, policy.verifyWithin, from);
  }

  async maxReturns(manager: EntityManager, issue: IssueEntity): Promise<number> {
    return (await this.policyFor(manager, issue))?.maxReturns ?? 2;
  }

  /**
   * Brings the issue's timer plan in line with its state. When a timer is added or moves, the deadline version
   * goes up (timers set for the old one then do nothing) and the returned jobs schedule the new ones; when
   * timers only drop out, their jobs find nothing to do and the version stays.
   */
  async syncTimers(manager: EntityManager, issue: IssueEntity): Promise<OutboxJob[]> {
    const policy =
      issue.dueAt || issue.acknowledgeDueAt || issue.verifyDueAt ? await this.policyFor(manager, issue) : null;
    const escalations = [];
    if (policy && issue.dueAt) {
      for (const step of policy.escalations) {
        escalations.push({ level: step.level, at: await this.add(manager, policy, step.after, issue.dueAt) });
      }
    }
    const plan = planTimers({
      status: issue.status,
      acknowledgeDueAt: issue.acknowledgeDueAt,
      clockStartedAt: issue.clockStartedAt,
      dueAt: issue.dueAt,
      verifyDueAt: issue.verifyDueAt,
      remindAt: policy?.remindAt ?? [],
      escalations,
    });
    const previous = new Map(issue.timerPlan.map((timer) => [timer.step, timer.at]));
    const changed = plan.some((timer) => previous.get(timer.step) !== timer.at);
    issue.timersFired = carryOverFired(issue.timerPlan, issue.timersFired, plan);
    issue.timerPlan = plan;
    issue.nextTimerAt = nextTimerAt(plan, issue.timersFired);
    const reminders = plan.filter((timer) => timer.step.startsWith('remind-'));
    issue.remindFromAt = reminders.length ? new Date(reminders[0].at) : null;
    issue.remindLastAt = reminders.length ? new Date(reminders[reminders.length - 1].at) : null;
    if (!changed) return [];
    issue.deadlineVersion += 1;
    return this.timerJobs(issue, pendingTimers(plan, issue.timersFired));
  }

  timerJobs(issue: Pick<IssueEntity, 'id' | 'deadlineVersion'>, timers: PlannedTimer[]): OutboxJob[] {
    return timers.map((timer) => {
      const jobId = timerJobId(issue.id, issue.deadlineVersion, timer.step);
      return {
        name: JOBS.fireTimer,
        payload: { issueId: issue.id, deadlineVersion: issue.deadlineVersion, step: timer.step, jobId },
        runAt: new Date(timer.at),
      };
    });
  }

  private async add(manager: EntityManager, policy: PolicyTerms, duration: string, from: Date) {
    return addDuration(
      from,
      parseIsoDuration(duration),
      policy.calendar,
      await this.calendar.options(manager, policy.calendar),
    );
  }
}
