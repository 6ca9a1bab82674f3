import fc from 'fast-check';
import { ReplayEvent, replayIssue, wasOverdue } from './board-replay';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 8, minutes));
const event = (minutes: number, type: string, data: Record<string, unknown> = {}): ReplayEvent => ({
  type,
  occurredAt: t(minutes),
  data,
});

const history: ReplayEvent[] = [
  event(0, 'issue.filed'),
  event(1, 'issue.routed', { leadUnit: 'xingren-gov', coUnits: ['pref-water'] }),
  event(2, 'issue.acknowledged'),
  event(10, 'issue.overdue', { dueAt: t(10).toISOString() }),
  event(10, 'issue.escalated', { level: 1 }),
  event(20, 'issue.escalated', { level: 2 }),
  event(25, 'issue.extension_approved', { dueAt: t(40).toISOString() }),
  event(40, 'issue.overdue', { dueAt: t(40).toISOString() }),
  event(45, 'issue.returned'),
  event(45, 'issue.routed', { leadUnit: 'xingyi-gov', coUnits: [] }),
  event(50, 'issue.key_changed', { isKey: true }),
  event(60, 'issue.withdrawn'),
];

describe('replayIssue', () => {
  it('rebuilds each moment of a history', () => {
    expect(replayIssue(history, new Date(t(0).getTime() - 1))).toBeNull();
    expect(replayIssue(history, t(5))).toMatchObject({
      status: 'in_progress',
      leadUnit: 'xingren-gov',
      overdue: false,
    });
    expect(replayIssue(history, t(10))).toMatchObject({ overdue: true, escalationLevel: 1, dueAt: t(10), version: 4 });
    expect(replayIssue(history, t(22))).toMatchObject({ overdue: true, escalationLevel: 2 });
    expect(replayIssue(history, t(30))).toMatchObject({ overdue: false, escalationLevel: 0, dueAt: t(40) });
    expect(replayIssue(history, t(41))).toMatchObject({ overdue: true, escalationLevel: 0, dueAt: t(40) });
    expect(replayIssue(history, t(46))).toMatchObject({
      status: 'assigned',
      leadUnit: 'xingyi-gov',
      coUnits: [],
      overdue: false,
      acknowledgedAt: null,
      assignedAt: t(45),
    });
    expect(replayIssue(history, t(55))).toMatchObject({ isKey: true });
    expect(replayIssue(history, t(60))).toMatchObject({ status: 'withdrawn' });
  });

  it('the board holds an issue while it is open and late', () => {
    const onBoard = (minutes: number) => wasOverdue(replayIssue(history, t(minutes)));
    expect([5, 10, 22, 30, 41, 46, 61].map(onBoard)).toEqual([false, true, true, false, true, false, false]);
  });

  it('submitting the rectification stops the clock; a rejection starts a new deadline', () => {
    const submitted = [
      ...history.slice(0, 5),
      event(12, 'issue.rectification_submitted'),
      event(15, 'issue.reopened', { dueAt: t(30).toISOString() }),
      event(30, 'issue.overdue', { dueAt: t(30).toISOString() }),
      event(35, 'issue.accepted'),
    ];
    expect(replayIssue(submitted, t(13))).toMatchObject({ status: 'rectification_submitted', overdue: false });
    expect(replayIssue(submitted, t(20))).toMatchObject({ status: 'in_progress', overdue: false, dueAt: t(30) });
    expect(wasOverdue(replayIssue(submitted, t(31)))).toBe(true);
    expect(replayIssue(submitted, t(36))).toMatchObject({ status: 'closed' });
    expect(wasOverdue(replayIssue(submitted, t(36)))).toBe(false);
  });

  it('depends only on the events up to the moment, and never shows a level without being late (random histories)', () => {
    const types = [
      'issue.routed',
      'issue.triaged',
      'issue.acknowledged',
      'issue.overdue',
      'issue.escalated',
      'issue.rectification_submitted',
      'issue.reopened',
      'issue.extension_approved',
      'issue.key_changed',
      'issue.progress_reported',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom(...types), gap: fc.integer({ min: 0, max: 3 }), level: fc.nat(4) })),
        fc.integer({ min: 0, max: 120 }),
        (steps, at) => {
          let minute = 0;
          const events = [event(0, 'issue.filed')];
          for (const step of steps) {
            minute += step.gap;
            events.push(
              event(minute, step.type, { level: step.level + 1, dueAt: t(minute).toISOString(), isKey: true }),
            );
          }
          const state = replayIssue(events, t(at));
          const prefix = events.filter((e) => e.occurredAt <= t(at));
          expect(replayIssue(prefix, t(at))).toEqual(state);
          if (state?.escalationLevel) expect(state.overdue).toBe(true);
        },
      ),
    );
  });
});
