import { delay } from '@app/devkit';
import { API, issueBody } from '../support/factories';
import { waitFor } from '../support/test-app';
import { settleAndCheck } from './support/checker';
import { FaultEnv, RECONCILE_INTERVAL_MS, tier } from './support/fault-env';

// PostgreSQL unreachable: a TCP proxy between the API/worker and the shared server closes every connection
// and refuses new ones, as a server that went down would. Run: `npm run test:faults -- postgres`.

describe('faults: PostgreSQL', () => {
  let env: FaultEnv;
  let intakeStatuses: Record<number, number> = {};

  beforeAll(async () => {
    env = await FaultEnv.start({ postgresProxy: true });
    for (const user of ['supervisor', 'inspector', 'admin']) await env.app.token(user);
  });

  afterEach(async () => {
    await env?.crashWorkers();
  });

  afterAll(async () => {
    await env?.close();
  });

  it(`PostgreSQL down ${tier(10, 30)} s: /health 503, intake 503 and no false acknowledgement, recovery without a restart`, async () => {
    const since = new Date();
    await env.fastPolicy(tier(8, 20), tier(10, 24));
    const worker = await env.startWorker();
    const before = await env.fileIssues(tier(60, 300), { overrides: (i) => (i % 2 ? { severity: 'urgent' } : {}) });
    await waitFor(async () => (await env.countFiled()) === 0, 20_000, 'routing before the outage');
    const supervisor = await env.app.as('supervisor');

    const outageMs = tier(10_000, 30_000);
    await env.postgresProxy?.refuse();
    const downAt = Date.now();
    const health: number[] = [];
    const intake: { status: number; key: string; id?: string }[] = [];
    let n = 0;
    while (Date.now() - downAt < outageMs) {
      const key = `outage-${n++}`;
      const [h, filed] = await Promise.all([
        env.app.http.get('/health'),
        supervisor.post(`${API}/issues`, issueBody({ title: key })).set('Idempotency-Key', key),
      ]);
      health.push(h.status);
      intake.push({ status: filed.status, key, id: filed.body?.id });
      await delay(200);
    }
    await env.postgresProxy?.open();
    const upAt = new Date();

    // While down: every health check 503, no filing acknowledged, and the refusal is a 503 (retry), not a 500.
    const statuses = intake.reduce<Record<number, number>>(
      (all, r) => ({ ...all, [r.status]: (all[r.status] ?? 0) + 1 }),
      {},
    );
    intakeStatuses = statuses;
    // No false acknowledgement: nothing answered 2xx while nothing could commit.
    expect(intake.filter((r) => r.status < 300)).toEqual([]);
    expect([...new Set(health)]).toEqual([503]);

    // Recovery without a restart: the same processes serve again.
    await waitFor(async () => (await env.app.http.get('/health')).status === 200, 30_000, '/health 200 again');
    const recoveredMs = Date.now() - upAt.getTime();
    const retried = await waitFor(
      async () => {
        const r = await supervisor
          .post(`${API}/issues`, issueBody({ title: 'after' }))
          .set('Idempotency-Key', 'outage-0');
        return r.status === 201 ? r : undefined;
      },
      30_000,
      'intake 201 again',
    );
    // The key of a refused filing is free: nothing was half-committed under it.
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    const after = await env.fileIssues(50);
    worker.assertRunning();
    const report = await settleAndCheck(env.db, {
      acknowledged: [...before.accepted, retried.body.id, ...after.accepted],
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      availableFrom: upAt,
      since,
      timeoutMs: 90_000,
      label: `PostgreSQL down ${outageMs} ms: ${health.length} health checks, ${intake.length} filings refused, /health 200 ${recoveredMs} ms after`,
    });
    expect(report.issues).toBe(before.accepted.length + 1 + after.accepted.length);
    const { exit } = await worker.terminate();
    expect({ exit, output: exit === 'timeout' || exit.code !== 0 ? worker.text().slice(-3000) : '' }).toEqual({
      exit: { code: 0, signal: null },
      output: '',
    });
  });

  it('while PostgreSQL is down every filing is refused with 503 (retry later)', () => {
    const total = Object.values(intakeStatuses).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(intakeStatuses).toEqual({ 503: total });
  });
});
