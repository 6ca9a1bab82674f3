import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, QueryFailedError } from 'typeorm';
import { IssueKind, IssueSource, Severity, transition } from '@app/domain';
import { JOBS, OutboxWriter } from '@app/messaging';
import { IssueEntity } from '@app/persistence';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { AttachmentsService, EvidenceInput } from '../../attachments/attachments.service';
import type { Actor } from '../../common/actor';
import { InvalidInputError } from '../../common/errors';
import { EventLog } from '../../issue-record/event-log';
import { IssueView, toIssueView } from '../../issue-record/issue-view';
import { CommandOptions, IssueCommandRunner } from './command-runner';
import { requireFilerOrInspector } from './issue-permissions';

export interface FileIssueInput {
  kind?: IssueKind;
  title: string;
  description: string;
  category: string;
  regionCode: string;
  severity: Severity;
  source: IssueSource;
  location?: { township?: string; village?: string; lat?: number; lng?: number };
  evidence?: EvidenceInput[];
}

class IdempotentReplay extends Error {}

/** What a filer does: file an issue (once per Idempotency-Key) and withdraw it. */
@Injectable()
export class FilingCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly eventLog: EventLog,
    private readonly outbox: OutboxWriter,
    private readonly runner: IssueCommandRunner,
    private readonly attachments: AttachmentsService,
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
        const evidence = await this.attachments.resolveEvidence(manager, actor, input.evidence ?? []);
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
          evidence: evidence.items,
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
        await this.attachments.link(manager, issue.id, evidence.attachmentIds);
        if (idempotencyKey) {
          // A concurrent request with the same key blocks here until the first commits, then conflicts.
          const claimed = await manager.query(
            `INSERT INTO idempotency_keys (username, key, issue_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING issue_id`,
            [actor.username, idempotencyKey, issue.id],
          );
          if (claimed.length === 0) throw new IdempotentReplay();
        }
        const [event] = await this.eventLog.append(manager, issue, actor, {
          events: [
            { type: 'issue.filed', data: { kind: issue.kind, category: issue.category, regionCode: issue.regionCode } },
          ],
          jobs: [],
          now,
          lastSeq: 0,
        });
        // The routing job names the filing event, so it is written once the event has its id.
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

  withdraw(actor: Actor, id: string, input: { reason: string }, options: CommandOptions): Promise<IssueView> {
    return this.runner.run(actor, id, options, {
      command: 'withdraw',
      authorize: (issue) => requireFilerOrInspector(actor, issue),
      apply: (issue) => {
        issue.status = transition(issue.status, 'withdraw');
        return [{ type: 'issue.withdrawn', data: { reason: input.reason } }];
      },
    });
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
