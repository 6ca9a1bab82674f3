// Queue and job names are a wire contract: renaming one strands jobs already in Redis.
export const QUEUES = {
  routing: 'routing',
  deadlines: 'deadlines',
  notifications: 'notifications',
  webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  routeIssue: 'route-issue',
  fireTimer: 'fire-timer',
  deliverNotification: 'deliver-notification',
  deliverWebhook: 'deliver-webhook',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Payloads carry ids, never entities: a processor reads the current state from PostgreSQL. */
export interface JobPayloads {
  [JOBS.routeIssue]: { issueId: string; eventId: string };
  /** `jobId` is deterministic (`deadline-<issue>-<version>-<step>`), so scheduling twice is one timer. */
  [JOBS.fireTimer]: { issueId: string; deadlineVersion: number; step: string; jobId: string };
  [JOBS.deliverNotification]: { notificationId: string };
  [JOBS.deliverWebhook]: { deliveryId: string };
}

export const JOB_QUEUE = {
  [JOBS.routeIssue]: QUEUES.routing,
  [JOBS.fireTimer]: QUEUES.deadlines,
  [JOBS.deliverNotification]: QUEUES.notifications,
  [JOBS.deliverWebhook]: QUEUES.webhooks,
} as const satisfies { [J in JobName]: QueueName };

export function timerJobId(issueId: string, deadlineVersion: number, step: string): string {
  return `deadline-${issueId}-${deadlineVersion}-${step}`;
}

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
