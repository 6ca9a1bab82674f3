import { describe, expect, it } from 'vitest';
import type { IssueStreamEvent } from '@/api/stream';
import type { Issue } from '@/api/types';
import type { DeadlinePolicy } from './api';
import { concernsQueue, countQueue, currentDeadline, isLate, partOf, policyFor, reminderWindow } from './inbox';

const NOW = new Date('2026-03-10T02:00:00.000Z');
const H = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

function issue(fields: Partial<Issue> = {}): Issue {
  return {
    id: 'i1',
    referenceNo: 'DH-2026-000001',
    kind: 'supervision',
    title: '通组公路破损',
    description: '',
    category: 'rural_roads',
    regionCode: '522302',
    severity: 'general',
    source: 'unannounced_visit',
    location: {},
    evidence: [],
    status: 'in_progress',
    leadUnit: 'xingren-gov',
    coUnits: [],
    filedBy: 'supervisor',
    filedAt: at(-48 * H),
    assignedAt: at(-48 * H),
    acknowledgedAt: at(-40 * H),
    acknowledgeDueAt: at(-24 * H),
    dueAt: at(100 * H),
    overdue: false,
    escalationLevel: 0,
    remindFromAt: null,
    remindLastAt: null,
    reopenCount: 0,
    returnCount: 0,
    isKey: false,
    closedAt: null,
    version: 3,
    ...fields,
  };
}

const policy = (fields: Partial<DeadlinePolicy>): DeadlinePolicy => ({
  id: 'p',
  severity: 'general',
  category: null,
  calendar: 'working',
  acknowledgeWithin: 'P1D',
  resolveWithin: 'P15D',
  remindAt: [0.5, 0.8],
  escalations: [],
  maxReturns: 2,
  verifyWithin: 'P5D',
  ...fields,
});

describe('the deadline that matters now', () => {
  it('is the acknowledge deadline while assigned, the resolve deadline after', () => {
    expect(currentDeadline(issue({ status: 'assigned', acknowledgeDueAt: at(H) }))).toEqual({
      kind: 'acknowledge',
      at: at(H),
      stopped: false,
    });
    expect(currentDeadline(issue())).toEqual({ kind: 'resolve', at: at(100 * H), stopped: false });
  });

  it('stands still once rectification is in', () => {
    expect(currentDeadline(issue({ status: 'rectification_submitted' })).stopped).toBe(true);
    expect(isLate(issue({ status: 'rectification_submitted', dueAt: at(-H) }), NOW)).toBe(false);
  });

  it('is late by the service’s flag or by the clock, acknowledge deadlines included', () => {
    expect(isLate(issue({ overdue: true }), NOW)).toBe(true);
    expect(isLate(issue({ dueAt: at(-1) }), NOW)).toBe(true);
    expect(isLate(issue({ status: 'assigned', acknowledgeDueAt: at(-1) }), NOW)).toBe(true);
    expect(isLate(issue({ status: 'assigned', acknowledgeDueAt: at(H) }), NOW)).toBe(false);
    expect(isLate(issue({ status: 'triage', dueAt: null, acknowledgeDueAt: null }), NOW)).toBe(false);
  });
});

describe('the queue counters', () => {
  it('count open, overdue, and due within 24 hours (not late yet)', () => {
    const items = [
      issue({ overdue: true, dueAt: at(-H) }),
      issue({ status: 'assigned', acknowledgeDueAt: at(-H) }),
      issue({ dueAt: at(23 * H) }),
      issue({ status: 'assigned', acknowledgeDueAt: at(2 * H), dueAt: at(200 * H) }),
      issue({ dueAt: at(25 * H) }),
      issue({ status: 'rectification_submitted', dueAt: at(H) }),
      issue({ status: 'triage', dueAt: null, acknowledgeDueAt: null }),
    ];
    expect(countQueue(items, NOW)).toEqual({ open: 7, overdue: 2, dueSoon: 2 });
    expect(countQueue([], NOW)).toEqual({ open: 0, overdue: 0, dueSoon: 0 });
  });
});

describe('lead or co-unit, and which stream events concern the queue', () => {
  const event = (fields: Partial<IssueStreamEvent>): IssueStreamEvent => ({
    id: 'x',
    type: 'issue.routed',
    status: 'assigned',
    leadUnit: 'other',
    coUnits: [],
    overdue: false,
    escalationLevel: 0,
    version: 2,
    occurredAt: NOW.toISOString(),
    ...fields,
  });

  it('tags the unit’s part', () => {
    expect(partOf(issue(), 'xingren-gov')).toBe('lead');
    expect(partOf(issue({ coUnits: ['pref-transport'] }), 'pref-transport')).toBe('co');
  });

  it('an issue in this unit (lead or co-unit), or one that was listed and left', () => {
    const listed = new Set(['gone']);
    expect(concernsQueue(event({ leadUnit: 'xingren-gov' }), 'xingren-gov', listed)).toBe(true);
    expect(concernsQueue(event({ coUnits: ['xingren-gov'] }), 'xingren-gov', listed)).toBe(true);
    expect(concernsQueue(event({ id: 'gone', leadUnit: 'xingyi-gov' }), 'xingren-gov', listed)).toBe(true);
    expect(concernsQueue(event({ leadUnit: 'xingyi-gov' }), 'xingren-gov', listed)).toBe(false);
  });
});

describe('the reminder window', () => {
  const policies = [
    policy({ severity: 'general', category: null, remindAt: [0.8, 0.5] }),
    policy({ severity: 'general', category: 'rural_roads', remindAt: [0.25] }),
    policy({ severity: 'urgent', category: null, remindAt: [] }),
  ];

  it('takes the category and severity policy before the severity-only one', () => {
    expect(policyFor(issue(), policies)?.remindAt).toEqual([0.25]);
    expect(policyFor(issue({ category: 'work_safety' }), policies)?.remindAt).toEqual([0.8, 0.5]);
    expect(policyFor(issue({ severity: 'major' }), policies)).toBeNull();
  });

  it('places the first and last reminders as fractions from assignment to due', () => {
    const window = reminderWindow(issue({ category: 'work_safety', assignedAt: at(0), dueAt: at(100 * H) }), policies);
    expect(window).toEqual({ fromAt: new Date(at(50 * H)), lastAt: new Date(at(80 * H)) });
  });

  it('gives none without reminders, without dates, or after a reopening', () => {
    expect(reminderWindow(issue({ severity: 'urgent' }), policies)).toBeNull();
    expect(reminderWindow(issue({ assignedAt: null }), policies)).toBeNull();
    expect(reminderWindow(issue({ reopenCount: 1 }), policies)).toBeNull();
    expect(reminderWindow(issue({ assignedAt: at(0), dueAt: at(0) }), policies)).toBeNull();
  });
});
