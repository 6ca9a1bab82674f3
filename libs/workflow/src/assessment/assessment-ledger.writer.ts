import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { assessmentYear, describeRule, RuleSet, scoreEvent } from '@app/domain';
import { AssessmentLedgerEntity, AssessmentRuleSetEntity, IssueEventEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AppendedEvents, IssueEventListener, ListensToIssueEvents } from '../issue-record/event-listener';

/**
 * Turns events into ledger rows in the event's own transaction, charged to the lead unit at the time of the
 * event, under the rule set in force then. The unique (event, rule version, rule) key makes a replay score once.
 */
@Injectable()
@ListensToIssueEvents(10)
export class AssessmentLedgerWriter implements IssueEventListener {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Scores the events; each ledger row also goes out as `assessment.points_recorded`. */
  async onAppended(manager: EntityManager, appended: AppendedEvents): Promise<void> {
    for (const row of await this.record(manager, appended.events)) {
      appended.outgoing.push({
        id: row.id,
        type: 'assessment.points_recorded',
        occurredAt: appended.occurredAt,
        issue: appended.view,
        data: {
          unit: row.unit,
          rule: row.rule,
          points: row.points,
          eventId: row.eventId,
          ruleVersion: row.ruleVersion,
          period: row.period,
        },
      });
    }
  }

  /** The rule set in force at `at` (now by default): a replayed event scores under the rules of its time. */
  async currentRuleSet(manager: EntityManager, at?: Date): Promise<AssessmentRuleSetEntity & RuleSet> {
    const qb = manager.createQueryBuilder(AssessmentRuleSetEntity, 'r').orderBy('r.version', 'DESC').limit(1);
    if (at) qb.where('r.created_at <= :at', { at });
    return (await qb.getOne()) ?? (await this.currentRuleSet(manager));
  }

  async record(manager: EntityManager, events: IssueEventEntity[]): Promise<AssessmentLedgerEntity[]> {
    const scorable = events.filter((event) => event.leadUnit);
    if (scorable.length === 0) return [];
    const ruleSet = await this.currentRuleSet(manager, scorable[0].occurredAt);
    const rows = scorable.flatMap((event) =>
      scoreEvent(ruleSet, event).map((hit) =>
        manager.create(AssessmentLedgerEntity, {
          id: randomUUID(),
          eventId: event.id,
          evaluationId: null,
          issueId: event.issueId,
          unit: event.leadUnit as string,
          rule: describeRule(hit.rule),
          ruleIndex: hit.ruleIndex,
          ruleVersion: ruleSet.version,
          points: hit.points,
          occurredAt: event.occurredAt,
          period: assessmentYear(event.occurredAt, this.config.timeZone),
        }),
      ),
    );
    if (rows.length === 0) return [];
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AssessmentLedgerEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    const ids = new Set((inserted.raw as { id: string }[]).map((row) => row.id));
    return rows.filter((row) => ids.has(row.id));
  }
}
