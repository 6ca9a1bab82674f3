import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { IssueEventType } from '@app/domain';
import { OutboxJob, OutboxWriter } from '@app/messaging';
import { IssueEntity, IssueEventEntity } from '@app/persistence';
import type { Actor } from '../common/actor';
import { AppendedEvents, IssueEventListener, ListensToIssueEvents } from './event-listener';
import { saveIssue } from './issue-store';
import { toIssueView } from './issue-view';

export interface PendingEvent {
  type: IssueEventType;
  data?: Record<string, unknown>;
  /** The unit the event is charged to, when not the lead unit after the command (a return is the returner's). */
  leadUnit?: string | null;
}

export interface IssueChange {
  events: PendingEvent[];
  /** Jobs to publish after commit (timers, notifications, routing). */
  jobs: OutboxJob[];
  now: Date;
  /** The issue's last seq when the caller knows it (0 for a new issue), sparing a query. */
  lastSeq?: number;
}

/**
 * The issue's record: appends immutable events to its timeline, runs the registered listeners (ledger,
 * webhooks, stream) in the same transaction, and writes the outbox. The caller holds the issue's row lock, so
 * seq cannot race.
 */
@Injectable()
export class EventLog implements OnModuleInit {
  private listeners: IssueEventListener[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly outbox: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.listeners = this.discovery
      .getProviders({ metadataKey: ListensToIssueEvents.KEY })
      .map((wrapper) => ({
        order: this.discovery.getMetadataByDecorator(ListensToIssueEvents, wrapper) ?? 0,
        listener: wrapper.instance as IssueEventListener,
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ listener }) => listener);
  }

  /** Writes a locked issue's mutable columns, its new events and the jobs that follow, in one go. */
  async save(manager: EntityManager, issue: IssueEntity, actor: Actor, change: IssueChange) {
    await saveIssue(manager, issue);
    return this.append(manager, issue, actor, change);
  }

  async append(
    manager: EntityManager,
    issue: IssueEntity,
    actor: Actor,
    { events, jobs, now, lastSeq }: IssueChange,
  ): Promise<IssueEventEntity[]> {
    if (events.length === 0) {
      await this.outbox.add(manager, jobs);
      return [];
    }
    const seq =
      lastSeq ??
      (await manager.query('SELECT coalesce(max(seq), 0) AS seq FROM issue_events WHERE issue_id = $1', [issue.id]))[0]
        .seq;
    const rows = events.map((event, index) =>
      manager.create(IssueEventEntity, {
        issueId: issue.id,
        seq: Number(seq) + index + 1,
        type: event.type,
        occurredAt: now,
        actorUsername: actor.username,
        actorRole: actor.role,
        leadUnit: event.leadUnit !== undefined ? event.leadUnit : issue.leadUnit,
        data: event.data ?? {},
      }),
    );
    await manager.insert(IssueEventEntity, rows as QueryDeepPartialEntity<IssueEventEntity>[]);
    const view = toIssueView(issue);
    const appended: AppendedEvents = {
      issue,
      view,
      events: rows,
      occurredAt: now,
      outgoing: rows.map((row) => ({ id: row.id, type: row.type, occurredAt: now, issue: view, data: row.data })),
      jobs: [...jobs],
    };
    for (const listener of this.listeners) await listener.onAppended(manager, appended);
    await this.outbox.add(manager, appended.jobs);
    return rows;
  }
}
