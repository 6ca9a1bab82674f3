import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { QUEUES } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { Reconciler } from '@app/workflow';

const REDIS_CHECK_TIMEOUT_MS = 2000;

/**
 * Runs the reconciler on a plain timer in each worker rather than as a BullMQ repeatable job: a repeatable job
 * lives in Redis, and the reconciler exists precisely for when Redis has lost things.
 */
@Injectable()
export class ReconcilerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconcilerScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    private readonly reconciler: Reconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.deadlines) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    // The first sweep right away: after downtime, missed timers fire now, each once.
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.reconcileIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // A sweep in progress stops at the next issue: a shutdown must not wait for a backlog to be worked off.
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Which timer jobs Redis does not hold: one pipelined EXISTS per job key. Bounded in time: with Redis away the
   * answer is "all of them" (re-arming is harmless), and the sweep, which needs only PostgreSQL, goes on.
   */
  private async missingJobs(jobIds: string[]): Promise<Set<string>> {
    const all = new Set(jobIds);
    const ask = (async () => {
      const client = (await this.queue.client) as unknown as Redis;
      const pipeline = client.pipeline();
      for (const jobId of jobIds) pipeline.exists(this.queue.toKey(jobId));
      const answers = (await pipeline.exec()) ?? [];
      return new Set(jobIds.filter((_, index) => answers[index]?.[1] === 0));
    })();
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<Set<string>>((resolve) => {
      timer = setTimeout(() => resolve(all), REDIS_CHECK_TIMEOUT_MS);
    });
    return Promise.race([ask.catch(() => all), giveUp]).finally(() => clearTimeout(timer));
  }

  private tick(): void {
    if (this.running || this.stopping) return;
    this.running = this.reconciler
      .sweep({ missingJobs: (jobIds) => this.missingJobs(jobIds), stopping: () => this.stopping })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'reconciler sweep failed; next interval retries'))
      .finally(() => (this.running = null));
  }
}
