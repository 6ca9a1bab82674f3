import { HttpClient } from '@app/devkit';
import type { AssessmentRow } from '@app/workflow';
import { stats } from './table';

interface TimelineItem {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

async function inLanes<T, R>(items: T[], lanes: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
}

/** The month's totals from every issue's timeline, the assessment table and the reports, read as the inspector. */
export async function collect(client: HttpClient, inspectorToken: string, year: number) {
  const latencyMark = client.latencies.length;
  const issues = await client.all<{
    id: string;
    kind: string;
    status: string;
    overdue: boolean;
    escalationLevel: number;
    isKey: boolean;
  }>('/api/v1/issues', inspectorToken);
  const byStatus: Record<string, number> = {};
  for (const issue of issues) byStatus[issue.status] = (byStatus[issue.status] ?? 0) + 1;

  const events: Record<string, number> = {};
  const escalationsByLevel: Record<string, number> = {};
  const wentOverdue = new Set<string>();
  const ackLate = new Set<string>();
  const timerLagMs: number[] = [];
  let autoAccepted = 0;
  await inLanes(issues, 16, async (issue) => {
    const timeline: { items: TimelineItem[] } = await client.ok(
      'GET',
      `/api/v1/issues/${issue.id}/timeline`,
      inspectorToken,
    );
    for (const event of timeline.items) {
      events[event.type] = (events[event.type] ?? 0) + 1;
      if (event.type === 'issue.escalated') {
        const level = String(event.data.level);
        escalationsByLevel[level] = (escalationsByLevel[level] ?? 0) + 1;
      }
      if (event.type === 'issue.overdue') wentOverdue.add(issue.id);
      if (event.type === 'issue.acknowledge_overdue') ackLate.add(issue.id);
      if (event.type === 'issue.accepted' && event.data.automatic === true) autoAccepted += 1;
      if (typeof event.data.scheduledAt === 'string') {
        timerLagMs.push(Date.parse(event.occurredAt) - Date.parse(event.data.scheduledAt));
      }
    }
  });
  const range = `from=${year}-01-01&to=${year}-12-31`;
  const assessment: { from: string; to: string; items: AssessmentRow[] } = await client.ok(
    'GET',
    `/api/v1/assessment/units?${range}`,
    inspectorToken,
  );
  const proposals = await client.ok('GET', `/api/v1/reports/proposals?year=${year}`, inspectorToken);
  const oversight = await client.ok('GET', '/api/v1/oversight/summary', inspectorToken);
  // Up to here: the simulated month's requests, not the ones collecting the results.
  const apiLatencyMs = client.latencies.slice(0, latencyMark);
  const open = issues.filter((issue) => !['closed', 'withdrawn'].includes(issue.status));
  return {
    totals: {
      filed: issues.length,
      supervision: issues.filter((issue) => issue.kind === 'supervision').length,
      proposals: issues.filter((issue) => issue.kind === 'proposal').length,
      byStatus,
      closed: byStatus.closed ?? 0,
      autoAccepted,
      withdrawn: byStatus.withdrawn ?? 0,
      open: open.length,
      openOverdueNow: open.filter((issue) => issue.overdue).length,
      openByEscalationLevel: open.reduce<Record<string, number>>((acc, issue) => {
        if (issue.escalationLevel > 0) acc[issue.escalationLevel] = (acc[issue.escalationLevel] ?? 0) + 1;
        return acc;
      }, {}),
      issuesThatWentOverdue: wentOverdue.size,
      overdueEvents: events['issue.overdue'] ?? 0,
      issuesAcknowledgedLate: ackLate.size,
      escalationsByLevel,
      returned: events['issue.returned'] ?? 0,
      reopened: events['issue.reopened'] ?? 0,
      supervisionNotices: events['issue.supervision_notice'] ?? 0,
      extensionsApproved: events['issue.extension_approved'] ?? 0,
      extensionsRejected: events['issue.extension_rejected'] ?? 0,
      keyIssues: issues.filter((issue) => issue.isKey).length,
    },
    events,
    timerLagMs: stats(timerLagMs),
    apiLatencyMs,
    assessment,
    proposals,
    oversight,
  };
}

export type Collected = Awaited<ReturnType<typeof collect>>;
