import { IssueStatus, OPEN_STATUSES } from './issue-status';

export type IssueCommand =
  | 'route'
  | 'triage'
  | 'acknowledge'
  | 'return'
  | 'report_progress'
  | 'submit_rectification'
  | 'accept'
  | 'reject'
  | 'assign'
  | 'request_extension'
  | 'supervision_notice'
  | 'mark_key'
  | 'decide_extension'
  | 'withdraw';

export const ISSUE_COMMANDS: readonly IssueCommand[] = [
  'route',
  'triage',
  'acknowledge',
  'return',
  'report_progress',
  'submit_rectification',
  'accept',
  'reject',
  'assign',
  'request_extension',
  'supervision_notice',
  'mark_key',
  'decide_extension',
  'withdraw',
];

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: IssueStatus,
    readonly command: IssueCommand,
  ) {
    super(`cannot ${command.replace(/_/g, ' ')} an issue in status ${from}`);
    this.name = 'InvalidTransitionError';
  }
}

type Target = IssueStatus | 'unchanged' | 'returned';

interface Rule {
  from: readonly IssueStatus[];
  to: Target;
}

const RULES: Record<IssueCommand, Rule> = {
  route: { from: ['filed'], to: 'assigned' },
  triage: { from: ['filed'], to: 'triage' },
  acknowledge: { from: ['assigned'], to: 'in_progress' },
  // Where a returned issue lands depends on whether re-routing found another unit.
  return: { from: ['assigned'], to: 'returned' },
  report_progress: { from: ['in_progress'], to: 'in_progress' },
  submit_rectification: { from: ['in_progress'], to: 'rectification_submitted' },
  accept: { from: ['rectification_submitted'], to: 'closed' },
  reject: { from: ['rectification_submitted'], to: 'in_progress' },
  assign: { from: ['triage', 'assigned', 'in_progress'], to: 'assigned' },
  request_extension: { from: ['assigned', 'in_progress'], to: 'unchanged' },
  supervision_notice: { from: OPEN_STATUSES, to: 'unchanged' },
  mark_key: { from: OPEN_STATUSES, to: 'unchanged' },
  // Deciding is possible while the issue is open; moving the deadline also needs it still being worked.
  decide_extension: { from: OPEN_STATUSES, to: 'unchanged' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn' },
};

export function allowedFrom(command: IssueCommand): readonly IssueStatus[] {
  return RULES[command].from;
}

export function canApply(from: IssueStatus, command: IssueCommand): boolean {
  return RULES[command].from.includes(from);
}

export function transition(from: IssueStatus, command: IssueCommand, outcome?: { routed: boolean }): IssueStatus {
  const rule = RULES[command];
  if (!rule.from.includes(from)) throw new InvalidTransitionError(from, command);
  switch (rule.to) {
    case 'unchanged':
      return from;
    case 'returned':
      if (!outcome) throw new Error('return needs the re-routing outcome');
      return outcome.routed ? 'assigned' : 'triage';
    default:
      return rule.to;
  }
}
