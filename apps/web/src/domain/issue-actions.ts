import type { Issue, IssueStatus, Role } from '@/api/types';

/**
 * Every command on an issue (API.md, "Issues", the command table), by the name the UI uses.
 * `key` toggles: the page labels it from `issue.isKey` (mark as key / unmark).
 */
export const ISSUE_ACTIONS = [
  'acknowledge',
  'return',
  'progress',
  'rectification',
  'verification',
  'requestExtension',
  'decideExtension',
  'assign',
  'supervisionNotice',
  'key',
  'withdraw',
] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/** Who is asking: the fields of GET /auth/me that decide. */
export interface ActionUser {
  role: Role;
  username: string;
  unit: string | null;
}

/** What of the issue decides. */
export type ActionIssue = Pick<Issue, 'status' | 'leadUnit' | 'coUnits' | 'filedBy' | 'isKey'>;

const OPEN: readonly IssueStatus[] = ['filed', 'triage', 'assigned', 'in_progress', 'rectification_submitted'];

interface Rule {
  from: readonly IssueStatus[];
  may: (user: ActionUser, issue: ActionIssue) => boolean;
}

const isLeadHandler = (user: ActionUser, issue: ActionIssue) =>
  user.role === 'handler' && user.unit !== null && issue.leadUnit === user.unit;
const isUnitHandler = (user: ActionUser, issue: ActionIssue) =>
  user.role === 'handler' && user.unit !== null && (issue.leadUnit === user.unit || issue.coUnits.includes(user.unit));
const isInspector = (user: ActionUser) => user.role === 'inspector';
// The endpoints take supervisors and inspectors only (docs/API.md, "Roles"): a filer whose role has since become
// handler or admin is turned away at the door, so the button is not offered.
const isFilerOrInspector = (user: ActionUser, issue: ActionIssue) =>
  user.role === 'inspector' || (user.role === 'supervisor' && user.username === issue.filedBy);

// The API's command table, row for row: who may, and from which statuses (libs/workflow's authorize + the
// state machine's canApply). The extension decision's "from status –" is, in the service, any open status.
const RULES: Record<IssueAction, Rule> = {
  acknowledge: { from: ['assigned'], may: isLeadHandler },
  return: { from: ['assigned'], may: isLeadHandler },
  progress: { from: ['in_progress'], may: isUnitHandler },
  rectification: { from: ['in_progress'], may: isLeadHandler },
  verification: { from: ['rectification_submitted'], may: isFilerOrInspector },
  requestExtension: { from: ['assigned', 'in_progress'], may: isLeadHandler },
  decideExtension: { from: OPEN, may: isInspector },
  assign: { from: ['triage', 'assigned', 'in_progress'], may: isInspector },
  supervisionNotice: { from: OPEN, may: isInspector },
  key: { from: OPEN, may: isInspector },
  withdraw: { from: OPEN, may: isFilerOrInspector },
};

/** May this user take this action on this issue now? A button for which this is false is not shown. */
export function canTake(action: IssueAction, user: ActionUser, issue: ActionIssue): boolean {
  const rule = RULES[action];
  return rule.from.includes(issue.status) && rule.may(user, issue);
}

/** The actions this user may take on this issue, in the order of ISSUE_ACTIONS. */
export function issueActions(user: ActionUser, issue: ActionIssue): IssueAction[] {
  return ISSUE_ACTIONS.filter((action) => canTake(action, user, issue));
}
