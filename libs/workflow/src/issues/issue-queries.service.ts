import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { IssueKind, IssueStatus, Severity } from '@app/domain';
import { ExtensionRequestEntity, IssueEntity, IssueEventEntity, UnitEntity, InjectReads } from '@app/persistence';
import type { Actor } from '../common/actor';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { findVisibleIssue, scopeIssues } from '../issue-record/issue-access';
import {
  ExtensionRequestView,
  IssueView,
  TimelineItemView,
  toExtensionRequestView,
  toIssueView,
  toTimelineItem,
} from '../issue-record/issue-view';

export const ISSUE_SORTS = ['-filedAt', 'filedAt', 'dueAt', '-dueAt'] as const;
export type IssueSort = (typeof ISSUE_SORTS)[number];

export interface IssueFilter {
  isKey?: boolean;
  /** Text in the title, or a reference number. */
  q?: string;
  status?: IssueStatus;
  kind?: IssueKind;
  leadUnit?: string;
  category?: string;
  regionCode?: string;
  severity?: Severity;
  overdue?: boolean;
  escalationLevel?: number;
  filedBy?: string;
}

const OPEN = `i.status NOT IN ('closed', 'withdrawn')`;
/** The inbox order: key issues, then overdue ones, then by due time; the id breaks ties. */
const INBOX_COLUMNS = `(NOT i.is_key), (NOT i.overdue), coalesce(i.due_at, 'infinity'::timestamptz), i.id`;
const INBOX_KEY = `(${INBOX_COLUMNS})`;

/** Read models: SQL over indexed tables, always scoped to what the caller may see. */
@Injectable()
export class IssueQueriesService {
  constructor(@InjectReads() private readonly reads: DataSource) {}

  async get(actor: Actor, id: string): Promise<IssueView> {
    return toIssueView(await findVisibleIssue(this.reads.manager, id, actor));
  }

  async timeline(actor: Actor, id: string): Promise<{ items: TimelineItemView[] }> {
    const issue = await findVisibleIssue(this.reads.manager, id, actor);
    const events = await this.reads.manager.find(IssueEventEntity, {
      where: { issueId: issue.id },
      order: { seq: 'ASC' },
    });
    return { items: events.map(toTimelineItem) };
  }

  async extensionRequests(actor: Actor, id: string): Promise<{ items: ExtensionRequestView[] }> {
    const issue = await findVisibleIssue(this.reads.manager, id, actor);
    const requests = await this.reads.manager.find(ExtensionRequestEntity, {
      where: { issueId: issue.id },
      order: { createdAt: 'ASC' },
    });
    return { items: requests.map(toExtensionRequestView) };
  }

  /** Extension requests across issues, oldest first: the inspection office's queue of decisions. */
  async allExtensionRequests(
    status: 'pending' | 'approved' | 'rejected' | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<ExtensionRequestView>> {
    const qb = this.reads.manager.createQueryBuilder(ExtensionRequestEntity, 'r');
    if (status) qb.where('r.status = :status', { status });
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(r.created_at, r.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toExtensionRequestView, (row) => [row.createdAt.toISOString(), row.id]);
  }

  async list(
    actor: Actor,
    filter: IssueFilter,
    limit: number,
    cursor?: string,
    sort: IssueSort = '-filedAt',
  ): Promise<Page<IssueView>> {
    const qb = scopeIssues(this.reads.manager.createQueryBuilder(IssueEntity, 'i'), actor);
    const columns: [keyof IssueFilter, string][] = [
      ['isKey', 'is_key'],
      ['status', 'status'],
      ['kind', 'kind'],
      ['leadUnit', 'lead_unit'],
      ['category', 'category_code'],
      ['regionCode', 'region_code'],
      ['severity', 'severity'],
      ['overdue', 'overdue'],
      ['escalationLevel', 'escalation_level'],
      ['filedBy', 'filed_by'],
    ];
    for (const [field, column] of columns) {
      if (filter[field] !== undefined) qb.andWhere(`i.${column} = :${field}`, { [field]: filter[field] });
    }
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      qb.andWhere('(i.reference_no = :q OR i.title ILIKE :like)', { q: filter.q.toUpperCase(), like });
    }
    // Each order has its key (the sort column, then the id) and the cursor carries the last row's key.
    const byDue = sort.endsWith('dueAt');
    const descending = sort.startsWith('-');
    const key = byDue ? `coalesce(i.due_at, 'infinity'::timestamptz)` : 'i.filed_at';
    if (cursor) {
      const [at, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere(`(${key}, i.id) ${descending ? '<' : '>'} (:cursorAt::timestamptz, :cursorId::uuid)`, {
        cursorAt: at,
        cursorId: id,
      });
    }
    const direction = descending ? 'DESC' : 'ASC';
    const rows = await qb
      .orderBy(key, direction)
      .addOrderBy('i.id', direction)
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, toIssueView, (row) => [
      byDue ? (row.dueAt?.toISOString() ?? 'infinity') : row.filedAt.toISOString(),
      row.id,
    ]);
  }

  /** A unit's open issues, as lead or co-unit: key issues and proposals first, then overdue, then by due time. */
  async inbox(actor: Actor, unitCode: string, limit: number, cursor?: string): Promise<Page<IssueView>> {
    if (!(await this.reads.manager.existsBy(UnitEntity, { code: unitCode }))) {
      throw new NotFoundError(`unit ${unitCode} not found`);
    }
    if (actor.role === 'handler' && actor.unit !== unitCode) {
      throw new ForbiddenError('a handler may read only its own unit inbox');
    }
    if (actor.role === 'supervisor') throw new ForbiddenError('role supervisor may not read unit inboxes');
    const params: unknown[] = [unitCode, limit + 1];
    let after = '';
    if (cursor) {
      params.push(
        ...decodeCursor(cursor, [cursorPart.boolean, cursorPart.boolean, cursorPart.timestamp, cursorPart.uuid]),
      );
      after = `AND ${INBOX_KEY} > ($3::boolean, $4::boolean, $5::timestamptz, $6::uuid)`;
    }
    // Two branches, each walking its own index in order (lead unit; co-unit), merged: an OR would read them all.
    const ids: { id: string }[] = await this.reads.query(
      `SELECT id FROM (
         (SELECT i.id, ${INBOX_KEY} AS k FROM issues i
           WHERE ${OPEN} AND i.lead_unit = $1 ${after} ORDER BY ${INBOX_COLUMNS} LIMIT $2)
         UNION ALL
         (SELECT i.id, ${INBOX_KEY} AS k FROM issues i
           WHERE ${OPEN} AND i.co_units @> ARRAY[$1]::text[] AND i.lead_unit IS DISTINCT FROM $1 ${after}
           ORDER BY ${INBOX_COLUMNS} LIMIT $2)
       ) inbox ORDER BY k LIMIT $2`,
      params,
    );
    const byId = new Map(
      (ids.length ? await this.reads.manager.findBy(IssueEntity, { id: In(ids.map((row) => row.id)) }) : []).map(
        (issue) => [issue.id, issue],
      ),
    );
    const rows = ids.map((row) => byId.get(row.id)).filter((issue): issue is IssueEntity => !!issue);
    return toPage(rows, limit, toIssueView, (row) => [
      !row.isKey,
      !row.overdue,
      row.dueAt?.toISOString() ?? 'infinity',
      row.id,
    ]);
  }
}
