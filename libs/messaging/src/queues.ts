// Queue and job names are a wire contract: renaming one strands jobs already in Redis.
export const QUEUES = {
  routing: 'routing',
  deadlines: 'deadlines',
  notifications: 'notifications',
  webhooks: 'webhooks',
  // One queue per channel: a mail server that hangs or refuses holds up neither SMS nor the timers.
  channelEmail: 'channel-email',
  channelSms: 'channel-sms',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  routeIssue: 'route-issue',
  fireTimer: 'fire-timer',
  deliverNotification: 'deliver-notification',
  deliverWebhook: 'deliver-webhook',
  sendEmail: 'send-email',
  sendSms: 'send-sms',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Payloads carry ids, never entities: a processor reads the current state from PostgreSQL. */
export interface JobPayloads {
  [JOBS.routeIssue]: { issueId: string; eventId: string };
  /** `jobId` is deterministic (`deadline-<issue>-<version>-<step>`), so scheduling twice is one timer. */
  [JOBS.fireTimer]: { issueId: string; deadlineVersion: number; step: string; jobId: string };
  [JOBS.deliverNotification]: { notificationId: string };
  [JOBS.deliverWebhook]: { deliveryId: string };
  /** A `notification_deliveries` row: one notification, one channel, one recipient. */
  [JOBS.sendEmail]: { deliveryId: string };
  [JOBS.sendSms]: { deliveryId: string };
}

type FieldKind = 'uuid' | 'integer' | 'string';

/**
 * What each payload must carry. A job without its id is refused before any handler runs: a lookup by an
 * undefined id would otherwise match any row.
 */
const PAYLOAD_FIELDS: { [J in JobName]: Record<keyof JobPayloads[J], FieldKind> } = {
  [JOBS.routeIssue]: { issueId: 'uuid', eventId: 'uuid' },
  [JOBS.fireTimer]: { issueId: 'uuid', deadlineVersion: 'integer', step: 'string', jobId: 'string' },
  [JOBS.deliverNotification]: { notificationId: 'uuid' },
  [JOBS.deliverWebhook]: { deliveryId: 'uuid' },
  [JOBS.sendEmail]: { deliveryId: 'uuid' },
  [JOBS.sendSms]: { deliveryId: 'uuid' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_CHECKS: Record<FieldKind, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && UUID.test(value),
  integer: (value) => Number.isSafeInteger(value),
  string: (value) => typeof value === 'string' && value.length > 0,
};

/** Why a job's payload cannot be processed, or null when it carries every field its name requires. */
export function payloadProblem(name: string, payload: unknown): string | null {
  const fields = PAYLOAD_FIELDS[name as JobName] as Record<string, FieldKind> | undefined;
  if (!fields) return `no job named ${name} is declared`;
  if (!payload || typeof payload !== 'object') return 'the payload is not an object';
  for (const [field, kind] of Object.entries(fields)) {
    if (!FIELD_CHECKS[kind]((payload as Record<string, unknown>)[field])) return `${field} must be a ${kind}`;
  }
  return null;
}

export const JOB_QUEUE = {
  [JOBS.routeIssue]: QUEUES.routing,
  [JOBS.fireTimer]: QUEUES.deadlines,
  [JOBS.deliverNotification]: QUEUES.notifications,
  [JOBS.deliverWebhook]: QUEUES.webhooks,
  [JOBS.sendEmail]: QUEUES.channelEmail,
  [JOBS.sendSms]: QUEUES.channelSms,
} as const satisfies { [J in JobName]: QueueName };

export function timerJobId(issueId: string, deadlineVersion: number, step: string): string {
  return `deadline-${issueId}-${deadlineVersion}-${step}`;
}

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
