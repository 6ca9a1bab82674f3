import type { Client } from 'pg';
import { waitFor } from '../../support/test-app';

/**
 * The invariants every fault must leave intact, read from PostgreSQL (the source of truth):
 *  - every acknowledged filing (a 201) exists, and no issue is left `filed`;
 *  - every issue has exactly one routing event (issue.routed / issue.triaged) per routing it needed
 *    (1 + the times it was returned);
 *  - every timer step fired at most once per scheduled instant, no later than its due time (or the moment a
 *    worker was available again) + the reconcile interval + slack, and no step whose time has passed is pending;
 *  - every webhook delivery ended `delivered` or `dead`;
 *  - the outbox is drained.
 */
export interface CheckOptions {
  /** Ids the API answered 201 for. */
  acknowledged?: string[];
  reconcileIntervalMs: number;
  /** Room for processing time on a loaded 2-core machine. */
  slackMs: number;
  /** Timers could not fire before this instant (no worker, Redis down…): lateness counts from here. */
  availableFrom?: Date;
  /** Only issues filed at or after this instant (a file's tests share a database). */
  since?: Date;
}

export interface CheckReport {
  issues: number;
  routingEvents: number;
  timerEvents: number;
  maxLatenessMs: number;
  deliveries: Record<string, number>;
  outboxRows: number;
  violations: string[];
  /** Violations that waiting cannot repair (a duplicate, a lost filing). */
  broken: boolean;
  /** Violations that may still clear as the system catches up (filed issues, unfired timers, outbox backlog). */
  pending: number;
}

const TIMER_EVENTS = ['issue.acknowledge_overdue', 'issue.reminder_sent', 'issue.overdue', 'issue.escalated'];

export async function checkInvariants(db: Client, options: CheckOptions): Promise<CheckReport> {
  const violations: string[] = [];
  let broken = false;
  let pending = 0;
  const wait = (message: string) => {
    pending += 1;
    violations.push(message);
  };
  const fatal = (message: string) => {
    broken = true;
    violations.push(message);
  };
  const since = options.since ?? new Date(0);
  const now = new Date();
  const bound = options.reconcileIntervalMs + options.slackMs;
  const sample = (rows: unknown[]) => JSON.stringify(rows.slice(0, 5));

  if (options.acknowledged?.length) {
    const { rows } = await db.query(
      `SELECT a.id FROM unnest($1::uuid[]) AS a(id) LEFT JOIN issues i ON i.id = a.id WHERE i.id IS NULL`,
      [options.acknowledged],
    );
    if (rows.length) fatal(`${rows.length} acknowledged filings missing: ${sample(rows)}`);
  }

  const { rows: issues } = await db.query(
    `SELECT i.id, i.status, i.return_count,
            count(e.id) FILTER (WHERE e.type IN ('issue.routed', 'issue.triaged'))::int AS routing
       FROM issues i LEFT JOIN issue_events e ON e.issue_id = i.id
      WHERE i.filed_at >= $1 GROUP BY i.id`,
    [since],
  );
  const filed = issues.filter((row) => row.status === 'filed');
  if (filed.length) wait(`${filed.length} issues still filed: ${sample(filed.map((r) => r.id))}`);
  const misrouted = issues.filter((row) => row.status !== 'filed' && row.routing !== 1 + Number(row.return_count));
  if (misrouted.length) fatal(`${misrouted.length} issues not routed exactly once: ${sample(misrouted)}`);

  const { rows: duplicates } = await db.query(
    `SELECT e.issue_id, e.type, e.data->>'scheduledAt' AS at, e.data->>'level' AS level, count(*)::int AS n
       FROM issue_events e JOIN issues i ON i.id = e.issue_id
      WHERE i.filed_at >= $1 AND e.type = ANY($2)
      GROUP BY 1, 2, 3, 4, e.data->>'index' HAVING count(*) > 1`,
    [since, TIMER_EVENTS],
  );
  if (duplicates.length) fatal(`${duplicates.length} timer steps fired more than once: ${sample(duplicates)}`);

  const availableFrom = options.availableFrom ?? new Date(0);
  const { rows: late } = await db.query(
    `SELECT e.issue_id, e.type, e.data->>'level' AS level, e.data->>'scheduledAt' AS scheduled, e.occurred_at,
            (extract(epoch FROM e.occurred_at - greatest((e.data->>'scheduledAt')::timestamptz, $2)) * 1000)::int
              AS late_ms
       FROM issue_events e JOIN issues i ON i.id = e.issue_id
      WHERE i.filed_at >= $1 AND e.type = ANY($3) AND e.data ? 'scheduledAt'
      ORDER BY late_ms DESC`,
    [since, availableFrom, TIMER_EVENTS],
  );
  const tooLate = late.filter((row) => row.late_ms > bound);
  if (tooLate.length) violations.push(`${tooLate.length} timer events later than ${bound} ms: ${sample(tooLate)}`);
  const early = late.filter((row) => new Date(row.occurred_at).getTime() < new Date(row.scheduled).getTime());
  if (early.length) violations.push(`${early.length} timer events before their time: ${sample(early)}`);

  // Steps whose time (or the worker's return) is more than the bound ago must have fired.
  const { rows: missed } = await db.query(
    `SELECT i.id, t.step, t.at, i.timers_fired
       FROM issues i, jsonb_to_recordset(i.timer_plan) AS t(step text, at timestamptz)
      WHERE i.filed_at >= $1 AND NOT (t.step = ANY(i.timers_fired))
        AND greatest(t.at, $2) < $3::timestamptz - make_interval(secs => $4::float / 1000)`,
    [since, availableFrom, now, bound],
  );
  if (missed.length) wait(`${missed.length} timer steps overdue but not fired: ${sample(missed)}`);

  const { rows: deliveryRows } = await db.query(
    `SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`,
  );
  const deliveries = Object.fromEntries(deliveryRows.map((row) => [row.status, row.n]));
  const unfinished = deliveryRows.filter((row) => row.status !== 'delivered' && row.status !== 'dead');
  if (unfinished.length) wait(`webhook deliveries neither delivered nor dead: ${sample(unfinished)}`);

  const { rows: outbox } = await db.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS pending FROM outbox`,
  );
  if (outbox[0].pending) wait(`${outbox[0].pending} outbox rows unpublished`);

  return {
    issues: issues.length,
    routingEvents: issues.reduce((sum, row) => sum + row.routing, 0),
    timerEvents: late.length,
    maxLatenessMs: late.length ? Math.max(0, late[0].late_ms) : 0,
    deliveries,
    outboxRows: outbox[0].total,
    violations,
    broken,
    pending,
  };
}

/**
 * Waits until the system has settled (nothing filed, outbox drained, no delivery pending, no timer step left
 * unfired past its bound), then checks everything, lateness included. Fails with the violations and the last report if it never settles.
 */
export async function settleAndCheck(
  db: Client,
  options: CheckOptions & { timeoutMs?: number; label?: string },
): Promise<CheckReport> {
  let report: CheckReport | undefined;
  // Until a worker has had the whole bound since it came back, an unfired step is not yet a miss.
  const settledAfter = (options.availableFrom?.getTime() ?? 0) + options.reconcileIntervalMs + options.slackMs;
  while (Date.now() < settledAfter) await new Promise((resolve) => setTimeout(resolve, 100));
  try {
    await waitFor(
      async () => {
        report = await checkInvariants(db, options);
        if (report.broken) throw new Error('broken invariants');
        return report.pending === 0;
      },
      options.timeoutMs ?? 60_000,
      `invariants after ${options.label ?? 'the fault'}`,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${JSON.stringify(report, null, 2)}`);
  }
  const final = report as CheckReport;
  if (final.violations.length) {
    throw new Error(`invariants after ${options.label ?? 'the fault'}:\n${JSON.stringify(final, null, 2)}`);
  }
  console.info(
    `[fault] ${options.label ?? 'check'}: ${JSON.stringify({ ...final, violations: undefined, broken: undefined, pending: undefined })}`,
  );
  return final;
}
