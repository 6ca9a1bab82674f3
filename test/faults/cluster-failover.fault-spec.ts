import { Queue } from 'bullmq';
import { createRedisClient } from '@app/messaging';
import { API, seedReference } from '../support/factories';
import { RedisCluster } from '../support/redis-cluster';
import { ServiceProcesses } from '../support/service-processes';
import { TestApp, waitFor } from '../support/test-app';
import { Receiver } from '../support/webhook-receiver';
import { settleAndCheck } from './support/checker';

// Redis Cluster failover under load: two API and two worker processes on six nodes; the master that holds the
// queues' hash-tag slot is killed (SIGKILL) while issues are filed and second-scale timers fall due. Its replica
// takes over after cluster-node-timeout; meanwhile adds fail and the outbox relay retries them. Nothing may be
// lost or done twice. Also measured here, in the same run: filings + routing with 2 + 2 processes on the
// cluster against 1 + 1 on one Redis.

const RECONCILE_INTERVAL_MS = 1000;
const NODE_TIMEOUT_MS = 3000;
const THROUGHPUT_ISSUES = 300;
const FAILOVER_ISSUES = 200;
const PROCESS_ENV = {
  RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
  ROUTING_GRACE_MS: '2000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_MS: '400',
};
const SECONDS_POLICY = {
  severity: 'urgent',
  calendar: 'natural',
  acknowledgeWithin: 'PT3S',
  resolveWithin: 'PT8S',
  remindAt: [0.5],
  escalations: [{ after: 'PT2S', level: 1 }],
  verifyWithin: 'PT60S',
};

interface World {
  app: TestApp;
  service: ServiceProcesses;
}

async function world(env: Record<string, string>, apis: number, workers: number): Promise<World> {
  const app = await TestApp.start({ worker: false, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...env } });
  await seedReference(app);
  const service = await ServiceProcesses.start(app, { apis, workers, env: PROCESS_ENV });
  return { app, service };
}

/** Files `count` issues and returns filings+routing per second: from the first filing to the last issue routed. */
async function throughput({ app, service }: World, count: number): Promise<{ perSecond: number; ms: number }> {
  const started = Date.now();
  const filed = await service.fileIssues(count, { concurrency: 16 });
  expect(filed.statuses).toEqual({ 201: count });
  await waitFor(
    async () => {
      const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM issues WHERE status = 'filed'`);
      return rows[0].n === 0;
    },
    120_000,
    'every issue routed',
  );
  const ms = Date.now() - started;
  return { perSecond: Math.round((count / ms) * 1000 * 10) / 10, ms };
}

jest.setTimeout(8 * 60 * 1000);

describe('Redis Cluster: 2 API + 2 workers, and the failover of the queues’ master', () => {
  let cluster: RedisCluster;
  let onCluster: World;
  const receiver = new Receiver(() => 200);

  beforeAll(async () => {
    cluster = await RedisCluster.start({ nodeTimeoutMs: NODE_TIMEOUT_MS });
    await receiver.listen();
    onCluster = await world({ REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes }, 2, 2);
  });

  afterAll(async () => {
    await onCluster?.service.stop();
    await onCluster?.app.close();
    await receiver.close();
    await cluster?.stop();
  });

  it('measures filings + routing: 2 + 2 processes on the cluster against 1 + 1 on one Redis', async () => {
    const single = await world({}, 1, 1);
    let one: { perSecond: number; ms: number };
    try {
      one = await throughput(single, THROUGHPUT_ISSUES);
    } finally {
      await single.service.stop();
      await single.app.close();
    }
    const two = await throughput(onCluster, THROUGHPUT_ISSUES);
    const ratio = Math.round((two.perSecond / one.perSecond) * 100) / 100;
    console.info(
      `[cluster] filings+routing of ${THROUGHPUT_ISSUES} issues: 1 API + 1 worker on one Redis ${one.perSecond}/s ` +
        `(${one.ms} ms); 2 API + 2 workers on a 3-master cluster ${two.perSecond}/s (${two.ms} ms); ratio ${ratio}`,
    );
    expect(two.perSecond).toBeGreaterThan(0);
  });

  it('loses and duplicates nothing when the master of the queues’ slot dies mid-load', async () => {
    const { app, service } = onCluster;
    const admin = await app.as('admin');
    expect((await admin.post(`${API}/deadline-policies`, SECONDS_POLICY)).status).toBe(201);
    expect(
      (
        await admin.post(`${API}/webhooks`, {
          url: receiver.url('/failover'),
          events: ['issue.routed', 'issue.acknowledge_overdue', 'issue.escalated', 'issue.overdue'],
          secret: 'failover-secret-failover-secret',
        })
      ).status,
    ).toBe(201);

    // A probe beside the relay: one add every 100 ms on a queue of the same slot, to time the outage.
    const probeClient = createRedisClient(app.config);
    probeClient.on('error', () => undefined);
    const probe = new Queue('failover-probe', { connection: probeClient, prefix: app.config.queuePrefix });
    probe.on('error', () => undefined);
    const adds: { at: number; ms: number; ok: boolean }[] = [];
    let probing = true;
    const probing$ = (async () => {
      for (let i = 0; probing; i++) {
        const at = Date.now();
        const ok = await Promise.race([
          probe.add('probe', { i }, { removeOnComplete: true }).then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
        ]).catch(() => false);
        adds.push({ at, ms: Date.now() - at, ok });
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - at))));
      }
    })();

    const since = new Date();
    const master = await cluster.masterFor(app.config.queuePrefix);
    const filing = service.fileIssues(FAILOVER_ISSUES, {
      concurrency: 8,
      overrides: (index) => ({ severity: index % 2 === 0 ? 'urgent' : 'major' }),
    });
    // Kill it once filings and their timers are in flight.
    await waitFor(
      async () =>
        (await app.db.query(`SELECT count(*)::int AS n FROM issues WHERE filed_at >= $1`, [since])).rows[0].n >= 40,
      60_000,
      'the first filings',
    );
    const killedAt = Date.now();
    cluster.kill(master);
    const filed = await filing;
    await cluster.waitHealthy(60_000);
    const newMaster = await cluster.masterFor(app.config.queuePrefix);
    const healthyAt = Date.now();
    // Filings go to PostgreSQL only: none is refused while Redis fails over.
    expect(filed.statuses).toEqual({ [201]: FAILOVER_ISSUES });

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
      180_000,
      'every urgent deadline to pass',
    );
    probing = false;
    await probing$;
    await probe.close();
    probeClient.disconnect();

    const report = await settleAndCheck(app.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 20_000,
      since,
      availableFrom: new Date(healthyAt),
      label: 'the failover of the queues’ master',
    });
    expect(report.issues).toBe(FAILOVER_ISSUES);
    expect(report.routingEvents).toBe(FAILOVER_ISSUES);

    const { rows: ledger } = await app.db.query(
      `SELECT e.issue_id, e.type, count(DISTINCT e.id)::int AS events, count(l.id)::int AS rows
         FROM issue_events e JOIN assessment_ledger l ON l.event_id = e.id
        WHERE e.issue_id = ANY($1::uuid[]) AND e.type IN ('issue.acknowledge_overdue', 'issue.overdue')
        GROUP BY e.issue_id, e.type`,
      [filed.accepted],
    );
    expect(ledger.filter((row) => row.events !== 1 || row.rows !== 1)).toEqual([]);

    const ids = receiver.at('/failover').map((request) => request.headers['x-event-id'] as string);
    const duplicates = ids.length - new Set(ids).size;
    const routedHooks = new Set(
      receiver
        .at('/failover')
        .filter((request) => request.body.type === 'issue.routed')
        .map((request) => request.body.issue?.id),
    );

    const failed = adds.filter((add) => !add.ok || add.ms > 500);
    const outageMs = failed.length ? failed[failed.length - 1].at + failed[failed.length - 1].ms - failed[0].at : 0;
    const relayRetries = service.workers
      .map(
        ({ process }) =>
          process
            .output()
            .split('\n')
            .filter((line) => line.includes('outbox relay failed')).length,
      )
      .reduce((a, b) => a + b, 0);
    console.info(
      `[cluster] failover: master ${master} killed, ${newMaster} took the slot; cluster healthy again after ` +
        `${((healthyAt - killedAt) / 1000).toFixed(1)} s; probe adds failed or stalled for ${(outageMs / 1000).toFixed(1)} s ` +
        `(${failed.length} of ${adds.length}); relay retries logged ${relayRetries}; issues ${report.issues} filed, ` +
        `lost 0, routed twice 0 (checker); timer events ${report.timerEvents}; webhook requests ${ids.length}, ` +
        `duplicate deliveries ${duplicates}, issues with a routed hook ${routedHooks.size}`,
    );
    expect(newMaster).not.toBe(master);
    expect(outageMs).toBeGreaterThan(0);
    expect(duplicates).toBe(0);
    expect(routedHooks.size).toBe(FAILOVER_ISSUES);
  });
});
