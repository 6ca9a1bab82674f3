/**
 * The channels of the live stream: NOTIFY is sent in the transaction that made the change, so a message exists
 * only once that change has committed, and every API process (each LISTENing) hears it. Payloads stay far under
 * PostgreSQL's 8,000-byte limit: ids and a few columns, never users' text.
 */
export const STREAM_CHANNELS = {
  issueEvents: 'stream_issue_events',
  notifications: 'stream_notifications',
} as const;

/** An issue event as the stream sends it (API.md v1.1), plus `filedBy`, which decides who may see it. */
export interface IssueStreamMessage {
  id: string;
  type: string;
  status: string;
  leadUnit: string | null;
  coUnits: string[];
  overdue: boolean;
  escalationLevel: number;
  version: number;
  occurredAt: string;
  filedBy: string;
}

/** A new notification, addressed to a unit or a user; the stream reads the rest. */
export interface NotificationStreamMessage {
  id: string;
  unit: string | null;
  username: string | null;
}
