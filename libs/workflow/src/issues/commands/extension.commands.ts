import { Injectable } from '@nestjs/common';
import { canApply } from '@app/domain';
import { ExtensionRequestEntity } from '@app/persistence';
import type { Actor } from '../../common/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/errors';
import { PendingEvent } from '../../issue-record/event-log';
import { ExtensionRequestView, IssueView, toExtensionRequestView } from '../../issue-record/issue-view';
import { NotificationService } from '../../notifications/notification.service';
import { CommandOptions, IssueCommandRunner } from './command-runner';
import { requireLeadHandler, requireRole } from './issue-permissions';

/** More time: the lead unit asks for a later deadline, an inspector decides and the timers follow. */
@Injectable()
export class ExtensionCommands {
  constructor(
    private readonly runner: IssueCommandRunner,
    private readonly notifications: NotificationService,
  ) {}

  requestExtension(
    actor: Actor,
    id: string,
    input: { requestedDueAt: string; reason: string },
    options: CommandOptions,
  ): Promise<ExtensionRequestView> {
    let request: ExtensionRequestEntity | null = null;
    return this.runner.runWith(
      actor,
      id,
      options,
      {
        command: 'request_extension',
        authorize: (issue) => requireLeadHandler(actor, issue),
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
    return this.runner.run(actor, id, options, {
      command: 'decide_extension',
      authorize: () => requireRole(actor, 'inspector'),
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
}
