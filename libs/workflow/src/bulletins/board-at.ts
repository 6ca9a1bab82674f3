import { EntityManager } from 'typeorm';
import { daysOverdue, ReplayEvent, replayIssue, ReplayedIssue, wasOverdue } from '@app/domain';
import type { BulletinKeyItem, BulletinOverdueItem } from './bulletin-content';

// The board as it stood at a past moment, rebuilt from the immutable timeline with replayIssue. SQL narrows the
// issues to those that could have been on it; the replay of their events up to the moment decides.

/** Events that put an issue on the overdue board or take it off (the replay's CLEARS plus the two that set it). */
const OVERDUE_TURNS = [
  'issue.overdue',
  'issue.escalated',
  'issue.routed',
  'issue.triaged',
  'issue.rectification_submitted',
  'issue.extension_approved',
  'issue.reopened',
  'issue.accepted',
  'issue.withdrawn',
];

const CHUNK = 5_000;

interface IssueFacts {
  id: string;
  reference_no: string;
  title: string;
  kind: string;
}

/** Each issue's events up to `asOf`, oldest first, replayed; a chunk of issues at a time. */
async function* replayed(
  manager: EntityManager,
  ids: string[],
  asOf: Date,
): AsyncGenerator<{ facts: IssueFacts; state: ReplayedIssue | null; events: ReplayEvent[] }> {
  for (let offset = 0; offset < ids.length; offset += CHUNK) {
    const chunk = ids.slice(offset, offset + CHUNK);
    const events: { issue_id: string; type: string; occurred_at: Date; data: Record<string, unknown> }[] =
      await manager.query(
        `SELECT issue_id, type, occurred_at, data FROM issue_events
          WHERE issue_id = ANY($1::uuid[]) AND occurred_at <= $2 ORDER BY issue_id, seq`,
        [chunk, asOf],
      );
    const facts: IssueFacts[] = await manager.query(
      `SELECT id, reference_no, title, kind FROM issues WHERE id = ANY($1::uuid[])`,
      [chunk],
    );
    const byIssue = new Map<string, ReplayEvent[]>();
    for (const row of events) {
      const list = byIssue.get(row.issue_id) ?? [];
      list.push({ type: row.type, occurredAt: row.occurred_at, data: row.data });
      byIssue.set(row.issue_id, list);
    }
    for (const fact of facts) {
      const history = byIssue.get(fact.id) ?? [];
      yield { facts: fact, state: replayIssue(history, asOf), events: history };
    }
  }
}

/** The issues overdue at `asOf`, with days overdue and escalation level then; most overdue first. */
export async function overdueAt(
  manager: EntityManager,
  asOf: Date,
  unitNames: Map<string, string>,
): Promise<BulletinOverdueItem[]> {
  // An issue was on the board at asOf only if it had gone overdue by then, had not ended by then (closing and
  // withdrawing are final: closed_at is the acceptance, and a withdrawn issue is written no more after it), and the
  // last event that turns the board flag, up to asOf, set it (overdue or escalated) rather than cleared it. Most
  // issues that were ever late ended long ago: the issues row rules them out before any of their events is read.
  const candidates: { issue_id: string }[] = await manager.query(
    // MATERIALIZED: the cheap test on the issues row runs first, for every late issue, and the per-issue look at
    // the timeline only for what it leaves (the planner otherwise runs the subquery on them all).
    `WITH late AS (
       SELECT DISTINCT issue_id FROM issue_events WHERE type = 'issue.overdue' AND occurred_at <= $1
     ), unended AS MATERIALIZED (
       SELECT l.issue_id FROM late l JOIN issues i ON i.id = l.issue_id
        WHERE NOT (i.status = 'closed' AND i.closed_at <= $1)
          AND NOT (i.status = 'withdrawn' AND i.updated_at <= $1)
     )
     SELECT u.issue_id FROM unended u
      WHERE (SELECT e.type FROM issue_events e
              WHERE e.issue_id = u.issue_id AND e.occurred_at <= $1 AND e.type = ANY($2::text[])
              ORDER BY e.seq DESC LIMIT 1) IN ('issue.overdue', 'issue.escalated')`,
    [asOf, OVERDUE_TURNS],
  );
  const items: BulletinOverdueItem[] = [];
  for await (const { facts, state } of replayed(
    manager,
    candidates.map((row) => row.issue_id),
    asOf,
  )) {
    if (!wasOverdue(state)) continue;
    items.push({
      issueId: facts.id,
      referenceNo: facts.reference_no,
      title: facts.title,
      kind: facts.kind,
      leadUnit: state.leadUnit,
      leadUnitName: state.leadUnit ? (unitNames.get(state.leadUnit) ?? state.leadUnit) : null,
      dueAt: state.dueAt?.toISOString() ?? null,
      daysOverdue: state.dueAt ? daysOverdue(state.dueAt, asOf) : 0,
      escalationLevel: state.escalationLevel,
    });
  }
  return items.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      (a.dueAt ?? '').localeCompare(b.dueAt ?? '') ||
      a.referenceNo.localeCompare(b.referenceNo),
  );
}

/**
 * Key issues and key proposals as they stood at `asOf`: key then, filed by then, and not closed or withdrawn before
 * the period began (`from`).
 */
export async function keyItemsAt(
  manager: EntityManager,
  from: Date,
  asOf: Date,
  unitNames: Map<string, string>,
): Promise<BulletinKeyItem[]> {
  const candidates: { issue_id: string }[] = await manager.query(
    `SELECT DISTINCT issue_id FROM issue_events WHERE type = 'issue.key_changed' AND occurred_at <= $1`,
    [asOf],
  );
  const items: BulletinKeyItem[] = [];
  for await (const { facts, state, events } of replayed(
    manager,
    candidates.map((row) => row.issue_id),
    asOf,
  )) {
    if (!state?.isKey) continue;
    const ended = events.find((event) => event.type === 'issue.accepted' || event.type === 'issue.withdrawn');
    if (ended && ended.occurredAt < from) continue;
    items.push({
      issueId: facts.id,
      referenceNo: facts.reference_no,
      title: facts.title,
      kind: facts.kind,
      leadUnit: state.leadUnit,
      leadUnitName: state.leadUnit ? (unitNames.get(state.leadUnit) ?? state.leadUnit) : null,
      status: state.status,
      overdue: wasOverdue(state),
      escalationLevel: state.escalationLevel,
    });
  }
  return items.sort((a, b) => b.kind.localeCompare(a.kind) || a.referenceNo.localeCompare(b.referenceNo));
}
