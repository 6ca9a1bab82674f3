import fc from 'fast-check';
import { ISSUE_STATUSES, IssueStatus } from './issue-status';
import {
  ISSUE_COMMANDS,
  InvalidTransitionError,
  IssueCommand,
  allowedFrom,
  canApply,
  transition,
} from './issue-state-machine';

const OPEN: IssueStatus[] = ['filed', 'triage', 'assigned', 'in_progress', 'rectification_submitted'];

// Expected outcomes written out independently of the implementation's table.
const EXPECTED: Record<Exclude<IssueCommand, 'return'>, Partial<Record<IssueStatus, IssueStatus>>> = {
  route: { filed: 'assigned' },
  triage: { filed: 'triage' },
  acknowledge: { assigned: 'in_progress' },
  report_progress: { in_progress: 'in_progress' },
  submit_rectification: { in_progress: 'rectification_submitted' },
  accept: { rectification_submitted: 'closed' },
  reject: { rectification_submitted: 'in_progress' },
  assign: { triage: 'assigned', assigned: 'assigned', in_progress: 'assigned' },
  request_extension: { assigned: 'assigned', in_progress: 'in_progress' },
  supervision_notice: Object.fromEntries(OPEN.map((s) => [s, s])),
  mark_key: Object.fromEntries(OPEN.map((s) => [s, s])),
  decide_extension: Object.fromEntries(OPEN.map((s) => [s, s])),
  withdraw: Object.fromEntries(OPEN.map((s) => [s, 'withdrawn'])),
};

const pairs = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).flatMap((command) =>
  ISSUE_STATUSES.map((from) => [from, command, EXPECTED[command][from] ?? null] as const),
);

describe('transition', () => {
  it('covers every command', () => {
    expect([...Object.keys(EXPECTED), 'return'].sort()).toEqual([...ISSUE_COMMANDS].sort());
  });

  it.each(pairs)('%s + %s -> %s', (from, command, to) => {
    if (to === null) {
      expect(canApply(from, command)).toBe(false);
      expect(() => transition(from, command)).toThrow(InvalidTransitionError);
    } else {
      expect(canApply(from, command)).toBe(true);
      expect(transition(from, command)).toBe(to);
    }
  });

  it.each(ISSUE_STATUSES)('return from %s', (from) => {
    if (from === 'assigned') {
      expect(canApply(from, 'return')).toBe(true);
      expect(transition(from, 'return', { routed: true })).toBe('assigned');
      expect(transition(from, 'return', { routed: false })).toBe('triage');
    } else {
      expect(canApply(from, 'return')).toBe(false);
      expect(() => transition(from, 'return', { routed: true })).toThrow(InvalidTransitionError);
    }
  });

  it('return without an outcome is a programming error, not a transition error', () => {
    let caught: unknown;
    try {
      transition('assigned', 'return');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).not.toBeInstanceOf(InvalidTransitionError);
  });

  it('the error carries from, command and a readable message', () => {
    let caught: unknown;
    try {
      transition('closed', 'acknowledge');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    const err = caught as InvalidTransitionError;
    expect(err.from).toBe('closed');
    expect(err.command).toBe('acknowledge');
    expect(err.message).toBe('cannot acknowledge an issue in status closed');
    expect(err.name).toBe('InvalidTransitionError');
  });

  it('allowedFrom agrees with canApply for every pair', () => {
    for (const command of ISSUE_COMMANDS) {
      expect([...allowedFrom(command)].sort()).toEqual(ISSUE_STATUSES.filter((s) => canApply(s, command)).sort());
    }
  });

  it('allowedFrom matches the contract table', () => {
    expect(allowedFrom('assign')).toEqual(['triage', 'assigned', 'in_progress']);
    expect(allowedFrom('request_extension')).toEqual(['assigned', 'in_progress']);
    expect(allowedFrom('withdraw')).toEqual(OPEN);
  });

  it('property: closed and withdrawn accept no command', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IssueStatus>('closed', 'withdrawn'),
        fc.constantFrom(...ISSUE_COMMANDS),
        fc.option(fc.record({ routed: fc.boolean() }), { nil: undefined }),
        (from, command, outcome) => {
          expect(canApply(from, command)).toBe(false);
          expect(() => transition(from, command, outcome)).toThrow(InvalidTransitionError);
        },
      ),
    );
  });

  it('property: only accept closes, only withdraw withdraws, and nothing returns to filed from elsewhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ISSUE_STATUSES),
        fc.constantFrom(...ISSUE_COMMANDS),
        fc.boolean(),
        (from, command, routed) => {
          fc.pre(canApply(from, command));
          const to = transition(from, command, { routed });
          expect(to === 'closed').toBe(command === 'accept');
          expect(to === 'withdrawn').toBe(command === 'withdraw');
          if (to === 'filed') expect(from).toBe('filed');
        },
      ),
    );
  });
});
