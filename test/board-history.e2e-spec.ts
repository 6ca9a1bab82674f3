import fc from 'fast-check';
import { API, issueBody, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

// GET /oversight/overdue?asOf= against what the live board showed: random histories of real commands and real
// second-scale timers run on the service while the test records the live board; the board rebuilt as of each
// recorded moment must equal it.

const POLICY = {
  severity: 'urgent',
  calendar: 'natural',
  acknowledgeWithin: 'PT1S',
  resolveWithin: 'PT2S',
  escalations: [
    { after: 'PT0S', level: 1 },
    { after: 'PT1S', level: 2 },
  ],
  verifyWithin: 'PT3S',
};

type Step =
  | { kind: 'file' }
  | { kind: 'wait'; ms: number }
  | {
      kind: 'acknowledge' | 'rectify' | 'accept' | 'reject' | 'extend' | 'key' | 'withdraw';
      issue: number;
    };

interface BoardRow {
  id: string;
  status: string;
  leadUnit: string | null;
  coUnits: string[];
  dueAt: string | null;
  escalationLevel: number;
  isKey: boolean;
  version: number;
  overdueSeconds: number;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'file' as const }) },
  { weight: 3, arbitrary: fc.integer({ min: 300, max: 2500 }).map((ms) => ({ kind: 'wait' as const, ms })) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('acknowledge', 'rectify', 'accept', 'reject', 'extend', 'key', 'withdraw' as const),
      issue: fc.nat(3),
    }),
  },
);

describe('the overdue board as of a past moment', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { RECONCILE_INTERVAL_MS: '1000', ROUTING_GRACE_MS: '1000' } });
    await seedReference(app);
    const created = await (await app.as('admin')).post(`${API}/deadline-policies`, POLICY);
    expect(created.status).toBe(201);
  });

  afterAll(() => app.close());

  async function board(query = ''): Promise<BoardRow[]> {
    const inspector = await app.as('inspector');
    const rows: BoardRow[] = [];
    let cursor: string | null = null;
    do {
      const page = await inspector.get(
        `${API}/oversight/overdue?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      rows.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return rows;
  }

  /** What the board shows of an issue, but the ever-growing lateness (compared within a second apart). */
  const shown = ({ overdueSeconds: _, ...row }: BoardRow) => ({
    id: row.id,
    status: row.status,
    leadUnit: row.leadUnit,
    coUnits: row.coUnits,
    dueAt: row.dueAt,
    escalationLevel: row.escalationLevel,
    isKey: row.isKey,
    version: row.version,
  });

  async function run(issues: string[], next: Step): Promise<void> {
    const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    if (next.kind === 'file') {
      const filed = await (await app.as('supervisor')).post(`${API}/issues`, issueBody({ severity: 'urgent' }));
      expect(filed.status).toBe(201);
      issues.push(filed.body.id);
      return;
    }
    if (next.kind === 'wait') {
      await new Promise((resolve) => setTimeout(resolve, next.ms));
      return;
    }
    const id = issues[next.issue % Math.max(1, issues.length)];
    if (!id) return;
    const handler = await app.as('xingren-handler');
    const supervisor = await app.as('supervisor');
    const inspector = await app.as('inspector');
    // Commands a status does not allow answer 409: still part of a random history, changing nothing.
    const answered = await {
      acknowledge: () => handler.post(`${API}/issues/${id}/acknowledge`),
      rectify: () => handler.post(`${API}/issues/${id}/rectification`, { summary: '已整改' }),
      accept: () =>
        supervisor.post(`${API}/issues/${id}/verification`, { outcome: 'accepted', satisfaction: 'satisfied' }),
      reject: () => supervisor.post(`${API}/issues/${id}/verification`, { outcome: 'rejected', dueAt: at(2) }),
      withdraw: () => supervisor.post(`${API}/issues/${id}/withdraw`, { reason: '重复交办' }),
      key: async () => {
        const current = await inspector.get(`${API}/issues/${id}`);
        return inspector.post(`${API}/issues/${id}/key`, { isKey: !current.body.isKey });
      },
      extend: async () => {
        const asked = await handler.post(`${API}/issues/${id}/extension-requests`, {
          requestedDueAt: at(4),
          reason: '雨季施工',
        });
        if (asked.status !== 201) return asked;
        return inspector.post(`${API}/issues/${id}/extension-requests/${asked.body.id}/decision`, { approved: true });
      },
    }[next.kind]();
    expect(answered.status).toBeLessThan(500);
  }

  /**
   * The live board at a quiet instant: read, note the moment, read again a while later; kept only if nothing
   * changed between the reads. An event's time is when its command began, a few milliseconds before it commits:
   * the pause keeps a command that began before the moment and committed after the second read out of a sample.
   */
  async function record(samples: { at: Date; rows: BoardRow[] }[]): Promise<void> {
    const before = await board();
    const at = new Date();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = await board();
    if (JSON.stringify(before.map(shown)) === JSON.stringify(after.map(shown))) samples.push({ at, rows: before });
  }

  it('for random histories, the board as of t equals the board the live service showed at t', async () => {
    let compared = 0;
    let late = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 9 }), async (steps) => {
        const issues: string[] = [];
        const samples: { at: Date; rows: BoardRow[] }[] = [];
        for (const next of [{ kind: 'file' } as const, ...steps]) {
          await run(issues, next);
          await record(samples);
        }
        for (const { at, rows } of samples) {
          const past = await board(`&asOf=${at.toISOString()}`);
          expect(past.map(shown)).toEqual(rows.map(shown));
          past.forEach((row, index) =>
            expect(Math.abs(row.overdueSeconds - rows[index]!.overdueSeconds)).toBeLessThanOrEqual(1),
          );
          compared += 1;
          late += rows.length;
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
    // the histories did put issues on the board, at several levels, for the comparison to mean something
    expect(compared).toBeGreaterThan(10);
    expect(late).toBeGreaterThan(10);
  }, 240_000);

  it('filters as the live board does, and refuses a moment in the future or not a moment', async () => {
    const filed = await (await app.as('supervisor')).post(`${API}/issues`, issueBody({ severity: 'urgent' }));
    await waitFor(
      async () => (await board()).find((row) => row.id === filed.body.id && row.escalationLevel === 2),
      15_000,
      'level 2',
    );
    const at = new Date().toISOString();
    const all = await board(`&asOf=${at}`);
    const ids = (rows: BoardRow[]) => rows.map((row) => row.id);
    expect(ids(all)).toContain(filed.body.id);
    const lead = (unit: string) => ids(all.filter((row) => row.leadUnit === unit));
    expect(ids(await board(`&leadUnit=xingren-gov&asOf=${at}`))).toEqual(lead('xingren-gov'));
    expect(ids(await board(`&leadUnit=xingyi-gov&asOf=${at}`))).toEqual(lead('xingyi-gov'));
    expect(ids(await board(`&minLevel=2&asOf=${at}`))).toEqual(ids(all.filter((row) => row.escalationLevel >= 2)));
    expect(ids(await board(`&regionCode=522300&asOf=${at}`))).toEqual(ids(all));
    expect(ids(await board(`&regionCode=522301&asOf=${at}`))).toEqual([]);
    const beforeFiling = new Date(Date.parse(filed.body.filedAt) - 1000).toISOString();
    expect(ids(await board(`&asOf=${beforeFiling}`))).not.toContain(filed.body.id);

    const inspector = await app.as('inspector');
    for (const asOf of [new Date(Date.now() + 3_600_000).toISOString(), 'yesterday', '2026-13-01T00:00:00Z']) {
      const refused = await inspector.get(`${API}/oversight/overdue?asOf=${encodeURIComponent(asOf)}`);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('asOf');
    }
    for (const username of ['supervisor', 'xingren-handler']) {
      expect((await (await app.as(username)).get(`${API}/oversight/overdue?asOf=${at}`)).status).toBe(403);
    }
  }, 60_000);
});
