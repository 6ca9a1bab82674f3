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
