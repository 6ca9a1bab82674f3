import { delay } from '@app/devkit';
import { API } from '../support/factories';
import { waitFor } from '../support/test-app';
import { settleAndCheck } from './support/checker';
import { FaultEnv, FULL, RECONCILE_INTERVAL_MS, slowIt, tier } from './support/fault-env';
import { PrivateRedis, WorkerProcess } from './support/processes';

// Redis restarted, flushed, unreachable and out of memory. Redis here is a private redis-server behind a TCP
// proxy; the shared one is never touched. Run: `npm run test:faults -- redis`.

describe('faults: Redis', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await FaultEnv.start({ redisProxy: true });
    // Tokens first: a login during an outage is not what these tests are about.
    for (const user of ['supervisor', 'inspector', 'admin']) await env.app.token(user);
  });

  afterEach(async () => {
    await env?.crashWorkers();
  });

  afterAll(async () => {
    await env?.close();
  });

  async function expectCleanExit(worker: WorkerProcess): Promise<void> {
    const { exit } = await worker.terminate();
    expect({ exit, output: exit === 'timeout' || exit.code !== 0 ? worker.text().slice(-3000) : '' }).toEqual({
      exit: { code: 0, signal: null },
      output: '',
    });
  }

  it('Redis restart (crash, empty on return) with a burst in flight and deadlines pending', async () => {
    const since = new Date();
    await env.fastPolicy(6, 8);
    const worker = await env.startWorker();
    const urgent = await env.fileIssues(tier(100, 500), { overrides: () => ({ severity: 'urgent' }) });
    const burst = env.fileIssues(tier(300, 1500));
    await delay(1000);
    const restarts = tier(2, 5);
    for (let i = 0; i < restarts; i += 1) {
      await env.redis.restart(300);
      await delay(1000);
    }
    const filed = await burst;
    await env.waitPastDeadlines(since, tier(5000, 10_000));
    const report = await settleAndCheck(env.db, {
      acknowledged: [...urgent.accepted, ...filed.accepted],
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: tier(3000, 8000),
      since,
      timeoutMs: 90_000,
      label: `Redis restarted x${restarts} (SIGKILL, data lost)`,
    });
    expect(report.timerEvents).toBeGreaterThanOrEqual(urgent.accepted.length * 3);
    worker.assertRunning();
    await expectCleanExit(worker);
  });

  async function flushWithPending(deadlines: number, unrouted: number): Promise<void> {
    const since = new Date();
    // Worker 1 must not route the unrouted issues through its reconciler: a long grace.
    const quiet = { ROUTING_GRACE_MS: '3600000', RECONCILE_INTERVAL_MS: '600000' };
    const ack = tier(25, 90);
    await env.fastPolicy(ack, ack + 5);
    const urgent = await env.fileIssues(deadlines, { overrides: () => ({ severity: 'urgent' }), concurrency: 16 });
    expect(urgent.accepted).toHaveLength(deadlines);
    const first = await env.startWorker(quiet);
    await waitFor(async () => (await env.countFiled()) === 0, 120_000, 'the urgent issues routed');
    const deadlinesQueue = env.queue('deadlines');
    await waitFor(
      async () => (await env.pendingOutbox()) === 0 && (await deadlinesQueue.getDelayedCount()) >= deadlines * 3,
      60_000,
      'every timer armed in Redis',
    );
    // Routing paused in Redis: the next filings are published to BullMQ and wait there, unrouted.
    await env.queue('routing').pause();
    const waiting = await env.fileIssues(unrouted, { concurrency: 16 });
    await waitFor(async () => (await env.pendingOutbox()) === 0, 60_000, 'the unrouted issues published');
    // A worker may have taken a few jobs before the pause reached it; the rest wait in Redis.
    const unroutedAtFlush = await env.countFiled();
    expect(unroutedAtFlush).toBeGreaterThanOrEqual(unrouted * 0.8);
    const routingJobs = await env.queue('routing').getJobCounts('wait', 'paused');
    expect(routingJobs.wait + routingJobs.paused).toBeGreaterThanOrEqual(unroutedAtFlush);
    const firstDue = await env.db.query(`SELECT min(acknowledge_due_at) AS at FROM issues WHERE filed_at >= $1`, [
      since,
    ]);
    expect(Date.parse(firstDue.rows[0].at)).toBeGreaterThan(Date.now() + 2000);
    const delayed = await deadlinesQueue.getDelayedCount();
    expect((await first.terminate()).exit).toEqual({ code: 0, signal: null });

    await env.redis.command('FLUSHALL');
    expect(await env.redis.command('DBSIZE')).toBe(0);
    const second = await env.startWorker();
    await env.waitPastDeadlines(since, tier(5000, 12_000));
    second.assertRunning();
    const report = await settleAndCheck(env.db, {
      acknowledged: [...urgent.accepted, ...waiting.accepted],
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: tier(3000, 10_000),
      since,
      timeoutMs: 180_000,
      label: `FLUSHALL with ${delayed} delayed timers (${deadlines} issues) and ${unroutedAtFlush} unrouted issues`,
    });
    expect(report.timerEvents).toBe(deadlines * 3);
    await expectCleanExit(second);
  }

  it(`FLUSHALL with ${tier(500, 5000)} issues' deadlines pending and ${tier(200, 1000)} unrouted issues`, async () => {
    await flushWithPending(tier(500, 5000), tier(200, 1000));
  });

  it(`Redis unreachable for ${tier(5, 30)} s: intake keeps answering, routing and deadlines resume`, async () => {
    const since = new Date();
    await env.fastPolicy(4, 6);
    const worker = await env.startWorker();
    const before = await env.fileIssues(50, { overrides: () => ({ severity: 'urgent' }) });
    const outageMs = tier(5000, 30_000);
    // Fast tier: refused connections (server down); slow tier: a silent partition, the harder case.
    if (FULL) env.redisProxy?.blackhole();
    else await env.redisProxy?.refuse();
    const outageStart = Date.now();
    const during: { accepted: string[]; statuses: Record<number, number>; ms: number }[] = [];
    const health: number[] = [];
    const latencies: number[] = [];
    while (Date.now() - outageStart < outageMs) {
      const t = Date.now();
      during.push(await env.fileIssues(5, { concurrency: 5 }));
      latencies.push(Date.now() - t);
      health.push((await env.app.http.get('/health')).status);
    }
    // Logging in needs only PostgreSQL too (the failure counter fails open).
    // A silent Redis makes it hang (B5): bounded, so the test reports it instead of hanging.
    const login = await env.app.http
      .post(`${API}/auth/login`)
      .send({ username: 'supervisor2', password: 'test-password' })
      .timeout(5000)
      .catch(() => ({ status: 'no answer in 5 s' }));
    await env.redisProxy?.open();
    const healedAt = new Date();
    const acceptedDuring = during.flatMap((d) => d.accepted);
    const statuses = during.reduce<Record<number, number>>((all, d) => {
      for (const [s, n] of Object.entries(d.statuses)) all[Number(s)] = (all[Number(s)] ?? 0) + n;
      return all;
    }, {});
    expect({ statuses, login: login.status }).toEqual({ statuses: { 201: acceptedDuring.length }, login: 200 });
    expect(health.filter((s) => s !== 503)).toEqual([]);
    expect(Math.max(...latencies)).toBeLessThan(5000);
    await waitFor(async () => (await env.app.http.get('/health')).status === 200, 30_000, '/health back to 200');
    const report = await settleAndCheck(env.db, {
      acknowledged: [...before.accepted, ...acceptedDuring],
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      timeoutMs: 120_000,
      label: `Redis unreachable ${outageMs} ms (${FULL ? 'blackhole' : 'refused'}), ${acceptedDuring.length} filed during it, healed after ${healedAt.getTime() - outageStart} ms`,
    });
    expect(report.issues).toBe(before.accepted.length + acceptedDuring.length);
    worker.assertRunning();
    await expectCleanExit(worker);
  });

  it('Redis eviction policy: the worker warns at start-up unless it is noeviction', async () => {
    const wrong = await PrivateRedis.start(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    try {
      const worker = await env.startWorker({ REDIS_URL: wrong.url });
      await waitFor(async () => worker.text().includes('maxmemory-policy should be noeviction'), 15_000, 'the warning');
      expect(worker.text()).toContain('allkeys-lru');
      await expectCleanExit(worker);
      const right = await env.startWorker();
      await delay(1000);
      expect(right.text()).not.toContain('maxmemory-policy');
      await expectCleanExit(right);
    } finally {
      await wrong.stop('SIGKILL');
    }
  });

  it('Redis out of memory (noeviction): intake answers, nothing is lost, the backlog drains once memory is back', async () => {
    const since = new Date();
    const worker = await env.startWorker();
    const used = Number(/used_memory:(\d+)/.exec(String(await env.redis.command('INFO', 'memory')))?.[1]);
    await env.redis.command('CONFIG', 'SET', 'maxmemory', String(used + 64 * 1024));
    await env.redis.command('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    const issues = tier(300, 2000);
    const filed = await env.fileIssues(issues);
    expect(filed.statuses).toEqual({ 201: issues });
    await waitFor(async () => worker.text().includes('OOM'), 15_000, 'the relay to meet OOM');
    const pendingAtOom = await env.pendingOutbox();
    expect(pendingAtOom).toBeGreaterThan(0);
    await env.redis.command('CONFIG', 'SET', 'maxmemory', '0');
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      timeoutMs: 90_000,
      label: `Redis OOM with ${issues} filings, ${pendingAtOom} outbox rows held back`,
    });
    worker.assertRunning();
    await expectCleanExit(worker);
  });

  slowIt('Redis FLUSHALL twice in a row while the worker runs (no pause): nothing lost', async () => {
    const since = new Date();
    await env.fastPolicy(8, 10);
    const worker = await env.startWorker();
    const burst = env.fileIssues(1000, { overrides: (i) => (i % 4 === 0 ? { severity: 'urgent' } : {}) });
    await delay(1500);
    await env.redis.command('FLUSHALL');
    await delay(1500);
    await env.redis.command('FLUSHALL');
    const filed = await burst;
    await delay(14_000);
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 5000,
      since,
      timeoutMs: 120_000,
      label: 'FLUSHALL x2 under load',
    });
    await expectCleanExit(worker);
  });
});
