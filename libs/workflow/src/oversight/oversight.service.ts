import { Inject, Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { alertColour, AlertColour } from '@app/domain';
import { IssueEntity, InjectReads } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { cursorPart, decodeCursor, Page, toPage } from '../common/pagination';
import { IssueView, toIssueView } from '../issue-record/issue-view';

export interface OverdueFilter {
  leadUnit?: string;
  regionCode?: string;
  minLevel?: number;
}

export type BoardItem = IssueView & { colour: AlertColour | null; overdueSeconds: number };

export interface WeekCount {
  /** The Monday the week starts, a local date in TIME_ZONE. */
  weekStart: string;
  filed: number;
  closed: number;
}

export interface UnitSummary {
  unit: string;
  open: number;
  overdue: number;
  key: number;
  byLevel: Record<string, number>;
}

const OPEN = `i.status NOT IN ('closed', 'withdrawn')`;

/** The inspection office's view: what is late, how late, and where. SQL over partial indexes. */
@Injectable()
export class OversightService {
  constructor(
    @InjectReads() private readonly reads: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get timeZone(): string {
    return this.config.timeZone;
  }

  /** Overdue open issues, most overdue first. */
  overdue(filter: OverdueFilter, limit: number, cursor?: string): Promise<Page<BoardItem>> {
    return this.page(this.filtered(filter).andWhere('i.overdue'), limit, cursor);
  }

  /** Open issues of one colour of the supervision-notice ladder: blue, yellow or red. */
  board(colour: AlertColour, filter: OverdueFilter, limit: number, cursor?: string): Promise<Page<BoardItem>> {
    if (colour === 'red') return this.overdue(filter, limit, cursor);
    const qb = this.filtered(filter).andWhere('NOT i.overdue');
    if (colour === 'yellow') qb.andWhere('i.remind_last_at <= now()');
    else qb.andWhere('i.remind_from_at <= now() AND i.remind_last_at > now()');
    return this.page(qb, limit, cursor);
  }

  /** Earliest due first: for overdue issues, the most overdue. */
  private async page(qb: SelectQueryBuilder<IssueEntity>, limit: number, cursor?: string): Promise<Page<BoardItem>> {
    if (cursor) {
      const [dueAt, id] = decodeCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]);
      qb.andWhere('(i.due_at, i.id) > (:dueAt::timestamptz, :id::uuid)', { dueAt, id });
    }
    const rows = await qb
      .orderBy('i.due_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const now = new Date();
    return toPage(
      rows,
      limit,
      (row) => this.boardItem(row, now),
      (row) => [row.dueAt?.toISOString(), row.id],
    );
  }

  /** Per unit: open issues, overdue ones, key ones, and how many sit at each escalation level. */
  async summary(): Promise<{ items: UnitSummary[] }> {
    const rows: { unit: string; level: number | null; open: number; overdue: number; key: number }[] =
      await this.reads.query(
        // Count first, from the covering index alone, then attach every unit (those with nothing open too).
        `WITH counts AS (
           SELECT i.lead_unit, i.escalation_level,
                  count(*)::int AS open,
                  count(*) FILTER (WHERE i.overdue)::int AS overdue,
                  count(*) FILTER (WHERE i.is_key)::int AS key
             FROM issues i
            WHERE ${OPEN} AND i.lead_unit IS NOT NULL
            GROUP BY i.lead_unit, i.escalation_level
         )
         SELECT u.code AS unit, c.escalation_level AS level,
                coalesce(c.open, 0) AS open, coalesce(c.overdue, 0) AS overdue, coalesce(c.key, 0) AS key
           FROM units u LEFT JOIN counts c ON c.lead_unit = u.code
          ORDER BY u.code`,
      );
    const byUnit = new Map<string, UnitSummary>();
    for (const row of rows) {
      const summary = byUnit.get(row.unit) ?? { unit: row.unit, open: 0, overdue: 0, key: 0, byLevel: {} };
      summary.open += row.open;
      summary.overdue += row.overdue;
      summary.key += row.key;
      if (row.level && row.open) summary.byLevel[String(row.level)] = row.open;
      byUnit.set(row.unit, summary);
    }
    // Units carrying key issues and proposals lead, as the inspection office supervises those first.
    return { items: [...byUnit.values()].sort((a, b) => b.key - a.key || a.unit.localeCompare(b.unit)) };
  }

  /** Issues filed and closed per week, the last `weeks` weeks (this one included), oldest first. */
  async trend(weeks: number): Promise<{ items: WeekCount[] }> {
    const rows: { week_start: string; filed: number; closed: number }[] = await this.reads.query(
      `WITH bounds AS (
         SELECT generate_series(date_trunc('week', now() AT TIME ZONE $1) - ($2::int - 1) * interval '1 week',
                                date_trunc('week', now() AT TIME ZONE $1), interval '1 week') AS local_start
       ), weeks AS (
         SELECT local_start, local_start AT TIME ZONE $1 AS starts, (local_start + interval '1 week') AT TIME ZONE $1 AS ends
           FROM bounds
       )
       SELECT to_char(w.local_start, 'YYYY-MM-DD') AS week_start,
              (SELECT count(*) FROM issues i WHERE i.filed_at >= w.starts AND i.filed_at < w.ends)::int AS filed,
              (SELECT count(*) FROM issues i WHERE i.closed_at >= w.starts AND i.closed_at < w.ends)::int AS closed
         FROM weeks w ORDER BY w.local_start`,
      [this.timeZone, weeks],
    );
    return { items: rows.map((row) => ({ weekStart: row.week_start, filed: row.filed, closed: row.closed })) };
  }

  private filtered(filter: OverdueFilter): SelectQueryBuilder<IssueEntity> {
    const qb = this.reads.manager.createQueryBuilder(IssueEntity, 'i').where(OPEN);
    if (filter.leadUnit) qb.andWhere('i.lead_unit = :leadUnit', { leadUnit: filter.leadUnit });
    if (filter.minLevel !== undefined) qb.andWhere('i.escalation_level >= :minLevel', { minLevel: filter.minLevel });
    if (filter.regionCode) {
      // A region filter covers the region and every region under it.
      qb.andWhere(
        `i.region_code IN (WITH RECURSIVE below AS (
           SELECT code, 0 AS depth FROM regions WHERE code = :regionCode
           UNION ALL SELECT r.code, b.depth + 1 FROM regions r JOIN below b ON r.parent_code = b.code WHERE b.depth < 16
         ) SELECT code FROM below)`,
        { regionCode: filter.regionCode },
      );
    }
    return qb;
  }

  private boardItem(issue: IssueEntity, now: Date): BoardItem {
    return {
      ...toIssueView(issue),
      colour: alertColour(issue, now),
      overdueSeconds:
        issue.overdue && issue.dueAt ? Math.max(0, Math.floor((now.getTime() - issue.dueAt.getTime()) / 1000)) : 0,
    };
  }
}
