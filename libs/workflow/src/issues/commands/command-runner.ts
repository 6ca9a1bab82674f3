import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { canApply, IssueCommand } from '@app/domain';
import type { OutboxJob } from '@app/messaging';
import type { IssueEntity, IssueEventEntity } from '@app/persistence';
import type { Actor } from '../../common/actor';
import { ConflictError, PreconditionFailedError } from '../../common/errors';
import { DeadlineService } from '../../deadlines/deadline.service';
import { EventLog, PendingEvent } from '../../issue-record/event-log';
import { findVisibleIssue } from '../../issue-record/issue-access';
import { IssueView, toIssueView } from '../../issue-record/issue-view';

export interface CommandOptions {
  /** The client's If-Match version, when it sent one. */
  ifMatch?: number;
}

export interface CommandOutcome {
  events: PendingEvent[];
  /** Jobs (notifications) to publish after commit. */
  jobs: OutboxJob[];
}

export interface CommandSpec {
  command: IssueCommand;
  /** Throws ForbiddenError when this actor may not run the command on this issue. */
  authorize: (issue: IssueEntity) => void;
  /** Changes the entity and says what happened. */
  apply: (
    issue: IssueEntity,
    manager: EntityManager,
    now: Date,
  ) => Promise<PendingEvent[] | CommandOutcome> | PendingEvent[] | CommandOutcome;
}

/**
 * One command, one transaction: lock the visible issue (commands on one issue serialize), check role, If-Match and
 * the state machine, apply, bring the timers in line, then write the row, its events and the outbox together.
 */
@Injectable()
export class IssueCommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly eventLog: EventLog,
  ) {}

  run(actor: Actor, id: string, options: CommandOptions, spec: CommandSpec): Promise<IssueView> {
    return this.runWith(actor, id, options, spec, (issue) => toIssueView(issue));
  }

  async runWith<T>(
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
      const written = await this.eventLog.save(manager, issue, actor, { events, jobs: [...jobs, ...timers], now });
      return result(issue, written);
    });
  }
}
