import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOBS, OutboxJob } from '@app/messaging';
import {
  AppendedEvents,
  IssueEventListener,
  ListensToIssueEvents,
  OutgoingEvent,
} from '../issue-record/event-listener';

/**
 * Creates one delivery per (subscription, event) in the event's transaction; a job then sends it. Listens after
 * the ledger, so the points an event scores go out with it.
 */
@Injectable()
@ListensToIssueEvents(20)
export class WebhookDispatcher implements IssueEventListener {
  async onAppended(manager: EntityManager, appended: AppendedEvents): Promise<void> {
    appended.jobs.push(...(await this.dispatch(manager, appended.outgoing)));
  }

  async dispatch(manager: EntityManager, events: OutgoingEvent[]): Promise<OutboxJob[]> {
    if (events.length === 0) return [];
    const types = [...new Set(events.map((event) => event.type))];
    const hooks: { id: string; events: string[] }[] = await manager.query(
      'SELECT id, events FROM webhooks WHERE active AND events && $1::text[]',
      [types],
    );
    if (hooks.length === 0) return [];
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const event of events) {
      const payload = {
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        issue: event.issue,
        data: event.data,
      };
      for (const hook of hooks.filter((candidate) => candidate.events.includes(event.type))) {
        const n = values.length;
        tuples.push(`($${n + 1}::uuid, $${n + 2}::uuid, $${n + 3}, $${n + 4}::jsonb)`);
        values.push(hook.id, event.id, event.type, JSON.stringify(payload));
      }
    }
    if (tuples.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, payload) VALUES ${tuples.join(', ')}
       ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id`,
      values,
    );
    return rows.map((row) => ({ name: JOBS.deliverWebhook, payload: { deliveryId: row.id } }));
  }
}
