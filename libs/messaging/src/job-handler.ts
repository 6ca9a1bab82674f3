import { DiscoveryService } from '@nestjs/core';
import type { JobName, JobPayloads } from './queues';

/** What a handler may know of the job beyond its payload; no BullMQ type leaks into the services. */
export interface JobContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  lastAttempt: boolean;
}

export type JobHandler<J extends JobName> = (payload: JobPayloads[J], context: JobContext) => Promise<unknown>;

/** The metadata `OnJob` leaves on a method: what the worker looks for at boot. */
export const JobHandlerMarker = DiscoveryService.createDecorator<JobName>();

/**
 * Marks a service method as the handler of a job. The worker discovers every handler at boot and refuses to
 * start when a declared job has none, or two. Throw to retry; return to finish.
 */
export function OnJob<J extends JobName>(name: J) {
  return <H extends JobHandler<J>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => {
    JobHandlerMarker(name)(target, key, descriptor);
  };
}
