import { describe, expect, it } from 'vitest';
import type { IssueStatus, Role } from '@/api/types';
import { ISSUE_STATUSES, ROLES } from './enums';
import {
  canTake,
  ISSUE_ACTIONS,
  issueActions,
  type ActionIssue,
  type ActionUser,
  type IssueAction,
} from './issue-actions';

// API.md's command table, written out again independently of the implementation: for each action, who may
// (as a relation of the user to the issue) and from which statuses.
type Relation = 'leadHandler' | 'coHandler' | 'otherHandler' | 'filer' | 'otherSupervisor' | 'inspector' | 'admin';
const OPEN: IssueStatus[] = ['filed', 'triage', 'assigned', 'in_progress', 'rectification_submitted'];
const TABLE: Record<IssueAction, { who: Relation[]; from: IssueStatus[] }> = {
  acknowledge: { who: ['leadHandler'], from: ['assigned'] },
  return: { who: ['leadHandler'], from: ['assigned'] },
  progress: { who: ['leadHandler', 'coHandler'], from: ['in_progress'] },
  rectification: { who: ['leadHandler'], from: ['in_progress'] },
  verification: { who: ['filer', 'inspector'], from: ['rectification_submitted'] },
  requestExtension: { who: ['leadHandler'], from: ['assigned', 'in_progress'] },
  decideExtension: { who: ['inspector'], from: OPEN },
  assign: { who: ['inspector'], from: ['triage', 'assigned', 'in_progress'] },
  supervisionNotice: { who: ['inspector'], from: OPEN },
  key: { who: ['inspector'], from: OPEN },
  withdraw: { who: ['filer', 'inspector'], from: OPEN },
};

const USERS: Record<Relation, ActionUser> = {
  leadHandler: { role: 'handler', username: 'xingren-handler', unit: 'xingren-gov' },
  coHandler: { role: 'handler', username: 'energy-handler', unit: 'pref-energy' },
  otherHandler: { role: 'handler', username: 'xingyi-handler', unit: 'xingyi-gov' },
  filer: { role: 'supervisor', username: 'supervisor', unit: null },
  otherSupervisor: { role: 'supervisor', username: 'someone-else', unit: null },
  inspector: { role: 'inspector', username: 'inspector', unit: 'pref-inspection' },
  admin: { role: 'admin', username: 'admin', unit: null },
};

const issue = (status: IssueStatus, isKey = false): ActionIssue => ({
  status,
  leadUnit: status === 'filed' || status === 'triage' ? null : 'xingren-gov',
  coUnits: status === 'filed' || status === 'triage' ? [] : ['pref-energy'],
  filedBy: 'supervisor',
  isKey,
});

const cases = (Object.keys(USERS) as Relation[]).flatMap((relation) =>
  ISSUE_STATUSES.flatMap((status) => ISSUE_ACTIONS.map((action) => [relation, status, action] as const)),
);

describe('issue actions: every relation × status × action', () => {
  it.each(cases)('%s, %s, %s', (relation, status, action) => {
    const expected = TABLE[action].who.includes(relation) && TABLE[action].from.includes(status);
    // Co-units exist only once an issue is routed; a co-unit handler on a triaged issue has no relation.
    expect(canTake(action, USERS[relation], issue(status))).toBe(expected);
  });

  it('the table names every action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ISSUE_ACTIONS].sort());
  });
});

describe('issue actions: relations the table implies', () => {
  it('a handler without a unit is nobody’s handler', () => {
    const unitless: ActionUser = { role: 'handler', username: 'h', unit: null };
    const noLead: ActionIssue = { ...issue('assigned'), leadUnit: null };
    expect(issueActions(unitless, noLead)).toEqual([]);
  });

  it('an inspector who filed is still an inspector; a filer whose role became handler or admin may not verify', () => {
    // POST /verification and /withdraw take supervisors and inspectors only (docs/API.md, Roles).
    const handlerFiler: ActionUser = { role: 'handler', username: 'supervisor', unit: 'xingyi-gov' };
    expect(issueActions(handlerFiler, issue('rectification_submitted'))).toEqual([]);
    const adminFiler: ActionUser = { role: 'admin', username: 'supervisor', unit: null };
    expect(issueActions(adminFiler, issue('in_progress'))).toEqual([]);
    const inspectorFiler: ActionUser = { ...USERS.inspector, username: 'supervisor' };
    expect(issueActions(inspectorFiler, issue('rectification_submitted'))).toContain('verification');
  });

  it('an admin takes no action on issues', () => {
    for (const status of ISSUE_STATUSES) expect(issueActions(USERS.admin, issue(status))).toEqual([]);
  });

  it('closed and withdrawn issues offer nothing to anyone', () => {
    for (const user of Object.values(USERS)) {
      expect(issueActions(user, issue('closed'))).toEqual([]);
      expect(issueActions(user, issue('withdrawn'))).toEqual([]);
    }
  });

  it('the key action is offered whether or not the issue is key (the page labels the toggle)', () => {
    expect(canTake('key', USERS.inspector, issue('in_progress', true))).toBe(true);
    expect(canTake('key', USERS.inspector, issue('in_progress', false))).toBe(true);
  });

  it('a co-unit handler reports progress and nothing else', () => {
    expect(issueActions(USERS.coHandler, issue('in_progress'))).toEqual(['progress']);
    expect(issueActions(USERS.coHandler, issue('assigned'))).toEqual([]);
  });

  it('the lead handler’s actions follow the issue through its life', () => {
    const lead = USERS.leadHandler;
    expect(issueActions(lead, issue('assigned'))).toEqual(['acknowledge', 'return', 'requestExtension']);
    expect(issueActions(lead, issue('in_progress'))).toEqual(['progress', 'rectification', 'requestExtension']);
    expect(issueActions(lead, issue('rectification_submitted'))).toEqual([]);
  });

  it('every role is covered by some relation', () => {
    const roles = new Set<Role>(Object.values(USERS).map((u) => u.role));
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });
});
