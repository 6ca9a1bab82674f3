import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  canApply,
  closedOnTime,
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
import { ExtensionRequestEntity, IssueEntity, IssueEventEntity, UnitEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import type { Actor } from '../actor';
import { DeadlineService } from '../deadlines/deadline.service';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, PreconditionFailedError } from '../errors';
import { NotificationService } from '../notifications/notification.service';
import { RoutingService } from '../routing/routing.service';
import { EventLog, PendingEvent } from './event-log';
import { findVisibleIssue } from './issue-access';
import { saveIssue } from './issue-store';
import { ExtensionRequestView, IssueView, toExtensionRequestView, toIssueView } from './issue-view';

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
  /** Changes the entity and says what happened; may return jobs (notifications) to publish after commit. */
  apply: (
    issue: IssueEntity,
    manager: EntityManager,
    now: Date,
  ) => Promise<PendingEvent[] | CommandOutcome> | PendingEvent[] | CommandOutcome;
}

interface CommandOutcome {
  events: PendingEvent[];
  jobs: OutboxJob[];
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
    private readonly notifications: NotificationService,
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
          0,
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
      // The foreign keys check category and region in the insert itself: no lookups before it.
      const constraint =
        error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : null;
      if (constraint === 'issues_category_code_fkey')
        throw new InvalidInputError('category', `"${input.category}" does not exist`);
      if (constraint === 'issues_region_code_fkey')
        throw new InvalidInputError('regionCode', `"${input.regionCode}" does not exist`);
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
          leadUnit: unit,
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
      apply: async (issue, manager, now) => {
        issue.status = transition(issue.status, 'submit_rectification');
        const onTime = !issue.dueAt || now <= issue.dueAt;
        // Submitting meets the resolve deadline: the clock stops, the issue is no longer overdue.
        issue.overdue = false;
        issue.rectificationSubmittedAt = now;
        issue.verifyDueAt = await this.deadlines.verifyDeadline(manager, issue, now);
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
          issue.verifyDueAt = null;
          return [{ type: 'issue.accepted', data: { ...data, automatic: false, onTime: closedOnTime(issue) } }];
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
        issue.originalDueAt = null;
        issue.clockStartedAt = now;
        issue.rectificationSubmittedAt = null;
        issue.verifyDueAt = null;
        issue.overdue = false;
        issue.escalationLevel = 0;
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
        // The unit had returned it and the inspection office sent it back: the return was overruled.
        const overruledReturn = issue.returnedByUnits.includes(input.leadUnit);
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
              overruledReturn,
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

  requestExtension(
    actor: Actor,
    id: string,
    input: { requestedDueAt: string; reason: string },
    options: CommandOptions,
  ): Promise<ExtensionRequestView> {
    let request: ExtensionRequestEntity | null = null;
    return this.runWith(
      actor,
      id,
      options,
      {
        command: 'request_extension',
        authorize: (issue) => this.requireLeadHandler(actor, issue),
        apply: async (issue, manager, now) => {
          const requestedDueAt = new Date(input.requestedDueAt);
          if (requestedDueAt <= now) throw new InvalidInputError('requestedDueAt', 'must be in the future');
          if (issue.dueAt && requestedDueAt <= issue.dueAt) {
            throw new InvalidInputError(
              'requestedDueAt',
              `must be later than the current due time ${issue.dueAt.toISOString()}`,
            );
          }
          if (await manager.existsBy(ExtensionRequestEntity, { issueId: issue.id, status: 'pending' })) {
            throw new ConflictError('an extension request for this issue is already pending');
          }
          request = manager.create(ExtensionRequestEntity, {
            issueId: issue.id,
            unit: issue.leadUnit as string,
            requestedBy: actor.username,
            requestedDueAt,
            previousDueAt: issue.dueAt,
            reason: input.reason,
            status: 'pending',
            decidedBy: null,
            decidedAt: null,
            comment: null,
          });
          await manager.insert(ExtensionRequestEntity, request);
          return [
            {
              type: 'issue.extension_requested',
              data: { requestId: request.id, requestedDueAt: requestedDueAt.toISOString(), reason: input.reason },
            },
          ];
        },
      },
      () => toExtensionRequestView(request as unknown as ExtensionRequestEntity),
    );
  }

  decideExtension(
    actor: Actor,
    id: string,
    requestId: string,
    input: { approved: boolean; comment?: string },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'decide_extension',
      authorize: () => this.requireRole(actor, 'inspector'),
      apply: async (issue, manager, now) => {
        const request = await manager
          .createQueryBuilder(ExtensionRequestEntity, 'r')
          .setLock('pessimistic_write')
          .where('r.id = :requestId AND r.issue_id = :issueId', { requestId, issueId: issue.id })
          .getOne();
        if (!request) throw new NotFoundError(`extension request ${requestId} not found on issue ${issue.id}`);
        if (request.status !== 'pending')
          throw new ConflictError(`the extension request was already ${request.status}`);
        if (input.approved && !canApply(issue.status, 'request_extension')) {
          throw new ConflictError(`cannot extend the deadline of an issue in status ${issue.status}`);
        }
        request.status = input.approved ? 'approved' : 'rejected';
        request.decidedBy = actor.username;
        request.decidedAt = now;
        request.comment = input.comment ?? null;
        await manager.update(
          ExtensionRequestEntity,
          { id: request.id },
          { status: request.status, decidedBy: request.decidedBy, decidedAt: now, comment: request.comment },
        );
        const data = { requestId: request.id, comment: request.comment };
        let event: PendingEvent;
        if (input.approved) {
          const previousDueAt = issue.dueAt;
          issue.originalDueAt ??= previousDueAt;
          issue.dueAt = request.requestedDueAt;
          issue.clockStartedAt = now;
          // A new deadline starts a new ladder: the old one's overdue state and escalations no longer apply.
          issue.overdue = false;
          issue.escalationLevel = 0;
          event = {
            type: 'issue.extension_approved',
            data: { ...data, dueAt: issue.dueAt.toISOString(), previousDueAt: previousDueAt?.toISOString() ?? null },
          };
        } else {
          event = { type: 'issue.extension_rejected', data };
        }
        const jobs = await this.notifications.notify(
          manager,
          issue,
          {
            type: 'extension_decided',
            units: [request.unit],
            cause: `extension:${request.id}`,
            data: { requestId: request.id, approved: input.approved },
          },
          now,
        );
        return { events: [event], jobs };
      },
    });
  }

  issueSupervisionNotice(
    actor: Actor,
    id: string,
    input: { note: string },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'supervision_notice',
      authorize: () => this.requireRole(actor, 'inspector'),
      apply: async (issue, manager, now) => {
        const noticeId = randomUUID();
        const jobs = await this.notifications.notify(
          manager,
          issue,
          {
            type: 'supervision_notice',
            units: [issue.leadUnit],
            cause: `notice:${noticeId}`,
            data: { note: input.note },
          },
          now,
        );
        return {
          events: [{ type: 'issue.supervision_notice', data: { noticeId, note: input.note, unit: issue.leadUnit } }],
          jobs,
        };
      },
    });
  }

  markKey(actor: Actor, id: string, input: { isKey: boolean }, options: CommandOptions): Promise<IssueView> {
    return this.run(actor, id, options, {
      command: 'mark_key',
      authorize: () => this.requireRole(actor, 'inspector'),
      apply: (issue) => {
        if (issue.isKey === input.isKey) return [];
        issue.isKey = input.isKey;
        return [{ type: 'issue.key_changed', data: { isKey: input.isKey } }];
      },
    });
  }

  private run(actor: Actor, id: string, options: CommandOptions, spec: CommandSpec): Promise<IssueView> {
    return this.runWith(actor, id, options, spec, (issue) => toIssueView(issue));
  }

  /**
   * One command, one transaction: lock the visible issue, check role, If-Match and state, apply, bring the
   * timers in line, then write the row, its events and the outbox together.
   */
  private async runWith<T>(
    actor: Actor,
    id: string,
    options: CommandOptions,
    spec: CommandSpec,
    result: (issue: IssueEntity, events: IssueEventEntity[]) => T | Promise<T>,
  ): Promise<T> {
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
      const applied = await spec.apply(issue, manager, now);
      const { events, jobs } = Array.isArray(applied) ? { events: applied, jobs: [] } : applied;
      const timers = await this.deadlines.syncTimers(manager, issue);
      issue.version += 1;
      await saveIssue(manager, issue);
      const written = await this.eventLog.append(manager, issue, actor, events, now);
      await this.outbox.add(manager, [...jobs, ...timers]);
      return result(issue, written);
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
    entity: typeof UnitEntity,
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
