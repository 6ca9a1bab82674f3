import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { matchRoutingRule, RoutingRuleCandidate } from '@app/domain';
import { JOBS, JobPayloads, OnJob } from '@app/messaging';
import { IssueEntity } from '@app/persistence';
import { SYSTEM_ACTOR } from '../common/actor';
import { DeadlineService } from '../deadlines/deadline.service';
import { EventLog, PendingEvent } from '../issue-record/event-log';
import { lockIssue } from '../issue-record/issue-store';

/**
 * Routes an issue straight to the unit responsible for it, never through the filer's office. Rules map
 * (category, region) to a lead unit; the most specific match wins. No match sends it to triage.
 */
@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly eventLog: EventLog,
  ) {}

  @OnJob(JOBS.routeIssue)
  routeJob({ issueId }: JobPayloads[typeof JOBS.routeIssue]) {
    return this.routeFiledIssue(issueId);
  }

  /** Idempotent: only a `filed` issue is routed, and the row lock serializes runs. */
  async routeFiledIssue(issueId: string): Promise<'routed' | 'triaged' | 'skipped'> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await lockIssue(manager, issueId);
      if (!issue || issue.status !== 'filed') return 'skipped';
      const now = new Date();
      const events = await this.route(manager, issue, now);
      const jobs = await this.deadlines.syncTimers(manager, issue);
      issue.version += 1;
      await this.eventLog.save(manager, issue, SYSTEM_ACTOR, { events, jobs, now });
      this.logger.debug({ issueId, status: issue.status, leadUnit: issue.leadUnit }, 'issue routed');
      return events[0].type === 'issue.routed' ? 'routed' : 'triaged';
    });
  }

  /**
   * Finds the unit for an issue (excluding units that returned it) and sets status, units and deadlines on the
   * entity. The caller saves it and appends the events returned.
   */
  async route(manager: EntityManager, issue: IssueEntity, now: Date): Promise<PendingEvent[]> {
    const ancestry = await this.regionAncestry(manager, issue.regionCode);
    // A retired unit takes no new issues: rules leading to it are skipped, and it drops out of co-units.
    const candidates: RoutingRuleCandidate[] = await manager.query(
      `SELECT r.id, r.category_code AS category, r.region_code AS "regionCode", r.lead_unit AS "leadUnit",
              ARRAY(SELECT c FROM unnest(r.co_units) c JOIN units cu ON cu.code = c AND cu.active) AS "coUnits",
              r.priority, r.created_at AS "createdAt"
         FROM routing_rules r JOIN units lead ON lead.code = r.lead_unit AND lead.active
        WHERE (r.category_code = $1 OR r.category_code IS NULL) AND (r.region_code = ANY($2) OR r.region_code IS NULL)`,
      [issue.category, ancestry],
    );
    const match = matchRoutingRule(
      candidates,
      { category: issue.category, regionAncestry: ancestry },
      issue.returnedByUnits,
    );
    if (!match) {
      this.toTriage(issue);
      return [{ type: 'issue.triaged', data: { reason: 'no_matching_rule' } }];
    }
    await this.assign(manager, issue, match.leadUnit, match.coUnits, now);
    return [
      { type: 'issue.routed', data: { leadUnit: match.leadUnit, coUnits: match.coUnits, ruleId: match.rule.id } },
    ];
  }

  /** Puts an issue with a unit and starts its deadlines. */
  async assign(manager: EntityManager, issue: IssueEntity, leadUnit: string, coUnits: string[], now: Date) {
    issue.status = 'assigned';
    issue.leadUnit = leadUnit;
    issue.coUnits = coUnits.filter((unit) => unit !== leadUnit);
    issue.assignedAt = now;
    issue.acknowledgedAt = null;
    // Kept with the issue: a later change to the policy leaves this issue's deadlines as they are.
    issue.policyTerms = await this.deadlines.currentTerms(manager, issue);
    const { acknowledgeDueAt, dueAt } = await this.deadlines.assignmentDeadlines(manager, issue, now);
    issue.acknowledgeDueAt = acknowledgeDueAt;
    issue.dueAt = dueAt;
    issue.originalDueAt = null;
    issue.clockStartedAt = now;
    issue.overdue = false;
    issue.escalationLevel = 0;
  }

  toTriage(issue: IssueEntity): void {
    issue.status = 'triage';
    issue.policyTerms = null;
    issue.leadUnit = null;
    issue.coUnits = [];
    issue.assignedAt = null;
    issue.acknowledgedAt = null;
    issue.acknowledgeDueAt = null;
    issue.dueAt = null;
    issue.originalDueAt = null;
    issue.clockStartedAt = null;
    issue.overdue = false;
    issue.escalationLevel = 0;
  }

  /** The issue's region, then each region above it, nearest first. */
  async regionAncestry(manager: EntityManager, regionCode: string): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `WITH RECURSIVE ancestry AS (
         SELECT code, parent_code, 0 AS depth FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code, r.parent_code, a.depth + 1 FROM regions r JOIN ancestry a ON r.code = a.parent_code
          WHERE a.depth < 16
       ) SELECT code FROM ancestry ORDER BY depth`,
      [regionCode],
    );
    return rows.map((row) => row.code);
  }
}
