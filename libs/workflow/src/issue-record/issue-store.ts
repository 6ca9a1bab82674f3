import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IssueEntity } from '@app/persistence';

/** Loads an issue and locks its row for the rest of the transaction: commands on one issue serialize here. */
export function lockIssue(manager: EntityManager, issueId: string): Promise<IssueEntity | null> {
  return manager
    .createQueryBuilder(IssueEntity, 'i')
    .where('i.id = :issueId', { issueId })
    .setLock('pessimistic_write')
    .getOne();
}

/** Writes the mutable columns of an issue the caller has locked; one UPDATE, no read-before-write. */
export async function saveIssue(manager: EntityManager, issue: IssueEntity): Promise<void> {
  const changes: QueryDeepPartialEntity<IssueEntity> = {
    status: issue.status,
    leadUnit: issue.leadUnit,
    coUnits: issue.coUnits,
    returnedByUnits: issue.returnedByUnits,
    returnCount: issue.returnCount,
    assignedAt: issue.assignedAt,
    acknowledgedAt: issue.acknowledgedAt,
    acknowledgeDueAt: issue.acknowledgeDueAt,
    dueAt: issue.dueAt,
    overdue: issue.overdue,
    escalationLevel: issue.escalationLevel,
    reopenCount: issue.reopenCount,
    isKey: issue.isKey,
    closedAt: issue.closedAt,
    deadlineVersion: issue.deadlineVersion,
    policyTerms: issue.policyTerms as QueryDeepPartialEntity<IssueEntity>['policyTerms'],
    version: issue.version,
    clockStartedAt: issue.clockStartedAt,
    originalDueAt: issue.originalDueAt,
    rectificationSubmittedAt: issue.rectificationSubmittedAt,
    verifyDueAt: issue.verifyDueAt,
    timerPlan: issue.timerPlan as QueryDeepPartialEntity<IssueEntity>['timerPlan'],
    timersFired: issue.timersFired,
    nextTimerAt: issue.nextTimerAt,
    remindFromAt: issue.remindFromAt,
    remindLastAt: issue.remindLastAt,
  };
  await manager.update(IssueEntity, { id: issue.id }, changes);
}
