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
import { NotificationStreamMessage, STREAM_CHANNELS } from '../stream/stream-channels';
import { ChannelDeliveries } from './channels/channel-deliveries.service';
import { Notifier } from './notifier';

export interface NotificationView {
  id: string;
  type: NotificationType;
  issueId: string;
  /** The issue's reference number and title, so a list says what it is about. */
  referenceNo: string;
  title: string;
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

interface NotificationRow {
  id: string;
  type: NotificationType;
  issue_id: string;
  reference_no: string;
  title: string;
  unit_code: string | null;
  username: string | null;
  level: number | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

const VIEW_COLUMNS = `n.id, n.type, n.issue_id, i.reference_no, i.title, n.unit_code, n.username, n.level, n.data,
  n.created_at, n.read_at`;
const FOR_ACTOR = '(n.unit_code = $1 OR n.username = $2)';

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    issueId: row.issue_id,
    referenceNo: row.reference_no,
    title: row.title,
    unit: row.unit_code,
    username: row.username,
    ...(row.level !== null ? { level: row.level } : {}),
    data: row.data,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendar,
    private readonly notifier: Notifier,
    private readonly channels: ChannelDeliveries,
  ) {}

  /**
   * Stores notifications inside the caller's transaction and returns the jobs that deliver them, with a delivery
   * per e-mail and SMS recipient. People are not woken at night: outside working hours delivery (every channel)
   * waits for the next working morning unless urgent.
   */
  async notify(manager: EntityManager, issue: IssueEntity, input: NotifyInput, now: Date): Promise<OutboxJob[]> {
    const units = [...new Set(input.units.filter((unit): unit is string => !!unit))];
    if (units.length === 0) return [];
    const after = deliverAfter(now, issue.severity === 'urgent', {
      timeZone: this.calendar.timeZone,
      overrides: await this.calendar.overrides(manager),
    });
    const jobs: OutboxJob[] = [];
    const created: NotificationStreamMessage[] = [];
    for (const unit of units) {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO notifications (dedupe_key, type, issue_id, unit_code, level, data, created_at, deliver_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [`${input.cause}:${unit}`, input.type, issue.id, unit, input.level ?? null, input.data ?? {}, now, after],
      );
      for (const row of rows) {
        jobs.push({ name: JOBS.deliverNotification, payload: { notificationId: row.id }, runAt: after });
        created.push({ id: row.id, unit, username: null });
      }
    }
    jobs.push(
      ...(await this.channels.plan(
        manager,
        created.map((message) => message.id),
      )),
    );
    if (created.length) {
      await manager.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
        STREAM_CHANNELS.notifications,
        created.map((message) => JSON.stringify(message)),
      ]);
    }
    return jobs;
  }

  /**
   * The caller's notifications, their unit's and their own, newest first. Listed as soon as they exist: holding
   * to working hours applies to delivery through the notifier, not to what a person sees when they look.
   */
  async list(actor: Actor, limit: number, cursor?: string, unreadOnly = false): Promise<Page<NotificationView>> {
    const params: unknown[] = [actor.unit ?? '', actor.username, limit + 1];
    let after = '';
    if (cursor) {
      params.push(...decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]));
      after = 'AND (n.created_at, n.id) < ($4::timestamptz, $5::uuid)';
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications n JOIN issues i ON i.id = n.issue_id
        WHERE ${FOR_ACTOR} ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ${after}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
      params,
    );
    return toPage(rows, limit, toView, (row) => [row.created_at.toISOString(), row.id]);
  }

  /** One of the caller's notifications. */
  async get(actor: Actor, id: string): Promise<NotificationView> {
    const [row]: NotificationRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM notifications n JOIN issues i ON i.id = n.issue_id WHERE ${FOR_ACTOR} AND n.id = $3`,
      [actor.unit ?? '', actor.username, id],
    );
    if (!row) throw new NotFoundError(`notification ${id} not found`);
    return toView(row);
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications n WHERE ${FOR_ACTOR} AND n.read_at IS NULL`,
      [actor.unit ?? '', actor.username],
    );
    return count;
  }

  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const view = await this.get(actor, id);
    if (!view.readAt) {
      const readAt = new Date();
      await this.dataSource.manager.update(NotificationEntity, { id, readAt: IsNull() }, { readAt });
      view.readAt = readAt.toISOString();
    }
    return view;
  }

  /** Marks every unread notification of the caller's read; answers how many there were. */
  async markAllRead(actor: Actor): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE notifications n SET read_at = now() WHERE ${FOR_ACTOR} AND n.read_at IS NULL RETURNING n.id
       ) SELECT id FROM marked`,
      [actor.unit ?? '', actor.username],
    );
    return rows.length;
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
