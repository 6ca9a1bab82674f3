import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  assessmentYear,
  describeRule,
  evaluationPoints,
  indicatorRates,
  periodBounds,
  RuleSet,
  ScoredEvent,
  ScoringRule,
  scoreEvent,
  scoringRuleMatches,
  UnitCounts,
} from './scoring-rules';

const SH = 'Asia/Shanghai';
const ZONES = [SH, 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham'];

// The default rules of migration 1764500000000, copied so a change to either is a decision, not an accident.
const DEFAULT_RULES: RuleSet = {
  base: 100,
  rules: [
    { event: 'issue.acknowledge_overdue', points: -1 },
    { event: 'issue.overdue', points: -2 },
    { event: 'issue.escalated', when: { level: 1 }, points: -1 },
    { event: 'issue.escalated', when: { level: 2 }, points: -2 },
    { event: 'issue.escalated', when: { level: 3 }, points: -3 },
    { event: 'issue.reopened', points: -2 },
    { event: 'issue.accepted', when: { satisfaction: 'basically_satisfied' }, points: -0.5 },
    { event: 'issue.accepted', when: { satisfaction: 'unsatisfied' }, points: -2 },
    { event: 'issue.routed', when: { overruledReturn: true }, points: -1 },
    { event: 'issue.accepted', when: { onTime: true }, points: 1 },
  ],
};

const points = (ruleSet: RuleSet, event: ScoredEvent) => scoreEvent(ruleSet, event).map((hit) => hit.points);

describe('scoreEvent with the default rules', () => {
  it.each([
    ['a late acknowledgement', { type: 'issue.acknowledge_overdue', data: { unit: 'x' } }, [-1]],
    ['overdue', { type: 'issue.overdue', data: {} }, [-2]],
    ['escalation level 1', { type: 'issue.escalated', data: { level: 1, unit: 'x' } }, [-1]],
    ['escalation level 2', { type: 'issue.escalated', data: { level: 2 } }, [-2]],
    ['escalation level 3', { type: 'issue.escalated', data: { level: 3 } }, [-3]],
    ['escalation level 4, which no rule names', { type: 'issue.escalated', data: { level: 4 } }, []],
    ['a level given as a string does not match a number', { type: 'issue.escalated', data: { level: '2' } }, []],
    ['a reopening', { type: 'issue.reopened', data: { satisfaction: 'unsatisfied' } }, [-2]],
    ['closed on time, satisfied', { type: 'issue.accepted', data: { satisfaction: 'satisfied', onTime: true } }, [1]],
    [
      'closed on time, basically satisfied: both rules apply',
      { type: 'issue.accepted', data: { satisfaction: 'basically_satisfied', onTime: true } },
      [-0.5, 1],
    ],
    [
      'closed late, unsatisfied',
      { type: 'issue.accepted', data: { satisfaction: 'unsatisfied', onTime: false } },
      [-2],
    ],
    ['accepted automatically, late', { type: 'issue.accepted', data: { satisfaction: null, onTime: false } }, []],
    ['an overruled return', { type: 'issue.routed', data: { overruledReturn: true, manual: true } }, [-1]],
    ['a manual assignment that overrules nothing', { type: 'issue.routed', data: { overruledReturn: false } }, []],
    ['automatic routing', { type: 'issue.routed', data: { leadUnit: 'x', ruleId: 'r' } }, []],
    ['a filing', { type: 'issue.filed', data: {} }, []],
  ])('%s', (_label, event, expected) => {
    expect(points(DEFAULT_RULES, event)).toEqual(expected);
  });

  it('names each hit by its index and rule, in rule order', () => {
    const hits = scoreEvent(DEFAULT_RULES, {
      type: 'issue.accepted',
      data: { satisfaction: 'basically_satisfied', onTime: true },
    });
    expect(hits.map((hit) => hit.ruleIndex)).toEqual([6, 9]);
    expect(hits[0].rule).toBe(DEFAULT_RULES.rules[6]);
    expect(hits[1].rule).toBe(DEFAULT_RULES.rules[9]);
  });

  it('a rule worth zero points writes no ledger row', () => {
    expect(
      scoreEvent({ base: 100, rules: [{ event: 'issue.filed', points: 0 }] }, { type: 'issue.filed', data: {} }),
    ).toEqual([]);
  });

  it('an empty rule set scores nothing', () => {
    expect(scoreEvent({ base: 100, rules: [] }, { type: 'issue.overdue', data: {} })).toEqual([]);
  });
});

describe('scoringRuleMatches', () => {
  it('needs the same event type', () => {
    expect(scoringRuleMatches({ event: 'issue.overdue', points: -2 }, { type: 'issue.overdue', data: {} })).toBe(true);
    expect(scoringRuleMatches({ event: 'issue.overdue', points: -2 }, { type: 'issue.escalated', data: {} })).toBe(
      false,
    );
  });

  it('needs every `when` key to equal the data, strictly', () => {
    const rule: ScoringRule = { event: 'issue.escalated', points: -2, when: { level: 2, unit: 'a' } };
    expect(scoringRuleMatches(rule, { type: 'issue.escalated', data: { level: 2, unit: 'a', other: 1 } })).toBe(true);
    expect(scoringRuleMatches(rule, { type: 'issue.escalated', data: { level: 2 } })).toBe(false);
    expect(scoringRuleMatches(rule, { type: 'issue.escalated', data: { level: 2, unit: 'b' } })).toBe(false);
    expect(scoringRuleMatches(rule, { type: 'issue.escalated', data: { level: '2', unit: 'a' } })).toBe(false);
  });

  it('`when: {key: null}` matches an explicit null, not a missing key', () => {
    const rule: ScoringRule = { event: 'issue.accepted', points: 1, when: { satisfaction: null } };
    expect(scoringRuleMatches(rule, { type: 'issue.accepted', data: { satisfaction: null } })).toBe(true);
    expect(scoringRuleMatches(rule, { type: 'issue.accepted', data: {} })).toBe(false);
  });

  it('an empty `when` is no condition', () => {
    expect(
      scoringRuleMatches({ event: 'issue.overdue', points: 1, when: {} }, { type: 'issue.overdue', data: {} }),
    ).toBe(true);
  });

  it('does not match inherited properties of the data object', () => {
    const rule = { event: 'issue.overdue', points: 1, when: { toString: 'x' } } as ScoringRule;
    expect(scoringRuleMatches(rule, { type: 'issue.overdue', data: {} })).toBe(false);
  });
});

describe('describeRule', () => {
  it.each([
    [{ event: 'issue.overdue', points: -2 }, 'issue.overdue'],
    [{ event: 'issue.overdue', points: -2, when: {} }, 'issue.overdue'],
    [{ event: 'issue.escalated', points: -2, when: { level: 2 } }, 'issue.escalated{level=2}'],
    [
      { event: 'issue.accepted', points: 1, when: { onTime: true, satisfaction: 'satisfied' } },
      'issue.accepted{onTime=true,satisfaction=satisfied}',
    ],
    [{ event: 'issue.accepted', points: 1, when: { satisfaction: null } }, 'issue.accepted{satisfaction=null}'],
  ])('%j is %s', (rule, expected) => {
    expect(describeRule(rule as ScoringRule)).toBe(expected);
  });
});

describe('evaluationPoints', () => {
  it.each([
    [100, 0.1, 0],
    [80, 0.1, -2],
    [85, 0.1, -1.5],
    [0, 0.1, -10],
    [80, 0.2, -4],
    [91.5, 0.1, -0.85],
    [80, 0, 0],
  ])('score %d at weight %d costs %d', (score, weight, expected) => {
    // `+ 0` turns the -0 that a zero weight gives into 0: both are "nothing" to a ledger.
    expect(evaluationPoints(score, weight) + 0).toBe(expected);
  });

  it('never adds points, is rounded to cents and within half a cent of weight × (score − 100)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (score, weight) => {
          const result = evaluationPoints(score, weight);
          expect(result).toBeLessThanOrEqual(0);
          expect(Math.abs(result - weight * (score - 100))).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(result * 100 - Math.round(result * 100))).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('a better evaluation never costs more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (a, b, weight) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(evaluationPoints(high, weight)).toBeGreaterThanOrEqual(evaluationPoints(low, weight));
        },
      ),
    );
  });
});

describe('periodBounds', () => {
  it('a year in Asia/Shanghai starts at 16:00 UTC the evening before', () => {
    const { start, end } = periodBounds('2026', SH);
    expect(start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['2026-Q1', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-Q2', '2026-03-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-Q3', '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    ['2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('%s is [%s, %s)', (period, start, end) => {
    const bounds = periodBounds(period, SH);
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([start, end]);
  });

  it('follows daylight saving time where there is one', () => {
    const { start, end } = periodBounds('2026-Q2', 'America/New_York');
    expect(start.toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(end.toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(periodBounds('2026-Q1', 'America/New_York').start.toISOString()).toBe('2026-01-01T05:00:00.000Z');
  });

  it.each(['', '26', '20261', '2026-Q0', '2026-Q5', '2026-q1', '2026Q1', '2026-Q1 ', ' 2026', '2026-01', 'Q1-2026'])(
    'refuses %j',
    (period) => {
      expect(() => periodBounds(period, SH)).toThrow(RangeError);
    },
  );

  it('the four quarters tile the year with no gap and no overlap, in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2100 }), fc.constantFrom(...ZONES), (year, zone) => {
        const whole = periodBounds(String(year), zone);
        const quarters = [1, 2, 3, 4].map((q) => periodBounds(`${year}-Q${q}`, zone));
        expect(quarters[0].start.getTime()).toBe(whole.start.getTime());
        expect(quarters[3].end.getTime()).toBe(whole.end.getTime());
        for (let q = 0; q < 3; q += 1) expect(quarters[q].end.getTime()).toBe(quarters[q + 1].start.getTime());
        for (const quarter of quarters) expect(quarter.end.getTime()).toBeGreaterThan(quarter.start.getTime());
        // consecutive years tile as well
        expect(periodBounds(String(year + 1), zone).start.getTime()).toBe(whole.end.getTime());
        // each starts at local midnight on the first of its month
        const local = DateTime.fromJSDate(quarters[2].start, { zone });
        expect([local.month, local.day, local.hour, local.minute]).toEqual([7, 1, 0, 0]);
      }),
    );
  });
});

describe('assessmentYear', () => {
  it('counts in the time zone: New Year in Shanghai is still the old year in UTC', () => {
    const instant = new Date('2025-12-31T16:30:00Z');
    expect(assessmentYear(instant, SH)).toBe('2026');
    expect(assessmentYear(instant, 'UTC')).toBe('2025');
    expect(assessmentYear(new Date('2025-12-31T15:59:59.999Z'), SH)).toBe('2025');
  });

  it('an instant lies in the bounds of its own assessment year', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const { start, end } = periodBounds(assessmentYear(instant, zone), zone);
          expect(instant.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(instant.getTime()).toBeLessThan(end.getTime());
        },
      ),
    );
  });
});

describe('indicatorRates', () => {
  const zero: UnitCounts = {
    assigned: 0,
    acknowledgedOnTime: 0,
    closed: 0,
    closedOnTime: 0,
    dueInPeriod: 0,
    returned: 0,
    rehandled: 0,
    evaluated: 0,
    satisfiedOrBasically: 0,
  };

  it('nothing to divide is null, not zero', () => {
    expect(indicatorRates(zero)).toEqual({
      acknowledgementRate: null,
      onTimeClosureRate: null,
      satisfactionRate: null,
      returnRate: null,
      rehandlingRate: null,
    });
  });

  it('divides the right counts and rounds to four decimals', () => {
    expect(
      indicatorRates({
        assigned: 3,
        acknowledgedOnTime: 2,
        closed: 4,
        closedOnTime: 1,
        dueInPeriod: 3,
        returned: 1,
        rehandled: 1,
        evaluated: 8,
        satisfiedOrBasically: 7,
      }),
    ).toEqual({
      acknowledgementRate: 0.6667,
      onTimeClosureRate: 0.3333,
      satisfactionRate: 0.875,
      returnRate: 0.3333,
      rehandlingRate: 0.25,
    });
  });

  it('a zero numerator over a positive count is 0, not null', () => {
    expect(indicatorRates({ ...zero, assigned: 5 })).toMatchObject({ acknowledgementRate: 0, returnRate: 0 });
  });

  // Each numerator counts a subset of its denominator's population (acknowledged on time ⊆ assigned, …).
  const consistentCounts = fc
    .record({
      assigned: fc.nat(10_000),
      closed: fc.nat(10_000),
      dueInPeriod: fc.nat(10_000),
      evaluated: fc.nat(10_000),
      a: fc.double({ min: 0, max: 1, noNaN: true }),
      b: fc.double({ min: 0, max: 1, noNaN: true }),
      c: fc.double({ min: 0, max: 1, noNaN: true }),
      d: fc.double({ min: 0, max: 1, noNaN: true }),
      e: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ assigned, closed, dueInPeriod, evaluated, a, b, c, d, e }): UnitCounts => ({
      assigned,
      acknowledgedOnTime: Math.floor(a * assigned),
      closed,
      closedOnTime: Math.floor(b * dueInPeriod),
      dueInPeriod,
      returned: Math.floor(c * assigned),
      rehandled: Math.floor(d * closed),
      evaluated,
      satisfiedOrBasically: Math.floor(e * evaluated),
    }));

  it('each rate is in [0, 1] with at most four decimals, or null exactly when its denominator is 0', () => {
    fc.assert(
      fc.property(consistentCounts, (counts) => {
        const rates = indicatorRates(counts);
        const denominators = {
          acknowledgementRate: counts.assigned,
          onTimeClosureRate: counts.dueInPeriod,
          satisfactionRate: counts.evaluated,
          returnRate: counts.assigned,
          rehandlingRate: counts.closed,
        };
        for (const [name, rate] of Object.entries(rates)) {
          const denominator = denominators[name as keyof typeof denominators];
          if (denominator === 0) {
            expect({ name, rate }).toEqual({ name, rate: null });
            continue;
          }
          expect(rate).not.toBeNull();
          expect(rate as number).toBeGreaterThanOrEqual(0);
          expect(rate as number).toBeLessThanOrEqual(1);
          expect(Math.abs((rate as number) * 10_000 - Math.round((rate as number) * 10_000))).toBeLessThan(1e-6);
        }
      }),
    );
  });
});

// Random rule sets over a small vocabulary, so rules and events often meet.
const TYPES = ['issue.overdue', 'issue.escalated', 'issue.accepted', 'issue.routed', 'issue.reopened'];
const KEYS = ['level', 'satisfaction', 'onTime', 'overruledReturn'];
const VALUES: (string | number | boolean | null)[] = [1, 2, 3, '2', 'satisfied', 'unsatisfied', true, false, null];

const ruleArb: fc.Arbitrary<ScoringRule> = fc.record(
  {
    event: fc.constantFrom(...TYPES),
    points: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0.5, 0.25, 1.5)),
    when: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }),
  },
  { requiredKeys: ['event', 'points'] },
);
const ruleSetArb: fc.Arbitrary<RuleSet> = fc.record({
  base: fc.integer({ min: 0, max: 200 }),
  rules: fc.array(ruleArb, { maxLength: 12 }),
});
const eventArb: fc.Arbitrary<ScoredEvent> = fc.record({
  type: fc.constantFrom(...TYPES, 'issue.filed'),
  data: fc.dictionary(fc.constantFrom(...KEYS, 'unit'), fc.constantFrom(...VALUES, 'xingren-gov'), { maxKeys: 4 }),
});

/** The score of a sequence, computed without scoreEvent: every rule, every event, by hand. */
function independentTotal(ruleSet: RuleSet, events: ScoredEvent[]): number {
  let total = 0;
  for (const event of events) {
    for (const rule of ruleSet.rules) {
      if (rule.event !== event.type) continue;
      let matches = true;
      for (const key of Object.keys(rule.when ?? {})) {
        if (!Object.prototype.hasOwnProperty.call(event.data, key) || event.data[key] !== rule.when?.[key]) {
          matches = false;
        }
      }
      if (matches) total += rule.points;
    }
  }
  return total;
}

describe('scoring random event sequences under random rules', () => {
  it('the sum of every hit equals the sum computed independently', () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(eventArb, { maxLength: 40 }), (ruleSet, events) => {
        const ledger = events.flatMap((event) => scoreEvent(ruleSet, event));
        const sum = ledger.reduce((total, hit) => total + hit.points, 0);
        expect(sum).toBeCloseTo(independentTotal(ruleSet, events), 9);
      }),
    );
  });

  it('every hit is a rule of the set that matches the event, worth its points and never zero', () => {
    fc.assert(
      fc.property(ruleSetArb, eventArb, (ruleSet, event) => {
        const hits = scoreEvent(ruleSet, event);
        for (const hit of hits) {
          expect(hit.rule).toBe(ruleSet.rules[hit.ruleIndex]);
          expect(hit.points).toBe(hit.rule.points);
          expect(hit.points).not.toBe(0);
          expect(scoringRuleMatches(hit.rule, event)).toBe(true);
        }
        // and every matching non-zero rule is a hit, once, in rule order
        const expected = ruleSet.rules.flatMap((rule, index) =>
          rule.points !== 0 && scoringRuleMatches(rule, event) ? [index] : [],
        );
        expect(hits.map((hit) => hit.ruleIndex)).toEqual(expected);
      }),
    );
  });

  it('scoring is per event: splitting or reordering a sequence does not change its total', () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(eventArb, { maxLength: 30 }), fc.nat(), (ruleSet, events, cut) => {
        const total = (list: ScoredEvent[]) =>
          list.flatMap((event) => scoreEvent(ruleSet, event)).reduce((sum, hit) => sum + hit.points, 0);
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        expect(total(events.slice(0, at)) + total(events.slice(at))).toBeCloseTo(total(events), 9);
        expect(total([...events].reverse())).toBeCloseTo(total(events), 9);
      }),
    );
  });

  it('a rule with more conditions matches no event its looser form does not', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.constantFrom(...KEYS),
        fc.constantFrom(...VALUES),
        eventArb,
        (rule, key, value, event) => {
          const stricter: ScoringRule = { ...rule, when: { ...rule.when, [key]: value } };
          if (scoringRuleMatches(stricter, event)) expect(scoringRuleMatches(rule, event)).toBe(true);
        },
      ),
    );
  });

  it('describeRule names the event and every condition', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const name = describeRule(rule);
        expect(name.startsWith(rule.event)).toBe(true);
        const entries = Object.entries(rule.when ?? {});
        if (entries.length === 0) expect(name).toBe(rule.event);
        for (const [key, value] of entries) expect(name).toContain(`${key}=${String(value)}`);
      }),
    );
  });
});
