import { Injectable } from '@nestjs/common';
import { closedOnTime, IssueCommand, Satisfaction, transition } from '@app/domain';
import type { Actor } from '../../common/actor';
import { InvalidInputError } from '../../common/errors';
import { DeadlineService } from '../../deadlines/deadline.service';
import { IssueView } from '../../issue-record/issue-view';
import { CommandOptions, IssueCommandRunner } from './command-runner';
import { requireFilerOrInspector } from './issue-permissions';

export interface VerificationInput {
  outcome: 'accepted' | 'rejected';
  comment?: string;
  satisfaction?: Satisfaction;
  dueAt?: string;
}

/** What the filer (or an inspector) does with a submitted rectification: accept it, or reject it and reopen. */
@Injectable()
export class VerificationCommands {
  constructor(
    private readonly runner: IssueCommandRunner,
    private readonly deadlines: DeadlineService,
  ) {}

  verify(actor: Actor, id: string, input: VerificationInput, options: CommandOptions): Promise<IssueView> {
    const command: IssueCommand = input.outcome === 'accepted' ? 'accept' : 'reject';
    return this.runner.run(actor, id, options, {
      command,
      authorize: (issue) => requireFilerOrInspector(actor, issue),
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
}
