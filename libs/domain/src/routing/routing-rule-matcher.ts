export interface RoutingRuleCandidate {
  id: string;
  category: string | null;
  regionCode: string | null;
  leadUnit: string;
  coUnits: string[];
  priority: number;
  createdAt: Date;
}

export interface RoutingTarget {
  category: string;
  // The issue's own region first, then each ancestor up to the root.
  regionAncestry: string[];
}

export interface RoutingMatch {
  rule: RoutingRuleCandidate;
  leadUnit: string;
  coUnits: string[];
}

export function ruleMatches(
  rule: RoutingRuleCandidate,
  target: RoutingTarget,
  excludeUnits: readonly string[] = [],
): boolean {
  return (
    (rule.category === null || rule.category === target.category) &&
    (rule.regionCode === null || target.regionAncestry.includes(rule.regionCode)) &&
    !excludeUnits.includes(rule.leadUnit)
  );
}

// 0 = category+region, 1 = region only, 2 = category only, 3 = catch-all.
function specificityClass(rule: RoutingRuleCandidate): number {
  if (rule.regionCode !== null) return rule.category !== null ? 0 : 1;
  return rule.category !== null ? 2 : 3;
}

function regionDistance(rule: RoutingRuleCandidate, target: RoutingTarget): number {
  if (rule.regionCode === null) return 0;
  const index = target.regionAncestry.indexOf(rule.regionCode);
  return index < 0 ? Number.POSITIVE_INFINITY : index;
}

// Sort comparator for matching rules: negative when `a` wins over `b`.
export function compareRuleSpecificity(
  a: RoutingRuleCandidate,
  b: RoutingRuleCandidate,
  target: RoutingTarget,
): number {
  const byClass = specificityClass(a) - specificityClass(b);
  if (byClass !== 0) return byClass;
  const da = regionDistance(a, target);
  const db = regionDistance(b, target);
  if (da !== db) return da < db ? -1 : 1;
  if (a.priority !== b.priority) return b.priority - a.priority;
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  if (byAge !== 0) return byAge;
  // Code-unit comparison, not localeCompare, so the tie-break never depends on the host locale.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function matchRoutingRule(
  rules: readonly RoutingRuleCandidate[],
  target: RoutingTarget,
  excludeUnits: readonly string[] = [],
): RoutingMatch | null {
  let best: RoutingRuleCandidate | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, target, excludeUnits)) continue;
    if (best === null || compareRuleSpecificity(rule, best, target) < 0) best = rule;
  }
  if (best === null) return null;
  const leadUnit = best.leadUnit;
  const coUnits: string[] = [];
  for (const unit of best.coUnits) {
    if (unit !== leadUnit && !excludeUnits.includes(unit) && !coUnits.includes(unit)) coUnits.push(unit);
  }
  return { rule: best, leadUnit, coUnits };
}

/** Why a rule won or lost for an issue of some category and region: the answer to "why did this go to us?". */
export type RuleVerdict =
  | 'won'
  | 'less_specific'
  | 'farther_region'
  | 'lower_priority'
  | 'newer'
  | 'category_differs'
  | 'region_not_on_chain'
  | 'lead_unit_retired';

export interface RuleExplanation<R extends RoutingRuleCandidate = RoutingRuleCandidate> {
  rule: R;
  matched: boolean;
  reason: RuleVerdict;
  detail: string;
}

const CLASS_NAMES = ['category and region', 'region alone', 'category alone', 'neither'];

/** Why `loser` (a rule that applies) lost to `winner`: the first step of the order that tells them apart. */
function lossReason(loser: RoutingRuleCandidate, winner: RoutingRuleCandidate, target: RoutingTarget) {
  const [lc, wc] = [specificityClass(loser), specificityClass(winner)];
  if (lc !== wc) {
    return {
      reason: 'less_specific' as const,
      detail: `names ${CLASS_NAMES[lc]}; the winner names ${CLASS_NAMES[wc]}`,
    };
  }
  const [ld, wd] = [regionDistance(loser, target), regionDistance(winner, target)];
  if (ld !== wd) {
    return {
      reason: 'farther_region' as const,
      detail: `its region ${loser.regionCode} is ${ld} level(s) up; the winner's is ${wd}`,
    };
  }
  if (loser.priority !== winner.priority) {
    return {
      reason: 'lower_priority' as const,
      detail: `priority ${loser.priority} against the winner's ${winner.priority}`,
    };
  }
  return { reason: 'newer' as const, detail: 'as specific and as high, but created after the winner' };
}

/**
 * Every rule against an issue of this category and region: whether it applies and why it won or lost. Rules whose
 * lead unit is in `retiredUnits` do not apply (a retired unit takes no new issues).
 */
export function explainRouting<R extends RoutingRuleCandidate>(
  rules: readonly R[],
  target: RoutingTarget,
  retiredUnits: readonly string[] = [],
): { match: RoutingMatch | null; explanations: RuleExplanation<R>[] } {
  const match = matchRoutingRule(rules, target, retiredUnits);
  const explanations = rules.map((rule): RuleExplanation<R> => {
    if (rule.category !== null && rule.category !== target.category) {
      return { rule, matched: false, reason: 'category_differs', detail: `for category ${rule.category}` };
    }
    if (rule.regionCode !== null && !target.regionAncestry.includes(rule.regionCode)) {
      return {
        rule,
        matched: false,
        reason: 'region_not_on_chain',
        detail: `for region ${rule.regionCode}, which is not ${target.regionAncestry[0]} or above it`,
      };
    }
    if (retiredUnits.includes(rule.leadUnit)) {
      return { rule, matched: false, reason: 'lead_unit_retired', detail: `its lead unit ${rule.leadUnit} is retired` };
    }
    if (match && match.rule.id === rule.id) {
      return { rule, matched: true, reason: 'won', detail: 'the most specific rule that applies' };
    }
    return { rule, matched: true, ...lossReason(rule, (match as RoutingMatch).rule, target) };
  });
  return { match, explanations };
}
