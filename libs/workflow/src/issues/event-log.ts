import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { IssueEventType } from '@app/domain';
import { IssueEntity, IssueEventEntity } from '@app/persistence';
import type { Actor } from '../actor';

export interface PendingEvent {
  type: IssueEventType;
  data?: Record<string, unknown>;
}

/** Appends immutable events to an issue's timeline. The caller holds the issue's row lock, so seq cannot race. */
@Injectable()
export class EventLog {
  async append(
    manager: EntityManager,
    issue: IssueEntity,
    actor: Actor,
    events: PendingEvent[],
    occurredAt: Date,
  ): Promise<IssueEventEntity[]> {
    if (events.length === 0) return [];
    const [{ seq }] = await manager.query('SELECT coalesce(max(seq), 0) AS seq FROM issue_events WHERE issue_id = $1', [
      issue.id,
    ]);
    const rows = events.map((event, index) =>
      manager.create(IssueEventEntity, {
        issueId: issue.id,
        seq: Number(seq) + index + 1,
        type: event.type,
        occurredAt,
        actorUsername: actor.username,
        actorRole: actor.role,
        leadUnit: issue.leadUnit,
        data: event.data ?? {},
      }),
    );
    await manager.insert(IssueEventEntity, rows as QueryDeepPartialEntity<IssueEventEntity>[]);
    return rows;
  }
}
