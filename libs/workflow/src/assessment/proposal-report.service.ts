import { Inject, Injectable } from '@nestjs/common';
import { InjectReads } from '@app/persistence';
import { DataSource } from 'typeorm';
import { periodBounds } from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';

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
    const byUnit: Record<string, string | number | null>[] = await this.reads.query(
      `SELECT i.lead_unit AS unit,
              count(*)::int AS registered,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM issue_events r WHERE r.issue_id = i.id
                                              AND r.type = 'issue.rectification_submitted'))::int AS replied,
              count(*) FILTER (WHERE i.is_key)::int AS key,
              count(*) FILTER (WHERE i.is_key AND EXISTS (SELECT 1 FROM issue_events s WHERE s.issue_id = i.id
                                              AND s.type = 'issue.supervision_notice'))::int AS key_supervised,
              count(*) FILTER (WHERE i.status = 'closed')::int AS closed
         FROM issues i
        WHERE i.kind = 'proposal' AND i.filed_at >= $1 AND i.filed_at < $2
        GROUP BY i.lead_unit ORDER BY i.lead_unit NULLS LAST`,
      [start, end],
    );
    const [satisfaction] = await this.reads.query(
      `SELECT count(*) FILTER (WHERE e.data->>'satisfaction' = 'satisfied')::int AS satisfied,
              count(*) FILTER (WHERE e.data->>'satisfaction' = 'basically_satisfied')::int AS basically_satisfied,
              count(*) FILTER (WHERE e.data->>'satisfaction' = 'unsatisfied')::int AS unsatisfied
         FROM issue_events e JOIN issues i ON i.id = e.issue_id
        WHERE i.kind = 'proposal' AND i.filed_at >= $1 AND i.filed_at < $2
          AND e.type IN ('issue.accepted', 'issue.reopened')`,
      [start, end],
    );
    const sum = (key: string) => byUnit.reduce((total, row) => total + Number(row[key]), 0);
    const registered = sum('registered');
    const replied = sum('replied');
    const evaluated = satisfaction.satisfied + satisfaction.basically_satisfied + satisfaction.unsatisfied;
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
    return {
      year,
      registered,
      replied,
      replyRate: ratio(replied, registered),
      closed: sum('closed'),
      keyProposals: sum('key'),
      keyProposalsSupervised: sum('key_supervised'),
      satisfied: satisfaction.satisfied,
      basicallySatisfied: satisfaction.basically_satisfied,
      unsatisfied: satisfaction.unsatisfied,
      satisfactionRate: ratio(satisfaction.satisfied + satisfaction.basically_satisfied, evaluated),
      byUnit: byUnit.map((row) => ({
        unit: row.unit,
        registered: Number(row.registered),
        replied: Number(row.replied),
        replyRate: ratio(Number(row.replied), Number(row.registered)),
        keyProposals: Number(row.key),
        keyProposalsSupervised: Number(row.key_supervised),
      })),
    };
  }
}
