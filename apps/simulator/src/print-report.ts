import type { AssessmentRow } from '@app/workflow';
import { Collected } from './collect';
import { SimulationResult } from './month/simulation';
import { Options } from './options';
import { Column, formatTable, percent, stats } from './table';

// What a run prints: the totals, the assessment table and the proposal report.

const COLUMNS: Column<AssessmentRow>[] = [
  { header: 'unit', value: (r) => r.unit },
  { header: 'unitName', value: (r) => r.unitName },
  { header: 'assigned', value: (r) => String(r.assigned), right: true },
  { header: 'acknowledgedOnTime', value: (r) => String(r.acknowledgedOnTime), right: true },
  { header: 'closed', value: (r) => String(r.closed), right: true },
  { header: 'closedOnTime', value: (r) => String(r.closedOnTime), right: true },
  { header: 'overdue', value: (r) => String(r.overdue), right: true },
  { header: 'reopened', value: (r) => String(r.reopened), right: true },
  { header: 'returned', value: (r) => String(r.returned), right: true },
  { header: 'escalations', value: (r) => String(r.escalations), right: true },
  { header: 'satisfaction', value: (r) => percent(r.satisfaction), right: true },
  { header: 'score', value: (r) => r.score.toFixed(2), right: true },
  { header: 'rank', value: (r) => (r.rank === null ? '—' : String(r.rank)), right: true },
];

export function printReport(result: SimulationResult, collected: Collected, settled: string, options: Options): void {
  const t = collected.totals;
  const levels = Object.entries(t.escalationsByLevel)
    .sort()
    .map(([level, n]) => `level ${level}: ${n}`)
    .join(', ');
  const lag = stats(result.lagMs);
  const timer = collected.timerLagMs;
  console.log('');
  console.log(
    `==================== ${options.days} simulated days (1 day = ${options.dayMs} ms, seed ${options.seed}) ====================`,
  );
  console.log(`queues: ${settled}`);
  console.log(
    `filed        ${t.filed} (${t.supervision} supervision issues, ${t.proposals} proposals)\n` +
      `closed       ${t.closed} (${t.autoAccepted} accepted automatically after verifyWithin)   withdrawn ${t.withdrawn}\n` +
      `still open   ${t.open} (${Object.entries(t.byStatus)
        .filter(([status]) => !['closed', 'withdrawn'].includes(status))
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')}), overdue now ${t.openOverdueNow}\n` +
      `overdue      ${t.issuesThatWentOverdue} issues went overdue (${t.overdueEvents} overdue events), ` +
      `${t.issuesAcknowledgedLate} acknowledged late\n` +
      `escalations  ${levels || 'none'}\n` +
      `returned ${t.returned}, reopened ${t.reopened}, extensions approved ${t.extensionsApproved} / rejected ` +
      `${t.extensionsRejected}, supervision notices ${t.supervisionNotices}, key issues/proposals ${t.keyIssues}`,
  );
  if (timer) {
    console.log(
      `timers       ${timer.n} fired; late by median ${timer.median} ms, p99 ${timer.p99} ms, max ${timer.max} ms`,
    );
  }
  if (lag) {
    console.log(
      `simulation   actions late by median ${lag.median} ms, p99 ${lag.p99} ms, max ${lag.max} ms (of ${lag.n})`,
    );
  }
  const latency = stats(collected.apiLatencyMs);
  if (latency) {
    console.log(
      `API          ${latency.n} requests answered in median ${latency.median} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
  }
  const stale = Object.entries(result.stale)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  console.log(`stale        ${stale || 'none'} (the issue had moved on: 403/404/409)`);
  console.log(`errors       ${result.errorCount}`);
  for (const error of result.errors.slice(0, 10)) console.log(`  ${error.what}: ${error.message}`);

  const rows = [...collected.assessment.items].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      b.assigned - a.assigned ||
      a.unit.localeCompare(b.unit),
  );
  console.log('');
  console.log(`GET /api/v1/assessment/units?from=${collected.assessment.from}&to=${collected.assessment.to}`);
  console.log(formatTable(rows, COLUMNS));
  const byProfile = new Map<string, string[]>();
  for (const [unit, profile] of Object.entries(result.profiles)) {
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), unit]);
  }
  console.log('');
  console.log('simulated diligence:');
  for (const [profile, units] of byProfile) console.log(`  ${profile.padEnd(10)} ${units.join(', ')}`);
  if (result.evaluations.length) {
    const evaluations = result.evaluations as { unit: string; score: number; points: number }[];
    console.log(
      `democratic evaluations: ${evaluations.map((e) => `${e.unit} ${e.score} (${e.points} points)`).join(', ')}`,
    );
  }
  console.log('');
  console.log(`GET /api/v1/reports/proposals?year=${(collected.proposals as { year: number }).year}`);
  console.log(JSON.stringify(collected.proposals, null, 2));
}
