import Redis from 'ioredis';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

/** Second-scale policies on the natural calendar, so real timers fire within the test. */
const FAST_POLICY = {
  severity: 'urgent',
  calendar: 'natural',
  acknowledgeWithin: 'PT1S',
  resolveWithin: 'PT3S',
  remindAt: [0.5],
  escalations: [
    { after: 'PT0S', level: 1 },
    { after: 'PT2S', level: 2 },
  ],
  verifyWithin: 'PT2S',
};

describe('deadlines, reminders and escalation', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { RECONCILE_INTERVAL_MS: '1000', ROUTING_GRACE_MS: '1000' } });
    await seedReference(app);
    const created = await (await app.as('admin')).post(`${API}/deadline-policies`, FAST_POLICY);
    expect(created.status).toBe(201);
  });

  afterAll(() => app.close());

  async function events(id: string): Promise<{ type: string; data: Record<string, unknown>; occurredAt: string }[]> {
    return (await (await app.as('inspector')).get(`${API}/issues/${id}/timeline`)).body.items;
  }

  async function count(id: string, type: string): Promise<number> {
    return (await events(id)).filter((event) => event.type === type).length;
  }

  async function waitForEvent(id: string, type: string, timeoutMs = 10_000, level?: number) {
    return waitFor(
      async () =>
        (await events(id)).find((event) => event.type === type && (level === undefined || event.data.level === level)),
      timeoutMs,
      `${type}${level ? ` level ${level}` : ''}`,
    );
  }

  /** Long enough after the last step for a duplicate, if there were one, to have shown up. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it('an unacknowledged issue: late acknowledgement, a reminder, overdue, then each escalation level once', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    expect(issue.status).toBe('assigned');
    const dueAt = Date.parse(issue.dueAt);

    await waitForEvent(issue.id, 'issue.acknowledge_overdue');
    await waitForEvent(issue.id, 'issue.reminder_sent');
    const overdue = await waitForEvent(issue.id, 'issue.overdue');
    const level1 = await waitForEvent(issue.id, 'issue.escalated', 10_000, 1);
    const level2 = await waitForEvent(issue.id, 'issue.escalated', 10_000, 2);
    await settle();

    // each fires once, and close to its time (within a second, on a shared machine)
    expect(Date.parse(overdue.occurredAt) - dueAt).toBeLessThan(1000);
    expect(Date.parse(level1.occurredAt) - dueAt).toBeLessThan(1000);
    expect(Date.parse(level2.occurredAt) - (dueAt + 2000)).toBeLessThan(1000);
    expect(level2.data).toMatchObject({ level: 2, unit: 'xingren-gov', escalatedTo: 'pref-inspection' });
    for (const type of ['issue.acknowledge_overdue', 'issue.reminder_sent', 'issue.overdue']) {
      expect({ type, n: await count(issue.id, type) }).toEqual({ type, n: 1 });
    }
    expect(await count(issue.id, 'issue.escalated')).toBe(2);

    const current = (await (await app.as('inspector')).get(`${API}/issues/${issue.id}`)).body;
    expect(current).toMatchObject({ overdue: true, escalationLevel: 2 });

    // the unit and the unit the ladder reached are notified, each once
    const { rows } = await app.db.query(
      `SELECT type, unit_code, level FROM notifications WHERE issue_id = $1 ORDER BY created_at, unit_code`,
      [issue.id],
    );
    expect(
      rows
        .filter((row) => row.type === 'escalation' && row.level === 2)
        .map((row) => row.unit_code)
        .sort(),
    ).toEqual(['pref-inspection', 'xingren-gov']);
    expect(rows.filter((row) => row.type === 'overdue')).toHaveLength(1);
    const inbox = await (await app.as('xingren-handler')).get(`${API}/notifications`);
    expect(inbox.status).toBe(200);
    const types = inbox.body.items
      .filter((n: { issueId: string }) => n.issueId === issue.id)
      .map((n: { type: string }) => n.type);
    expect(types.sort()).toEqual(['acknowledge_overdue', 'escalation', 'escalation', 'overdue', 'reminder']);
  });

  it('the overdue board and summary show it, most overdue first, to inspectors only', async () => {
    const inspector = await app.as('inspector');
    const board = await inspector.get(`${API}/oversight/overdue?leadUnit=xingren-gov`);
    expect(board.status).toBe(200);
    expect(board.body.items.length).toBeGreaterThanOrEqual(1);
    const [first] = board.body.items;
    expect(first).toMatchObject({ overdue: true, colour: 'red', leadUnit: 'xingren-gov' });
    expect(first.overdueSeconds).toBeGreaterThan(0);
    const seconds = board.body.items.map((item: { overdueSeconds: number }) => item.overdueSeconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
    expect(
      (await inspector.get(`${API}/oversight/overdue?minLevel=2&regionCode=522300`)).body.items.length,
    ).toBeGreaterThanOrEqual(1);
    expect((await inspector.get(`${API}/oversight/overdue?regionCode=522301`)).body.items).toEqual([]);

    const summary = await inspector.get(`${API}/oversight/summary`);
    const xingren = summary.body.items.find((item: { unit: string }) => item.unit === 'xingren-gov');
    expect(xingren.overdue).toBeGreaterThanOrEqual(1);
    expect(xingren.byLevel['2']).toBeGreaterThanOrEqual(1);
    expect((await (await app.as('xingren-handler')).get(`${API}/oversight/overdue`)).status).toBe(403);
    expect((await (await app.as('supervisor')).get(`${API}/oversight/summary`)).status).toBe(403);
  });

  it('a rectification submitted before the due time stops the clock, and unverified it is accepted automatically', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    const handler = await app.as('xingren-handler');
    expect((await handler.post(`${API}/issues/${issue.id}/acknowledge`)).status).toBe(200);
    expect((await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'Fixed at once' })).status).toBe(
      200,
    );
    const accepted = await waitForEvent(issue.id, 'issue.accepted');
    expect(accepted.data).toMatchObject({ automatic: true });
    await waitFor(async () => Date.now() > Date.parse(issue.dueAt) + 2500, 10_000, 'past the last escalation');
    await settle();
    for (const type of ['issue.overdue', 'issue.escalated', 'issue.acknowledge_overdue']) {
      expect({ type, n: await count(issue.id, type) }).toEqual({ type, n: 0 });
    }
    const current = (await (await app.as('supervisor')).get(`${API}/issues/${issue.id}`)).body;
    expect(current).toMatchObject({ status: 'closed', overdue: false, escalationLevel: 0 });
  });

  it('an approved extension moves the deadline; the old timers do nothing', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    const handler = await app.as('xingren-handler');
    await handler.post(`${API}/issues/${issue.id}/acknowledge`);
    const tooEarly = await handler.post(`${API}/issues/${issue.id}/extension-requests`, {
      requestedDueAt: new Date(Date.parse(issue.dueAt) - 500).toISOString(),
      reason: 'x',
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.message).toContain('requestedDueAt');
    const requestedDueAt = new Date(Date.now() + 60_000).toISOString();
    const requested = await handler.post(`${API}/issues/${issue.id}/extension-requests`, {
      requestedDueAt,
      reason: 'The contractor needs a dry week',
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', requestedDueAt });
    const second = await handler.post(`${API}/issues/${issue.id}/extension-requests`, {
      requestedDueAt,
      reason: 'again',
    });
    expect(second.status).toBe(409);

    const inspector = await app.as('inspector');
    const queue = await inspector.get(`${API}/extension-requests?status=pending`);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(requested.body.id);
    expect((await handler.get(`${API}/extension-requests`)).status).toBe(403);
    expect(
      (
        await handler.post(`${API}/issues/${issue.id}/extension-requests/${requested.body.id}/decision`, {
          approved: true,
        })
      ).status,
    ).toBe(403);
    const decided = await inspector.post(`${API}/issues/${issue.id}/extension-requests/${requested.body.id}/decision`, {
      approved: true,
      comment: 'Granted',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.dueAt).toBe(requestedDueAt);
    const again = await inspector.post(`${API}/issues/${issue.id}/extension-requests/${requested.body.id}/decision`, {
      approved: false,
    });
    expect(again.status).toBe(409);

    await waitFor(async () => Date.now() > Date.parse(issue.dueAt) + 2500, 10_000, 'past the original ladder');
    await settle();
    expect(await count(issue.id, 'issue.overdue')).toBe(0);
    expect(await count(issue.id, 'issue.escalated')).toBe(0);
    expect(await count(issue.id, 'issue.extension_approved')).toBe(1);
    const notifications = await handler.get(`${API}/notifications`);
    expect(
      notifications.body.items.some(
        (n: { type: string; issueId: string }) => n.type === 'extension_decided' && n.issueId === issue.id,
      ),
    ).toBe(true);
    const list = await handler.get(`${API}/issues/${issue.id}/extension-requests`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ status: 'approved', decidedBy: 'inspector' });
  });

  it('loses nothing when Redis forgets every job mid-way: the reconciler fires each step once', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    // The same as FLUSHALL for this application, without touching the other test files' queues.
    const redis = new Redis(app.config.redisUrl);
    const keys = await redis.keys(`${app.config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();

    await waitForEvent(issue.id, 'issue.escalated', 12_000, 2);
    await settle();
    expect(await count(issue.id, 'issue.overdue')).toBe(1);
    expect(await count(issue.id, 'issue.escalated')).toBe(2);
    expect(await count(issue.id, 'issue.acknowledge_overdue')).toBe(1);
  });

  it('routes a filed issue whose routing job Redis lost', async () => {
    await app.stopWorker();
    const filed = await (
      await app.as('supervisor')
    ).post(`${API}/issues`, {
      title: 'Filed while Redis lost its jobs',
      description: 'x',
      category: 'rural_roads',
      regionCode: '522301',
      severity: 'general',
      source: 'spot_check',
    });
    // Publish the outbox, then lose the job before any worker takes it.
    await app.db.query(`UPDATE outbox SET published_at = now() WHERE published_at IS NULL`);
    await app.startWorker();
    const routed = await waitFor(
      async () => {
        const current = await (await app.as('inspector')).get(`${API}/issues/${filed.body.id}`);
        return current.body.status === 'assigned' ? current.body : undefined;
      },
      10_000,
      'the reconciler to route it',
    );
    expect(routed.leadUnit).toBe('xingyi-gov');
  });

  it('a worker stopped through the deadlines fires each missed step once when it comes back', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    await app.stopWorker();
    await waitFor(async () => Date.now() > Date.parse(issue.dueAt) + 3000, 10_000, 'past every step');
    expect(await count(issue.id, 'issue.escalated')).toBe(0);
    await app.startWorker();
    await waitForEvent(issue.id, 'issue.escalated', 10_000, 2);
    await settle();
    expect(await count(issue.id, 'issue.overdue')).toBe(1);
    expect(await count(issue.id, 'issue.escalated')).toBe(2);
    expect(await count(issue.id, 'issue.acknowledge_overdue')).toBe(1);
    // a reminder whose moment passed while nobody was there is not sent after the deadline
    expect(await count(issue.id, 'issue.reminder_sent')).toBe(0);
  });

  it('a rejected verification sets a new due date and new timers', async () => {
    const issue = await fileRouted(app, { severity: 'urgent' });
    const handler = await app.as('xingren-handler');
    await handler.post(`${API}/issues/${issue.id}/acknowledge`);
    await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'first try' });
    const reopened = await (
      await app.as('supervisor')
    ).post(`${API}/issues/${issue.id}/verification`, {
      outcome: 'rejected',
      comment: 'Not fixed',
    });
    expect(reopened.body).toMatchObject({ status: 'in_progress', reopenCount: 1, overdue: false });
    await waitForEvent(issue.id, 'issue.overdue');
    const current = (await handler.get(`${API}/issues/${issue.id}`)).body;
    expect(current.overdue).toBe(true);
    expect(Date.parse(current.dueAt)).toBeGreaterThan(Date.parse(issue.dueAt));
  });

  it('supervision notices notify the unit, and inspectors mark key issues', async () => {
    const issue = await fileRouted(app, { severity: 'general' });
    const inspector = await app.as('inspector');
    const notice = await inspector.post(`${API}/issues/${issue.id}/supervision-notices`, { note: 'Report by Friday' });
    expect(notice.status).toBe(200);
    expect(await count(issue.id, 'issue.supervision_notice')).toBe(1);
    const { rows } = await app.db.query(
      `SELECT unit_code FROM notifications WHERE issue_id = $1 AND type = 'supervision_notice'`,
      [issue.id],
    );
    expect(rows).toEqual([{ unit_code: 'xingren-gov' }]);
    const key = await inspector.post(`${API}/issues/${issue.id}/key`, { isKey: true });
    expect(key.body.isKey).toBe(true);
    // key issues head the unit's inbox, ahead of overdue ones
    const inbox = await (await app.as('xingren-handler')).get(`${API}/units/xingren-gov/inbox`);
    expect(inbox.body.items[0].id).toBe(issue.id);
    expect(await count(issue.id, 'issue.key_changed')).toBe(1);
    expect((await (await app.as('supervisor')).post(`${API}/issues/${issue.id}/key`, { isKey: false })).status).toBe(
      403,
    );
    expect((await inspector.post(`${API}/issues/${issue.id}/key`, { isKey: 'yes' })).status).toBe(400);
    await (await app.as('supervisor')).post(`${API}/issues/${issue.id}/withdraw`, { reason: 'resolved locally' });
    expect((await inspector.post(`${API}/issues/${issue.id}/supervision-notices`, { note: 'late' })).status).toBe(409);
  });
});
