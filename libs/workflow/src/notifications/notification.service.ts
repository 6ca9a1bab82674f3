import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { deliverAfter } from '@app/domain';
import { JOBS, JobPayloads, OnJob, OutboxJob } from '@app/messaging';
import { IssueEntity, NotificationEntity, NotificationType } from '@app/persistence';
import { WorkingCalendar } from '../calendar/working-calendar.service';
import type { Actor } from '../common/actor';
import { NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { Notifier } from './notifier';

export interface NotificationView {
  id: string;
  type: NotificationType;
  issueId: string;
  unit: string | null;
  username: string | null;
  level?: number;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotifyInput {
  type: NotificationType;
  units: (string | null)[];
  /** Unique per cause, e.g. `<issue>:<deadline version>:<step>`: a cause notifies each recipient once. */
  cause: string;
  level?: number;
  data?: Record<string, unknown>;
}

function toView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    type: row.type,
    issueId: row.issueId,
    unit: row.unit,
    username: row.username,
    ...(row.level !== null ? { level: row.level } : {}),
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly notifier: Notifier,
  ) {}

  /**
   * Stores notifications inside the caller's transaction and returns the jobs that deliver them. People are
   * not woken at night: outside working hours delivery waits for the next working morning unless urgent.
   */
  async notify(manager: EntityManager, issue: IssueEntity, input: NotifyInput, now: Date): Promise<OutboxJob[]> {
    const units = [...new Set(input.units.filter((unit): unit is string => !!unit))];
    if (units.length === 0) return [];
    const after = deliverAfter(now, issue.severity === 'urgent', {
      timeZone: this.calendar.timeZone,
      overrides: await this.calendar.overrides(manager),
    });
    const jobs: OutboxJob[] = [];
    for (const unit of units) {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO notifications (dedupe_key, type, issue_id, unit_code, level, data, created_at, deliver_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [`${input.cause}:${unit}`, input.type, issue.id, unit, input.level ?? null, input.data ?? {}, now, after],
      );
      for (const row of rows) {
        jobs.push({ name: JOBS.deliverNotification, payload: { notificationId: row.id }, runAt: after });
      }
    }
    return jobs;
  }

  /**
   * The caller's notifications, their unit's and their own, newest first. Listed as soon as they exist: holding
   * to working hours applies to delivery through the notifier, not to what a person sees when they look.
   */
  async list(actor: Actor, limit: number, cursor?: string, unreadOnly = false): Promise<Page<NotificationView>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('(n.unit_code = :unit OR n.username = :username)', { unit: actor.unit ?? '', username: actor.username });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(n.created_at, n.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const row = await this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.id = :id', { id })
      .andWhere('(n.unit_code = :unit OR n.username = :username)', { unit: actor.unit ?? '', username: actor.username })
      .getOne();
    if (!row) throw new NotFoundError(`notification ${id} not found`);
    if (!row.readAt) {
      row.readAt = new Date();
      await this.dataSource.manager.update(NotificationEntity, { id, readAt: IsNull() }, { readAt: row.readAt });
    }
    return toView(row);
  }

  /** The delivery job: idempotent, a delivered notification is not sent again. */
  @OnJob(JOBS.deliverNotification)
  deliverJob({ notificationId }: JobPayloads[typeof JOBS.deliverNotification]) {
    return this.deliver(notificationId);
  }

  async deliver(notificationId: string): Promise<'delivered' | 'skipped'> {
    const notification = await this.dataSource.manager.findOneBy(NotificationEntity, { id: notificationId });
    if (!notification || notification.deliveredAt) return 'skipped';
    await this.notifier.deliver(notification);
    await this.dataSource.manager.update(NotificationEntity, { id: notificationId }, { deliveredAt: new Date() });
    return 'delivered';
  }
}
