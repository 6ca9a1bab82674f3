import { delay } from '@app/devkit';
import { waitFor } from '../support/test-app';
import { settleAndCheck } from './support/checker';
import { FaultEnv, RECONCILE_INTERVAL_MS, slowIt, tier } from './support/fault-env';
import { WorkerProcess } from './support/processes';

// Worker processes killed, terminated and frozen while they route. Run: `npm run test:faults -- workers`.

describe('faults: worker processes', () => {
  let env: FaultEnv;
  const activeAfterStop: number[] = [];

  beforeAll(async () => {
    env = await FaultEnv.start();
  });

  afterEach(async () => {
    await env?.crashWorkers();
  });

  afterAll(async () => {
    await env?.close();
  });

  async function expectCleanExit(worker: WorkerProcess): Promise<void> {
    const { exit, ms } = await worker.terminate();
    expect({
      exit,
      ms: ms < 15_000,
      output: exit === 'timeout' || exit.code !== 0 ? worker.text().slice(-3000) : '',
    }).toEqual({ exit: { code: 0, signal: null }, ms: true, output: '' });
  }

  it('kill -9 mid-routing, three times in a row: every filing routed exactly once', async () => {
    const since = new Date();
    const issues = tier(300, 1000);
    const filed = await env.fileIssues(issues);
    expect(filed.accepted).toHaveLength(issues);
    let kills = 0;
    for (const fraction of [0.25, 0.5, 0.75]) {
      // Slow routing, so the kill lands while jobs are active.
      const worker = await env.startWorker({ ROUTING_CONCURRENCY: '2' });
      await waitFor(
        async () => {
          worker.assertRunning();
          return (await env.countFiled()) <= issues * (1 - fraction);
        },
        60_000,
        `${fraction * 100} % routed`,
      );
      await worker.crash();
      kills += 1;
    }
    expect(await env.countFiled()).toBeGreaterThan(0);
    const last = await env.startWorker();
    // The jobs the killed workers held come back through the reconciler (ROUTING_GRACE_MS), not the 30 s lock.
    const report = await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: `kill -9 mid-routing x${kills}, ${issues} issues`,
    });
    expect(report.issues).toBe(issues);
    await expectCleanExit(last);
  });

  it('SIGTERM during a burst of filings, three times: clean exit, nothing lost, nothing twice', async () => {
    const since = new Date();
    const issues = tier(600, 2000);
    let worker = await env.startWorker({ ROUTING_CONCURRENCY: '4' });
    const burst = env.fileIssues(issues, { concurrency: 16 });
    const exits = [];
    for (let round = 0; round < 3; round += 1) {
      await waitFor(
        async () =>
          (await env.count('SELECT count(*)::int AS n FROM issues WHERE filed_at >= $1', [since])) >=
          ((round + 1) * issues) / 4,
        60_000,
        'part of the burst',
      );
      const stop = await worker.terminate();
      exits.push(stop);
      expect(stop.exit).toEqual({ code: 0, signal: null });
      // Checked in the next test (B2): a worker that stopped cleanly leaves no job of this burst active. (The jobs
      // the kill -9 test above left active wait for the stalled check; they were queued before `since`.)
      const active = await env.queue('routing').getJobs(['active']);
      activeAfterStop.push(active.filter((job) => job.timestamp >= since.getTime()).length);
      worker = await env.startWorker({ ROUTING_CONCURRENCY: '4' });
    }
    const filed = await burst;
    expect(filed.accepted).toHaveLength(issues);
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: `SIGTERM x3 during a burst of ${issues}; stop times ${exits.map((e) => e.ms).join('/')} ms`,
    });
    await expectCleanExit(worker);
  });

  // B2 (docs/RELIABILITY.md): a clean SIGTERM finishes its active jobs, or hands them back after a grace period.
  it('SIGTERM during a burst left no routing job active in Redis', () => {
    expect(activeAfterStop).toEqual([0, 0, 0]);
  });

  it('crash between commit and publish: the relay hangs in its publish (Redis silent), the worker is killed', async () => {
    const since = new Date();
    const proxied = await FaultEnv.start({ redisProxy: true });
    try {
      // Logged in first: a login while Redis is silent hangs (RELIABILITY.md B5), which is not this fault.
      await proxied.app.token('supervisor');
      const worker = await proxied.startWorker();
      proxied.redisProxy?.blackhole();
      const issues = tier(200, 1000);
      const filed = await proxied.fileIssues(issues);
      // Committed, and claimed by a relay transaction that never got its jobs into Redis.
      await waitFor(
        async () =>
          (await proxied.count(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`,
            [proxied.app.databaseName],
          )) > 0,
        10_000,
        'the relay holding a claimed batch',
      );
      expect(await proxied.pendingOutbox()).toBeGreaterThanOrEqual(issues);
      await worker.crash();
      await proxied.redisProxy?.open();
      const next = await proxied.startWorker();
      await settleAndCheck(proxied.db, {
        acknowledged: filed.accepted,
        reconcileIntervalMs: RECONCILE_INTERVAL_MS,
        slackMs: 3000,
        since,
        label: `crash between commit and publish, ${issues} issues`,
      });
      await expectCleanExit(next);
    } finally {
      await proxied.close();
    }
  });

  it('crash between publish and mark: jobs in Redis, the mark never commits; then a full replay of the outbox', async () => {
    const since = new Date();
    // Holds the relay between its addBulk and its commit: the UPDATE that marks rows published sleeps.
    await env.db.query(`
      CREATE OR REPLACE FUNCTION fault_slow_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$;
      CREATE TRIGGER fault_slow_mark BEFORE UPDATE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION fault_slow_mark();
    `);
    let worker: WorkerProcess;
    const issues = tier(200, 1000);
    let filed;
    try {
      worker = await env.startWorker();
      filed = await env.fileIssues(issues);
      const sleeping = await waitFor(
        async () => {
          const { rows } = await env.db.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'PgSleep'`,
            [env.app.databaseName],
          );
          return rows.length ? rows.map((row) => row.pid as number) : undefined;
        },
        10_000,
        'the relay inside its mark',
      );
      const routing = env.queue('routing');
      const inRedis = Object.values(await routing.getJobCounts()).reduce((a, b) => a + b, 0);
      expect(inRedis).toBeGreaterThan(0);
      await worker.crash();
      // The server notices the dead client: its transaction rolls back, the rows stay unpublished.
      for (const pid of sleeping) await env.db.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await env.db.query('DROP TRIGGER IF EXISTS fault_slow_mark ON outbox');
    }
    expect(await env.pendingOutbox()).toBeGreaterThan(0);
    worker = await env.startWorker();
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: `crash between publish and mark, ${issues} issues`,
    });

    // Replay: every outbox row published again into an empty Redis, so no job id can deduplicate it; the
    // processors alone must make the second run change nothing.
    const before = await env.db.query(
      `SELECT (SELECT count(*) FROM issue_events)::int AS events, (SELECT count(*) FROM notifications)::int AS notes`,
    );
    await env.redis.command('FLUSHALL');
    const replayed = await env.count(
      `WITH r AS (UPDATE outbox SET published_at = NULL WHERE created_at >= $1 RETURNING 1) SELECT count(*)::int AS n FROM r`,
      [since],
    );
    await waitFor(async () => (await env.pendingOutbox()) === 0, 30_000, 'the replay published');
    await delay(2000);
    const after = await env.db.query(
      `SELECT (SELECT count(*) FROM issue_events)::int AS events, (SELECT count(*) FROM notifications)::int AS notes`,
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: `outbox replay of ${replayed} rows into a flushed Redis`,
    });
    await expectCleanExit(worker);
  });

  slowIt(
    'event loop blocked past the job lock (40 s > 30 s): jobs are taken over, each issue still routed once',
    async () => {
      const since = new Date();
      const issues = 400;
      const filed = await env.fileIssues(issues);
      const frozen = await env.startWorker({ ROUTING_CONCURRENCY: '4', BLOCK_EVENT_LOOP_MS: '40000' });
      const routing = env.queue('routing');
      await waitFor(
        async () => (await routing.getActiveCount()) > 0 && (await env.countFiled()) < issues - 20,
        30_000,
        'routing under way',
      );
      frozen.kill('SIGUSR2');
      const blockedAt = Date.now();
      const active = await routing.getActiveCount();
      const rescuer = await env.startWorker();
      await settleAndCheck(env.db, {
        acknowledged: filed.accepted,
        reconcileIntervalMs: RECONCILE_INTERVAL_MS,
        slackMs: 3000,
        since,
        timeoutMs: 120_000,
        label: `event loop blocked 40 s holding ${active} active jobs`,
      });
      // Wait until the frozen worker has woken up and met its lost locks; it must survive them.
      await waitFor(async () => Date.now() - blockedAt > 45_000, 60_000, 'the block to end');
      frozen.assertRunning();
      await settleAndCheck(env.db, {
        acknowledged: filed.accepted,
        reconcileIntervalMs: RECONCILE_INTERVAL_MS,
        slackMs: 3000,
        since,
        label: 'after the frozen worker woke up',
      });
      await expectCleanExit(frozen);
      await expectCleanExit(rescuer);
    },
  );
});
