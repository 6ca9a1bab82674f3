import { API } from '../support/factories';
import { waitFor } from '../support/test-app';
import { settleAndCheck } from './support/checker';
import { FaultEnv, RECONCILE_INTERVAL_MS, tier } from './support/fault-env';
import { WorkerProcess } from './support/processes';
import { WebhookReceiver } from './support/receiver';

// Webhook receivers that fail, answer slowly, or are gone. The worker runs with 4 attempts, 100-400 ms backoff
// and a 1 s timeout (fault-env defaults). Run: `npm run test:faults -- webhooks`.

describe('faults: webhook receivers', () => {
  let env: FaultEnv;
  let receiver: WebhookReceiver;
  let hookId: string;
  let worker: WorkerProcess;

  beforeAll(async () => {
    env = await FaultEnv.start();
    receiver = await WebhookReceiver.start();
    const created = await (
      await env.app.as('admin')
    ).post(`${API}/webhooks`, {
      url: receiver.url,
      events: ['issue.filed', 'issue.routed'],
      secret: 'fault-secret-0123456789',
    });
    expect(created.status).toBe(201);
    hookId = created.body.id;
    worker = await env.startWorker();
  });

  afterAll(async () => {
    await receiver?.close();
    await env?.close();
  });

  async function deliveries(since: Date) {
    const { rows } = await env.db.query(
      `SELECT status, count(*)::int AS n, min(attempts)::int AS min_attempts, max(attempts)::int AS max_attempts
         FROM webhook_deliveries WHERE created_at >= $1 GROUP BY status`,
      [since],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row]));
  }

  it('receiver failing (500 twice per event, then 200): every event delivered', async () => {
    const since = new Date();
    receiver.behaviour = (_request, attempt) => ({ status: attempt <= 2 ? 500 : 200 });
    const filed = await env.fileIssues(tier(50, 300));
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: 'receiver failing',
    });
    const result = await deliveries(since);
    expect(Object.keys(result)).toEqual(['delivered']);
    expect(result.delivered).toMatchObject({ n: filed.accepted.length * 2, min_attempts: 3, max_attempts: 3 });
  });

  it('receiver slow (first answer after the 1 s timeout, then 300 ms): delivered, routing never waits', async () => {
    const since = new Date();
    receiver.behaviour = (_request, attempt) => ({ status: 200, delayMs: attempt === 1 ? 1500 : 300 });
    const filed = await env.fileIssues(tier(50, 300));
    // Routing is not held up by the webhook queue.
    await waitFor(async () => (await env.countFiled()) === 0, 5000, 'routing while the receiver is slow');
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: 'receiver slow',
    });
    const result = await deliveries(since);
    expect(Object.keys(result)).toEqual(['delivered']);
    expect(result.delivered).toMatchObject({ n: filed.accepted.length * 2, min_attempts: 2 });
  });

  it('receiver gone (port closed): dead-lettered after the last attempt, redelivered when it is back', async () => {
    const since = new Date();
    receiver.behaviour = () => ({ status: 200 });
    await receiver.gone();
    const filed = await env.fileIssues(tier(30, 200));
    await settleAndCheck(env.db, {
      acknowledged: filed.accepted,
      reconcileIntervalMs: RECONCILE_INTERVAL_MS,
      slackMs: 3000,
      since,
      label: 'receiver gone',
    });
    const result = await deliveries(since);
    expect(Object.keys(result)).toEqual(['dead']);
    expect(result.dead).toMatchObject({ n: filed.accepted.length * 2, min_attempts: 4, max_attempts: 4 });

    await receiver.back();
    const { rows } = await env.db.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'dead' AND created_at >= $1 LIMIT 5`,
      [since],
    );
    const admin = await env.app.as('admin');
    for (const { id } of rows) {
      expect((await admin.post(`${API}/webhooks/${hookId}/deliveries/${id}/redeliver`)).status).toBeLessThan(300);
    }
    await waitFor(
      async () =>
        (await env.count(
          `SELECT count(*)::int AS n FROM webhook_deliveries WHERE id = ANY($1) AND status = 'delivered'`,
          [rows.map((r) => r.id)],
        )) === rows.length,
      20_000,
      'redelivery',
    );
    const { exit } = await worker.terminate();
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
