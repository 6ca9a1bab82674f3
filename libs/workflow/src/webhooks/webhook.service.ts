import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ISSUE_EVENT_TYPES } from '@app/domain';
import { JobContext, JOBS, JobPayloads, OnJob, OutboxWriter } from '@app/messaging';
import { WebhookDeliveryEntity, WebhookEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { InvalidInputError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { postBody, signedHeaders } from './signed-post';
import { assertPublicTarget, BlockedTargetError } from './target-guard';

export const WEBHOOK_EVENT_TYPES = [...ISSUE_EVENT_TYPES, 'assessment.points_recorded'] as const;

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const toWebhookView = (hook: WebhookEntity): WebhookView => ({
  id: hook.id,
  url: hook.url,
  events: hook.events,
  active: hook.active,
  createdAt: hook.createdAt.toISOString(),
});

const toDeliveryView = (delivery: WebhookDeliveryEntity): DeliveryView => ({
  id: delivery.id,
  eventId: delivery.eventId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  lastStatusCode: delivery.lastStatusCode,
  lastError: delivery.lastError,
  lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
  deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  createdAt: delivery.createdAt.toISOString(),
});

export class DeliveryFailedError extends Error {}

/** Outbound hooks: subscriptions, signed at-least-once deliveries, a dead-letter state and redelivery. */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditLog,
  ) {}

  async create(actor: Actor, input: { url: string; events: string[]; secret: string }): Promise<WebhookView> {
    const url = this.parseTarget(input.url);
    if (!this.config.webhookAllowPrivateTargets) {
      try {
        await assertPublicTarget(url);
      } catch (error) {
        const reason = error instanceof BlockedTargetError ? error.message : `${url.hostname} does not resolve`;
        throw new InvalidInputError('url', `${reason}; targets must be public`);
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const hook = manager.create(WebhookEntity, {
        url: url.toString(),
        events: [...new Set(input.events)],
        secret: input.secret,
        active: true,
        createdBy: actor.username,
      });
      await manager.insert(WebhookEntity, hook);
      const view = toWebhookView(hook);
      // The secret stays out of the record: the audit log is read by every admin.
      await this.audit.record(manager, actor, {
        action: 'webhook.created',
        targetType: 'webhook',
        targetId: hook.id,
        before: null,
        after: view,
      });
      return view;
    });
  }

  async list(): Promise<{ items: WebhookView[]; nextCursor: null }> {
    const hooks = await this.dataSource.manager.find(WebhookEntity, { order: { createdAt: 'ASC' } });
    return { items: hooks.map(toWebhookView), nextCursor: null };
  }

  async get(id: string): Promise<WebhookView> {
    return toWebhookView(await this.find(id));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const hook = await manager.findOne(WebhookEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!hook) throw new NotFoundError(`webhook ${id} not found`);
      await manager.delete(WebhookEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'webhook.deleted',
        targetType: 'webhook',
        targetId: id,
        before: toWebhookView(hook),
        after: null,
      });
    });
  }

  async deliveries(id: string, limit: number, cursor?: string): Promise<Page<DeliveryView>> {
    await this.find(id);
    const qb = this.dataSource.manager
      .createQueryBuilder(WebhookDeliveryEntity, 'd')
      .where('d.webhook_id = :id', { id });
    if (cursor) {
      const [createdAt, deliveryId] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(d.created_at, d.id) < (:createdAt::timestamptz, :deliveryId::uuid)', { createdAt, deliveryId });
    }
    const rows = await qb
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toDeliveryView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  /** Sends a dead (or any undelivered) delivery again, from the first attempt. */
  async redeliver(id: string, deliveryId: string): Promise<DeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOneBy(WebhookDeliveryEntity, { id: deliveryId, webhookId: id });
      if (!delivery) throw new NotFoundError(`delivery ${deliveryId} not found on webhook ${id}`);
      if (delivery.status !== 'delivered') {
        delivery.status = 'pending';
        await manager.update(WebhookDeliveryEntity, { id: deliveryId }, { status: 'pending' });
        await this.outbox.add(manager, [{ name: JOBS.deliverWebhook, payload: { deliveryId } }]);
      }
      return toDeliveryView(delivery);
    });
  }

  @OnJob(JOBS.deliverWebhook)
  deliverJob({ deliveryId }: JobPayloads[typeof JOBS.deliverWebhook], { lastAttempt }: JobContext) {
    return this.deliver(deliveryId, lastAttempt);
  }

  /**
   * One attempt. Throws to have the job retried with backoff; on the last attempt the delivery is marked dead,
   * where `GET /webhooks/:id/deliveries` shows it and redeliver can revive it.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<'delivered' | 'skipped'> {
    try {
      return await this.attempt(deliveryId, lastAttempt);
    } catch (error) {
      // Whatever failed the last attempt (the receiver, or our own database), the row must not stay pending
      // with no job behind it.
      if (lastAttempt && !(error instanceof DeliveryFailedError)) {
        await this.dataSource.manager
          .update(
            WebhookDeliveryEntity,
            { id: deliveryId, status: 'pending' },
            { status: 'dead', lastError: String(error) },
          )
          .catch(() => undefined);
      }
      throw error;
    }
  }

  /** Pending deliveries nobody has tried for longer than any retry waits: their jobs were lost; queue them again. */
  async requeueStalled(): Promise<number> {
    const idle = new Date(Date.now() - 2 * this.config.webhookRetryMaxMs - this.config.webhookTimeoutMs);
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers a bare UPDATE … RETURNING with [rows, count]; a CTE makes it a SELECT that answers rows.
      const rows: { id: string }[] = await manager.query(
        `WITH requeued AS (
           UPDATE webhook_deliveries SET last_attempt_at = now()
            WHERE id IN (SELECT id FROM webhook_deliveries
                          WHERE status = 'pending' AND coalesce(last_attempt_at, created_at) < $1
                          ORDER BY created_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id
         ) SELECT id FROM requeued`,
        [idle],
      );
      await this.outbox.add(
        manager,
        rows.map((row) => ({ name: JOBS.deliverWebhook, payload: { deliveryId: row.id } })),
      );
      return rows.length;
    });
  }

  private async attempt(deliveryId: string, lastAttempt: boolean): Promise<'delivered' | 'skipped'> {
    const delivery = await this.dataSource.manager.findOneBy(WebhookDeliveryEntity, { id: deliveryId });
    if (!delivery || delivery.status === 'delivered') return 'skipped';
    const hook = await this.dataSource.manager.findOneBy(WebhookEntity, { id: delivery.webhookId });
    if (!hook || !hook.active) return 'skipped';
    const body = JSON.stringify(delivery.payload);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const headers = {
        ...signedHeaders(hook.secret, body, delivery.eventId),
        'User-Agent': 'direct-handling-webhooks/1',
        'X-Event-Type': delivery.eventType,
      };
      ({ statusCode } = await postBody(new URL(hook.url), body, headers, {
        timeoutMs: this.config.webhookTimeoutMs,
        publicOnly: !this.config.webhookAllowPrivateTargets,
      }));
      if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const now = new Date();
    await this.dataSource.manager.update(
      WebhookDeliveryEntity,
      { id: deliveryId },
      {
        attempts: () => 'attempts + 1',
        lastStatusCode: statusCode,
        lastError: error,
        lastAttemptAt: now,
        ...(error
          ? lastAttempt
            ? { status: 'dead' as const }
            : {}
          : { status: 'delivered' as const, deliveredAt: now }),
      },
    );
    if (error) {
      if (lastAttempt) this.logger.error({ deliveryId, webhookId: hook.id, error }, 'webhook delivery dead-lettered');
      throw new DeliveryFailedError(`delivery ${deliveryId} to ${hook.url}: ${error}`);
    }
    return 'delivered';
  }

  private parseTarget(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidInputError('url', 'is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidInputError('url', 'must be http or https');
    }
    if (url.username || url.password) throw new InvalidInputError('url', 'must not carry credentials');
    return url;
  }

  private async find(id: string): Promise<WebhookEntity> {
    const hook = await this.dataSource.manager.findOneBy(WebhookEntity, { id });
    if (!hook) throw new NotFoundError(`webhook ${id} not found`);
    return hook;
  }
}
