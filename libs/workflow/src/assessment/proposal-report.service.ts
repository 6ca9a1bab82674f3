import { Inject, Injectable } from '@nestjs/common';
import { InjectReads } from '@app/persistence';
import { DataSource } from 'typeorm';
import { periodBounds } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export interface ProposalUnitFigures {
  unit: string | null;
  registered: number;
  replied: number;
  replyRate: number | null;
  keyProposals: number;
  keyProposalsSupervised: number;
  closed: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  satisfactionRate: number | null;
}

export interface ProposalFigures {
  registered: number;
  replied: number;
  replyRate: number | null;
  closed: number;
  keyProposals: number;
  keyProposalsSupervised: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  satisfactionRate: number | null;
  byUnit: ProposalUnitFigures[];
}

/** Members' proposals over a year: how many were registered, replied to, supervised and how satisfied proposers were. */
@Injectable()
export class ProposalReportService {
  constructor(
    @InjectReads() private readonly reads: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The prefecture's annual proposal figures. */
  async report(year: number) {
    const { start, end } = periodBounds(String(year), this.config.timeZone);
    const figures = await this.figures(start, end);
    return {
      year,
      ...figures,
      byUnit: figures.byUnit.map(({ unit, registered, replied, replyRate, keyProposals, keyProposalsSupervised }) => ({
        unit,
        registered,
        replied,
        replyRate,
        keyProposals,
        keyProposalsSupervised,
      })),
    };
  }

  /**
   * Proposals filed in [start, end), per lead unit and in all: replies, key ones, ratings. With `asOf`, only replies,
   * notices and ratings recorded before it count (a bulletin counts what had happened by its period's end).
   */
  async figures(start: Date, end: Date, asOf?: Date): Promise<ProposalFigures> {
    const rows: Record<string, string | number | null>[] = await this.reads.query(
      `SELECT i.lead_unit AS unit,
              count(*)::int AS registered,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM issue_events r WHERE r.issue_id = i.id
                                              AND r.type = 'issue.rectification_submitted' AND r.occurred_at < $3))::int AS replied,
              count(*) FILTER (WHERE i.is_key)::int AS key,
              count(*) FILTER (WHERE i.is_key AND EXISTS (SELECT 1 FROM issue_events s WHERE s.issue_id = i.id
                                              AND s.type = 'issue.supervision_notice' AND s.occurred_at < $3))::int AS key_supervised,
              count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at < $3)::int AS closed,
              coalesce(sum(r.satisfied), 0)::int AS satisfied,
              coalesce(sum(r.basically_satisfied), 0)::int AS basically_satisfied,
              coalesce(sum(r.unsatisfied), 0)::int AS unsatisfied
         FROM issues i
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE e.data->>'satisfaction' = 'satisfied') AS satisfied,
                  count(*) FILTER (WHERE e.data->>'satisfaction' = 'basically_satisfied') AS basically_satisfied,
                  count(*) FILTER (WHERE e.data->>'satisfaction' = 'unsatisfied') AS unsatisfied
             FROM issue_events e
            WHERE e.issue_id = i.id AND e.type IN ('issue.accepted', 'issue.reopened') AND e.occurred_at < $3
         ) r ON true
        WHERE i.kind = 'proposal' AND i.filed_at >= $1 AND i.filed_at < $2
        GROUP BY i.lead_unit ORDER BY i.lead_unit NULLS LAST`,
      [start, end, asOf ?? 'infinity'],
    );
    const byUnit: ProposalUnitFigures[] = rows.map((row) => {
      const satisfied = Number(row.satisfied);
      const basicallySatisfied = Number(row.basically_satisfied);
      const unsatisfied = Number(row.unsatisfied);
      return {
        unit: row.unit === null ? null : String(row.unit),
        registered: Number(row.registered),
        replied: Number(row.replied),
        replyRate: ratio(Number(row.replied), Number(row.registered)),
        keyProposals: Number(row.key),
        keyProposalsSupervised: Number(row.key_supervised),
        closed: Number(row.closed),
        satisfied,
        basicallySatisfied,
        unsatisfied,
        satisfactionRate: ratio(satisfied + basicallySatisfied, satisfied + basicallySatisfied + unsatisfied),
      };
    });
    const sum = (key: keyof ProposalUnitFigures) => byUnit.reduce((total, row) => total + Number(row[key]), 0);
    const closed = sum('closed');
    const registered = sum('registered');
    const replied = sum('replied');
    const satisfied = sum('satisfied');
    const basicallySatisfied = sum('basicallySatisfied');
    const unsatisfied = sum('unsatisfied');
    return {
      registered,
      replied,
      replyRate: ratio(replied, registered),
      closed,
      keyProposals: sum('keyProposals'),
      keyProposalsSupervised: sum('keyProposalsSupervised'),
      satisfied,
      basicallySatisfied,
      unsatisfied,
      satisfactionRate: ratio(satisfied + basicallySatisfied, satisfied + basicallySatisfied + unsatisfied),
      byUnit,
    };
  }
}
