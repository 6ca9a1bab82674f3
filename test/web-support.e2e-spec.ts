import { API, fileRouted, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

// What the web app asks of the API beyond API.md v1: the app's settings before login, searching and sorting the
// issue list on the server, the weekly trend, the bell's unread count.

describe('what the web app needs', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { DEMO_PASSWORD: 'demo-password' } });
    await seedReference(app);
  });

  afterAll(() => app.close());

  it('GET /app-info answers without a token: the time zone, and on a demo the accounts to try', async () => {
    const response = await app.http.get(`${API}/app-info`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timeZone: 'Asia/Shanghai', demo: true, demoPassword: 'demo-password' });
    const usernames = response.body.demoAccounts.map((account: { username: string }) => account.username);
    expect(usernames).toEqual(expect.arrayContaining(['supervisor', 'inspector', 'xingren-handler']));
    expect(usernames).not.toContain('admin');
    expect(response.body.demoAccounts[0]).toEqual({
      username: expect.any(String),
      displayName: expect.any(String),
      role: expect.any(String),
      unit: null,
    });
  });

  it('searches the issue list by title text or reference number, and filters key issues', async () => {
    const road = await fileRouted(app, { title: '大山村通村公路塌方未修复' });
    const river = await fileRouted(app, { title: '河道网箱养殖回潮 100%_done' });
    const inspector = await app.as('inspector');
    const ids = async (query: string) =>
      (await inspector.get(`${API}/issues?${query}`)).body.items.map((issue: { id: string }) => issue.id);
    expect(await ids(`q=${encodeURIComponent('公路塌方')}`)).toEqual([road.id]);
    expect(await ids(`q=${encodeURIComponent(road.referenceNo.toLowerCase())}`)).toEqual([road.id]);
    // LIKE's wildcards in the text are text
    expect(await ids(`q=${encodeURIComponent('100%_')}`)).toEqual([river.id]);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([river.id]);
    await inspector.post(`${API}/issues/${river.id}/key`, { isKey: true });
    expect(await ids('isKey=true')).toEqual([river.id]);
    expect(await ids('isKey=false')).toContain(road.id);
    expect((await inspector.get(`${API}/issues?isKey=maybe`)).status).toBe(400);
    expect((await inspector.get(`${API}/issues?q=${'x'.repeat(101)}`)).status).toBe(400);
    // scoped as ever: another filer finds nothing
    expect(
      (await (await app.as('supervisor2')).get(`${API}/issues?q=${encodeURIComponent('公路')}`)).body.items,
    ).toEqual([]);
  });

  it('sorts on the server by filing or due time, either way, and pages each order', async () => {
    const inspector = await app.as('inspector');
    for (let i = 0; i < 4; i += 1) await fileRouted(app, { severity: i % 2 ? 'urgent' : 'general' });
    const all = async (sort: string) => {
      const items: { filedAt: string; dueAt: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const query = `sort=${encodeURIComponent(sort)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const { body } = await inspector.get(`${API}/issues?${query}`);
        items.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      return items;
    };
    const total = (await inspector.get(`${API}/issues?limit=500`)).body.items.length;
    const time = (value: string | null) => (value ? Date.parse(value) : Infinity);
    for (const [sort, key, direction] of [
      ['-filedAt', 'filedAt', -1],
      ['filedAt', 'filedAt', 1],
      ['dueAt', 'dueAt', 1],
      ['-dueAt', 'dueAt', -1],
    ] as const) {
      const items = await all(sort);
      expect(items).toHaveLength(total);
      const values = items.map((item) => time(item[key]));
      expect(values).toEqual([...values].sort((a, b) => direction * (a - b)));
    }
    expect((await inspector.get(`${API}/issues?sort=title`)).status).toBe(400);
  });

  it('GET /oversight/trend counts filings and closures per week, oldest first', async () => {
    const response = await (await app.as('inspector')).get(`${API}/oversight/trend?weeks=4`);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(4);
    const [thisWeek] = response.body.items.slice(-1);
    expect(thisWeek.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${thisWeek.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const filed = (await (await app.as('inspector')).get(`${API}/issues?limit=500`)).body.items.length;
    expect(response.body.items.reduce((sum: number, week: { filed: number }) => sum + week.filed, 0)).toBe(filed);
    expect((await (await app.as('inspector')).get(`${API}/oversight/trend?weeks=0`)).status).toBe(400);
    expect((await (await app.as('supervisor')).get(`${API}/oversight/trend`)).status).toBe(403);
  });

  it('counts unread notifications and marks them all read', async () => {
    const issue = await fileRouted(app);
    const inspector = await app.as('inspector');
    await inspector.post(`${API}/issues/${issue.id}/supervision-notices`, { note: '一' });
    await inspector.post(`${API}/issues/${issue.id}/supervision-notices`, { note: '二' });
    const handler = await app.as('xingren-handler');
    const before = (await handler.get(`${API}/notifications/unread-count`)).body.count;
    expect(before).toBeGreaterThanOrEqual(2);
    expect((await (await app.as('xingyi-handler')).get(`${API}/notifications/unread-count`)).body).toEqual({
      count: 0,
    });
    expect((await handler.post(`${API}/notifications/read-all`)).body).toEqual({ updated: before });
    expect((await handler.get(`${API}/notifications/unread-count`)).body).toEqual({ count: 0 });
    expect((await handler.get(`${API}/notifications?unread=true`)).body.items).toEqual([]);
  });
});
