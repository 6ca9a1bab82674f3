import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../common/actor';
import { IssueView } from '../../issue-record/issue-view';
import { NotificationService } from '../../notifications/notification.service';
import { RoutingService } from '../../routing/routing.service';
import { CommandOptions, IssueCommandRunner } from './command-runner';
import { assertUnitTakesIssues, requireRole } from './issue-permissions';

/** What the inspection office does on an issue: assign it by hand, issue a supervision notice, mark it key. */
@Injectable()
export class InspectorCommands {
  constructor(
    private readonly runner: IssueCommandRunner,
    private readonly routing: RoutingService,
    private readonly notifications: NotificationService,
  ) {}

  assign(
    actor: Actor,
    id: string,
    input: { leadUnit: string; coUnits?: string[]; reason: string },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.runner.run(actor, id, options, {
      command: 'assign',
      authorize: () => requireRole(actor, 'inspector'),
      apply: async (issue, manager, now) => {
        await assertUnitTakesIssues(manager, 'leadUnit', input.leadUnit);
        const coUnits = [...new Set(input.coUnits ?? [])];
        for (const [index, unit] of coUnits.entries()) await assertUnitTakesIssues(manager, `coUnits[${index}]`, unit);
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

  issueSupervisionNotice(
    actor: Actor,
    id: string,
    input: { note: string },
    options: CommandOptions,
  ): Promise<IssueView> {
    return this.runner.run(actor, id, options, {
      command: 'supervision_notice',
      authorize: () => requireRole(actor, 'inspector'),
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
    return this.runner.run(actor, id, options, {
      command: 'mark_key',
      authorize: () => requireRole(actor, 'inspector'),
      apply: (issue) => {
        if (issue.isKey === input.isKey) return [];
        issue.isKey = input.isKey;
        return [{ type: 'issue.key_changed', data: { isKey: input.isKey } }];
      },
    });
  }
}
