import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

describe('an issue worked from filing to closure', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
    await seedReference(app);
  });

  afterAll(() => app.close());

  async function timelineTypes(id: string): Promise<string[]> {
    const response = await (await app.as('inspector')).get(`${API}/issues/${id}/timeline`);
    return response.body.items.map((item: { type: string }) => item.type);
  }

  it('goes straight to the unit, then through acknowledgement, a rejected and an accepted rectification', async () => {
    const supervisor = await app.as('supervisor');
    const handler = await app.as('xingren-handler');

    const filed = await supervisor.post(`${API}/issues`, issueBody());
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'filed', filedBy: 'supervisor', kind: 'supervision', version: 1 });
    expect(filed.body.referenceNo).toMatch(/^DH-\d{4}-\d{6}$/);
    const id = filed.body.id;

    const inbox = await waitFor(async () => {
      const response = await handler.get(`${API}/units/xingren-gov/inbox`);
      return response.body.items.find((item: { id: string }) => item.id === id);
    });
    expect(inbox).toMatchObject({ status: 'assigned', leadUnit: 'xingren-gov', coUnits: [] });
    expect(Date.parse(inbox.dueAt) - Date.parse(inbox.assignedAt)).toBe(10 * 24 * 3600 * 1000);
    expect(Date.parse(inbox.acknowledgeDueAt) - Date.parse(inbox.assignedAt)).toBe(24 * 3600 * 1000);

    const acknowledged = await handler.post(`${API}/issues/${id}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.status).toBe('in_progress');
    expect(acknowledged.body.acknowledgedAt).not.toBeNull();

    const progress = await handler.post(`${API}/issues/${id}/progress`, { note: 'Machinery ordered' });
    expect(progress.status).toBe(200);
    expect(progress.body.status).toBe('in_progress');

    const rectified = await handler.post(`${API}/issues/${id}/rectification`, {
      summary: 'Road cleared',
      evidence: [{ type: 'photo', uri: 'https://example.org/after.jpg' }],
    });
    expect(rectified.body.status).toBe('rectification_submitted');

    const rejected = await supervisor.post(`${API}/issues/${id}/verification`, {
      outcome: 'rejected',
      comment: 'Drainage still missing',
      satisfaction: 'unsatisfied',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect(Date.parse(rejected.body.dueAt)).toBeGreaterThan(Date.parse(inbox.dueAt));

    expect((await handler.post(`${API}/issues/${id}/rectification`, { summary: 'Drainage built' })).status).toBe(200);
    const accepted = await supervisor.post(`${API}/issues/${id}/verification`, {
      outcome: 'accepted',
      satisfaction: 'satisfied',
    });
    expect(accepted.body).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(accepted.body.closedAt).not.toBeNull();

    expect(await timelineTypes(id)).toEqual([
      'issue.filed',
      'issue.routed',
      'issue.acknowledged',
      'issue.progress_reported',
      'issue.rectification_submitted',
      'issue.reopened',
      'issue.rectification_submitted',
      'issue.accepted',
    ]);
    const timeline = await supervisor.get(`${API}/issues/${id}/timeline`);
    const seqs = timeline.body.items.map((item: { seq: number }) => item.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(timeline.body.items[0].actor).toEqual({ username: 'supervisor', role: 'supervisor' });
    expect(timeline.body.items[1].actor).toEqual({ username: 'system' });
    expect(timeline.body.items[2].actor).toEqual({ username: 'xingren-handler', role: 'handler' });

    const inboxAfter = await handler.get(`${API}/units/xingren-gov/inbox`);
    expect(inboxAfter.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect((await handler.post(`${API}/issues/${id}/acknowledge`)).status).toBe(409);
  });

  it('routes by the most specific rule, with co-units who see it too', async () => {
    const issue = await fileRouted(app, { category: 'coal_industry_upgrade', regionCode: '522302' });
    expect(issue).toMatchObject({ status: 'assigned', leadUnit: 'pref-energy', coUnits: ['pref-emergency'] });
    const coUnit = await app.as('emergency-handler');
    expect((await coUnit.get(`${API}/issues/${issue.id}`)).status).toBe(200);
    const coInbox = await coUnit.get(`${API}/units/pref-emergency/inbox`);
    expect(coInbox.body.items.map((item: { id: string }) => item.id)).toContain(issue.id);
    // a co-unit reports progress but may not acknowledge for the lead
    expect((await coUnit.post(`${API}/issues/${issue.id}/acknowledge`)).status).toBe(403);
  });

  it('re-routes a returned issue without the unit that returned it, then to triage', async () => {
    const admin = await app.as('admin');
    await admin.post(`${API}/routing-rules`, { regionCode: '522300', leadUnit: 'xingyi-gov', priority: 0 });
    const issue = await fileRouted(app, { regionCode: '522302' });
    expect(issue.leadUnit).toBe('xingren-gov');

    const handler = await app.as('xingren-handler');
    const returned = await handler.post(`${API}/issues/${issue.id}/return`, {
      reason: 'This road is maintained by Xingyi',
      reasonCode: 'not_our_jurisdiction',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'assigned', leadUnit: 'xingyi-gov', returnCount: 1 });
    expect((await handler.get(`${API}/issues/${issue.id}`)).status).toBe(404);

    // the second return reaches the policy's bound (2): the inspection office decides
    const again = await (
      await app.as('xingyi-handler')
    ).post(`${API}/issues/${issue.id}/return`, { reason: 'Not ours either' });
    expect(again.body).toMatchObject({ status: 'triage', leadUnit: null, returnCount: 2 });
    expect(await timelineTypes(issue.id)).toEqual([
      'issue.filed',
      'issue.routed',
      'issue.returned',
      'issue.routed',
      'issue.returned',
      'issue.triaged',
    ]);
    const timeline = await (await app.as('inspector')).get(`${API}/issues/${issue.id}/timeline`);
    expect(timeline.body.items[2].data).toMatchObject({ unit: 'xingren-gov', reasonCode: 'not_our_jurisdiction' });
    expect(timeline.body.items[4].data).toMatchObject({ unit: 'xingyi-gov', reasonCode: 'other' });
    const rules = await admin.get(`${API}/routing-rules`);
    const prefectureRule = rules.body.items.find(
      (rule: { regionCode: string; category: string | null }) => rule.regionCode === '522300' && !rule.category,
    );
    expect((await admin.delete(`${API}/routing-rules/${prefectureRule.id}`)).status).toBe(204);
  });

  it('sends an issue no rule matches to triage, where an inspector assigns it', async () => {
    const issue = await fileRouted(app, { category: 'unrouted', regionCode: '522300' });
    expect(issue).toMatchObject({ status: 'triage', leadUnit: null });
    const inspector = await app.as('inspector');
    const triaged = await inspector.get(`${API}/issues?status=triage`);
    expect(triaged.body.items.map((item: { id: string }) => item.id)).toContain(issue.id);

    const assigned = await inspector.post(`${API}/issues/${issue.id}/assign`, {
      leadUnit: 'xingyi-gov',
      coUnits: ['pref-emergency'],
      reason: 'Xingyi owns the site',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', leadUnit: 'xingyi-gov', coUnits: ['pref-emergency'] });
    expect(assigned.body.dueAt).not.toBeNull();
    const inbox = await (await app.as('xingyi-handler')).get(`${API}/units/xingyi-gov/inbox`);
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(issue.id);
    expect(await timelineTypes(issue.id)).toEqual(['issue.filed', 'issue.triaged', 'issue.routed']);
  });

  it('files once per Idempotency-Key, even when the same key arrives three times at once', async () => {
    const key = `key-${Date.now()}`;
    const token = await app.token('supervisor');
    const filed = await Promise.all(
      [1, 2, 3].map(() =>
        app.http
          .post(`${API}/issues`)
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send(issueBody()),
      ),
    );
    expect(filed.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(new Set(filed.map((response) => response.body.id)).size).toBe(1);
    const later = await app.http
      .post(`${API}/issues`)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(issueBody());
    expect(later.body.id).toBe(filed[0].body.id);
    // the same key from another user is another issue
    const other = await app.http
      .post(`${API}/issues`)
      .set('Authorization', `Bearer ${await app.token('supervisor2')}`)
      .set('Idempotency-Key', key)
      .send(issueBody());
    expect(other.body.id).not.toBe(filed[0].body.id);
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM issues WHERE id = $1', [filed[0].body.id]);
    expect(rows[0].n).toBe(1);
  });

  it('serializes concurrent commands: of four simultaneous acknowledges exactly one wins', async () => {
    const issue = await fileRouted(app);
    const token = await app.token('xingren-handler');
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        app.http.post(`${API}/issues/${issue.id}/acknowledge`).set('Authorization', `Bearer ${token}`),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await timelineTypes(issue.id)).filter((type) => type === 'issue.acknowledged')).toHaveLength(1);
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const issue = await fileRouted(app);
    const token = await app.token('xingren-handler');
    const stale = await app.http
      .post(`${API}/issues/${issue.id}/acknowledge`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', String(issue.version - 1));
    expect(stale.status).toBe(412);
    const fresh = await app.http
      .post(`${API}/issues/${issue.id}/acknowledge`)
      .set('Authorization', `Bearer ${token}`)
      .set('If-Match', `"${issue.version}"`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(issue.version + 1);
  });

  it('lets the filer withdraw an open issue, and nothing after that', async () => {
    const issue = await fileRouted(app);
    const supervisor = await app.as('supervisor');
    const withdrawn = await supervisor.post(`${API}/issues/${issue.id}/withdraw`, { reason: 'Filed twice' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await supervisor.post(`${API}/issues/${issue.id}/withdraw`, { reason: 'again' })).status).toBe(409);
    expect((await (await app.as('xingren-handler')).post(`${API}/issues/${issue.id}/acknowledge`)).status).toBe(409);
  });

  it('lists with filters and cursor pagination, scoped to the caller', async () => {
    for (let i = 0; i < 3; i += 1) await fileRouted(app, { severity: 'urgent' }, 'supervisor2');
    const supervisor2 = await app.as('supervisor2');
    const firstPage = await supervisor2.get(`${API}/issues?severity=urgent&limit=2`);
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const secondPage = await supervisor2.get(
      `${API}/issues?severity=urgent&limit=2&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.nextCursor).toBeNull();
    const ids = [...firstPage.body.items, ...secondPage.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);
    // supervisor2 sees only what it filed
    const all = await supervisor2.get(`${API}/issues?limit=500`);
    expect(all.body.items.every((item: { filedBy: string }) => item.filedBy === 'supervisor2')).toBe(true);
    const overdue = await supervisor2.get(`${API}/issues?overdue=false&escalationLevel=0&kind=supervision`);
    expect(overdue.body.items.length).toBeGreaterThanOrEqual(3);
  });
});
