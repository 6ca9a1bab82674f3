import { Reconciler } from '@app/workflow';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';
import { Receiver } from './support/webhook-receiver';

// The reconciler's webhook sweep re-queues only deliveries whose job was lost: never one without an id, never a
// dead letter. Sweeps are run directly, so "several sweeps" is a count, not a wait.

async function webhookJobs(app: TestApp): Promise<{ payload: Record<string, unknown> }[]> {
  return (await app.db.query(`SELECT payload FROM outbox WHERE queue = 'webhooks' ORDER BY id`)).rows;
}

describe('reconciler and webhook deliveries', () => {
  let app: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = new Receiver(() => 500);
    await receiver.listen();
    app = await TestApp.start({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_MAX_ATTEMPTS: '2',
        WEBHOOK_RETRY_BASE_MS: '10',
        // A dead letter is idle for longer than any retry waits almost at once: the sweep would see it.
        WEBHOOK_RETRY_MAX_MS: '10',
        WEBHOOK_TIMEOUT_MS: '100',
        RECONCILE_INTERVAL_MS: '3600000',
      },
    });
    await seedReference(app);
  });

  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('an idle worker with no webhooks queues no webhook job, sweep after sweep', async () => {
    const reconciler = app.workerContext.get(Reconciler, { strict: false });
    for (let sweep = 0; sweep < 5; sweep += 1) {
      expect((await reconciler.sweep()).deliveriesRequeued).toBe(0);
    }
    expect(await webhookJobs(app)).toEqual([]);
  });

  it('a dead-lettered delivery is never sent again by the sweep, only by redeliver', async () => {
    const admin = await app.as('admin');
    const hook = await admin.post(`${API}/webhooks`, {
      url: receiver.url('/dead'),
      events: ['issue.key_changed'],
      secret: 'dead-secret-0123456789',
    });
    expect(hook.status).toBe(201);
    const issue = await fileRouted(app);
    expect((await (await app.as('inspector')).post(`${API}/issues/${issue.id}/key`, { isKey: true })).status).toBe(200);
    const dead = await waitFor(
      async () => {
        const { rows } = await app.db.query(`SELECT id, status, attempts FROM webhook_deliveries`);
        return rows.length === 1 && rows[0].status === 'dead' ? rows[0] : undefined;
      },
      20_000,
      'the delivery to go dead',
    );
    expect(dead.attempts).toBe(2);
    expect(receiver.at('/dead')).toHaveLength(2);
    const jobsBefore = (await webhookJobs(app)).length;

    const reconciler = app.workerContext.get(Reconciler, { strict: false });
    for (let sweep = 0; sweep < 5; sweep += 1) {
      expect((await reconciler.sweep()).deliveriesRequeued).toBe(0);
    }
    const jobs = await webhookJobs(app);
    expect(jobs).toHaveLength(jobsBefore);
    expect(jobs.every((job) => typeof job.payload.deliveryId === 'string')).toBe(true);
    const after = (await app.db.query(`SELECT status, attempts FROM webhook_deliveries WHERE id = $1`, [dead.id]))
      .rows[0];
    expect(after).toEqual({ status: 'dead', attempts: 2 });
    expect(receiver.at('/dead')).toHaveLength(2);

    const redelivered = await admin.post(`${API}/webhooks/${hook.body.id}/deliveries/${dead.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    await waitFor(async () => receiver.at('/dead').length === 4, 10_000, 'the redelivery to try twice more');
  });
});
