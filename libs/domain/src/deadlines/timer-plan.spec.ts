import fc from 'fast-check';
import { ISSUE_STATUSES, IssueStatus } from '../issue/issue-status';
import {
  AlertColour,
  PlannedTimer,
  TimerIssueState,
  TimerPlanInput,
  alertColour,
  carryOverFired,
  dueTimers,
  escalationTarget,
  nextTimerAt,
  pendingTimers,
  planTimers,
  timerEffect,
} from './timer-plan';

const at = (text: string) => new Date(text);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WORKING: readonly IssueStatus[] = ['assigned', 'in_progress'];
const NOT_WORKING: readonly IssueStatus[] = ISSUE_STATUSES.filter((s) => !WORKING.includes(s));

// A 10-day resolve window: assigned Monday 2026-01-05 00:00Z, due Thursday 2026-01-15 00:00Z.
function input(partial: Partial<TimerPlanInput> = {}): TimerPlanInput {
  return {
    status: 'assigned',
    acknowledgeDueAt: at('2026-01-06T00:00:00Z'),
    clockStartedAt: at('2026-01-05T00:00:00Z'),
    dueAt: at('2026-01-15T00:00:00Z'),
    verifyDueAt: null,
    remindAt: [0.5, 0.8],
    escalations: [],
    ...partial,
  };
}

function issue(partial: Partial<TimerIssueState> = {}): TimerIssueState {
  return {
    status: 'in_progress',
    overdue: false,
    escalationLevel: 0,
    dueAt: at('2026-01-15T00:00:00Z'),
    ...partial,
  };
}

const steps = (plan: readonly PlannedTimer[]) => plan.map((timer) => timer.step);
const timer = (step: string, iso: string): PlannedTimer => ({ step, at: iso });

// Instants between 2025-01-01 and 2030-01-01, whole milliseconds.
const instantMs = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) });
const instant = instantMs.map((ms) => new Date(ms));

describe('planTimers', () => {
  it('plans acknowledgement, reminders, due and escalations for an assigned issue, sorted by time', () => {
    const plan = planTimers(
      input({
        remindAt: [0.8, 0.5],
        escalations: [
          { level: 2, at: at('2026-01-17T00:00:00Z') },
          { level: 1, at: at('2026-01-15T00:00:00Z') },
        ],
        verifyDueAt: at('2026-01-20T00:00:00Z'),
      }),
    );
    expect(plan).toEqual([
      timer('acknowledge-due', '2026-01-06T00:00:00.000Z'),
      timer('remind-0', '2026-01-10T00:00:00.000Z'),
      timer('remind-1', '2026-01-13T00:00:00.000Z'),
      timer('due', '2026-01-15T00:00:00.000Z'),
      timer('escalate-1', '2026-01-15T00:00:00.000Z'),
      timer('escalate-2', '2026-01-17T00:00:00.000Z'),
    ]);
  });

  it('drops the acknowledgement timer once the issue is in progress', () => {
    expect(steps(planTimers(input({ status: 'in_progress' })))).toEqual(['remind-0', 'remind-1', 'due']);
  });

  it('an assigned issue without an acknowledgement deadline has no acknowledgement timer', () => {
    expect(steps(planTimers(input({ acknowledgeDueAt: null })))).toEqual(['remind-0', 'remind-1', 'due']);
  });

  it('an issue awaiting verification has only the verification timer', () => {
    const plan = planTimers(
      input({
        status: 'rectification_submitted',
        verifyDueAt: at('2026-01-20T00:00:00Z'),
        escalations: [{ level: 1, at: at('2026-01-15T00:00:00Z') }],
      }),
    );
    expect(plan).toEqual([timer('verify-due', '2026-01-20T00:00:00.000Z')]);
  });

  it('an issue awaiting verification without a verification deadline has no timers', () => {
    expect(planTimers(input({ status: 'rectification_submitted', verifyDueAt: null }))).toEqual([]);
  });

  it.each(['filed', 'triage', 'closed', 'withdrawn'] as const)('a %s issue has no timers', (status) => {
    const plan = planTimers(
      input({
        status,
        verifyDueAt: at('2026-01-20T00:00:00Z'),
        escalations: [{ level: 1, at: at('2026-01-15T00:00:00Z') }],
      }),
    );
    expect(plan).toEqual([]);
  });

  it('without a due time there are no reminders, due or escalation timers', () => {
    const plan = planTimers(
      input({ status: 'in_progress', dueAt: null, escalations: [{ level: 1, at: at('2026-01-15T00:00:00Z') }] }),
    );
    expect(plan).toEqual([]);
  });

  it('without a clock start there are no reminders but the due and escalation timers stay', () => {
    const plan = planTimers(
      input({ clockStartedAt: null, escalations: [{ level: 1, at: at('2026-01-16T00:00:00Z') }] }),
    );
    expect(steps(plan)).toEqual(['acknowledge-due', 'due', 'escalate-1']);
  });

  it.each([
    ['equal to', '2026-01-15T00:00:00Z'],
    ['after', '2026-01-16T00:00:00Z'],
  ])('no reminders when the clock starts %s the due time', (_label, start) => {
    expect(steps(planTimers(input({ status: 'in_progress', clockStartedAt: at(start) })))).toEqual(['due']);
  });

  it('timers at the same instant are ordered by step, whatever order they were given in', () => {
    const plan = planTimers(
      input({
        status: 'in_progress',
        clockStartedAt: null,
        escalations: [
          { level: 3, at: at('2026-01-16T00:00:00Z') },
          { level: 2, at: at('2026-01-16T00:00:00Z') },
        ],
      }),
    );
    expect(steps(plan)).toEqual(['due', 'escalate-2', 'escalate-3']);
  });

  it('no reminders when the policy has none', () => {
    expect(steps(planTimers(input({ status: 'in_progress', remindAt: [] })))).toEqual(['due']);
  });

  it('rounds reminder times to the millisecond', () => {
    const plan = planTimers(
      input({
        status: 'in_progress',
        clockStartedAt: at('2026-01-05T00:00:00.000Z'),
        dueAt: at('2026-01-05T00:00:01.001Z'),
        remindAt: [0.5],
      }),
    );
    expect(plan).toEqual([timer('remind-0', '2026-01-05T00:00:00.501Z'), timer('due', '2026-01-05T00:00:01.001Z')]);
  });

  it('does not reorder the caller’s fractions', () => {
    const remindAt = Object.freeze([0.8, 0.5]);
    planTimers(input({ remindAt }));
    expect(remindAt).toEqual([0.8, 0.5]);
  });

  it('at the same instant, due comes before the escalation that starts at it', () => {
    const plan = planTimers(
      input({ status: 'in_progress', escalations: [{ level: 1, at: at('2026-01-15T00:00:00Z') }] }),
    );
    expect(steps(plan).slice(-2)).toEqual(['due', 'escalate-1']);
  });

  const planInput: fc.Arbitrary<TimerPlanInput> = fc
    .record({
      status: fc.constantFrom(...ISSUE_STATUSES),
      start: instantMs,
      windowMs: fc.integer({ min: 1000, max: 120 * DAY }),
      ackOffset: fc.option(fc.integer({ min: 0, max: 5 * DAY }), { nil: null }),
      hasClock: fc.boolean(),
      hasDue: fc.boolean(),
      verifyOffset: fc.option(fc.integer({ min: 0, max: 10 * DAY }), { nil: null }),
      // The API accepts fractions from 0.01 to 0.99, duplicates allowed, at most 10.
      remindAt: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { maxLength: 10 }),
      // Levels 1..10, each once; `after` counted from the due time.
      escalations: fc.uniqueArray(
        fc.record({ level: fc.integer({ min: 1, max: 10 }), after: fc.integer({ min: 0, max: 30 * DAY }) }),
        { selector: (e) => e.level, maxLength: 10 },
      ),
    })
    .map((r) => {
      const due = r.start + r.windowMs;
      return {
        status: r.status,
        acknowledgeDueAt: r.ackOffset === null ? null : new Date(r.start + r.ackOffset),
        clockStartedAt: r.hasClock ? new Date(r.start) : null,
        dueAt: r.hasDue ? new Date(due) : null,
        verifyDueAt: r.verifyOffset === null ? null : new Date(r.start + r.verifyOffset),
        remindAt: r.remindAt,
        escalations: r.escalations.map((e) => ({ level: e.level, at: new Date(due + e.after) })),
      };
    });

  /** Ladder order at one instant: acknowledge, reminders, due, escalations by level (2 before 10), verify. */
  const LADDER = ['acknowledge-due', 'remind', 'due', 'escalate', 'verify-due'];
  const rank = (step: string): [number, number] => {
    const numbered = /^(remind|escalate)-(\d+)$/.exec(step);
    return numbered ? [LADDER.indexOf(numbered[1]!), Number(numbered[2])] : [LADDER.indexOf(step), 0];
  };
  const before = (a: string, b: string) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  };

  it('property: the plan is sorted by time, then in ladder order', () => {
    // the counterexample that string order got wrong: escalate-2 and escalate-10 at one instant
    const same = new Date('2025-01-01T00:00:01.024Z');
    expect(
      planTimers({
        status: 'assigned',
        acknowledgeDueAt: null,
        clockStartedAt: null,
        dueAt: new Date('2025-01-01T00:00:01.000Z'),
        verifyDueAt: null,
        remindAt: [],
        escalations: [
          { level: 10, at: same },
          { level: 2, at: same },
        ],
      }).map((timer) => timer.step),
    ).toEqual(['due', 'escalate-2', 'escalate-10']);
    fc.assert(
      fc.property(planInput, (i) => {
        const plan = planTimers(i);
        for (let k = 1; k < plan.length; k += 1) {
          const prev = Date.parse(plan[k - 1].at);
          const cur = Date.parse(plan[k].at);
          expect(prev).toBeLessThanOrEqual(cur);
          if (prev === cur) expect(before(plan[k - 1].step, plan[k].step)).toBe(true);
        }
      }),
    );
  });

  it('property: each step appears at most once and every time is a canonical ISO instant', () => {
    fc.assert(
      fc.property(planInput, (i) => {
        const plan = planTimers(i);
        expect(new Set(steps(plan)).size).toBe(plan.length);
        for (const t of plan) expect(new Date(t.at).toISOString()).toBe(t.at);
      }),
    );
  });

  it('property: one reminder per fraction, strictly between clock start and due, in index order', () => {
    fc.assert(
      fc.property(planInput, (i) => {
        const reminders = planTimers(i).filter((t) => t.step.startsWith('remind-'));
        const planned = WORKING.includes(i.status) && i.dueAt !== null && i.clockStartedAt !== null;
        expect(reminders.length).toBe(planned ? i.remindAt.length : 0);
        reminders.forEach((t, index) => {
          expect(t.step).toBe(`remind-${index}`);
          const ms = Date.parse(t.at);
          expect(ms).toBeGreaterThan(i.clockStartedAt?.getTime() ?? Infinity);
          expect(ms).toBeLessThan(i.dueAt?.getTime() ?? -Infinity);
        });
      }),
    );
  });

  it('property: which kinds of timer exist depends only on the status and the deadlines present', () => {
    fc.assert(
      fc.property(planInput, (i) => {
        const names = new Set(steps(planTimers(i)));
        const working = WORKING.includes(i.status);
        expect(names.has('acknowledge-due')).toBe(i.status === 'assigned' && i.acknowledgeDueAt !== null);
        expect(names.has('due')).toBe(working && i.dueAt !== null);
        expect(names.has('verify-due')).toBe(i.status === 'rectification_submitted' && i.verifyDueAt !== null);
        const levels = [...names].filter((s) => s.startsWith('escalate-')).sort();
        const expected = working && i.dueAt ? i.escalations.map((e) => `escalate-${e.level}`).sort() : [];
        expect(levels).toEqual(expected);
      }),
    );
  });
});

describe('carryOverFired', () => {
  const oldPlan = [
    timer('remind-0', '2026-01-10T00:00:00.000Z'),
    timer('remind-1', '2026-01-13T00:00:00.000Z'),
    timer('due', '2026-01-15T00:00:00.000Z'),
  ];

  it('keeps fired steps whose time did not change', () => {
    const newPlan = [...oldPlan, timer('escalate-1', '2026-01-15T00:00:00.000Z')];
    expect(carryOverFired(oldPlan, ['remind-0', 'remind-1'], newPlan)).toEqual(['remind-0', 'remind-1']);
  });

  it('re-arms a fired step whose time moved', () => {
    const newPlan = [
      timer('remind-0', '2026-01-10T00:00:00.000Z'),
      timer('remind-1', '2026-01-14T00:00:00.000Z'),
      timer('due', '2026-01-16T00:00:00.000Z'),
    ];
    expect(carryOverFired(oldPlan, ['remind-0', 'remind-1', 'due'], newPlan)).toEqual(['remind-0']);
  });

  it('forgets fired steps the new plan no longer has', () => {
    expect(carryOverFired(oldPlan, ['remind-0', 'due'], [timer('verify-due', '2026-01-20T00:00:00.000Z')])).toEqual([]);
  });

  it('does not mark a step fired that was not fired, even at an unchanged time', () => {
    expect(carryOverFired(oldPlan, [], oldPlan)).toEqual([]);
  });

  it('a fired step absent from the old plan is not carried over', () => {
    expect(carryOverFired([], ['due'], [timer('due', '2026-01-15T00:00:00.000Z')])).toEqual([]);
  });

  it('returns steps in the new plan’s order, each once', () => {
    expect(carryOverFired(oldPlan, ['due', 'remind-0', 'due'], oldPlan)).toEqual(['remind-0', 'due']);
  });

  const STEPS = ['acknowledge-due', 'remind-0', 'remind-1', 'due', 'escalate-1', 'escalate-2', 'verify-due'];
  const planArb = fc
    .uniqueArray(fc.constantFrom(...STEPS), { maxLength: STEPS.length })
    .chain((names) =>
      fc
        .tuple(...names.map(() => fc.integer({ min: 0, max: 3 })))
        .map((days) => names.map((step, k) => timer(step, new Date(Date.UTC(2026, 0, 10 + days[k])).toISOString()))),
    );

  it('property: keeps exactly the fired steps present in the new plan with an identical time', () => {
    fc.assert(
      fc.property(planArb, planArb, fc.subarray(STEPS), (before, after, fired) => {
        const kept = carryOverFired(before, fired, after);
        const expected = after
          .filter((t) => fired.includes(t.step) && before.some((o) => o.step === t.step && o.at === t.at))
          .map((t) => t.step);
        expect(kept).toEqual(expected);
        // Re-planning to the same plan keeps everything fired in it.
        expect(carryOverFired(before, fired, before)).toEqual(steps(before).filter((s) => fired.includes(s)));
      }),
    );
  });
});

describe('pendingTimers and nextTimerAt', () => {
  const plan = [
    timer('acknowledge-due', '2026-01-06T00:00:00.000Z'),
    timer('remind-0', '2026-01-10T00:00:00.000Z'),
    timer('due', '2026-01-15T00:00:00.000Z'),
  ];

  it('pending timers are those not fired, in plan order', () => {
    expect(pendingTimers(plan, ['remind-0'])).toEqual([plan[0], plan[2]]);
    expect(pendingTimers(plan, [])).toEqual(plan);
    expect(pendingTimers(plan, ['acknowledge-due', 'remind-0', 'due'])).toEqual([]);
  });

  it('fired steps not in the plan change nothing', () => {
    expect(pendingTimers(plan, ['escalate-3'])).toEqual(plan);
  });

  it('the next timer is the earliest one not fired', () => {
    expect(nextTimerAt(plan, [])).toEqual(at('2026-01-06T00:00:00Z'));
    expect(nextTimerAt(plan, ['acknowledge-due'])).toEqual(at('2026-01-10T00:00:00Z'));
    expect(nextTimerAt(plan, ['acknowledge-due', 'remind-0'])).toEqual(at('2026-01-15T00:00:00Z'));
  });

  it('there is no next timer when all have fired or the plan is empty', () => {
    expect(nextTimerAt(plan, ['acknowledge-due', 'remind-0', 'due'])).toBeNull();
    expect(nextTimerAt([], [])).toBeNull();
  });
});

describe('dueTimers', () => {
  const plan = [
    timer('acknowledge-due', '2026-01-06T00:00:00.000Z'),
    timer('remind-0', '2026-01-10T00:00:00.000Z'),
    timer('remind-1', '2026-01-13T00:00:00.000Z'),
    timer('due', '2026-01-15T00:00:00.000Z'),
    timer('escalate-1', '2026-01-15T00:00:00.000Z'),
    timer('escalate-2', '2026-01-17T00:00:00.000Z'),
  ];

  it('nothing is due before the first timer', () => {
    expect(dueTimers(plan, [], at('2026-01-05T23:59:59.999Z'))).toEqual([]);
  });

  it('a timer is due at exactly its time', () => {
    expect(steps(dueTimers(plan, [], at('2026-01-06T00:00:00.000Z')))).toEqual(['acknowledge-due']);
  });

  it('fired timers are not due again', () => {
    expect(steps(dueTimers(plan, ['acknowledge-due'], at('2026-01-10T00:00:00Z')))).toEqual(['remind-0']);
  });

  it('after downtime every missed step is due once, oldest first', () => {
    expect(steps(dueTimers(plan, ['acknowledge-due'], at('2026-02-01T00:00:00Z')))).toEqual([
      'remind-0',
      'remind-1',
      'due',
      'escalate-1',
      'escalate-2',
    ]);
  });

  const planArb = fc.array(fc.integer({ min: 0, max: 40 * DAY }), { maxLength: 12 }).map((offsets) =>
    planTimers({
      status: 'assigned',
      acknowledgeDueAt: new Date(Date.UTC(2026, 0, 6)),
      clockStartedAt: new Date(Date.UTC(2026, 0, 5)),
      dueAt: new Date(Date.UTC(2026, 0, 15)),
      verifyDueAt: null,
      remindAt: [0.25, 0.5, 0.8],
      escalations: offsets.slice(0, 10).map((o, k) => ({ level: k + 1, at: new Date(Date.UTC(2026, 0, 15) + o) })),
    }),
  );
  const planWithFired = planArb.chain((plan) => fc.tuple(fc.constant(plan), fc.subarray(steps(plan))));
  const nowArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 2, 1) }).map((ms) => new Date(ms));

  it('property: due timers are pending, at or before now, and every pending timer left is after now', () => {
    fc.assert(
      fc.property(planWithFired, nowArb, ([plan, fired], now) => {
        const due = dueTimers(plan, fired, now);
        const pending = pendingTimers(plan, fired);
        for (const t of due) {
          expect(pending).toContainEqual(t);
          expect(Date.parse(t.at)).toBeLessThanOrEqual(now.getTime());
        }
        for (const t of pending.filter((p) => !due.includes(p))) {
          expect(Date.parse(t.at)).toBeGreaterThan(now.getTime());
        }
      }),
    );
  });

  it('property: once the due timers are marked fired nothing is due again at that time or earlier', () => {
    fc.assert(
      fc.property(
        planWithFired,
        nowArb,
        fc.integer({ min: 0, max: 10 * DAY }),
        ([plan, alreadyFired], now, laterBy) => {
          const due = dueTimers(plan, alreadyFired, now);
          for (const t of due) expect(alreadyFired).not.toContain(t.step);
          const fired = [...alreadyFired, ...steps(due)];
          expect(dueTimers(plan, fired, now)).toEqual([]);
          expect(dueTimers(plan, fired, new Date(now.getTime() - laterBy))).toEqual([]);
          // However late the worker wakes, each step is due exactly once in total.
          const late = new Date(now.getTime() + 365 * DAY);
          const rest = steps(dueTimers(plan, fired, late));
          expect([...fired, ...rest].sort()).toEqual(steps(plan).sort());
        },
      ),
    );
  });

  it('property: the next timer is the earliest due timer when any is due', () => {
    fc.assert(
      fc.property(planArb, nowArb, (plan, now) => {
        const due = dueTimers(plan, [], now);
        const next = nextTimerAt(plan, []);
        if (due.length) expect(next?.toISOString()).toBe(due[0].at);
        else if (next) expect(next.getTime()).toBeGreaterThan(now.getTime());
        else expect(plan).toEqual([]);
      }),
    );
  });
});

describe('timerEffect', () => {
  const now = at('2026-01-10T00:00:00Z');

  describe('acknowledge-due', () => {
    it('an issue still assigned is acknowledge-overdue', () => {
      expect(timerEffect('acknowledge-due', issue({ status: 'assigned' }), now)).toEqual({
        kind: 'acknowledge_overdue',
      });
    });

    it.each(ISSUE_STATUSES.filter((s) => s !== 'assigned'))('a %s issue has been acknowledged: nothing', (status) => {
      expect(timerEffect('acknowledge-due', issue({ status }), now)).toEqual({ kind: 'none', reason: 'acknowledged' });
    });
  });

  describe('reminders', () => {
    it.each(WORKING)('status %s: reminded with the step index before the due time', (status) => {
      expect(timerEffect('remind-0', issue({ status }), now)).toEqual({ kind: 'reminder', index: 0 });
      expect(timerEffect('remind-7', issue({ status }), now)).toEqual({ kind: 'reminder', index: 7 });
    });

    it('a millisecond before the due time still reminds', () => {
      expect(timerEffect('remind-1', issue(), at('2026-01-14T23:59:59.999Z'))).toEqual({ kind: 'reminder', index: 1 });
    });

    it.each(['2026-01-15T00:00:00.000Z', '2026-01-20T00:00:00.000Z'])(
      'a reminder at or after the due time (%s) does nothing',
      (when) => {
        expect(timerEffect('remind-1', issue(), at(when))).toEqual({ kind: 'none', reason: 'already due' });
      },
    );

    it('a reminder for an issue already overdue does nothing even before its recorded due time', () => {
      expect(timerEffect('remind-0', issue({ overdue: true }), now)).toEqual({ kind: 'none', reason: 'already due' });
    });

    it('without a due time a working issue is still reminded', () => {
      expect(timerEffect('remind-0', issue({ dueAt: null }), now)).toEqual({ kind: 'reminder', index: 0 });
    });

    it.each(NOT_WORKING)('a %s issue is not reminded', (status) => {
      expect(timerEffect('remind-0', issue({ status }), now)).toEqual({ kind: 'none', reason: `status ${status}` });
    });
  });

  describe('due', () => {
    it.each(WORKING)('status %s: the issue becomes overdue', (status) => {
      expect(timerEffect('due', issue({ status }), at('2026-01-15T00:00:00Z'))).toEqual({ kind: 'overdue' });
    });

    it('an issue already overdue is not made overdue twice', () => {
      expect(timerEffect('due', issue({ overdue: true }), at('2026-01-15T00:00:00Z'))).toEqual({
        kind: 'none',
        reason: 'already overdue',
      });
    });

    it.each(NOT_WORKING)('a %s issue does not become overdue', (status) => {
      expect(timerEffect('due', issue({ status }), at('2026-01-15T00:00:00Z'))).toEqual({
        kind: 'none',
        reason: `status ${status}`,
      });
    });
  });

  describe('escalations', () => {
    const late = at('2026-01-16T00:00:00Z');

    it.each([
      [0, 1],
      [0, 3],
      [1, 2],
      [2, 10],
    ])('at level %i, escalate-%i escalates to that level', (current, level) => {
      expect(timerEffect(`escalate-${level}`, issue({ overdue: true, escalationLevel: current }), late)).toEqual({
        kind: 'escalate',
        level,
      });
    });

    it.each([
      [2, 2],
      [3, 2],
      [10, 1],
    ])('at level %i, escalate-%i does nothing', (current, level) => {
      expect(timerEffect(`escalate-${level}`, issue({ overdue: true, escalationLevel: current }), late)).toEqual({
        kind: 'none',
        reason: `already at level ${current}`,
      });
    });

    it.each(NOT_WORKING)('a %s issue is not escalated', (status) => {
      expect(timerEffect('escalate-1', issue({ status, overdue: true }), late)).toEqual({
        kind: 'none',
        reason: `status ${status}`,
      });
    });
  });

  describe('verify-due', () => {
    it('an unverified rectification is accepted automatically', () => {
      expect(timerEffect('verify-due', issue({ status: 'rectification_submitted' }), now)).toEqual({
        kind: 'auto_accept',
      });
    });

    it.each(ISSUE_STATUSES.filter((s) => s !== 'rectification_submitted'))(
      'status %s: not accepted automatically',
      (status) => {
        expect(timerEffect('verify-due', issue({ status }), now)).toEqual({ kind: 'none', reason: `status ${status}` });
      },
    );
  });

  it.each(['remind-', 'remind-x', 'remind-1-2', 'escalate-', 'escalate-one', 'Due', 'due ', 'overdue', ''])(
    'an unknown step %j does nothing',
    (step) => {
      expect(timerEffect(step, issue({ status: 'assigned' }), now)).toEqual({
        kind: 'none',
        reason: `unknown step ${step}`,
      });
    },
  );

  const stepArb = fc.oneof(
    fc.constantFrom('acknowledge-due', 'due', 'verify-due'),
    fc.integer({ min: 0, max: 9 }).map((k) => `remind-${k}`),
    fc.integer({ min: 1, max: 10 }).map((k) => `escalate-${k}`),
  );
  const stateArb: fc.Arbitrary<TimerIssueState> = fc.record({
    status: fc.constantFrom(...ISSUE_STATUSES),
    overdue: fc.boolean(),
    escalationLevel: fc.integer({ min: 0, max: 10 }),
    dueAt: fc.option(instant, { nil: null }),
  });

  it('property: never escalates to a level at or below the current one, and only to the step’s level', () => {
    fc.assert(
      fc.property(stepArb, stateArb, instant, (step, state, when) => {
        const effect = timerEffect(step, state, when);
        if (effect.kind === 'escalate') {
          expect(effect.level).toBeGreaterThan(state.escalationLevel);
          expect(step).toBe(`escalate-${effect.level}`);
        }
      }),
    );
  });

  it('property: closed, withdrawn, triage and filed issues are never acted on', () => {
    fc.assert(
      fc.property(
        stepArb,
        stateArb,
        fc.constantFrom<IssueStatus>('closed', 'withdrawn', 'triage', 'filed'),
        instant,
        (step, state, status, when) => {
          expect(timerEffect(step, { ...state, status }, when).kind).toBe('none');
        },
      ),
    );
  });

  it('property: a reminder at or after the due time, or for an overdue issue, does nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        stateArb,
        instantMs,
        fc.integer({ min: 0, max: 30 * DAY }),
        (k, state, dueMs, lateBy) => {
          const effect = timerEffect(`remind-${k}`, { ...state, dueAt: new Date(dueMs) }, new Date(dueMs + lateBy));
          expect(effect.kind).toBe('none');
        },
      ),
    );
  });

  it('property: a working issue before its due time and not overdue is reminded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...WORKING),
        instantMs,
        fc.integer({ min: 1, max: 30 * DAY }),
        (k, status, dueMs, earlyBy) => {
          const state = issue({ status, dueAt: new Date(dueMs) });
          expect(timerEffect(`remind-${k}`, state, new Date(dueMs - earlyBy))).toEqual({ kind: 'reminder', index: k });
        },
      ),
    );
  });
});

describe('escalationTarget', () => {
  // Xingren water bureau -> Xingren government -> Xingren party committee; prefecture inspection office above.
  const ladder = ['xr-water', 'xr-gov', 'xr-pc'];

  it.each([
    [1, 'xr-water'],
    [2, 'xr-gov'],
    [3, 'xr-pc'],
    [4, 'qxn-inspection'],
    [10, 'qxn-inspection'],
  ])('level %i reaches %s', (level, unit) => {
    expect(escalationTarget(ladder, level, 'qxn-inspection')).toBe(unit);
  });

  it('past the top of the chain without an inspection office, the top of the chain', () => {
    expect(escalationTarget(ladder, 4, null)).toBe('xr-pc');
    expect(escalationTarget(ladder, 9, null)).toBe('xr-pc');
  });

  it('a unit with no ladder escalates to the inspection office, or nowhere', () => {
    expect(escalationTarget([], 1, 'qxn-inspection')).toBe('qxn-inspection');
    expect(escalationTarget([], 1, null)).toBeNull();
  });

  it('property: walks the ladder one unit per level, then the inspection office', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}$/), { maxLength: 8 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.constant('office'), { nil: null }),
        (units, level, office) => {
          const target = escalationTarget(units, level, office);
          if (level <= units.length) expect(target).toBe(units[level - 1]);
          else expect(target).toBe(office ?? units[units.length - 1] ?? null);
        },
      ),
    );
  });
});

describe('alertColour', () => {
  const window = { overdue: false, remindFromAt: at('2026-01-10T00:00:00Z'), remindLastAt: at('2026-01-13T00:00:00Z') };

  it.each([
    ['2026-01-09T23:59:59.999Z', null],
    ['2026-01-10T00:00:00.000Z', 'blue'],
    ['2026-01-12T23:59:59.999Z', 'blue'],
    ['2026-01-13T00:00:00.000Z', 'yellow'],
    // Past the due time but the overdue flag not yet set: still yellow.
    ['2026-01-16T00:00:00.000Z', 'yellow'],
  ])('at %s -> %s', (when, colour) => {
    expect(alertColour(window, at(when))).toBe(colour);
  });

  it('an overdue issue is red whatever the time and reminders', () => {
    expect(alertColour({ ...window, overdue: true }, at('2026-01-01T00:00:00Z'))).toBe('red');
    expect(alertColour({ overdue: true, remindFromAt: null, remindLastAt: null }, at('2026-01-01T00:00:00Z'))).toBe(
      'red',
    );
  });

  it('an issue without reminders has no colour until overdue', () => {
    expect(
      alertColour({ overdue: false, remindFromAt: null, remindLastAt: null }, at('2030-01-01T00:00:00Z')),
    ).toBeNull();
  });

  it('with a single reminder the issue turns yellow at it', () => {
    const single = { overdue: false, remindFromAt: window.remindFromAt, remindLastAt: window.remindFromAt };
    expect(alertColour(single, at('2026-01-09T23:59:59.999Z'))).toBeNull();
    expect(alertColour(single, at('2026-01-10T00:00:00.000Z'))).toBe('yellow');
  });

  const RANK: Record<string, number> = { null: 0, blue: 1, yellow: 2, red: 3 };
  const rank = (c: AlertColour | null) => RANK[String(c)];

  it('property: the colour only deepens as time passes', () => {
    fc.assert(
      fc.property(
        instantMs,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.boolean(),
        instantMs,
        fc.integer({ min: 0, max: 20 * DAY }),
        (fromMs, gap, overdue, t1, dt) => {
          const state = { overdue, remindFromAt: new Date(fromMs), remindLastAt: new Date(fromMs + gap) };
          const earlier = alertColour(state, new Date(t1));
          const later = alertColour(state, new Date(t1 + dt));
          expect(rank(later)).toBeGreaterThanOrEqual(rank(earlier));
          if (overdue) expect(earlier).toBe('red');
        },
      ),
    );
  });
});
