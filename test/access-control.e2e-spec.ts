import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

/** Roles and units, enforced on every endpoint and in the queries themselves. */
describe('access control', () => {
  let app: TestApp;
  let xingrenIssue: { id: string };
  let coalIssue: { id: string };

  beforeAll(async () => {
    app = await TestApp.start();
    await seedReference(app);
    xingrenIssue = await fileRouted(app, { regionCode: '522302' });
    coalIssue = await fileRouted(app, { category: 'coal_industry_upgrade' });
  });

  afterAll(() => app.close());

  it('needs a valid token everywhere but login, health, metrics and docs', async () => {
    for (const path of ['/auth/me', '/issues', `/issues/${xingrenIssue.id}`, '/units', '/users', '/regions']) {
      expect((await app.http.get(`${API}${path}`)).status).toBe(401);
      expect((await app.http.get(`${API}${path}`).set('Authorization', 'Bearer not.a.token')).status).toBe(401);
    }
    for (const path of ['/health', '/metrics', '/docs-json']) {
      expect((await app.http.get(path)).status).toBe(200);
    }
    expect((await app.http.post(`${API}/auth/login`).send({ username: 'supervisor', password: 'wrong' })).status).toBe(
      401,
    );
    expect((await app.http.post(`${API}/auth/login`).send({ username: 'nobody', password: 'wrong' })).status).toBe(401);
  });

  it('limits failed logins per username', async () => {
    await (
      await app.as('admin')
    ).post(`${API}/users`, {
      username: 'forgetful',
      password: 'test-password',
      displayName: 'Forgetful',
      role: 'supervisor',
    });
    const attempts = [];
    for (let i = 0; i < 12; i += 1) {
      attempts.push(
        (await app.http.post(`${API}/auth/login`).send({ username: 'forgetful', password: 'guess' })).status,
      );
    }
    expect(attempts.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(attempts.slice(10)).toEqual([429, 429]);
    // even the right password waits out the window, while other users are unaffected
    expect(
      (await app.http.post(`${API}/auth/login`).send({ username: 'forgetful', password: 'test-password' })).status,
    ).toBe(429);
    expect(
      (await app.http.post(`${API}/auth/login`).send({ username: 'inspector', password: 'test-password' })).status,
    ).toBe(200);
  });

  it('hides another unit’s issues from a handler: 404, and absent from lists', async () => {
    const xingyi = await app.as('xingyi-handler');
    expect((await xingyi.get(`${API}/issues/${xingrenIssue.id}`)).status).toBe(404);
    expect((await xingyi.get(`${API}/issues/${xingrenIssue.id}/timeline`)).status).toBe(404);
    expect((await xingyi.post(`${API}/issues/${xingrenIssue.id}/acknowledge`)).status).toBe(404);
    expect((await xingyi.post(`${API}/issues/${xingrenIssue.id}/progress`, { note: 'x' })).status).toBe(404);
    const list = await xingyi.get(`${API}/issues?limit=500`);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(xingrenIssue.id);
    const filtered = await xingyi.get(`${API}/issues?leadUnit=xingren-gov`);
    expect(filtered.body.items).toEqual([]);
    expect((await xingyi.get(`${API}/units/xingren-gov/inbox`)).status).toBe(403);
  });

  it('hides other filers’ issues from a supervisor', async () => {
    const other = await app.as('supervisor2');
    expect((await other.get(`${API}/issues/${xingrenIssue.id}`)).status).toBe(404);
    expect((await other.post(`${API}/issues/${xingrenIssue.id}/withdraw`, { reason: 'x' })).status).toBe(404);
    const own = await app.as('supervisor');
    expect((await own.get(`${API}/issues/${xingrenIssue.id}`)).status).toBe(200);
  });

  const forbidden: [string, 'get' | 'post', string, Record<string, unknown> | null][] = [
    ['supervisor', 'post', '/users', { username: 'x1', password: 'long-enough', displayName: 'x', role: 'admin' }],
    ['handler', 'get', '/users', null],
    ['inspector', 'post', '/regions', { code: '522399', name: 'x' }],
    ['supervisor', 'post', '/units', { code: 'u9', name: 'x', kind: 'government', regionCode: '522300' }],
    ['handler', 'post', '/categories', { code: 'c9', name: 'x' }],
    ['inspector', 'post', '/routing-rules', { leadUnit: 'xingyi-gov' }],
    ['supervisor', 'post', '/deadline-policies', { severity: 'major' }],
    ['handler', 'post', '/issues', issueBody()],
    ['admin', 'post', '/issues', issueBody()],
    ['supervisor', 'post', '/issues/:xingren/acknowledge', null],
    ['inspector', 'post', '/issues/:xingren/acknowledge', null],
    ['supervisor', 'post', '/issues/:xingren/return', { reason: 'x' }],
    ['supervisor', 'post', '/issues/:xingren/progress', { note: 'x' }],
    ['inspector', 'post', '/issues/:xingren/rectification', { summary: 'x' }],
    ['handler', 'post', '/issues/:xingren/verification', { outcome: 'accepted' }],
    ['handler', 'post', '/issues/:xingren/assign', { leadUnit: 'xingyi-gov', reason: 'x' }],
    ['supervisor', 'post', '/issues/:xingren/assign', { leadUnit: 'xingyi-gov', reason: 'x' }],
    ['handler', 'post', '/issues/:xingren/withdraw', { reason: 'x' }],
    ['supervisor', 'get', '/units/xingren-gov/inbox', null],
  ];
  const userFor: Record<string, string> = {
    admin: 'admin',
    supervisor: 'supervisor',
    handler: 'xingren-handler',
    inspector: 'inspector',
  };

  it.each(forbidden)('%s may not %s %s → 403', async (role, method, path, body) => {
    const client = await app.as(userFor[role]);
    const url = `${API}${path.replace(':xingren', xingrenIssue.id)}`;
    const response = method === 'get' ? await client.get(url) : await client.post(url, body ?? undefined);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  });

  it('lets only the lead unit acknowledge, and a co-unit report progress', async () => {
    const coUnit = await app.as('emergency-handler');
    expect((await coUnit.post(`${API}/issues/${coalIssue.id}/acknowledge`)).status).toBe(403);
    const lead = await app.as('energy-handler');
    expect((await lead.post(`${API}/issues/${coalIssue.id}/acknowledge`)).status).toBe(200);
    expect((await coUnit.post(`${API}/issues/${coalIssue.id}/progress`, { note: 'Safety check booked' })).status).toBe(
      200,
    );
    expect((await coUnit.post(`${API}/issues/${coalIssue.id}/rectification`, { summary: 'x' })).status).toBe(403);
  });

  it('lets only the filer (or an inspector) verify', async () => {
    const issue = await fileRouted(app);
    const handler = await app.as('xingren-handler');
    await handler.post(`${API}/issues/${issue.id}/acknowledge`);
    await handler.post(`${API}/issues/${issue.id}/rectification`, { summary: 'done' });
    const inspectorFiled = await fileRouted(app, {}, 'inspector');
    expect(inspectorFiled.filedBy).toBe('inspector');
    expect(
      (await (await app.as('supervisor2')).post(`${API}/issues/${issue.id}/verification`, { outcome: 'accepted' }))
        .status,
    ).toBe(404);
    const accepted = await (
      await app.as('inspector')
    ).post(`${API}/issues/${issue.id}/verification`, { outcome: 'accepted' });
    expect(accepted.body.status).toBe('closed');
  });

  it('shows each role who it is', async () => {
    const me = await (await app.as('xingren-handler')).get(`${API}/auth/me`);
    expect(me.body).toEqual({
      username: 'xingren-handler',
      displayName: 'xingren-handler',
      role: 'handler',
      unit: 'xingren-gov',
      unitName: '兴仁市人民政府',
      active: true,
      email: null,
      phone: null,
    });
    const reference = await (await app.as('xingren-handler')).get(`${API}/units/xingren-gov`);
    expect(reference.body).toMatchObject({
      code: 'xingren-gov',
      kind: 'government',
      regionCode: '522302',
      parent: 'pref-inspection',
    });
    expect((await (await app.as('supervisor')).get(`${API}/units/nowhere`)).status).toBe(404);
  });
});
