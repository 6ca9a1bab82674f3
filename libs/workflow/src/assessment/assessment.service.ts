import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { DateTime } from 'luxon';
import { assessmentYear, evaluationPoints, indicatorRates, periodBounds, RuleSet, ScoringRule } from '@app/domain';
import { OutboxWriter } from '@app/messaging';
import {
  AssessmentEvaluationEntity,
  AssessmentLedgerEntity,
  AssessmentRuleSetEntity,
  UnitEntity,
  InjectReads,
} from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../common/actor';
import { toCsv, ExportFile } from '../common/csv';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { ASSESSMENT_CSV_COLUMNS } from './assessment-export';
import { AssessmentLedgerWriter } from './assessment-ledger.writer';

export interface AssessmentRow {
  unit: string;
  unitName: string;
  assigned: number;
  acknowledgedOnTime: number;
  closed: number;
  /** Closed in the period after having been reopened: the numerator of 重办率. */
  rehandled: number;
  closedOnTime: number;
  dueInPeriod: number;
  overdue: number;
  reopened: number;
  returned: number;
  escalations: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** 满意率: (satisfied + basically satisfied) / evaluated, null when nothing was evaluated. */
  satisfaction: number | null;
  acknowledgementRate: number | null;
  onTimeClosureRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
  rehandlingRate: number | null;
  proposalsRegistered: number;
  proposalsReplied: number;
  proposalReplyRate: number | null;
  keyProposals: number;
  base: number;
  points: number;
  score: number;
  /** Fewer issues than ASSESSMENT_MIN_ISSUES in the period: shown, not ranked on a handful of cases. */
  insufficientData: boolean;
  rank: number | null;
}

export interface LedgerItem {
  eventId: string;
  issueId: string | null;
  rule: string;
  points: number;
  occurredAt: string;
  ruleVersion: number;
  source: 'event' | 'evaluation';
}

export interface Range {
  from: Date;
  to: Date;
}

const COUNT_COLUMNS = [
  'assigned',
  'acknowledged_on_time',
  'closed',
  'rehandled',
  'closed_on_time',
  'due_in_period',
  'overdue',
  'reopened',
  'returned',
  'escalations',
  'evaluated',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'proposals_registered',
  'proposals_replied',
  'key_proposals',
] as const;

/** Which CTE of the table query each count comes from; the rest come from the event log (`ev`). */
const COLUMN_SOURCE: Partial<Record<(typeof COUNT_COLUMNS)[number], string>> = {
  closed_on_time: 'due',
  due_in_period: 'due',
  proposals_registered: 'proposals',
  proposals_replied: 'proposals',
  key_proposals: 'proposals',
};

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The target-performance assessment: counts and indicators from the event log, the score from the ledger. Every
 * point of a score is a ledger row that names its event and rule.
 */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectReads() private readonly reads: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: AssessmentLedgerWriter,
    private readonly webhooks: WebhookDispatcher,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
  ) {}

  /** `from`/`to` as dates (local days, `to` inclusive) or instants; by default the current year. */
  range(from?: string, to?: string): Range {
    const zone = this.config.timeZone;
    const parse = (value: string, field: string, endOfDay: boolean) => {
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
      // A value without an offset is local time in TIME_ZONE, like a bare date; an explicit offset is honoured.
      const parsed = DateTime.fromISO(value, { zone });
      if (!parsed.isValid) throw new InvalidInputError(field, 'must be a date (YYYY-MM-DD) or an ISO-8601 instant');
      return (dateOnly && endOfDay ? parsed.plus({ days: 1 }) : parsed).toJSDate();
    };
    // The whole current year by default, so an annual evaluation (counted at the year's end) is in it.
    const year = DateTime.now().setZone(zone).startOf('year');
    const start = from ? parse(from, 'from', false) : year.toJSDate();
    const end = to ? parse(to, 'to', true) : year.plus({ years: 1 }).toJSDate();
    if (end <= start) throw new InvalidInputError('to', 'must be after from');
    return { from: start, to: end };
  }

  async table(range: Range): Promise<AssessmentRow[]> {
    const ruleSet = await this.ledger.currentRuleSet(this.reads.manager);
    const rows: Record<string, string | number | null>[] = await this.reads.query(
      `WITH ev AS (
         SELECT e.lead_unit AS unit,
                count(*) FILTER (WHERE e.type = 'issue.routed') AS assigned,
                count(*) FILTER (WHERE e.type = 'issue.acknowledged' AND e.data->>'onTime' = 'true') AS acknowledged_on_time,
                count(*) FILTER (WHERE e.type = 'issue.accepted') AS closed,
                count(*) FILTER (WHERE e.type = 'issue.accepted' AND i.reopen_count > 0) AS rehandled,
                count(*) FILTER (WHERE e.type = 'issue.overdue') AS overdue,
                count(*) FILTER (WHERE e.type = 'issue.reopened') AS reopened,
                count(*) FILTER (WHERE e.type = 'issue.returned') AS returned,
                count(*) FILTER (WHERE e.type = 'issue.escalated') AS escalations,
                count(*) FILTER (WHERE e.type IN ('issue.accepted', 'issue.reopened') AND e.data->>'satisfaction' IS NOT NULL) AS evaluated,
                count(*) FILTER (WHERE e.type IN ('issue.accepted', 'issue.reopened') AND e.data->>'satisfaction' = 'satisfied') AS satisfied,
                count(*) FILTER (WHERE e.type IN ('issue.accepted', 'issue.reopened') AND e.data->>'satisfaction' = 'basically_satisfied') AS basically_satisfied,
                count(*) FILTER (WHERE e.type IN ('issue.accepted', 'issue.reopened') AND e.data->>'satisfaction' = 'unsatisfied') AS unsatisfied
           FROM issue_events e JOIN issues i ON i.id = e.issue_id
          WHERE e.occurred_at >= $1 AND e.occurred_at < $2 AND e.lead_unit IS NOT NULL
          GROUP BY e.lead_unit
       ), due AS (
         -- 按时办结率 takes numerator and denominator from one population: issues whose approved deadline falls
         -- in the period, and of those the ones closed with the rectification in by that deadline
         SELECT lead_unit AS unit, count(*) AS due_in_period,
                count(*) FILTER (WHERE status = 'closed' AND rectification_submitted_at <= due_at) AS closed_on_time
           FROM issues
          WHERE due_at >= $1 AND due_at < $2 AND lead_unit IS NOT NULL GROUP BY lead_unit
       ), proposals AS (
         SELECT i.lead_unit AS unit,
                count(*) AS proposals_registered,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM issue_events r WHERE r.issue_id = i.id AND r.type = 'issue.rectification_submitted')) AS proposals_replied,
                count(*) FILTER (WHERE i.is_key) AS key_proposals
           FROM issues i
          WHERE i.kind = 'proposal' AND i.filed_at >= $1 AND i.filed_at < $2 AND i.lead_unit IS NOT NULL
          GROUP BY i.lead_unit
       ), led AS (
         SELECT unit_code AS unit, sum(points) AS points FROM assessment_ledger
          WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY unit_code
       )
       SELECT u.code AS unit, u.name AS unit_name,
              ${COUNT_COLUMNS.map((c) => `coalesce(${COLUMN_SOURCE[c] ?? 'ev'}.${c}, 0)::int AS ${c}`).join(',\n              ')},
              coalesce(led.points, 0)::float8 AS points
         FROM units u
         LEFT JOIN ev ON ev.unit = u.code
         LEFT JOIN due ON due.unit = u.code
         LEFT JOIN proposals ON proposals.unit = u.code
         LEFT JOIN led ON led.unit = u.code
        ORDER BY u.code`,
      [range.from, range.to],
    );
    const table = rows.map((row) => {
      const counts = Object.fromEntries(COUNT_COLUMNS.map((c) => [camel(c), Number(row[c])])) as Record<string, number>;
      const rates = indicatorRates({
        assigned: counts.assigned,
        acknowledgedOnTime: counts.acknowledgedOnTime,
        closed: counts.closed,
        closedOnTime: counts.closedOnTime,
        dueInPeriod: counts.dueInPeriod,
        returned: counts.returned,
        rehandled: counts.rehandled,
        evaluated: counts.evaluated,
        satisfiedOrBasically: counts.satisfied + counts.basicallySatisfied,
      });
      const points = Math.round(Number(row.points) * 100) / 100;
      return {
        unit: String(row.unit),
        unitName: String(row.unit_name),
        ...(counts as unknown as Omit<AssessmentRow, 'unit' | 'unitName'>),
        satisfaction: rates.satisfactionRate,
        ...rates,
        proposalReplyRate:
          counts.proposalsRegistered > 0
            ? Math.round((counts.proposalsReplied / counts.proposalsRegistered) * 10_000) / 10_000
            : null,
        base: ruleSet.base,
        points,
        score: Math.round((ruleSet.base + points) * 100) / 100,
        insufficientData: counts.assigned < this.config.assessmentMinIssues,
        rank: null,
      } as AssessmentRow;
    });
    const ranked = table.filter((row) => !row.insufficientData).sort((a, b) => b.score - a.score);
    ranked.forEach((row, index) => {
      row.rank = index > 0 && ranked[index - 1].score === row.score ? (ranked[index - 1].rank as number) : index + 1;
    });
    return table;
  }

  /** The table as a file: CSV for spreadsheets, or JSON. */
  async export(range: Range, format: 'csv' | 'json'): Promise<ExportFile> {
    const rows = await this.table(range);
    // The period as people name it: local dates in TIME_ZONE, the last day included.
    const local = (at: Date) => DateTime.fromJSDate(at, { zone: this.config.timeZone }).toISODate();
    const name = `assessment-${local(range.from)}-${local(new Date(range.to.getTime() - 1))}`;
    if (format === 'json') {
      const body = JSON.stringify({ from: range.from.toISOString(), to: range.to.toISOString(), items: rows });
      return { filename: `${name}.json`, contentType: 'application/json; charset=utf-8', body };
    }
    const body = toCsv(
      ASSESSMENT_CSV_COLUMNS,
      rows.map((row) => ASSESSMENT_CSV_COLUMNS.map((column) => row[column])),
    );
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body };
  }

  /** A unit's row and every ledger row behind its score; a handler may read only its own unit's. */
  async unit(actor: Actor, code: string, range: Range): Promise<AssessmentRow & { ledger: LedgerItem[] }> {
    if (actor.role === 'handler' && actor.unit !== code) {
      throw new ForbiddenError('a handler may read only its own unit’s assessment');
    }
    // The rank needs the whole table, so the unit's row comes from it.
    const row = (await this.table(range)).find((candidate) => candidate.unit === code);
    if (!row) throw new NotFoundError(`unit ${code} not found`);
    const entries = await this.reads.manager
      .createQueryBuilder(AssessmentLedgerEntity, 'l')
      .where('l.unit_code = :code AND l.occurred_at >= :from AND l.occurred_at < :to', { code, ...range })
      .orderBy('l.occurred_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
    return {
      ...row,
      ledger: entries.map((entry) => ({
        eventId: (entry.eventId ?? entry.evaluationId) as string,
        issueId: entry.issueId,
        rule: entry.rule,
        points: entry.points,
        occurredAt: entry.occurredAt.toISOString(),
        ruleVersion: entry.ruleVersion,
        source: entry.eventId ? 'event' : 'evaluation',
      })),
    };
  }

  async rules(): Promise<RuleSet & { version: number }> {
    const current = await this.ledger.currentRuleSet(this.dataSource.manager);
    return { base: current.base, rules: current.rules, version: current.version };
  }

  /** A new version of the rules; events after this score under it, the ledger keeps which version each row used. */
  async replaceRules(
    actor: Actor,
    input: { base: number; rules: ScoringRule[] },
  ): Promise<RuleSet & { version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.ledger.currentRuleSet(manager);
      const saved = await manager.save(
        manager.create(AssessmentRuleSetEntity, {
          base: input.base,
          rules: input.rules.map((rule) => ({
            event: rule.event,
            points: rule.points,
            ...(rule.when ? { when: rule.when } : {}),
          })),
          createdBy: actor.username,
        }),
      );
      const after = { base: saved.base, rules: saved.rules, version: saved.version };
      await this.audit.record(manager, actor, {
        action: 'assessment_rules.replaced',
        targetType: 'assessment_rules',
        targetId: String(saved.version),
        before: { base: current.base, rules: current.rules, version: current.version },
        after,
      });
      return after;
    });
  }

  /** A democratic evaluation enters the score, weighted, as a ledger row of its own. */
  async evaluate(actor: Actor, input: { unit: string; period: string; score: number; comment?: string }) {
    if (!(await this.dataSource.manager.existsBy(UnitEntity, { code: input.unit }))) {
      throw new InvalidInputError('unit', `"${input.unit}" does not exist`);
    }
    const { end } = periodBounds(input.period, this.config.timeZone);
    const countsAt = new Date(end.getTime() - 1);
    const points = evaluationPoints(input.score, this.config.evaluationWeight);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const ruleSet = await this.ledger.currentRuleSet(manager);
        const evaluation = manager.create(AssessmentEvaluationEntity, {
          id: randomUUID(),
          unit: input.unit,
          period: input.period,
          score: input.score,
          comment: input.comment ?? null,
          evaluatedBy: actor.username,
          countsAt,
        });
        await manager.insert(AssessmentEvaluationEntity, evaluation);
        const entry = manager.create(AssessmentLedgerEntity, {
          id: randomUUID(),
          eventId: null,
          evaluationId: evaluation.id,
          issueId: null,
          unit: input.unit,
          rule: `democratic_evaluation{score=${input.score},weight=${this.config.evaluationWeight}}`,
          ruleIndex: -1,
          ruleVersion: ruleSet.version,
          points,
          occurredAt: countsAt,
          period: assessmentYear(countsAt, this.config.timeZone),
        });
        await manager.insert(AssessmentLedgerEntity, entry);
        const jobs = await this.webhooks.dispatch(manager, [
          {
            id: entry.id,
            type: 'assessment.points_recorded',
            occurredAt: new Date(),
            issue: null,
            data: { unit: entry.unit, rule: entry.rule, points, evaluationId: evaluation.id, period: input.period },
          },
        ]);
        await this.outbox.add(manager, jobs);
        return {
          id: evaluation.id,
          unit: evaluation.unit,
          period: evaluation.period,
          score: evaluation.score,
          comment: evaluation.comment,
          points,
          evaluatedBy: evaluation.evaluatedBy,
          countsAt: countsAt.toISOString(),
        };
      });
    } catch (error) {
      // The unique (unit, period) index decides a race between two evaluations.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictError(`unit ${input.unit} already has an evaluation for ${input.period}`);
      }
      throw error;
    }
  }
}
