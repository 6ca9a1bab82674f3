import { DateTime } from 'luxon';

/** One scoring rule: an event type, optionally matched on its data, earns (or costs) points. */
export interface ScoringRule {
  event: string;
  points: number;
  /** Every key must equal the event's data at that key, e.g. `{ "level": 2 }`. */
  when?: Record<string, string | number | boolean | null>;
}

export interface RuleSet {
  base: number;
  rules: ScoringRule[];
}

export interface ScoredEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface RuleHit {
  ruleIndex: number;
  rule: ScoringRule;
  points: number;
}

export function scoringRuleMatches(rule: ScoringRule, event: ScoredEvent): boolean {
  if (rule.event !== event.type) return false;
  return Object.entries(rule.when ?? {}).every(([key, value]) => event.data[key] === value);
}

/** Every matching rule applies, so one event may earn several ledger rows, each explained by its rule. */
export function scoreEvent(ruleSet: RuleSet, event: ScoredEvent): RuleHit[] {
  return ruleSet.rules.flatMap((rule, ruleIndex) =>
    scoringRuleMatches(rule, event) && rule.points !== 0 ? [{ ruleIndex, rule, points: rule.points }] : [],
  );
}

/** How a ledger row names its rule: `issue.escalated{level=2}`. */
export function describeRule(rule: ScoringRule): string {
  const when = Object.entries(rule.when ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(',');
  return when ? `${rule.event}{${when}}` : rule.event;
}

/** A democratic evaluation (0–100) enters the score weighted: a perfect 100 costs nothing, 80 at weight 0.1 costs 2. */
export function evaluationPoints(score: number, weight: number): number {
  return Math.round(weight * (score - 100) * 100) / 100;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

/** `YYYY` or `YYYY-Qn` as a half-open interval in the given time zone. */
export function periodBounds(period: string, timeZone: string): { start: Date; end: Date } {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`period must be YYYY or YYYY-Qn, got "${period}"`);
  const year = Number(match[1]);
  const quarter = match[2] ? Number(match[2]) : null;
  const start = DateTime.fromObject({ year, month: quarter ? (quarter - 1) * 3 + 1 : 1, day: 1 }, { zone: timeZone });
  const end = start.plus(quarter ? { months: 3 } : { years: 1 });
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** The assessment year an instant belongs to, in the given time zone. */
export function assessmentYear(instant: Date, timeZone: string): string {
  return String(DateTime.fromJSDate(instant, { zone: timeZone }).year);
}

export interface UnitCounts {
  assigned: number;
  acknowledgedOnTime: number;
  closed: number;
  closedOnTime: number;
  dueInPeriod: number;
  returned: number;
  /** Closed issues that had been reopened on the way: at most `closed`. */
  rehandled: number;
  evaluated: number;
  satisfiedOrBasically: number;
}

const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

/**
 * The indicators performance offices publish: 签收率 acknowledged on time / assigned; 按时办结率 closed by the
 * approved deadline / due in the period; 满意率 (satisfied + basically satisfied) / evaluated; 退单率 returned /
 * assigned; 重办率 closed after a reopening / closed. A rate with nothing to divide is null, not zero.
 */
export function indicatorRates(counts: UnitCounts) {
  return {
    acknowledgementRate: rate(counts.acknowledgedOnTime, counts.assigned),
    onTimeClosureRate: rate(counts.closedOnTime, counts.dueInPeriod),
    satisfactionRate: rate(counts.satisfiedOrBasically, counts.evaluated),
    returnRate: rate(counts.returned, counts.assigned),
    rehandlingRate: rate(counts.rehandled, counts.closed),
  };
}
