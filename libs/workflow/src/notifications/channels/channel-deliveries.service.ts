import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { channelMessage, NoticeKind } from '@app/domain';
import { JobContext, JOBS, JobPayloads, OnJob, OutboxJob, OutboxWriter } from '@app/messaging';
import type { Channel, ChannelDeliveryStatus } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AuditLog } from '../../audit/audit-log';
import type { Actor } from '../../common/actor';
import { NotFoundError } from '../../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../../common/pagination';
import { ChannelRefusedError, ChannelTransport } from './channel-transport';
import { MailTransport } from './mail-transport';
import { SmsTransport } from './sms-transport';

export type SendOutcome = 'sent' | 'skipped' | 'held' | 'dead';

const JOB_OF: Record<Channel, typeof JOBS.sendEmail | typeof JOBS.sendSms> = {
  email: JOBS.sendEmail,
  sms: JOBS.sendSms,
};

interface ClaimedRow {
  id: string;
  channel: Channel;
  address: string;
  recipient: string;
  recipient_name: string | null;
  type: NoticeKind;
  level: number | null;
  data: Record<string, unknown>;
  notified_unit: string | null;
  notified_unit_name: string | null;
  issue_kind: 'supervision' | 'proposal';
  reference_no: string;
  title: string;
  due_at: Date | null;
  acknowledge_due_at: Date | null;
  lead_unit: string | null;
  lead_unit_name: string | null;
  escalated_to_name: string | null;
}

export interface ChannelDeliveryView {
  id: string;
  notificationId: string;
  issueId: string;
  referenceNo: string;
  type: NoticeKind;
  channel: Channel;
  recipient: string;
  address: string;
  status: ChannelDeliveryStatus;
  attempts: number;
  lastError: string | null;
  response: string | null;
  deliverAfter: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface ChannelDeliveryFilter {
  status?: ChannelDeliveryStatus;
  channel?: Channel;
}

interface ViewRow {
  id: string;
  notification_id: string;
  issue_id: string;
  reference_no: string;
  type: NoticeKind;
  channel: Channel;
  recipient: string;
  address: string;
  status: ChannelDeliveryStatus;
  attempts: number;
  last_error: string | null;
  response: string | null;
  deliver_after: Date;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

const VIEW_SQL = `SELECT d.id, d.notification_id, n.issue_id, i.reference_no, n.type, d.channel, d.recipient, d.address,
       d.status, d.attempts, d.last_error, d.response, d.deliver_after, d.last_attempt_at, d.sent_at, d.created_at
  FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN issues i ON i.id = n.issue_id`;

function toView(row: ViewRow): ChannelDeliveryView {
  return {
    id: row.id,
    notificationId: row.notification_id,
    issueId: row.issue_id,
    referenceNo: row.reference_no,
    type: row.type,
    channel: row.channel,
    recipient: row.recipient,
    address: row.address,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    response: row.response,
    deliverAfter: row.deliver_after.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A delivery that another sender holds right now: retried later, by when it is sent or its lease has lapsed. */
export class DeliveryBusyError extends Error {}

/**
 * Notifications to people by e-mail and SMS. `plan` runs in the transaction that writes the notifications and
 * writes one delivery per (notification, channel, recipient) plus its job in the outbox; a job sends one delivery
 * and records it as sent in PostgreSQL before the job is acknowledged. The delivery's id goes with every attempt
 * (Message-ID, `X-Event-Id`), so a resend after a crash in the gap between the receiver's answer and our commit is
 * one the receiver can recognise.
 */
@Injectable()
export class ChannelDeliveries {
  private readonly logger = new Logger(ChannelDeliveries.name);
  private readonly transports: Record<Channel, ChannelTransport>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
    mail: MailTransport,
    sms: SmsTransport,
  ) {
    this.transports = { email: mail, sms };
  }

  /** The channels this process plans deliveries for: those whose configuration is set. */
  get enabledChannels(): Channel[] {
    return (Object.keys(this.transports) as Channel[]).filter((channel) => this.transports[channel].enabled);
  }

  /**
   * In the notifications' transaction: a delivery for each active person of the notified unit (or the notified
   * person) with an address for a channel that is on, due when the notification may be delivered.
   */
  async plan(manager: EntityManager, notificationIds: string[]): Promise<OutboxJob[]> {
    const channels = this.enabledChannels;
    if (notificationIds.length === 0 || channels.length === 0) return [];
    const rows: { id: string; channel: Channel; deliver_after: Date }[] = await manager.query(
      `INSERT INTO notification_deliveries (notification_id, channel, recipient, address, deliver_after, created_at)
       SELECT n.id, c.channel, u.username, btrim(c.address), n.deliver_after, n.created_at
         FROM notifications n
         JOIN users u ON u.active AND (u.unit_code = n.unit_code OR u.username = n.username)
         CROSS JOIN LATERAL (VALUES ('email', u.email), ('sms', u.phone)) AS c(channel, address)
        WHERE n.id = ANY($1::uuid[]) AND c.channel = ANY($2::text[]) AND coalesce(btrim(c.address), '') <> ''
       ON CONFLICT ON CONSTRAINT notification_deliveries_once DO NOTHING
       RETURNING id, channel, deliver_after`,
      [notificationIds, channels],
    );
    return rows.map((row) => ({
      name: JOB_OF[row.channel],
      payload: { deliveryId: row.id },
      runAt: row.deliver_after,
    }));
  }

  @OnJob(JOBS.sendEmail)
  sendEmailJob({ deliveryId }: JobPayloads[typeof JOBS.sendEmail], { lastAttempt }: JobContext) {
    return this.send(deliveryId, lastAttempt);
  }

  @OnJob(JOBS.sendSms)
  sendSmsJob({ deliveryId }: JobPayloads[typeof JOBS.sendSms], { lastAttempt }: JobContext) {
    return this.send(deliveryId, lastAttempt);
  }

  /**
   * One attempt. Throws to be retried with backoff; a refusal no retry can change, or the last attempt, leaves the
   * delivery `dead`, where it stays to be seen.
   */
  async send(deliveryId: string, lastAttempt = false): Promise<SendOutcome> {
    let row: ClaimedRow | undefined;
    try {
      row = await this.claim(deliveryId);
      if (!row) return await this.whyNotClaimed(deliveryId);
    } catch (error) {
      if (lastAttempt && !(error instanceof DeliveryBusyError)) await this.markDead(deliveryId, error);
      throw error;
    }
    const message = channelMessage({
      type: row.type,
      level: row.level,
      issue: {
        kind: row.issue_kind,
        referenceNo: row.reference_no,
        title: row.title,
        dueAt: row.due_at,
        acknowledgeDueAt: row.acknowledge_due_at,
      },
      leadUnit: row.lead_unit_name ?? row.lead_unit,
      addressee: row.notified_unit_name ?? row.recipient_name ?? row.recipient,
      escalatedTo: row.escalated_to_name ?? (row.data.escalatedTo as string | undefined) ?? null,
      note: typeof row.data.note === 'string' ? row.data.note : null,
      approved: typeof row.data.approved === 'boolean' ? row.data.approved : null,
      timeZone: this.config.timeZone,
    });
    let response: string;
    try {
      response = await this.transports[row.channel].send({
        key: row.id,
        address: row.address,
        subject: message.subject,
        text: row.channel === 'email' ? message.text : message.sms,
      });
    } catch (error) {
      const permanent = error instanceof ChannelRefusedError && error.permanent;
      const dead = permanent || lastAttempt;
      await this.dataSource.query(
        `UPDATE notification_deliveries SET lease_until = NULL, last_error = $2, response = $3,
                status = CASE WHEN $4 THEN 'dead' ELSE status END
          WHERE id = $1 AND status = 'pending'`,
        [row.id, errorText(error), error instanceof ChannelRefusedError ? error.response : null, dead],
      );
      if (dead) {
        this.logger.error(
          { deliveryId: row.id, channel: row.channel, recipient: row.recipient, err: error },
          'notification delivery dead',
        );
      }
      if (permanent) return 'dead';
      throw error;
    }
    // Recorded before the job is acknowledged. Failing here (a crash, the database away) the receiver has it and we
    // do not know: the retry sends it again under the same key, for the receiver to drop.
    try {
      await this.dataSource.query(
        `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), lease_until = NULL, response = $2,
                last_error = NULL
          WHERE id = $1`,
        [row.id, response.slice(0, 1000)],
      );
    } catch (error) {
      await this.dataSource
        .query(`UPDATE notification_deliveries SET lease_until = NULL, last_error = $2 WHERE id = $1`, [
          row.id,
          `sent, but not recorded: ${errorText(error)}`,
        ])
        .catch(() => undefined);
      throw error;
    }
    return 'sent';
  }

  /**
   * Pending deliveries, due, that nobody has tried for longer than any retry waits: their jobs were lost (a flushed
   * Redis, a job failed for good on a database error). Queued again; the send itself is idempotent.
   */
  async requeueStalled(): Promise<number> {
    const { retryMaxMs, timeoutMs } = this.config.channels;
    const idle = new Date(Date.now() - 2 * retryMaxMs - 3 * timeoutMs);
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; channel: Channel }[] = await manager.query(
        `WITH requeued AS (
           UPDATE notification_deliveries SET last_attempt_at = now()
            WHERE id IN (SELECT id FROM notification_deliveries
                          WHERE status = 'pending' AND deliver_after <= now()
                            AND coalesce(last_attempt_at, deliver_after) < $1
                            AND (lease_until IS NULL OR lease_until < now())
                          ORDER BY deliver_after LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id, channel
         ) SELECT id, channel FROM requeued`,
        [idle],
      );
      await this.outbox.add(
        manager,
        rows.map((row) => ({ name: JOB_OF[row.channel], payload: { deliveryId: row.id } })),
      );
      return rows.length;
    });
  }

  /** E-mails and texts, newest first; `status=dead` is what a person must look at. */
  async list(filter: ChannelDeliveryFilter, limit: number, cursor?: string): Promise<Page<ChannelDeliveryView>> {
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (filter.status) where.push(`d.status = $${params.push(filter.status)}`);
    if (filter.channel) where.push(`d.channel = $${params.push(filter.channel)}`);
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      where.push(`(d.created_at, d.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows: ViewRow[] = await this.dataSource.query(
      `${VIEW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $1`,
      params,
    );
    return toPage(rows, limit, toView, (row) => [row.created_at.toISOString(), row.id]);
  }

  /** Sends a dead delivery again, with a fresh round of attempts, under the same key; a sent one is left. */
  async redeliver(actor: Actor, id: string): Promise<ChannelDeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: ViewRow[] = await manager.query(`${VIEW_SQL} WHERE d.id = $1 FOR UPDATE OF d`, [id]);
      if (!row) throw new NotFoundError(`delivery ${id} not found`);
      const before = toView(row);
      if (row.status !== 'dead') return before;
      await manager.query(
        `UPDATE notification_deliveries SET status = 'pending', lease_until = NULL, last_attempt_at = now()
          WHERE id = $1`,
        [id],
      );
      await this.outbox.add(manager, [{ name: JOB_OF[row.channel], payload: { deliveryId: id } }]);
      const after: ChannelDeliveryView = { ...before, status: 'pending', lastAttemptAt: new Date().toISOString() };
      await this.audit.record(manager, actor, {
        action: 'notification_delivery.redelivered',
        targetType: 'notification_delivery',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Takes the delivery for one attempt, with what its message says; nothing when it is not to be sent now. */
  private async claim(deliveryId: string): Promise<ClaimedRow | undefined> {
    const leaseMs = 3 * this.config.channels.timeoutMs + 5000;
    const [row]: ClaimedRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification_deliveries
            SET attempts = attempts + 1, last_attempt_at = now(), lease_until = now() + $2 * interval '1 millisecond'
          WHERE id = $1 AND status = 'pending' AND deliver_after <= now() + interval '1 second'
            AND (lease_until IS NULL OR lease_until < now())
          RETURNING id, notification_id, channel, address, recipient
       )
       SELECT d.id, d.channel, d.address, d.recipient, u.display_name AS recipient_name, n.type, n.level, n.data,
              n.unit_code AS notified_unit, nu.name AS notified_unit_name, i.kind AS issue_kind, i.reference_no,
              i.title, i.due_at, i.acknowledge_due_at, i.lead_unit, lu.name AS lead_unit_name,
              eu.name AS escalated_to_name
         FROM claimed d
         JOIN notifications n ON n.id = d.notification_id
         JOIN issues i ON i.id = n.issue_id
         LEFT JOIN users u ON u.username = d.recipient
         LEFT JOIN units nu ON nu.code = n.unit_code
         LEFT JOIN units lu ON lu.code = i.lead_unit
         LEFT JOIN units eu ON eu.code = n.data->>'escalatedTo'`,
      [deliveryId, leaseMs],
    );
    return row;
  }

  private async whyNotClaimed(deliveryId: string): Promise<SendOutcome> {
    const [row]: { status: string; held: boolean; leased: boolean }[] = await this.dataSource.query(
      `SELECT status, deliver_after > now() + interval '1 second' AS held, coalesce(lease_until >= now(), false) AS leased
         FROM notification_deliveries WHERE id = $1`,
      [deliveryId],
    );
    if (!row || row.status !== 'pending') return 'skipped';
    // Early (a requeue): the reconciler sends it once its hour has come.
    if (row.held) return 'held';
    if (row.leased) throw new DeliveryBusyError(`delivery ${deliveryId} is being sent by another attempt`);
    return 'skipped';
  }

  private async markDead(deliveryId: string, error: unknown): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE notification_deliveries SET status = 'dead', lease_until = NULL, last_error = $2
          WHERE id = $1 AND status = 'pending'`,
        [deliveryId, errorText(error)],
      )
      .catch(() => undefined);
  }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
