import { API, seedReference } from './support/factories';
import { EventStreamClient } from './support/event-stream';
import { RedisCluster } from './support/redis-cluster';
import { ServiceProcesses } from './support/service-processes';
import { TestApp, waitFor } from './support/test-app';
import { Receiver } from './support/webhook-receiver';
import { settleAndCheck } from './faults/support/checker';

// Past one machine: two API and two worker processes (the built dist/, as `npm run start:api` / `start:worker`
// run them) on a real Redis Cluster of six nodes on loopback ports, and one PostgreSQL. Every effect happens once
// however the processes share the work, limits are shared, and the stream of one process hears the others.

const RECONCILE_INTERVAL_MS = 1000;
const SECONDS_POLICY = {
  severity: 'urgent',
  calendar: 'natural',
  acknowledgeWithin: 'PT2S',
  resolveWithin: 'PT5S',
  remindAt: [0.5],
  escalations: [{ after: 'PT1S', level: 1 }],
  verifyWithin: 'PT60S',
};

jest.setTimeout(240_000);

describe('two API and two worker processes on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let app: TestApp;
  let service: ServiceProcesses;
  const receiver = new Receiver(() => 200);

  beforeAll(async () => {
    cluster = await RedisCluster.start();
    app = await TestApp.start({
      worker: false,
      env: { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
    });
    await seedReference(app);
    await receiver.listen();
    service = await ServiceProcesses.start(app, {
      apis: 2,
      workers: 2,
      env: {
        RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
        ROUTING_GRACE_MS: '2000',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_MS: '400',
      },
      apiEnv: { RATE_LIMIT_PER_SECOND: '50', LOGIN_FAILURES_PER_WINDOW: '4' },
    });
  });

  afterAll(async () => {
    await service?.stop();
    await app?.close();
    await receiver.close();
    await cluster?.stop();
  });

  it('routes every filing once, fires every timer once, records ledger rows and delivers webhooks once', async () => {
    const admin = await app.as('admin');
    expect((await admin.post(`${API}/deadline-policies`, SECONDS_POLICY)).status).toBe(201);
    const hook = await admin.post(`${API}/webhooks`, {
      url: receiver.url('/cluster'),
      events: ['issue.routed', 'issue.acknowledge_overdue', 'issue.escalated', 'issue.overdue'],
      secret: 'cluster-secret-cluster-secret',
    });
    expect(hook.status).toBe(201);

    const since = new Date();
    const filed = await service.fileIssues(40, {
      overrides: (index) => ({ severity: index % 2 === 0 ? 'urgent' : 'major' }),
    });
    expect(filed.statuses).toEqual({ 201: 40 });
    // Timers fall due while nobody acknowledges: acknowledge-overdue, escalation, reminder, overdue.
    await waitFor(
      async () => {
        service.assertRunning();
        const { rows } = await app.db.query(
          `SELECT count(*) FILTER (WHERE status = 'filed')::int AS filed, max(due_at) AS due
             FROM issues WHERE filed_at >= $1 AND severity = 'urgent'`,
          [since],
        );
        return rows[0].filed === 0 && rows[0].due && Date.now() > new Date(rows[0].due).getTime() + 3000;
      },
      120_000,
      'every urgent deadline to pass',
    );
    const report = await settleAndCheck(app.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 15_000,
      since,
      label: '2 API + 2 workers on a Redis Cluster',
    });
    expect(report.issues).toBe(40);
    expect(report.routingEvents).toBe(40);
    expect(report.timerEvents).toBeGreaterThanOrEqual(20 * 3);

    // Ledger: one row per scoring event, never two for one timer step of an issue.
    const { rows: ledger } = await app.db.query(
      `SELECT e.issue_id, e.type, count(DISTINCT e.id)::int AS events, count(l.id)::int AS rows
         FROM issue_events e JOIN assessment_ledger l ON l.event_id = e.id
        WHERE e.issue_id = ANY($1::uuid[]) AND e.type IN ('issue.acknowledge_overdue', 'issue.overdue')
        GROUP BY e.issue_id, e.type`,
      [filed.accepted],
    );
    expect(ledger.length).toBeGreaterThanOrEqual(20);
    expect(ledger.filter((row) => row.events !== 1 || row.rows !== 1)).toEqual([]);

    // Webhooks: every delivery the database holds reached the receiver, each event exactly once.
    const { rows: deliveries } = await app.db.query(
      `SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`,
    );
    const delivered = deliveries.find((row) => row.status === 'delivered')?.n ?? 0;
    expect(deliveries.filter((row) => row.status !== 'delivered')).toEqual([]);
    await waitFor(async () => receiver.at('/cluster').length >= delivered, 10_000, 'the receiver to hear them all');
    const ids = receiver.at('/cluster').map((request) => request.headers['x-event-id']);
    expect(ids.length).toBe(delivered);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.at('/cluster').filter((request) => request.body.type === 'issue.routed')).toHaveLength(40);
  });

  it('the stream of API process A hears a change made through API process B', async () => {
    const token = await app.token('xingren-handler');
    const stream = await EventStreamClient.open(service.apis[0].port, token);
    try {
      expect(stream.status).toBe(200);
      const filed = await service.fileIssues(1, { overrides: () => ({ regionCode: '522302' }) });
      const [id] = filed.accepted;
      await stream.waitFor((e) => e.data.id === id && e.data.type === 'issue.routed', 'routing, heard on A', 20_000);
      const acknowledged = await service.request(1, 'xingren-handler', 'POST', `${API}/issues/${id}/acknowledge`);
      expect(acknowledged.status).toBe(200);
      await stream.waitFor((e) => e.data.id === id && e.data.type === 'issue.acknowledged', 'the ack made via B');
    } finally {
      stream.close();
    }
  });

  it('shares one request budget per user across the API processes', async () => {
    // Alternating A, B, A, B…: on one shared counter the remaining budget falls by one at every request,
    // whichever process answers; counted per process it would fall on each process separately.
    const remaining: { index: number; left: number; status: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await service.request(i % 2, 'inspector', 'GET', `${API}/auth/me`);
      const header = [...response.headers.entries()].find(([name]) => /ratelimit-remaining/i.test(name));
      await response.text();
      expect(header).toBeDefined();
      remaining.push({ index: i % 2, left: Number(header?.[1]), status: response.status });
    }
    // A new one-second window may begin anywhere in the run (the count jumps back up); within a window every step
    // is exactly one down.
    const steps = remaining.slice(1).map((entry, i) => remaining[i].left - entry.left);
    const withinWindow = steps.filter((step) => step >= 0);
    expect(withinWindow.length).toBeGreaterThanOrEqual(10);
    expect(withinWindow.filter((step) => step !== 1)).toEqual([]);

    // A burst over the limit, half through each process: the processes together let at most the limit through
    // in a window, so with each alone under it, some are refused.
    let refused = 0;
    let windows = 0;
    for (let attempt = 0; attempt < 5 && refused === 0; attempt++) {
      windows += 1;
      const answers = await Promise.all(
        Array.from({ length: 70 }, (_, i) =>
          service.request(i % 2, 'supervisor2', 'GET', `${API}/auth/me`).then(async (response) => {
            await response.text();
            return { index: i % 2, status: response.status };
          }),
        ),
      );
      refused = answers.filter((answer) => answer.status === 429).length;
      // Each process alone saw 35 requests, under its limit of 50: a refusal can only come from the shared count.
      expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    }
    expect({ refused: refused > 0, windows }).toEqual({ refused: true, windows: expect.any(Number) });
  });

  it('counts failed logins across the API processes, in the cluster', async () => {
    const attempt = (index: number) =>
      fetch(service.url(index, `${API}/auth/login`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'xingyi-handler', password: 'wrong-password' }),
      }).then(async (response) => {
        await response.text();
        return response.status;
      });
    // Four failures allowed per window: two through A, two through B, then both refuse.
    expect([await attempt(0), await attempt(1), await attempt(0), await attempt(1)]).toEqual([401, 401, 401, 401]);
    expect([await attempt(0), await attempt(1)]).toEqual([429, 429]);
  });

  it('keeps BullMQ under one hash tag: the queue prefix is {…} and every key lives in its slot', async () => {
    expect(app.config.queuePrefix).toMatch(/^\{t-dh_test_[^}]+\}$/);
    const client = cluster.client();
    try {
      const master = await cluster.masterFor(app.config.queuePrefix);
      const keys = await client.nodes('master').reduce<Promise<string[]>>(async (all, node) => {
        const found = await node.keys(`${app.config.queuePrefix}*`);
        return [...(await all), ...found.map((key) => `${node.options.port}:${key}`)];
      }, Promise.resolve([]));
      expect(keys.length).toBeGreaterThan(0);
      // All on the one master that serves the tag's slot.
      expect(new Set(keys.map((key) => Number(key.split(':')[0])))).toEqual(new Set([master]));
    } finally {
      client.disconnect();
    }
  });
});
