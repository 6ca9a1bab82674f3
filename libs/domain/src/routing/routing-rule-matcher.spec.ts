import fc from 'fast-check';
import {
  RoutingRuleCandidate,
  RoutingTarget,
  compareRuleSpecificity,
  explainRouting,
  matchRoutingRule,
  ruleMatches,
} from './routing-rule-matcher';

// Xingren county -> Qianxinan prefecture -> Guizhou province.
const target: RoutingTarget = { category: 'rural_roads', regionAncestry: ['522302', '522300', '520000'] };

let seq = 0;
function rule(partial: Partial<RoutingRuleCandidate>): RoutingRuleCandidate {
  seq += 1;
  return {
    id: `r${String(seq).padStart(3, '0')}`,
    category: null,
    regionCode: null,
    leadUnit: `unit-${seq}`,
    coUnits: [],
    priority: 0,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...partial,
  };
}

describe('matchRoutingRule examples', () => {
  it('returns null for no rules', () => {
    expect(matchRoutingRule([], target)).toBeNull();
  });

  it('ignores rules for another category or a region outside the ancestry', () => {
    const rules = [rule({ category: 'water' }), rule({ regionCode: '530000' }), rule({ regionCode: '522301' })];
    expect(matchRoutingRule(rules, target)).toBeNull();
  });

  it('category+region beats region only beats category only beats catch-all', () => {
    const catchAll = rule({ priority: 100 });
    const categoryOnly = rule({ category: 'rural_roads', priority: 50 });
    const regionOnly = rule({ regionCode: '520000', priority: 10 });
    const both = rule({ category: 'rural_roads', regionCode: '520000' });
    expect(matchRoutingRule([catchAll], target)?.rule).toBe(catchAll);
    expect(matchRoutingRule([catchAll, categoryOnly], target)?.rule).toBe(categoryOnly);
    expect(matchRoutingRule([catchAll, categoryOnly, regionOnly], target)?.rule).toBe(regionOnly);
    expect(matchRoutingRule([catchAll, categoryOnly, regionOnly, both], target)?.rule).toBe(both);
  });

  it('a farther category+region rule still beats a nearer region-only rule', () => {
    const nearRegionOnly = rule({ regionCode: '522302' });
    const farBoth = rule({ category: 'rural_roads', regionCode: '520000' });
    expect(matchRoutingRule([nearRegionOnly, farBoth], target)?.rule).toBe(farBoth);
  });

  it('within a class a nearer region wins even with lower priority', () => {
    const province = rule({ regionCode: '520000', priority: 9 });
    const prefecture = rule({ regionCode: '522300', priority: 5 });
    const county = rule({ regionCode: '522302', priority: 0 });
    expect(matchRoutingRule([province, prefecture], target)?.rule).toBe(prefecture);
    expect(matchRoutingRule([province, prefecture, county], target)?.rule).toBe(county);
  });

  it('same class and region: higher priority wins', () => {
    const low = rule({ regionCode: '522300', priority: 1 });
    const high = rule({ regionCode: '522300', priority: 2 });
    expect(matchRoutingRule([low, high], target)?.rule).toBe(high);
  });

  it('same priority: the older rule wins, then the lower id', () => {
    const newer = rule({ id: 'a', createdAt: new Date('2026-02-01T00:00:00Z') });
    const older = rule({ id: 'z', createdAt: new Date('2026-01-01T00:00:00Z') });
    expect(matchRoutingRule([newer, older], target)?.rule).toBe(older);
    const twinB = rule({ id: 'b' });
    const twinA = rule({ id: 'a' });
    expect(matchRoutingRule([twinB, twinA], target)?.rule).toBe(twinA);
  });

  it('skips rules whose lead unit is excluded and falls back to the next best', () => {
    const best = rule({ category: 'rural_roads', regionCode: '522302', leadUnit: 'xingren-gov' });
    const fallback = rule({ regionCode: '522300', leadUnit: 'qxn-gov' });
    const result = matchRoutingRule([best, fallback], target, ['xingren-gov']);
    expect(result?.rule).toBe(fallback);
    expect(result?.leadUnit).toBe('qxn-gov');
    expect(matchRoutingRule([best, fallback], target, ['xingren-gov', 'qxn-gov'])).toBeNull();
  });

  it('co-units drop excluded units and the lead, are de-duplicated and keep their order', () => {
    const r = rule({ leadUnit: 'lead', coUnits: ['b', 'lead', 'x', 'a', 'b', 'c', 'a'] });
    expect(matchRoutingRule([r], target, ['x'])).toEqual({ rule: r, leadUnit: 'lead', coUnits: ['b', 'a', 'c'] });
  });

  it('does not mutate the rule co-units', () => {
    const r = rule({ leadUnit: 'lead', coUnits: ['lead', 'a'] });
    matchRoutingRule([r], target);
    expect(r.coUnits).toEqual(['lead', 'a']);
  });

  it('compareRuleSpecificity is negative when the first rule wins', () => {
    const a = rule({ category: 'rural_roads', regionCode: '522302' });
    const b = rule({ regionCode: '522302' });
    expect(compareRuleSpecificity(a, b, target)).toBeLessThan(0);
    expect(compareRuleSpecificity(b, a, target)).toBeGreaterThan(0);
    expect(compareRuleSpecificity(a, a, target)).toBe(0);
  });
});

describe('matchRoutingRule properties', () => {
  const CATEGORIES = ['rural_roads', 'water', 'schools'];
  const REGIONS = ['522302', '522300', '520000', '522301', '530000'];
  const UNITS = ['u1', 'u2', 'u3', 'u4', 'u5'];

  const targetArb: fc.Arbitrary<RoutingTarget> = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    regionAncestry: fc.constantFrom(['522302', '522300', '520000'], ['522301', '522300', '520000'], ['530000'], []),
  });

  const rulesArb: fc.Arbitrary<RoutingRuleCandidate[]> = fc
    .array(
      fc.record({
        category: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
        regionCode: fc.option(fc.constantFrom(...REGIONS), { nil: null }),
        leadUnit: fc.constantFrom(...UNITS),
        coUnits: fc.array(fc.constantFrom(...UNITS), { maxLength: 5 }),
        priority: fc.integer({ min: -2, max: 2 }),
        createdAt: fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
      }),
      { maxLength: 12 },
    )
    .map((rs) => rs.map((r, i) => ({ ...r, id: `id-${i}` })));

  const excludeArb = fc.subarray(UNITS, { maxLength: 3 });

  // Independent oracle: lexicographic key, smaller is more specific.
  function key(r: RoutingRuleCandidate, t: RoutingTarget): (number | string)[] {
    // 0 both, 1 region only, 2 category only, 3 catch-all.
    const order = (r.category === null ? 1 : 0) + (r.regionCode === null ? 2 : 0);
    const dist = r.regionCode === null ? 0 : t.regionAncestry.indexOf(r.regionCode);
    return [order, dist, -r.priority, r.createdAt.getTime(), r.id];
  }
  function lexLess(a: (number | string)[], b: (number | string)[]): boolean {
    for (let i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return true;
      if (a[i] > b[i]) return false;
    }
    return false;
  }
  const matches = (r: RoutingRuleCandidate, t: RoutingTarget, ex: readonly string[]) =>
    (r.category === null || r.category === t.category) &&
    (r.regionCode === null || t.regionAncestry.includes(r.regionCode)) &&
    !ex.includes(r.leadUnit);

  it('the winner matches and no matching rule is strictly more specific', () => {
    fc.assert(
      fc.property(rulesArb, targetArb, excludeArb, (rules, t, ex) => {
        const result = matchRoutingRule(rules, t, ex);
        const matching = rules.filter((r) => matches(r, t, ex));
        if (matching.length === 0) {
          expect(result).toBeNull();
          return;
        }
        expect(result).not.toBeNull();
        const winner = result!.rule;
        expect(matches(winner, t, ex)).toBe(true);
        expect(ruleMatches(winner, t, ex)).toBe(true);
        for (const other of matching) expect(lexLess(key(other, t), key(winner, t))).toBe(false);
      }),
    );
  });

  it('the result does not depend on input order', () => {
    fc.assert(
      fc.property(
        rulesArb.chain((rules) =>
          fc.tuple(fc.constant(rules), fc.shuffledSubarray(rules, { minLength: rules.length })),
        ),
        targetArb,
        excludeArb,
        ([rules, shuffled], t, ex) => {
          expect(matchRoutingRule(shuffled, t, ex)).toEqual(matchRoutingRule(rules, t, ex));
        },
      ),
    );
  });

  it('excluded units are never the lead nor a co-unit; co-units are unique and exclude the lead', () => {
    fc.assert(
      fc.property(rulesArb, targetArb, excludeArb, (rules, t, ex) => {
        const result = matchRoutingRule(rules, t, ex);
        if (result === null) return;
        expect(ex).not.toContain(result.leadUnit);
        expect(result.leadUnit).toBe(result.rule.leadUnit);
        for (const u of result.coUnits) expect(ex).not.toContain(u);
        expect(result.coUnits).not.toContain(result.leadUnit);
        expect(new Set(result.coUnits).size).toBe(result.coUnits.length);
        // Order kept: co-units appear in the rule's first-occurrence order.
        const firstSeen = result.rule.coUnits.filter((u, i, all) => all.indexOf(u) === i);
        expect(result.coUnits).toEqual(firstSeen.filter((u) => u !== result.leadUnit && !ex.includes(u)));
      }),
    );
  });

  it('compareRuleSpecificity is a consistent total order on matching rules', () => {
    fc.assert(
      fc.property(rulesArb, targetArb, (rules, t) => {
        const matching = rules.filter((r) => matches(r, t, []));
        for (const a of matching) {
          for (const b of matching) {
            const ab = Math.sign(compareRuleSpecificity(a, b, t));
            expect(ab).toBe(-Math.sign(compareRuleSpecificity(b, a, t)) || 0);
            expect(ab < 0).toBe(lexLess(key(a, t), key(b, t)));
          }
        }
      }),
    );
  });
});

describe('explainRouting', () => {
  const rule = (
    id: string,
    fields: Partial<RoutingRuleCandidate> & { leadUnit: string },
    createdAt = '2026-01-01T00:00:00Z',
  ): RoutingRuleCandidate => ({
    id,
    category: null,
    regionCode: null,
    coUnits: [],
    priority: 0,
    createdAt: new Date(createdAt),
    ...fields,
  });
  const target = { category: 'rural_roads', regionAncestry: ['522302', '522300'] };

  it('names the winner and says why each other rule lost or does not apply', () => {
    const rules = [
      rule('a', { regionCode: '522302', leadUnit: 'xingren-gov' }),
      rule('b', { category: 'rural_roads', regionCode: '522302', leadUnit: 'pref-transport' }),
      rule('c', { category: 'rural_roads', regionCode: '522300', leadUnit: 'pref-agriculture' }),
      rule('d', { category: 'rural_roads', regionCode: '522302', leadUnit: 'x-high', priority: -1 }),
      rule('e', { category: 'rural_roads', regionCode: '522302', leadUnit: 'x-new' }, '2026-02-01T00:00:00Z'),
      rule('f', { category: 'work_safety', leadUnit: 'pref-emergency' }),
      rule('g', { regionCode: '522301', leadUnit: 'xingyi-gov' }),
      rule('h', { category: 'rural_roads', regionCode: '522302', leadUnit: 'pref-education', priority: 9 }),
    ];
    const { match, explanations } = explainRouting(rules, target, ['pref-education']);
    expect(match?.rule.id).toBe('b');
    expect(Object.fromEntries(explanations.map((e) => [e.rule.id, [e.matched, e.reason]]))).toEqual({
      a: [true, 'less_specific'],
      b: [true, 'won'],
      c: [true, 'farther_region'],
      d: [true, 'lower_priority'],
      e: [true, 'newer'],
      f: [false, 'category_differs'],
      g: [false, 'region_not_on_chain'],
      h: [false, 'lead_unit_retired'],
    });
  });

  it('with no rule that applies, everything is explained and nothing wins: triage', () => {
    const { match, explanations } = explainRouting(
      [rule('g', { regionCode: '522301', leadUnit: 'xingyi-gov' })],
      target,
    );
    expect(match).toBeNull();
    expect(explanations).toEqual([expect.objectContaining({ matched: false, reason: 'region_not_on_chain' })]);
  });

  it('agrees with matchRoutingRule on every random rule set', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category: fc.constantFrom(null, 'rural_roads', 'work_safety'),
            regionCode: fc.constantFrom(null, '522302', '522300', '522301'),
            leadUnit: fc.constantFrom('u1', 'u2', 'u3'),
            priority: fc.integer({ min: -2, max: 2 }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { maxLength: 8 },
        ),
        fc.subarray(['u1', 'u2', 'u3']),
        (specs, retired) => {
          const rules = specs.map((spec, index) =>
            rule(`r${index}`, spec, `2026-01-${String(spec.day).padStart(2, '0')}T00:00:00Z`),
          );
          const { match, explanations } = explainRouting(rules, target, retired);
          expect(match?.rule.id ?? null).toBe(matchRoutingRule(rules, target, retired)?.rule.id ?? null);
          expect(explanations.filter((e) => e.reason === 'won').map((e) => e.rule.id)).toEqual(
            match ? [match.rule.id] : [],
          );
          for (const explanation of explanations) {
            expect(explanation.matched).toBe(ruleMatches(explanation.rule, target, retired));
          }
        },
      ),
    );
  });
});
