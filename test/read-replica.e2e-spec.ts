import { API, issueBody, seedReference } from './support/factories';
import { PrimaryWithStandby, query, startPrimaryWithStandby } from './support/pg-standby';
import { TestApp, waitFor } from './support/test-app';

// DATABASE_READ_URL against a real streaming standby: the read models are served from it, and a user's read right
// after their own write (or after the stream announced a change) sees that write.

describe('reads from a streaming standby', () => {
  let servers: PrimaryWithStandby;
  let app: TestApp;

  beforeAll(async () => {
    servers = await startPrimaryWithStandby();
    app = await TestApp.start({ serverUrl: servers.primaryUrl, standbyUrl: servers.standbyUrl });
    await seedReference(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await servers?.stop();
  });

  const standbyDatabase = () => {
    const url = new URL(servers.standbyUrl);
    url.pathname = `/${app.databaseName}`;
    return url.toString();
  };

  it('a read right after one’s own write sees it, every time', async () => {
    const supervisor = await app.as('supervisor');
    const handler = await app.as('xingren-handler');
    for (let i = 0; i < 20; i++) {
      const filed = await supervisor.post(`${API}/issues`, issueBody({ title: `只读副本 ${i}` }));
      expect(filed.status).toBe(201);
      const mine = await supervisor.get(`${API}/issues?filedBy=supervisor&limit=5`);
      expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(filed.body.id);
      expect((await supervisor.get(`${API}/issues/${filed.body.id}`)).status).toBe(200);
      if (i % 5 === 0) {
        const routed = await waitFor(async () => {
          const current = await supervisor.get(`${API}/issues/${filed.body.id}`);
          return current.body.status === 'assigned' ? current.body : undefined;
        });
        const acknowledged = await handler.post(`${API}/issues/${routed.id}/acknowledge`);
        expect(acknowledged.status).toBe(200);
        const inbox = await handler.get(`${API}/units/xingren-gov/inbox?limit=100`);
        const row = inbox.body.items.find((item: { id: string }) => item.id === routed.id);
        expect({ status: row?.status, version: row?.version }).toEqual({
          status: 'in_progress',
          version: acknowledged.body.version,
        });
      }
    }
  }, 120_000);

  it('the lists, boards and assessment are answered by the standby, which is read-only', async () => {
    const inspector = await app.as('inspector');
    const before = await query(
      standbyDatabase(),
      'SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    for (const path of ['/issues?limit=10', '/oversight/overdue', '/oversight/summary', '/assessment/units']) {
      expect((await inspector.get(`${API}${path}`)).status).toBe(200);
    }
    const readers = await query(
      standbyDatabase(),
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'direct-handling-read'",
    );
    expect(readers[0]!.n).toBeGreaterThan(0);
    const after = await query(
      standbyDatabase(),
      'SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    expect(Number(after[0]!.n)).toBeGreaterThan(Number(before[0]!.n));
    expect((await query(standbyDatabase(), 'SELECT pg_is_in_recovery() AS standby'))[0]!.standby).toBe(true);
    const replication = await servers.replication();
    expect(replication).toMatchObject({ state: 'streaming', sync_state: 'sync' });
    console.log(`standby lags after the run: ${JSON.stringify(replication)}`);
  });
});
