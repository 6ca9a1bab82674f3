import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';
import { Received, Receiver } from './support/webhook-receiver';

function signatureValid(request: Received, secret: string): boolean {
  const header = String(request.headers['x-signature'] ?? '');
  const expected = `sha256=${createHmac('sha256', secret).update(request.raw).digest('hex')}`;
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

const MAIN_SECRET = 'main-secret-0123456789';
const FILED_SECRET = 'filed-secret-9876543210';
const DEAD_SECRET = 'dead-secret-abcdefghij';
const MAX_ATTEMPTS = 8;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

describe('webhooks: signed, retried, dead-lettered and redelivered', () => {
  let app: TestApp;
  let receiver: Receiver;
  let mainDown = true;
  let deadUp = false;
  let mainHook: { id: string };
  let issueId: string;

  beforeAll(async () => {
    receiver = new Receiver((path) => {
      if (path === '/main') return mainDown ? 503 : 200;
      if (path === '/dead') return deadUp ? 204 : 500;
      return 200;
    });
    await receiver.listen();
    app = await TestApp.start({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_BASE_MS: '200',
        WEBHOOK_RETRY_MAX_MS: '1000',
        WEBHOOK_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      },
    });
    await seedReference(app);
  });

  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  async function deliveries(hookId: string): Promise<Delivery[]> {
    const response = await (await app.as('admin')).get(`${API}/webhooks/${hookId}/deliveries?limit=500`);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  it('delivers every subscribed event, signed, through a receiver that is down and then up', async () => {
    const admin = await app.as('admin');
    const created = await admin.post(`${API}/webhooks`, {
      url: receiver.url('/main'),
      events: [
        'issue.routed',
        'issue.acknowledged',
        'issue.reopened',
        'issue.accepted',
        'assessment.points_recorded',
        'issue.routed',
      ],
      secret: MAIN_SECRET,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url('/main'), active: true });
    expect(created.body.events).toHaveLength(5);
    expect(JSON.stringify(created.body)).not.toContain(MAIN_SECRET);
    expect(Object.keys(created.body)).not.toContain('secret');
    mainHook = created.body;
    const filedHook = await admin.post(`${API}/webhooks`, {
      url: receiver.url('/filed'),
      events: ['issue.filed'],
      secret: FILED_SECRET,
    });
    expect(filedHook.status).toBe(201);
    const listed = await admin.get(`${API}/webhooks`);
    expect(listed.body.items.map((hook: { id: string }) => hook.id)).toEqual([mainHook.id, filedHook.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain('secret-');

    // While the receiver answers 503: file, work and close an issue, and evaluate a unit.
    const issue = await fileRouted(app, { severity: 'general' });
    issueId = issue.id;
    const handler = await app.as('xingren-handler');
    const supervisor = await app.as('supervisor');
    expect((await handler.post(`${API}/issues/${issue.id}/acknowledge`)).status).toBe(200);
    expect((await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'first' })).status).toBe(200);
    const rejected = await supervisor.post(`${API}/issues/${issue.id}/verification`, {
      outcome: 'rejected',
      satisfaction: 'unsatisfied',
    });
    expect(rejected.body.status).toBe('in_progress');
    expect((await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'second' })).status).toBe(200);
    const accepted = await supervisor.post(`${API}/issues/${issue.id}/verification`, {
      outcome: 'accepted',
      satisfaction: 'satisfied',
    });
    expect(accepted.body.status).toBe('closed');
    const year = String(DateTime.now().setZone(app.config.timeZone).year);
    const evaluation = await (
      await app.as('inspector')
    ).post(`${API}/assessment/evaluations`, { unit: 'pref-energy', period: year, score: 90 });
    expect(evaluation.status).toBe(201);

    const { rows: events } = await app.db.query(
      `SELECT id, type FROM issue_events WHERE issue_id = $1 AND type = ANY($2::text[])`,
      [issue.id, ['issue.routed', 'issue.acknowledged', 'issue.reopened', 'issue.accepted']],
    );
    const { rows: points } = await app.db.query(
      `SELECT id, event_id, evaluation_id, unit_code, rule, points FROM assessment_ledger
        WHERE issue_id = $1 OR evaluation_id = $2`,
      [issue.id, evaluation.body.id],
    );
    // reopened (-2), accepted on time (+1), the evaluation (-1)
    expect(points.map((row: { points: string }) => Number(row.points)).sort((x: number, y: number) => x - y)).toEqual([
      -2, -1, 1,
    ]);
    const expected = new Map<string, string>([
      ...events.map((row: { id: string; type: string }) => [row.id, row.type] as [string, string]),
      ...points.map((row: { id: string }) => [row.id, 'assessment.points_recorded'] as [string, string]),
    ]);
    expect(expected.size).toBe(7);

    // every event is refused at least once before the receiver comes back
    await waitFor(
      async () => [...expected.keys()].every((id) => receiver.at('/main').some((r) => r.headers['x-event-id'] === id)),
      10_000,
      'a first (refused) attempt of every event',
    );
    mainDown = false;
    await waitFor(
      async () => [...expected.keys()].every((id) => receiver.accepted('/main').has(id)),
      15_000,
      'every event accepted',
    );

    // deduplicated by X-Event-Id, the receiver has exactly the subscribed events: none missing, none extra
    expect([...receiver.accepted('/main')].sort()).toEqual([...expected.keys()].sort());
    for (const request of receiver.at('/main')) {
      const id = request.headers['x-event-id'] as string;
      expect(signatureValid(request, MAIN_SECRET)).toBe(true);
      expect(signatureValid(request, FILED_SECRET)).toBe(false);
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(request.body).sort()).toEqual(['data', 'id', 'issue', 'occurredAt', 'type']);
      expect(request.body.id).toBe(id);
      expect(request.body.type).toBe(expected.get(id));
      expect(new Date(request.body.occurredAt).toISOString()).toBe(request.body.occurredAt);
      if (id === points.find((row: { evaluation_id: string | null }) => row.evaluation_id)?.id) {
        expect(request.body.issue).toBeNull();
        expect(request.body.data).toMatchObject({ unit: 'pref-energy', points: -1, period: year });
      } else {
        expect(request.body.issue?.id).toBe(issue.id);
      }
      if (request.body.type === 'assessment.points_recorded' && request.body.issue) {
        const row = points.find((candidate: { id: string }) => candidate.id === id);
        expect(request.body.data).toMatchObject({
          unit: 'xingren-gov',
          rule: row.rule,
          points: Number(row.points),
          eventId: row.event_id,
          ruleVersion: 1,
        });
      }
    }
    // a tampered body does not verify
    const sample = receiver.at('/main')[0];
    expect(signatureValid({ ...sample, raw: Buffer.concat([sample.raw, Buffer.from(' ')]) }, MAIN_SECRET)).toBe(false);

    // retries back off: the second attempt of an event comes at least the base delay after the first
    for (const id of expected.keys()) {
      const times = receiver
        .at('/main')
        .filter((r) => r.headers['x-event-id'] === id)
        .map((r) => r.at);
      expect(times.length).toBeGreaterThanOrEqual(2);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(150);
    }

    // the other subscription saw only issue.filed, signed with its own secret
    const filed = receiver.at('/filed');
    expect(filed).toHaveLength(1);
    expect(filed[0].body).toMatchObject({ type: 'issue.filed', issue: { id: issue.id } });
    expect(signatureValid(filed[0], FILED_SECRET)).toBe(true);

    // the deliveries show each attempt the receiver saw, and the final status
    const list = await waitFor(
      async () => {
        const items = await deliveries(mainHook.id);
        return items.length === 7 && items.every((item) => item.status === 'delivered') ? items : undefined;
      },
      5_000,
      'deliveries marked delivered',
    );
    for (const delivery of list) {
      const seen = receiver.at('/main').filter((r) => r.headers['x-event-id'] === delivery.eventId).length;
      expect(delivery).toMatchObject({
        eventType: expected.get(delivery.eventId),
        status: 'delivered',
        attempts: seen,
        lastStatusCode: 200,
        lastError: null,
      });
      expect(delivery.attempts).toBeGreaterThanOrEqual(2);
      expect(delivery.deliveredAt).not.toBeNull();
    }
  });

  it('a receiver that never answers 2xx dead-letters the delivery; redeliver sends it once it is back', async () => {
    const admin = await app.as('admin');
    const hook = await admin.post(`${API}/webhooks`, {
      url: receiver.url('/dead'),
      events: ['issue.key_changed'],
      secret: DEAD_SECRET,
    });
    expect(hook.status).toBe(201);
    const marked = await (await app.as('inspector')).post(`${API}/issues/${issueId}/key`, { isKey: true });
    expect(marked.status).toBe(409); // the issue is closed: mark an open one
    const open = await fileRouted(app, { severity: 'general' });
    expect((await (await app.as('inspector')).post(`${API}/issues/${open.id}/key`, { isKey: true })).status).toBe(200);

    const [dead] = await waitFor(
      async () => {
        const items = await deliveries(hook.body.id);
        return items.length === 1 && items[0].status === 'dead' ? items : undefined;
      },
      20_000,
      'the delivery to go dead',
    );
    expect(dead).toMatchObject({
      eventType: 'issue.key_changed',
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 500,
      lastError: 'receiver answered 500',
      deliveredAt: null,
    });
    expect(receiver.at('/dead')).toHaveLength(MAX_ATTEMPTS);
    expect(receiver.at('/dead').every((request) => signatureValid(request, DEAD_SECRET))).toBe(true);

    // redelivering something already delivered sends nothing more
    const mainDeliveries = await deliveries(mainHook.id);
    const before = receiver.at('/main').length;
    const again = await admin.post(`${API}/webhooks/${mainHook.id}/deliveries/${mainDeliveries[0].id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe('delivered');

    deadUp = true;
    const redelivered = await admin.post(`${API}/webhooks/${hook.body.id}/deliveries/${dead.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: dead.id, status: 'pending' });
    const [delivered] = await waitFor(
      async () => {
        const items = await deliveries(hook.body.id);
        return items[0].status === 'delivered' ? items : undefined;
      },
      10_000,
      'the redelivery',
    );
    expect(delivered).toMatchObject({ attempts: MAX_ATTEMPTS + 1, lastStatusCode: 204, lastError: null });
    expect(receiver.accepted('/dead')).toEqual(new Set([dead.eventId]));
    expect(receiver.at('/dead').at(-1)?.body).toMatchObject({
      id: dead.eventId,
      type: 'issue.key_changed',
      data: { isKey: true },
      issue: { id: open.id, isKey: true },
    });

    // by now a job for the delivered one, had there been one, would have run too
    expect(receiver.at('/main')).toHaveLength(before);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.post(`${API}/webhooks/${hook.body.id}/deliveries/${missing}/redeliver`)).status).toBe(404);
    // a delivery of another hook is not found under this one
    expect(
      (await admin.post(`${API}/webhooks/${hook.body.id}/deliveries/${mainDeliveries[0].id}/redeliver`)).status,
    ).toBe(404);
    expect((await admin.post(`${API}/webhooks/${hook.body.id}/deliveries/not-a-uuid/redeliver`)).status).toBe(400);
    expect((await admin.get(`${API}/webhooks/${missing}/deliveries`)).status).toBe(404);
    expect((await (await app.as('inspector')).get(`${API}/webhooks/${hook.body.id}/deliveries`)).status).toBe(403);
    expect(
      (await (await app.as('inspector')).post(`${API}/webhooks/${hook.body.id}/deliveries/${dead.id}/redeliver`))
        .status,
    ).toBe(403);
  });

  it('validates subscriptions and lets only admins manage them', async () => {
    const admin = await app.as('admin');
    const valid = { url: receiver.url('/other'), events: ['issue.filed'], secret: 'x'.repeat(16) };
    for (const [body, field] of [
      [{ ...valid, secret: 'x'.repeat(15) }, 'secret'],
      [{ ...valid, secret: 'x'.repeat(257) }, 'secret'],
      [{ ...valid, secret: undefined }, 'secret'],
      [{ ...valid, events: ['issue.exploded'] }, 'events'],
      [{ ...valid, events: [] }, 'events'],
      [{ ...valid, events: 'issue.filed' }, 'events'],
      [{ ...valid, url: 'ftp://127.0.0.1/hook' }, 'url'],
      [{ ...valid, url: 'not a url' }, 'url'],
      [{ ...valid, url: 'http://user:password@127.0.0.1/hook' }, 'url'],
      [{ ...valid, active: false }, 'active'],
    ] as const) {
      const response = await admin.post(`${API}/webhooks`, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(response.body.message)).toContain(field);
    }
    for (const user of ['inspector', 'supervisor', 'xingren-handler']) {
      const client = await app.as(user);
      expect({ user, status: (await client.post(`${API}/webhooks`, valid)).status }).toEqual({ user, status: 403 });
      expect({ user, status: (await client.get(`${API}/webhooks`)).status }).toEqual({ user, status: 403 });
    }
    expect((await app.http.post(`${API}/webhooks`).send(valid)).status).toBe(401);
    const exact = await admin.post(`${API}/webhooks`, { ...valid, secret: 'y'.repeat(256) });
    expect(exact.status).toBe(201);
    expect((await admin.delete(`${API}/webhooks/${exact.body.id}`)).status).toBe(204);
    expect((await admin.get(`${API}/webhooks/${exact.body.id}`)).status).toBe(404);
  });
});

describe('webhooks: targets on private addresses are refused by default', () => {
  let app: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = new Receiver(() => 200);
    await receiver.listen();
    // Default guard; quick retries so a refused delivery goes dead within the test.
    app = await TestApp.start({
      env: {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_MS: '200',
        WEBHOOK_MAX_ATTEMPTS: '2',
      },
    });
    await seedReference(app);
  });

  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it.each([
    'http://127.0.0.1:PORT/hook',
    'http://localhost:PORT/hook',
    'http://localhost/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://127.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'https://[::]/',
  ])('refuses %s with 400 naming url', async (template) => {
    const url = template.replace('PORT', String(receiver.port));
    const response = await (
      await app.as('admin')
    ).post(`${API}/webhooks`, { url, events: ['issue.filed'], secret: 'a-long-enough-secret' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^url: /);
    expect(response.body.message).toContain('public');
    expect(receiver.requests).toHaveLength(0);
  });

  it('accepts a public address without connecting to it, and stores nothing for a refused one', async () => {
    const admin = await app.as('admin');
    // documentation ranges (TEST-NET-3, 2001:db8::/32): public in form; deleted before any event could reach them
    for (const url of ['https://203.0.113.10/hook', 'http://[2001:db8::1]/hook']) {
      const created = await admin.post(`${API}/webhooks`, { url, events: ['issue.withdrawn'], secret: 'x'.repeat(20) });
      expect({ url, status: created.status }).toEqual({ url, status: 201 });
    }
    const { rows } = await app.db.query('SELECT id, url FROM webhooks ORDER BY created_at');
    expect(rows.map((row: { url: string }) => row.url)).toEqual([
      'https://203.0.113.10/hook',
      'http://[2001:db8::1]/hook',
    ]);
    // removed at once: no event may ever be sent off this machine
    for (const row of rows) expect((await admin.delete(`${API}/webhooks/${row.id}`)).status).toBe(204);
    expect(receiver.requests).toHaveLength(0);
  });

  /** A subscription stored while private targets were allowed (the flag since turned off), as SQL would leave it. */
  async function storedHook(url: string): Promise<string> {
    const { rows } = await app.db.query(
      `INSERT INTO webhooks (url, events, secret, created_by) VALUES ($1, '{issue.filed}', $2, 'admin') RETURNING id`,
      [url, 'stored-secret-0123456789'],
    );
    return rows[0].id;
  }

  /** The one delivery of a hook, once it is delivered or dead. */
  async function settledDelivery(hookId: string): Promise<Delivery> {
    return waitFor(
      async () => {
        const response = await (await app.as('admin')).get(`${API}/webhooks/${hookId}/deliveries`);
        const items: Delivery[] = response.body.items;
        return items.length === 1 && items[0].status !== 'pending' ? items[0] : undefined;
      },
      10_000,
      'the delivery to be delivered or dead',
    );
  }

  it('refuses at connect time a stored hook whose name resolves to a private address', async () => {
    const hookId = await storedHook(`http://localhost:${receiver.port}/by-name`);
    try {
      await fileRouted(app, { severity: 'general' });
      const dead = await settledDelivery(hookId);
      expect(dead).toMatchObject({ status: 'dead', attempts: 2, lastStatusCode: null });
      expect(dead.lastError).toContain('private address');
      expect(receiver.at('/by-name')).toHaveLength(0);
    } finally {
      await app.db.query('DELETE FROM webhooks WHERE id = $1', [hookId]);
    }
  });

  // Bug: the connect-time guard is a `lookup` hook, which Node never calls for an IP literal, and deliver() does
  // not re-check the address: a stored http://127.0.0.1/… is still POSTed to after the flag is turned off.
  it('refuses at connect time a stored hook on a private IP literal', async () => {
    const hookId = await storedHook(`http://127.0.0.1:${receiver.port}/by-ip`);
    try {
      await fileRouted(app, { severity: 'general' });
      const settled = await settledDelivery(hookId);
      expect(receiver.at('/by-ip')).toHaveLength(0);
      expect(settled.status).toBe('dead');
      expect(settled.lastError).toContain('private address');
    } finally {
      await app.db.query('DELETE FROM webhooks WHERE id = $1', [hookId]);
    }
  });
});
