import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandler, JobName, payloadProblem, QUEUES, QueueName } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { JobHandlerRegistry } from './job-handler-registry';
import { jobDuration } from './worker-metrics';

/** How long a stopping worker lets its active jobs finish before it hands the rest back to the queue. */
const FINISH_GRACE_MS = 10_000;

interface QueueSettings {
  concurrency: (config: AppConfig) => number;
  /** The delay before retry n (n from 1); the registered default (exponential) when absent. */
  backoff?: (config: AppConfig) => (attemptsMade: number) => number;
}

function channelBackoff({ channels: { retryBaseMs: base, retryMaxMs: max } }: AppConfig) {
  return (attemptsMade: number) => Math.min(max, base * 2 ** Math.max(0, attemptsMade - 1));
}

const SETTINGS: Record<QueueName, QueueSettings> = {
  [QUEUES.routing]: { concurrency: (config) => config.routingConcurrency },
  [QUEUES.deadlines]: { concurrency: (config) => config.deadlineConcurrency },
  [QUEUES.notifications]: { concurrency: () => 8 },
  // Doubling from the base up to the cap: with the default 40 attempts, more than a day of retries.
  [QUEUES.webhooks]: {
    concurrency: () => 16,
    backoff:
      ({ webhookRetryBaseMs: base, webhookRetryMaxMs: max }) =>
      (attemptsMade) =>
        Math.min(max, base * 2 ** Math.max(0, attemptsMade - 1)),
  },
  [QUEUES.channelEmail]: { concurrency: () => 8, backoff: channelBackoff },
  [QUEUES.channelSms]: { concurrency: () => 8, backoff: channelBackoff },
};

/**
 * The one processor skeleton: validates the payload, runs the job's discovered handler, logs and measures it.
 * Workers are declared with `autorun: false` and started once their settings are final (changing concurrency on a
 * running worker races its fetch loop). On shutdown the active jobs finish, or after a grace period go back to
 * the queue, so a clean stop leaves nothing `active` in Redis.
 */
abstract class QueueProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  abstract readonly queue: QueueName;
  private readonly logger = new Logger(`${this.constructor.name}`);
  private handlers = new Map<string, JobHandler<JobName>>();
  private readonly active = new Map<string, { job: Job; token?: string }>();

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.handlers = this.registry.forQueue(this.queue);
    const settings = SETTINGS[this.queue];
    this.worker.concurrency = settings.concurrency(this.config);
    if (settings.backoff) {
      this.worker.opts.settings = { ...this.worker.opts.settings, backoffStrategy: settings.backoff(this.config) };
    }
    this.worker
      .run()
      .catch((error: unknown) => this.logger.error({ err: error, queue: this.queue }, 'worker stopped with an error'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    const closing = this.worker.close();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      closing.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), FINISH_GRACE_MS))),
    ]).finally(() => clearTimeout(timer));
    if (finished) return;
    // Processors are idempotent and lock their rows, so a job handed back mid-run is safe to run again.
    const handedBack = await Promise.allSettled(
      [...this.active.values()].map(({ job, token }) => job.moveToWait(token)),
    );
    this.logger.warn(
      { queue: this.queue, handedBack: handedBack.filter((result) => result.status === 'fulfilled').length },
      'jobs did not finish within the grace period; handed back to the queue',
    );
    await this.worker.close(true);
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const started = performance.now();
    const fields = {
      queue: this.queue,
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade + 1,
      issueId: (job.data as { issueId?: string } | null)?.issueId,
    };
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`queue ${this.queue} has no handler for job ${job.name}`);
    const problem = payloadProblem(job.name, job.data);
    // Retrying cannot mend a payload: fail the job for good, where the failed list and the log show it.
    if (problem) {
      this.logger.error({ ...fields, problem }, 'job refused: its payload is malformed');
      throw new UnrecoverableError(`job ${job.name} ${job.id}: ${problem}`);
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.active.set(String(job.id), { job, token });
    try {
      const result = await handler(job.data, { attempt: job.attemptsMade + 1, lastAttempt });
      jobDuration.observe({ queue: this.queue, job: job.name, outcome: 'done' }, (performance.now() - started) / 1000);
      this.logger.debug({ ...fields, durationMs: Math.round(performance.now() - started), result }, 'job done');
      return result;
    } catch (error) {
      const outcome = lastAttempt ? 'failed' : 'retry';
      jobDuration.observe({ queue: this.queue, job: job.name, outcome }, (performance.now() - started) / 1000);
      // The last failure is an error a person must see; earlier ones are retried with backoff.
      this.logger[lastAttempt ? 'error' : 'warn'](
        { ...fields, durationMs: Math.round(performance.now() - started), err: error, final: lastAttempt },
        lastAttempt ? 'job failed for good' : 'job failed; will retry',
      );
      throw error;
    } finally {
      this.active.delete(String(job.id));
    }
  }
}

function processorFor(queue: QueueName): Type<QueueProcessor> {
  @Processor(queue, { autorun: false })
  class Bound extends QueueProcessor {
    readonly queue = queue;
  }
  Object.defineProperty(Bound, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}Processor` });
  return Bound;
}

/** One processor per queue, each running the handlers discovered for its jobs. */
export const QUEUE_PROCESSORS = Object.values(QUEUES).map(processorFor);
export type { QueueProcessor };
