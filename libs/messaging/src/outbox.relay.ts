import { getQueueToken } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions, Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { ALL_QUEUES, QueueName } from './queues';

interface OutboxRow {
  id: string;
  job_key: string;
  queue: QueueName;
  job_name: string;
  payload: Record<string, unknown>;
  delay_until: Date | null;
}

const PUBLISHED_RETENTION = '1 day';
const PUBLISH_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Publishes outbox rows to BullMQ after their transaction committed. The outbox id is the job id, so a row
 * published twice (a crash between publish and mark) is one job. Woken by NOTIFY, with a poll as backstop;
 * rows are claimed with SKIP LOCKED so several workers can relay at once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private listener: Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private cleanupTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private stopped = false;
  private claimedUpTo = '0';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of ALL_QUEUES) {
      this.queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    }
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.config.outboxPollIntervalMs);
    this.cleanupTimer = setInterval(() => void this.deletePublished(), 10 * 60 * 1000);
    this.wake();
  }

  // Runs before the connections close, so a batch in flight commits or rolls back cleanly.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.cleanupTimer) clearInterval(this.cleanupTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Starts a drain, or asks the running one to go round once more. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.drainAgain && !this.stopped) {
        this.drainAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      // Several claimers in one process: while one waits on Redis, another is in PostgreSQL (SKIP LOCKED).
      await Promise.all(
        Array.from({ length: this.config.outboxRelayConcurrency }, async () => {
          while (!this.stopped && (await this.publishBatch()) === this.config.outboxBatchSize);
        }),
      );
    } catch (error) {
      // The rows stay unpublished; the next poll retries them.
      this.logger.warn({ err: error }, 'outbox relay failed; will retry');
    }
  }

  /** Claims one batch, publishes it and marks it, all inside one transaction. Returns the batch size. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Claiming from past the last claimed id skips index entries of rows already published; a short batch
      // resets the cursor, so a row that committed late with a lower id is picked up on the next pass.
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, job_key, queue, job_name, payload, delay_until FROM outbox
          WHERE published_at IS NULL AND id > $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.outboxBatchSize, this.claimedUpTo],
      );
      if (rows.length < this.config.outboxBatchSize) this.claimedUpTo = '0';
      else this.claimedUpTo = rows[rows.length - 1].id;
      if (rows.length === 0) return 0;
      const now = Date.now();
      const byQueue = new Map<string, { name: string; data: unknown; opts: JobsOptions }[]>();
      for (const row of rows) {
        // A row no queue can take (written by hand or by an older release) is set aside, not retried forever
        // in front of the rows behind it.
        if (!this.queues.has(row.queue) || !row.payload || typeof row.payload !== 'object') {
          this.logger.error(
            { outboxId: row.id, queue: row.queue, job: row.job_name },
            'outbox row cannot be published; set aside',
          );
          continue;
        }
        const jobs = byQueue.get(row.queue) ?? [];
        const delay = row.delay_until ? Math.max(0, row.delay_until.getTime() - now) : 0;
        jobs.push({ name: row.job_name, data: row.payload, opts: { jobId: jobIdFor(row), delay } });
        byQueue.set(row.queue, jobs);
      }
      for (const [queueName, jobs] of byQueue) {
        // Bounded, so an unreachable Redis rolls the claim back instead of holding a transaction open.
        await withTimeout(
          (this.queues.get(queueName) as Queue).addBulk(jobs),
          PUBLISH_TIMEOUT_MS,
          'publishing to Redis',
        );
      }
      await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'outbox-listener' });
    client.on('notification', () => this.wake());
    let lost = false;
    // Until the listener is back, the poll alone keeps the outbox moving.
    const reconnect = (error: unknown) => {
      if (lost) return;
      lost = true;
      this.logger.warn({ err: error }, 'outbox listener lost its connection; polling until it is back');
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('error', reconnect);
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.listener = client;
    } catch (error) {
      reconnect(error);
    }
  }

  private async deletePublished(): Promise<void> {
    await this.dataSource
      .query(`DELETE FROM outbox WHERE published_at < now() - interval '${PUBLISHED_RETENTION}'`)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox cleanup failed'));
  }
}

/** BullMQ refuses all-digit custom ids, and the payload may name a deterministic id of its own (timers). */
function jobIdFor(row: OutboxRow): string {
  const own = row.payload?.jobId;
  return typeof own === 'string' ? own : `outbox-${row.job_key}`;
}
