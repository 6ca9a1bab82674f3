import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { OutboxJob } from '@app/messaging';
import type { IssueEntity, IssueEventEntity } from '@app/persistence';
import type { IssueView } from './issue-view';

/** An event as it leaves the service (webhooks, the stream): an issue event, or one a listener derives. */
export interface OutgoingEvent {
  /** The X-Event-Id: an issue event's id, or a ledger row's for `assessment.points_recorded`. */
  id: string;
  type: string;
  occurredAt: Date;
  issue: unknown;
  data: Record<string, unknown>;
}

/** What one append wrote, handed to each listener in turn inside the same transaction. */
export interface AppendedEvents {
  issue: IssueEntity;
  view: IssueView;
  events: IssueEventEntity[];
  occurredAt: Date;
  /** Starts as the issue events; a listener may add what it derives (the ledger adds its points). */
  outgoing: OutgoingEvent[];
  /** Jobs a listener wants published after commit. */
  jobs: OutboxJob[];
}

/**
 * Something that must happen in the transaction that appends events: scoring, queueing webhook deliveries,
 * telling the stream. Listeners run in ascending order, so one may read what an earlier one added.
 */
export interface IssueEventListener {
  onAppended(manager: EntityManager, appended: AppendedEvents): Promise<void>;
}

/** Registers a provider as an issue-event listener; the value is its place in the order. */
export const ListensToIssueEvents = DiscoveryService.createDecorator<number>();
