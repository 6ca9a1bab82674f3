import { API } from '../support/factories';
import { waitFor } from '../support/test-app';
import { settleAndCheck } from './support/checker';
import { FaultEnv, RECONCILE_INTERVAL_MS, tier } from './support/fault-env';

// Durable timers: no worker while they fall due, and many reschedules (stale versions must do nothing).
// Run: `npm run test:faults -- deadlines`.

describe('faults: deadlines', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await FaultEnv.start();
  });

  afterEach(async () => {
    await env?.crashWorkers();
  });

  afterAll(async () => {
    await env?.close();
  });

  it(`no worker running while ${tier(100, 1000)} issues' deadlines fall due: each step fires once on return`, async () => {
    const since = new Date();
    const issues = tier(100, 1000);
    await env.fastPolicy(tier(4, 15), tier(6, 18));
    const worker = await env.startWorker();
    const filed = await env.fileIssues(issues, { overrides: () => ({ severity: 'urgent' }) });
    await waitFor(async () => (await env.countFiled()) === 0, 60_000, 'routing');
    expect((await worker.terminate()).exit).toEqual({ code: 0, signal: null });
    await env.waitPastDeadlines(since, 3000);
    expect(await env.count(`SELECT count(*)::int AS n FROM issue_events WHERE type = 'issue.overdue'`)).toBe(0);
    const next = await env.startWorker();
    // Lateness counts from the moment a worker is up again (its boot, migrations included, is not the timers').
    const back = new Date();
    const report = await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: tier(3000, 8000),
      availableFrom: back,
      since,
      timeoutMs: 120_000,
      label: `no worker while ${issues * 3} timer steps fell due`,
    });
    expect(report.timerEvents).toBe(issues * 3);
    expect((await next.terminate()).exit).toEqual({ code: 0, signal: null });
  });

  it(`${tier(100, 1000)} deadline reschedules: stale timers do nothing, the last deadline fires once`, async () => {
    const since = new Date();
    const [issues, rounds] = tier([20, 5], [100, 10]);
    await env.fastPolicy(3600, tier(15, 45));
    const worker = await env.startWorker();
    const filed = await env.fileIssues(issues, { overrides: () => ({ severity: 'urgent', regionCode: '522302' }) });
    await waitFor(async () => (await env.countFiled()) === 0, 60_000, 'routing');
    const handler = await env.app.as('xingren-handler');
    const inspector = await env.app.as('inspector');
    for (const id of filed.accepted) {
      expect((await handler.post(`${API}/issues/${id}/acknowledge`)).status).toBe(200);
    }
    let reschedules = 0;
    const started = Date.now();
    for (let round = 1; round <= rounds; round += 1) {
      await Promise.all(
        filed.accepted.map(async (id) => {
          const issue = (await inspector.get(`${API}/issues/${id}`)).body;
          const requested = await handler.post(`${API}/issues/${id}/extension-requests`, {
            requestedDueAt: new Date(Date.parse(issue.dueAt) + 1000).toISOString(),
            reason: `round ${round}`,
          });
          expect(requested.status).toBe(201);
          const decided = await inspector.post(`${API}/issues/${id}/extension-requests/${requested.body.id}/decision`, {
            approved: true,
          });
          expect(decided.status).toBe(200);
          reschedules += 1;
        }),
      );
    }
    const rescheduleMs = Date.now() - started;
    const { rows } = await env.db.query(`SELECT id, due_at, deadline_version FROM issues WHERE filed_at >= $1`, [
      since,
    ]);
    expect(Math.min(...rows.map((r) => Date.parse(r.due_at)))).toBeGreaterThan(Date.now());
    await waitFor(
      async () => Date.now() > Math.max(...rows.map((r) => Date.parse(r.due_at))) + 2000,
      120_000,
      'the last deadlines',
    );
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      timeoutMs: 60_000,
      label: `${reschedules} reschedules in ${rescheduleMs} ms`,
    });
    // Exactly one overdue and one escalation per issue, both for the final deadline: the stale versions' jobs
    // (and the reconciler) fired nothing.
    const { rows: fired } = await env.db.query(
      `SELECT i.id, i.due_at, array_agg(e.type ORDER BY e.type) AS types,
              array_agg(DISTINCT (e.data->>'scheduledAt')::timestamptz) AS at
         FROM issues i JOIN issue_events e ON e.issue_id = i.id AND e.type IN ('issue.overdue', 'issue.escalated')
        WHERE i.filed_at >= $1 GROUP BY i.id`,
      [since],
    );
    expect(fired).toHaveLength(issues);
    const wrong = fired.filter(
      (row) =>
        row.types.join() !== 'issue.escalated,issue.overdue' ||
        row.at.length !== 1 ||
        new Date(row.at[0]).getTime() !== new Date(row.due_at).getTime(),
    );
    expect(wrong).toEqual([]);
    expect((await worker.terminate()).exit).toEqual({ code: 0, signal: null });
  });
});
