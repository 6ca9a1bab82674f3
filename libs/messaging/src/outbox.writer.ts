import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxMessageEntity } from '@app/persistence';
import { JOB_QUEUE, JobName, JobPayloads } from './queues';

export interface OutboxJob<J extends JobName = JobName> {
  name: J;
  payload: JobPayloads[J];
  /** Publish as a delayed job that fires at this instant. */
  runAt?: Date;
}

/** Writes jobs into the outbox inside the caller's transaction; the relay publishes them after commit. */
@Injectable()
export class OutboxWriter {
  async add(manager: EntityManager, jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await manager.insert(
      OutboxMessageEntity,
      jobs.map((job) => ({
        queue: JOB_QUEUE[job.name],
        jobName: job.name,
        payload: job.payload as unknown as Record<string, unknown>,
        delayUntil: job.runAt ?? null,
      })) as QueryDeepPartialEntity<OutboxMessageEntity>[],
    );
  }
}
