import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { IssueEventType } from '@app/domain';
import { OutboxWriter } from '@app/messaging';
import { IssueEntity, IssueEventEntity } from '@app/persistence';
import type { Actor } from '../actor';
import { AssessmentLedgerWriter } from '../assessment/assessment-ledger.writer';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { toIssueView } from './issue-view';

export interface PendingEvent {
  type: IssueEventType;
  data?: Record<string, unknown>;
  /** The unit the event is charged to, when not the lead unit after the command (a return is the returner's). */
  leadUnit?: string | null;
}

/**
 * Appends immutable events to an issue's timeline, and in the same transaction scores them into the assessment
 * ledger and queues their webhook deliveries. The caller holds the issue's row lock, so seq cannot race.
 */
@Injectable()
export class EventLog {
  constructor(
    private readonly ledger: AssessmentLedgerWriter,
    private readonly webhooks: WebhookDispatcher,
    private readonly outbox: OutboxWriter,
  ) {}

  async append(
    manager: EntityManager,
    issue: IssueEntity,
    actor: Actor,
    events: PendingEvent[],
    occurredAt: Date,
    /** The issue's last seq when the caller knows it (0 for a new issue), sparing a query. */
    lastSeq?: number,
  ): Promise<IssueEventEntity[]> {
    if (events.length === 0) return [];
    const seq =
      lastSeq ??
      (await manager.query('SELECT coalesce(max(seq), 0) AS seq FROM issue_events WHERE issue_id = $1', [issue.id]))[0]
        .seq;
    const rows = events.map((event, index) =>
      manager.create(IssueEventEntity, {
        issueId: issue.id,
        seq: Number(seq) + index + 1,
        type: event.type,
        occurredAt,
        actorUsername: actor.username,
        actorRole: actor.role,
        leadUnit: event.leadUnit !== undefined ? event.leadUnit : issue.leadUnit,
        data: event.data ?? {},
      }),
    );
    await manager.insert(IssueEventEntity, rows as QueryDeepPartialEntity<IssueEventEntity>[]);
    const points = await this.ledger.record(manager, rows);
    const view = toIssueView(issue);
    const jobs = await this.webhooks.dispatch(manager, [
      ...rows.map((row) => ({ id: row.id, type: row.type, occurredAt, issue: view, data: row.data })),
      ...points.map((row) => ({
        id: row.id,
        type: 'assessment.points_recorded',
        occurredAt,
        issue: view,
        data: {
          unit: row.unit,
          rule: row.rule,
          points: row.points,
          eventId: row.eventId,
          ruleVersion: row.ruleVersion,
          period: row.period,
        },
      })),
    ]);
    await this.outbox.add(manager, jobs);
    return rows;
  }
}
