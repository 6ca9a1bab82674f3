import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { closedOnTime, dueTimers, escalationTarget, nextTimerAt, timerEffect } from '@app/domain';
import { JOBS, JobPayloads, OnJob, OutboxJob } from '@app/messaging';
import { IssueEntity } from '@app/persistence';
import { SYSTEM_ACTOR } from '../common/actor';
import { EventLog, PendingEvent } from '../issue-record/event-log';
import { lockIssue } from '../issue-record/issue-store';
import { NotificationService, NotifyInput } from '../notifications/notification.service';
import { DeadlineService } from './deadline.service';

export type FireOutcome = 'stale' | 'missing' | 'nothing_due' | { fired: string[] };

/**
 * Fires an issue's due timers. A timer job and the reconciler both land here: under the issue's row lock it
 * fires every due step of the current deadline version exactly once, however often or late it is called.
 */
@Injectable()
export class DeadlineTimerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly eventLog: EventLog,
    private readonly notifications: NotificationService,
  ) {}

  @OnJob(JOBS.fireTimer)
  fireTimer({ issueId, deadlineVersion }: JobPayloads[typeof JOBS.fireTimer]) {
    return this.fireDue(issueId, deadlineVersion);
  }

  /** `deadlineVersion` comes from a timer job; a timer set for an older version does nothing. */
  async fireDue(issueId: string, deadlineVersion?: number, now = new Date()): Promise<FireOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await lockIssue(manager, issueId);
      if (!issue) return 'missing';
      if (deadlineVersion !== undefined && deadlineVersion !== issue.deadlineVersion) return 'stale';
      const due = dueTimers(issue.timerPlan, issue.timersFired, now);
      if (due.length === 0) {
        // The reconciler found a stale index value: bring it back in line so the sweep does not see it again.
        const next = nextTimerAt(issue.timerPlan, issue.timersFired);
        if (next?.getTime() !== issue.nextTimerAt?.getTime()) {
          await manager.update(IssueEntity, { id: issue.id }, { nextTimerAt: next });
        }
        return 'nothing_due';
      }
      const events: PendingEvent[] = [];
      const jobs: OutboxJob[] = [];
      for (const timer of due) {
        issue.timersFired = [...issue.timersFired, timer.step];
        const effect = timerEffect(timer.step, issue, now);
        const scheduledAt = timer.at;
        // Each step notifies once: the cause names the issue, the deadline version and the step.
        const notify = async (input: Omit<NotifyInput, 'cause' | 'units'> & { units?: (string | null)[] }) => {
          const cause = `${issue.id}:${issue.deadlineVersion}:${timer.step}`;
          const units = input.units ?? [issue.leadUnit];
          jobs.push(...(await this.notifications.notify(manager, issue, { ...input, units, cause }, now)));
        };
        switch (effect.kind) {
          case 'acknowledge_overdue':
            events.push({ type: 'issue.acknowledge_overdue', data: { unit: issue.leadUnit, scheduledAt } });
            await notify({ type: 'acknowledge_overdue' });
            break;
          case 'reminder':
            events.push({
              type: 'issue.reminder_sent',
              data: { unit: issue.leadUnit, index: effect.index, scheduledAt },
            });
            await notify({ type: 'reminder', data: { index: effect.index } });
            break;
          case 'overdue':
            issue.overdue = true;
            events.push({
              type: 'issue.overdue',
              data: { unit: issue.leadUnit, dueAt: issue.dueAt?.toISOString(), scheduledAt },
            });
            await notify({ type: 'overdue' });
            break;
          case 'escalate': {
            // The ladder is counted from the due time, so an escalation implies the issue is overdue.
            issue.overdue = true;
            issue.escalationLevel = effect.level;
            const target = await this.escalationUnit(manager, issue.leadUnit, effect.level);
            events.push({
              type: 'issue.escalated',
              data: { level: effect.level, unit: issue.leadUnit, escalatedTo: target, scheduledAt },
            });
            await notify({
              type: 'escalation',
              units: [issue.leadUnit, target],
              level: effect.level,
              data: { escalatedTo: target },
            });
            break;
          }
          case 'auto_accept':
            issue.status = 'closed';
            issue.closedAt = now;
            issue.verifyDueAt = null;
            events.push({
              type: 'issue.accepted',
              data: { automatic: true, comment: null, satisfaction: null, onTime: closedOnTime(issue) },
            });
            break;
          case 'none':
            break;
        }
      }
      jobs.push(...(await this.deadlines.syncTimers(manager, issue)));
      if (events.length > 0) issue.version += 1;
      await this.eventLog.save(manager, issue, SYSTEM_ACTOR, { events, jobs, now });
      return { fired: due.map((timer) => timer.step) };
    });
  }

  /** The unit an escalation of this level reaches, up the lead unit's parent chain. */
  private async escalationUnit(manager: EntityManager, leadUnit: string | null, level: number): Promise<string | null> {
    if (!leadUnit) return null;
    const ladder: { code: string }[] = await manager.query(
      `WITH RECURSIVE ladder AS (
         SELECT code, parent_code, 0 AS depth FROM units WHERE code = $1
         UNION ALL
         SELECT u.code, u.parent_code, l.depth + 1 FROM units u JOIN ladder l ON u.code = l.parent_code WHERE l.depth < 16
       ) SELECT code FROM ladder ORDER BY depth`,
      [leadUnit],
    );
    const [office] = await manager.query(
      `SELECT code FROM units WHERE kind = 'inspection_office' ORDER BY code LIMIT 1`,
    );
    return escalationTarget(
      ladder.map((row) => row.code),
      level,
      office?.code ?? null,
    );
  }
}
