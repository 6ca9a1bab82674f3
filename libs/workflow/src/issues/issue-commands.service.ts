import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import {
  canApply,
  EvidenceType,
  IssueCommand,
  IssueKind,
  IssueSource,
  ReturnReasonCode,
  Satisfaction,
  Severity,
  transition,
} from '@app/domain';
import { JOBS, OutboxJob, OutboxWriter } from '@app/messaging';
import { CategoryEntity, IssueEntity, RegionEntity, UnitEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import type { Actor } from '../actor';
import { DeadlineService } from '../deadlines/deadline.service';
import { ConflictError, ForbiddenError, InvalidInputError, PreconditionFailedError } from '../errors';
import { RoutingService } from '../routing/routing.service';
import { EventLog, PendingEvent } from './event-log';
import { findVisibleIssue } from './issue-access';
import { saveIssue } from './issue-store';
import { IssueView, toIssueView } from './issue-view';

export interface FileIssueInput {
  kind?: IssueKind;
  title: string;
  description: string;
  category: string;
  regionCode: string;
  severity: Severity;
  source: IssueSource;
  location?: { township?: string; village?: string; lat?: number; lng?: number };
  evidence?: { type: EvidenceType; uri?: string; description?: string }[];
}

export interface CommandOptions {
  /** The client's If-Match version, when it sent one. */
  ifMatch?: number;
}

export interface VerificationInput {
  outcome: 'accepted' | 'rejected';
  comment?: string;
  satisfaction?: Satisfaction;
  dueAt?: string;
}

interface CommandSpec {
  command: IssueCommand;
  /** Throws ForbiddenError when this actor may not run the command on this issue. */
  authorize: (issue: IssueEntity) => void;
  apply: (issue: IssueEntity, manager: EntityManager, now: Date) => Promise<PendingEvent[]> | PendingEvent[];
  jobs?: (issue: IssueEntity) => OutboxJob[];
}

class IdempotentReplay extends Error {}

/**
 * The commands on an issue. Each runs in one transaction that locks the issue row (so commands on one issue
 * serialize), checks visibility, role, If-Match and the state machine, then writes the row, its events and
 * any outbox jobs together.
 */
@Injectable()
export class IssueCommandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly eventLog: EventLog,
    private readonly outbox: OutboxWriter,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlineService,
  ) {}

  async file(
    actor: Actor,
    input: FileIssueInput,
    idempotencyKey?: string,
  ): Promise<{ issue: IssueView; replayed: boolean }> {
    if (idempotencyKey) {
      const previous = await this.issueForKey(actor, idempotencyKey);
      if (previous) return { issue: previous, replayed: true };
    }
    try {
      const issue = await this.dataSource.transaction(async (manager) => {
        await this.assertExists(manager, CategoryEntity, 'category', input.category);
        await this.assertExists(manager, RegionEntity, 'regionCode', input.regionCode);
        const now = new Date();
        const [{ seq }] = await manager.query(`SELECT nextval('issue_reference_seq') AS seq`);
        const year = DateTime.fromJSDate(now, { zone: this.config.timeZone }).year;
        const issue = manager.create(IssueEntity, {
          referenceNo: `DH-${year}-${String(seq).padStart(6, '0')}`,
          kind: input.kind ?? 'supervision',
          title: input.title,
          description: input.description,
          category: input.category,
          regionCode: input.regionCode,
          severity: input.severity,
          source: input.source,
          location: input.location ?? {},
          evidence: input.evidence ?? [],
          status: 'filed',
          leadUnit: null,
          coUnits: [],
          returnedByUnits: [],
          returnCount: 0,
          filedBy: actor.username,
          filedAt: now,
          assignedAt: null,
          acknowledgedAt: null,
          acknowledgeDueAt: null,
          dueAt: null,
          overdue: false,
          escalationLevel: 0,
          reopenCount: 0,
          isKey: false,
          closedAt: null,
          deadlineVersion: 0,
          version: 1,
        });
        await manager.insert(IssueEntity, issue);
        if (idempotencyKey) {
          // A concurrent request with the same key blocks here until the first commits, then conflicts.
          const claimed = await manager.query(
            `INSERT INTO idempotency_keys (username, key, issue_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING issue_id`,
            [actor.username, idempotencyKey, issue.id],
          );
          if (claimed.length === 0) throw new IdempotentReplay();
        }
        const [event] = await this.eventLog.append(
          manager,
          issue,
          actor,
          [{ type: 'issue.filed', data: { kind: issue.kind, category: issue.category, regionCode: issue.regionCode } }],
          now,
        );
        await this.outbox.add(manager, [{ name: JOBS.routeIssue, payload: { issueId: issue.id, eventId: event.id } }]);
        return issue;
      });
      return { issue: toIssueView(issue), replayed: false };
    } catch (error) {
      if (error instanceof IdempotentReplay && idempotencyKey) {
        const previous = await this.issueForKey(actor, idempotencyKey);
        if (previous) return { issue: previous, replayed: true };
      }
      throw error;
    }
  }

  acknowledge(actor: Actor, id: string, options: CommandOptions): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'acknowledge',
      authorize: (issue) => this.requireLeadHandler(actor, issue),
      apply: (issue, _manager, now) => {
        issue.status = transition(issue.status, 'acknowledge');
        issue.acknowledgedAt = now;
        const onTime = !issue.acknowledgeDueAt || now <= issue.acknowledgeDueAt;
        return [{ type: 'issue.acknowledged', data: { unit: issue.leadUnit, onTime } }];
      },
    });
  }

  returnIssue(
    actor: Actor,
    id: string,
    input: { reason: string; reasonCode?: ReturnReasonCode },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'return',
      authorize: (issue) => this.requireLeadHandler(actor, issue),
      apply: async (issue, manager, now) => {
        const unit = issue.leadUnit as string;
        const heldSeconds = issue.assignedAt ? Math.round((now.getTime() - issue.assignedAt.getTime()) / 1000) : 0;
        const returned: PendingEvent = {
          type: 'issue.returned',
          data: { unit, reason: input.reason, reasonCode: input.reasonCode ?? 'other', heldSeconds },
        };
        issue.returnedByUnits = [...new Set([...issue.returnedByUnits, unit])];
        issue.returnCount += 1;
        // A bounded number of returns, then the inspection office decides: an issue must not bounce for ever.
        const maxReturns = await this.deadlines.maxReturns(manager, issue);
        if (issue.returnCount >= maxReturns) {
          this.routing.toTriage(issue);
          issue.status = transition('assigned', 'return', { routed: false });
          return [
            returned,
            { type: 'issue.triaged', data: { reason: 'max_returns_reached', returns: issue.returnCount } },
          ];
        }
        const routed = await this.routing.route(manager, issue, now);
        issue.status = transition('assigned', 'return', { routed: issue.status === 'assigned' });
        return [returned, ...routed];
      },
    });
  }

  reportProgress(actor: Actor, id: string, input: { note: string }, options: CommandOptions): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'report_progress',
      authorize: (issue) => this.requireUnitHandler(actor, issue),
      apply: (issue) => {
        issue.status = transition(issue.status, 'report_progress');
        return [{ type: 'issue.progress_reported', data: { note: input.note, unit: actor.unit } }];
      },
    });
  }

  submitRectification(
    actor: Actor,
    id: string,
    input: { summary: string; evidence?: { type: EvidenceType; uri?: string; description?: string }[] },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'submit_rectification',
      authorize: (issue) => this.requireLeadHandler(actor, issue),
      apply: (issue, _manager, now) => {
        issue.status = transition(issue.status, 'submit_rectification');
        const onTime = !issue.dueAt || now <= issue.dueAt;
        // Submitting meets the resolve deadline: the issue stops being overdue.
        issue.overdue = false;
        return [
          {
            type: 'issue.rectification_submitted',
            data: { summary: input.summary, evidence: input.evidence ?? [], unit: issue.leadUnit, onTime },
          },
        ];
      },
    });
  }

  verify(actor: Actor, id: string, input: VerificationInput, options: CommandOptions): Promise<IssueView> {
    const command: IssueCommand = input.outcome === 'accepted' ? 'accept' : 'reject';
    return this.run(actor, id, options, {
      command,
      authorize: (issue) => this.requireFilerOrInspector(actor, issue),
      apply: async (issue, manager, now) => {
        const data = { comment: input.comment ?? null, satisfaction: input.satisfaction ?? null };
        if (command === 'accept') {
          issue.status = transition(issue.status, 'accept');
          issue.closedAt = now;
          return [{ type: 'issue.accepted', data: { ...data, automatic: false } }];
        }
        let dueAt: Date | null;
        if (input.dueAt) {
          dueAt = new Date(input.dueAt);
          if (dueAt <= now) throw new InvalidInputError('dueAt', 'must be in the future');
        } else {
          dueAt = await this.deadlines.resolveDeadline(manager, issue, now);
        }
        issue.status = transition(issue.status, 'reject');
        issue.reopenCount += 1;
        issue.dueAt = dueAt;
        issue.overdue = false;
        issue.escalationLevel = 0;
        issue.deadlineVersion += 1;
        return [
          {
            type: 'issue.reopened',
            data: { ...data, dueAt: dueAt?.toISOString() ?? null, reopenCount: issue.reopenCount },
          },
        ];
      },
    });
  }

  assign(
    actor: Actor,
    id: string,
    input: { leadUnit: string; coUnits?: string[]; reason: string },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'assign',
      authorize: () => this.requireRole(actor, 'inspector'),
      apply: async (issue, manager, now) => {
        await this.assertExists(manager, UnitEntity, 'leadUnit', input.leadUnit);
        const coUnits = [...new Set(input.coUnits ?? [])];
        for (const [index, unit] of coUnits.entries()) {
          await this.assertExists(manager, UnitEntity, `coUnits[${index}]`, unit);
        }
        const previousUnit = issue.leadUnit;
        await this.routing.assign(manager, issue, input.leadUnit, coUnits, now);
        return [
          {
            type: 'issue.routed',
            data: {
              leadUnit: issue.leadUnit,
              coUnits: issue.coUnits,
              manual: true,
              reason: input.reason,
              previousUnit,
            },
          },
        ];
      },
    });
  }

  withdraw(actor: Actor, id: string, input: { reason: string }, options: CommandOptions): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'withdraw',
      authorize: (issue) => this.requireFilerOrInspector(actor, issue),
      apply: (issue) => {
        issue.status = transition(issue.status, 'withdraw');
        return [{ type: 'issue.withdrawn', data: { reason: input.reason } }];
      },
    });
  }

  private async run(actor: Actor, id: string, options: CommandOptions, spec: CommandSpec): Promise<IssueView> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await findVisibleIssue(manager, id, actor, true);
      spec.authorize(issue);
      if (options.ifMatch !== undefined && options.ifMatch !== issue.version) {
        throw new PreconditionFailedError(`If-Match: the issue is at version ${issue.version}, not ${options.ifMatch}`);
      }
      if (!canApply(issue.status, spec.command)) {
        throw new ConflictError(`cannot ${spec.command.replace(/_/g, ' ')} an issue in status ${issue.status}`);
      }
      const now = new Date();
      const events = await spec.apply(issue, manager, now);
      issue.version += 1;
      await saveIssue(manager, issue);
      await this.eventLog.append(manager, issue, actor, events, now);
      await this.outbox.add(manager, spec.jobs?.(issue) ?? []);
      return toIssueView(issue);
    });
  }

  private requireRole(actor: Actor, ...roles: string[]): void {
    if (!actor.role || !roles.includes(actor.role)) {
      throw new ForbiddenError(`role ${actor.role} may not do this`);
    }
  }

  private requireLeadHandler(actor: Actor, issue: IssueEntity): void {
    this.requireRole(actor, 'handler');
    if (issue.leadUnit !== actor.unit) throw new ForbiddenError('only a handler of the lead unit may do this');
  }

  private requireUnitHandler(actor: Actor, issue: IssueEntity): void {
    this.requireRole(actor, 'handler');
    if (issue.leadUnit !== actor.unit && !issue.coUnits.includes(actor.unit ?? '')) {
      throw new ForbiddenError('only a handler of the lead unit or a co-unit may do this');
    }
  }

  private requireFilerOrInspector(actor: Actor, issue: IssueEntity): void {
    if (actor.role === 'inspector') return;
    if (actor.username !== issue.filedBy) throw new ForbiddenError('only the filer or an inspector may do this');
  }

  private async assertExists(
    manager: EntityManager,
    entity: typeof CategoryEntity | typeof RegionEntity | typeof UnitEntity,
    field: string,
    code: string,
  ): Promise<void> {
    if (!(await manager.existsBy(entity, { code }))) {
      throw new InvalidInputError(field, `"${code}" does not exist`);
    }
  }

  private async issueForKey(actor: Actor, key: string): Promise<IssueView | null> {
    const issue = await this.dataSource
      .createQueryBuilder(IssueEntity, 'i')
      .innerJoin('idempotency_keys', 'k', 'k.issue_id = i.id')
      .where('k.username = :username AND k.key = :key', { username: actor.username, key })
      .getOne();
    return issue ? toIssueView(issue) : null;
  }
}
