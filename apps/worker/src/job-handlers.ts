import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, payloadProblem, QueueName } from '@app/messaging';
import { Histogram, Registry } from 'prom-client';

/** The worker's metrics: every job's duration and outcome, by queue and name. */
export const workerMetrics = new Registry();
const jobDuration = new Histogram({
  name: 'worker_job_duration_seconds',
  help: 'Job processing time by queue, job name and outcome',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [workerMetrics],
});

export type JobHandlers<Q extends QueueName> = {
  [J in JobName as (typeof JOB_QUEUE)[J] extends Q ? J : never]: (
    payload: JobPayloads[J],
    job: Job,
  ) => Promise<unknown>;
};

/**
 * Workers are declared with `autorun: false` and started here, once their settings are final: changing
 * concurrency on a running worker races its fetch loop (jobs taken while it closes stay active in Redis).
 */
export function startWorker(worker: Worker, logger: Logger, concurrency?: number): void {
  if (concurrency !== undefined) worker.concurrency = concurrency;
  worker
    .run()
    .catch((error: unknown) => logger.error({ err: error, queue: worker.name }, 'worker stopped with an error'));
}

/** At boot: every job name declared for the queue has exactly one handler, and no handler is for another queue. */
export function assertHandlersCover(queue: QueueName, handlers: object): void {
  const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue).sort();
  const actual = Object.keys(handlers).sort();
  if (expected.join() !== actual.join()) {
    throw new Error(`queue ${queue}: handlers for [${actual}] but jobs [${expected}] are declared`);
  }
}

/** Runs the handler for a job, logging queue, name, id, attempt, duration and the issue as structured fields. */
export async function dispatch(
  logger: Logger,
  queue: QueueName,
  handlers: Record<string, (payload: never, job: Job) => Promise<unknown>>,
  job: Job,
): Promise<unknown> {
  const handler = handlers[job.name];
  if (!handler) throw new UnrecoverableError(`queue ${queue} has no handler for job ${job.name}`);
  const problem = payloadProblem(job.name, job.data);
  // Retrying cannot mend a payload: fail the job for good, where the failed list and the log show it.
  if (problem) {
    logger.error({ queue, job: job.name, jobId: job.id, problem }, 'job refused: its payload is malformed');
    throw new UnrecoverableError(`job ${job.name} ${job.id}: ${problem}`);
  }
  const started = performance.now();
  const fields = {
    queue,
    job: job.name,
    jobId: job.id,
    attempt: job.attemptsMade + 1,
    issueId: (job.data as { issueId?: string }).issueId,
  };
  try {
    const result = await handler(job.data as never, job);
    jobDuration.observe({ queue, job: job.name, outcome: 'done' }, (performance.now() - started) / 1000);
    logger.debug({ ...fields, durationMs: Math.round(performance.now() - started), result }, 'job done');
    return result;
  } catch (error) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    jobDuration.observe(
      { queue, job: job.name, outcome: final ? 'failed' : 'retry' },
      (performance.now() - started) / 1000,
    );
    // The last failure is an error a person must see; earlier ones are retried with backoff.
    logger[final ? 'error' : 'warn'](
      { ...fields, durationMs: Math.round(performance.now() - started), err: error, final },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    throw error;
  }
}
