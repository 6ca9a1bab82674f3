import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppendedEvents, IssueEventListener, ListensToIssueEvents } from '../issue-record/event-listener';
import { IssueStreamMessage, STREAM_CHANNELS } from './stream-channels';

/** Tells the live stream of every appended event, inside the event's transaction (delivered on commit). */
@Injectable()
@ListensToIssueEvents(30)
export class StreamPublisher implements IssueEventListener {
  async onAppended(manager: EntityManager, { issue, events }: AppendedEvents): Promise<void> {
    const messages = events.map((event): IssueStreamMessage => ({
      id: issue.id,
      type: event.type,
      status: issue.status,
      leadUnit: issue.leadUnit,
      coUnits: issue.coUnits,
      overdue: issue.overdue,
      escalationLevel: issue.escalationLevel,
      version: issue.version,
      occurredAt: event.occurredAt.toISOString(),
      filedBy: issue.filedBy,
    }));
    await manager.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      STREAM_CHANNELS.issueEvents,
      messages.map((message) => JSON.stringify(message)),
    ]);
  }
}
