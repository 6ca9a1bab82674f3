import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { replayIssue, ReplayEvent, ReplayedIssue, wasOverdue } from '@app/domain';
import { IssueEntity, InjectReads } from '@app/persistence';
import { InvalidInputError } from '../common/errors';
import { cursorPart, decodeCursor, encodeCursor, Page } from '../common/pagination';
import { toIssueView } from '../issue-record/issue-view';
import type { BoardItem, OverdueFilter } from './oversight.service';

/** What makes an issue late, and what makes it no longer late (a new deadline, a stopped clock, an end). */
const LATE = ['issue.overdue', 'issue.escalated'];
const CLEARED = [
  'issue.routed',
  'issue.triaged',
  'issue.rectification_submitted',
  'issue.extension_approved',
  'issue.reopened',
  'issue.accepted',
  'issue.withdrawn',
];

export interface PastBoardItem {
  issue: IssueEntity;
  state: ReplayedIssue;
}

/**
 * The overdue board as it stood at a past moment, rebuilt from the immutable timeline — how "was it overdue on
 * the 30th?" is settled. SQL finds the issues late then (their last lateness event after their last clearing
 * one); their events, replayed, say how they stood.
 */
@Injectable()
export class BoardHistory {
  constructor(@InjectReads() private readonly reads: DataSource) {}

  /** Every issue overdue at `asOf` (with the region filter applied in SQL), most overdue first. */
  async lateAt(asOf: Date, regionCode?: string): Promise<PastBoardItem[]> {
    const ids: { issue_id: string }[] = await this.reads.query(
      `WITH marks AS (
         SELECT e.issue_id,
                max(e.seq) FILTER (WHERE e.type = ANY($2)) AS late_seq,
                max(e.seq) FILTER (WHERE e.type = ANY($3)) AS cleared_seq
           FROM issue_events e
          WHERE e.occurred_at <= $1
            AND e.issue_id IN (SELECT issue_id FROM issue_events WHERE type = 'issue.overdue' AND occurred_at <= $1)
          GROUP BY e.issue_id
       )
       SELECT m.issue_id FROM marks m JOIN issues i ON i.id = m.issue_id
        WHERE m.late_seq > coalesce(m.cleared_seq, 0)
          AND ($4::varchar IS NULL OR i.region_code IN (
                WITH RECURSIVE below AS (
                  SELECT code, 0 AS depth FROM regions WHERE code = $4
                  UNION ALL SELECT r.code, b.depth + 1 FROM regions r JOIN below b ON r.parent_code = b.code
                   WHERE b.depth < 16
                ) SELECT code FROM below))`,
      [asOf, LATE, CLEARED, regionCode ?? null],
    );
    if (ids.length === 0) return [];
    const issueIds = ids.map((row) => row.issue_id);
    const [issues, events] = await Promise.all([
      this.reads.manager.findBy(IssueEntity, { id: In(issueIds) }),
      this.reads.query(
        `SELECT issue_id, type, occurred_at, data FROM issue_events
          WHERE issue_id = ANY($1::uuid[]) AND occurred_at <= $2 ORDER BY issue_id, seq`,
        [issueIds, asOf],
      ) as Promise<{ issue_id: string; type: string; occurred_at: Date; data: Record<string, unknown> }[]>,
    ]);
    const byIssue = new Map<string, ReplayEvent[]>();
    for (const row of events) {
      const list = byIssue.get(row.issue_id) ?? [];
      list.push({ type: row.type, occurredAt: row.occurred_at, data: row.data });
      byIssue.set(row.issue_id, list);
    }
    return issues
      .map((issue) => ({ issue, state: replayIssue(byIssue.get(issue.id) ?? [], asOf) }))
      .filter((item): item is PastBoardItem => wasOverdue(item.state))
      .sort(
        (a, b) =>
          (a.state.dueAt?.getTime() ?? Infinity) - (b.state.dueAt?.getTime() ?? Infinity) ||
          (a.issue.id < b.issue.id ? -1 : 1),
      );
  }

  /** `GET /oversight/overdue?asOf=`: the same fields and filters as the live board, measured at `asOf`. */
  async overdue(asOf: Date, filter: OverdueFilter, limit: number, cursor?: string): Promise<Page<BoardItem>> {
    if (Number.isNaN(asOf.getTime())) throw new InvalidInputError('asOf', 'must be an ISO-8601 instant');
    if (asOf.getTime() > Date.now()) throw new InvalidInputError('asOf', 'must not be in the future');
    let items = (await this.lateAt(asOf, filter.regionCode)).filter(
      ({ state }) =>
        (!filter.leadUnit || state.leadUnit === filter.leadUnit) &&
        (filter.minLevel === undefined || state.escalationLevel >= filter.minLevel),
    );
    if (cursor) {
      const [dueAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]) as [string, string];
      const after = Date.parse(dueAt);
      items = items.filter(
        ({ issue, state }) =>
          (state.dueAt?.getTime() ?? Infinity) > after ||
          ((state.dueAt?.getTime() ?? Infinity) === after && issue.id > id),
      );
    }
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ issue, state }) => pastItem(issue, state, asOf)),
      nextCursor:
        items.length > limit && last
          ? encodeCursor([last.state.dueAt?.toISOString() ?? 'infinity', last.issue.id])
          : null,
    };
  }
}

/** The issue as the board showed it then: what changed since is taken back to how it stood. */
export function pastItem(issue: IssueEntity, state: ReplayedIssue, asOf: Date): BoardItem {
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    ...toIssueView(issue),
    status: state.status,
    leadUnit: state.leadUnit,
    coUnits: state.coUnits,
    assignedAt: iso(state.assignedAt),
    acknowledgedAt: iso(state.acknowledgedAt),
    dueAt: iso(state.dueAt),
    overdue: true,
    escalationLevel: state.escalationLevel,
    isKey: state.isKey,
    closedAt: null,
    version: state.version,
    colour: 'red',
    overdueSeconds: state.dueAt ? Math.max(0, Math.floor((asOf.getTime() - state.dueAt.getTime()) / 1000)) : 0,
  };
}
