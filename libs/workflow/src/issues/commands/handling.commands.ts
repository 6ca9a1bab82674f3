import { Injectable } from '@nestjs/common';
import { ReturnReasonCode, transition } from '@app/domain';
import { AttachmentsService, EvidenceInput } from '../../attachments/attachments.service';
import type { Actor } from '../../common/actor';
import { DeadlineService } from '../../deadlines/deadline.service';
import { PendingEvent } from '../../issue-record/event-log';
import { IssueView } from '../../issue-record/issue-view';
import { RoutingService } from '../../routing/routing.service';
import { CommandOptions, IssueCommandRunner } from './command-runner';
import { requireLeadHandler, requireUnitHandler } from './issue-permissions';

/** What a unit's handler does: acknowledge, return a misrouted issue, report progress, submit the rectification. */
@Injectable()
export class HandlingCommands {
  constructor(
    private readonly runner: IssueCommandRunner,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlineService,
    private readonly attachments: AttachmentsService,
  ) {}

  acknowledge(actor: Actor, id: string, options: CommandOptions): Promise<IssueView> {
    return this.runner.run(actor, id, options, {
      command: 'acknowledge',
      authorize: (issue) => requireLeadHandler(actor, issue),
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
    return this.runner.run(actor, id, options, {
      command: 'return',
      authorize: (issue) => requireLeadHandler(actor, issue),
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
    return this.runner.run(actor, id, options, {
      command: 'report_progress',
      authorize: (issue) => requireUnitHandler(actor, issue),
      apply: (issue) => {
        issue.status = transition(issue.status, 'report_progress');
        return [{ type: 'issue.progress_reported', data: { note: input.note, unit: actor.unit } }];
      },
    });
  }

  submitRectification(
    actor: Actor,
    id: string,
    input: { summary: string; evidence?: EvidenceInput[] },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.runner.run(actor, id, options, {
      command: 'submit_rectification',
      authorize: (issue) => requireLeadHandler(actor, issue),
      apply: async (issue, manager, now) => {
        issue.status = transition(issue.status, 'submit_rectification');
        const evidence = await this.attachments.resolveEvidence(manager, actor, input.evidence ?? []);
        await this.attachments.link(manager, issue.id, evidence.attachmentIds);
        const onTime = !issue.dueAt || now <= issue.dueAt;
        // Submitting meets the resolve deadline: the clock stops, the issue is no longer overdue.
        issue.overdue = false;
        issue.rectificationSubmittedAt = now;
        issue.verifyDueAt = await this.deadlines.verifyDeadline(manager, issue, now);
        return [
          {
            type: 'issue.rectification_submitted',
            data: { summary: input.summary, evidence: evidence.items, unit: issue.leadUnit, onTime },
          },
        ];
      },
    });
  }
}
