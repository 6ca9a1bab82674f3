// Queue and job names are a wire contract: renaming one strands jobs already in Redis.
export const QUEUES = {
  routing: 'routing',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  routeIssue: 'route-issue',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Payloads carry ids, never entities: a processor reads the current state from PostgreSQL. */
export interface JobPayloads {
  [JOBS.routeIssue]: { issueId: string; eventId: string };
}

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JOBS.routeIssue]: QUEUES.routing,
};

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
