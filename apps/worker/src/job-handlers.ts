import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from '@app/messaging';

export type JobHandlers<Q extends QueueName> = {
  [J in JobName as (typeof JOB_QUEUE)[J] extends Q ? J : never]: (
    payload: JobPayloads[J],
    job: Job,
  ) => Promise<unknown>;
};

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
  if (!handler) throw new Error(`queue ${queue} has no handler for job ${job.name}`);
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
    logger.debug({ ...fields, durationMs: Math.round(performance.now() - started), result }, 'job done');
    return result;
  } catch (error) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // The last failure is an error a person must see; earlier ones are retried with backoff.
    logger[final ? 'error' : 'warn'](
      { ...fields, durationMs: Math.round(performance.now() - started), err: error, final },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    throw error;
  }
}
