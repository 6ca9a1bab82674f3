import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from '@app/persistence';
import type { Actor } from '../common/actor';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';

export interface AuditChange {
  action: string;
  targetType: string;
  targetId: string;
  /** The thing as its GET showed it before the change; null when it was created. */
  before: object | null;
  /** …and after; null when it was deleted. */
  after: object | null;
}

export interface AuditEntryView {
  id: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurredAt: string;
}

export interface AuditFilter {
  actor?: string;
  targetType?: string;
  from?: Date;
  to?: Date;
}

const toView = (row: AuditEntryEntity): AuditEntryView => ({
  id: row.id,
  actor: row.actor,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  before: row.before,
  after: row.after,
  occurredAt: row.occurredAt.toISOString(),
});

/** Who changed what: written in the transaction of the change itself, so a change that fails leaves no entry. */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actor: actor.username,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      // Through JSON: dates become the strings the API shows, and no entity class leaks into jsonb.
      before: change.before ? JSON.parse(JSON.stringify(change.before)) : null,
      after: change.after ? JSON.parse(JSON.stringify(change.after)) : null,
      occurredAt: new Date(),
    });
  }

  /** Newest first. */
  async list(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditEntryView>> {
    const qb = this.dataSource.manager.createQueryBuilder(AuditEntryEntity, 'a');
    if (filter.actor) qb.andWhere('a.actor = :actor', { actor: filter.actor });
    if (filter.targetType) qb.andWhere('a.target_type = :targetType', { targetType: filter.targetType });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    if (cursor) {
      const [occurredAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(a.occurred_at, a.id) < (:occurredAt::timestamptz, :id::uuid)', { occurredAt, id });
    }
    const rows = await qb
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toView, (row) => [row.occurredAt.toISOString(), row.id]);
  }
}
