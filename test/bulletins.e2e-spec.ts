import JSZip from 'jszip';
import { DateTime } from 'luxon';
import type { Response } from 'supertest';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

/** Second-scale deadlines on the natural calendar: real timers make issues overdue and escalate within the test. */
const FAST_POLICY = {
  severity: 'urgent',
  calendar: 'natural',
  acknowledgeWithin: 'PT1S',
  resolveWithin: 'PT2S',
  escalations: [
    { after: 'PT0S', level: 1 },
    { after: 'PT1S', level: 2 },
  ],
};

interface TimelineItem {
  seq: number;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}
interface Issue {
  id: string;
  referenceNo: string;
  title: string;
  leadUnit: string;
  dueAt: string;
}
interface Bulletin {
  id: string;
  period: string | null;
  kind: string;
  title: string;
  periodLabel: string;
  from: string;
  to: string;
  asOf: string;
  frozenAt: string;
  issuingOffice: string;
  units: { unit: string; unitName: string; score: number; rank: number | null; assigned: number }[];
  overdue: {
    issueId: string;
    referenceNo: string;
    title: string;
    leadUnit: string;
    leadUnitName: string;
    dueAt: string;
    daysOverdue: number;
    escalationLevel: number;
  }[];
  escalations: number;
  escalationsByLevel: Record<string, number>;
  escalationsByUnit: { unit: string; total: number; byLevel: Record<string, number> }[];
  keyIssues: { issueId: string; kind: string; leadUnit: string; status: string; overdue: boolean }[];
  proposals: {
    registered: number;
    replied: number;
    replyRate: number | null;
    satisfactionRate: number | null;
    byUnit: { unit: string }[];
  };
}

/** Reads a binary answer whole (supertest otherwise drops bodies of unknown types). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('bulletins (通报): a month frozen as it stood', () => {
  let app: TestApp;
  let zone: string;
  /** Last month in TIME_ZONE, `YYYY-MM`: the history below is moved into it. */
  let month: string;
  let monthEnd: Date;
  const issues: Record<'a' | 'b' | 'c' | 'd' | 'p', Issue> = {} as never;
  let made: Bulletin;

  beforeAll(async () => {
    app = await TestApp.start({ env: { RECONCILE_INTERVAL_MS: '1000', ROUTING_GRACE_MS: '1000' } });
    zone = app.config.timeZone;
    await seedReference(app);
    const admin = await app.as('admin');
    expect((await admin.post(`${API}/deadline-policies`, FAST_POLICY)).status).toBe(201);
    const lastMonth = DateTime.now().setZone(zone).startOf('month').minus({ months: 1 });
    month = lastMonth.toFormat('yyyy-MM');
    monthEnd = lastMonth.plus({ months: 1 }).toJSDate();

    const inspector = await app.as('inspector');
    const xingren = await app.as('xingren-handler');
    const xingyi = await app.as('xingyi-handler');
    const supervisor = await app.as('supervisor');
    // A (兴仁): left late, climbs to level 2. B (兴义): late, then rectification goes in: off the board.
    // C (兴仁): ordinary deadline, acknowledged, key. D (能源局): late and key. P (兴仁): a key proposal, replied, rated.
    issues.a = await fileRouted(app, { severity: 'urgent', title: 'A 大山村公路塌方未修复' });
    issues.b = await fileRouted(app, { severity: 'urgent', title: 'B 污水处理站未运行', regionCode: '522301' });
    issues.c = await fileRouted(app, { severity: 'general', title: 'C 村道养护' });
    issues.d = await fileRouted(app, {
      severity: 'urgent',
      title: 'D 煤矿安全改造滞后',
      category: 'coal_industry_upgrade',
      regionCode: '522300',
    });
    issues.p = await fileRouted(app, {
      kind: 'proposal',
      source: 'proposal',
      severity: 'general',
      title: 'P 关于加强农村公路养护的提案',
    });
    expect([issues.a, issues.b, issues.c, issues.d, issues.p].map((i) => i.leadUnit)).toEqual([
      'xingren-gov',
      'xingyi-gov',
      'xingren-gov',
      'pref-energy',
      'xingren-gov',
    ]);
    for (const issue of [issues.a, issues.b, issues.d]) await waitForEvent(issue.id, 'issue.escalated', 2);
    expect((await xingyi.post(`${API}/issues/${issues.b.id}/acknowledge`)).status).toBe(200);
    expect((await xingyi.post(`${API}/issues/${issues.b.id}/rectification`, { summary: '已修复' })).status).toBe(200);
    expect((await xingren.post(`${API}/issues/${issues.c.id}/acknowledge`)).status).toBe(200);
    for (const issue of [issues.c, issues.d, issues.p]) {
      expect((await inspector.post(`${API}/issues/${issue.id}/key`, { isKey: true })).status).toBe(200);
    }
    expect((await xingren.post(`${API}/issues/${issues.p.id}/acknowledge`)).status).toBe(200);
    expect((await xingren.post(`${API}/issues/${issues.p.id}/rectification`, { summary: '已答复' })).status).toBe(200);
    const rated = await supervisor.post(`${API}/issues/${issues.p.id}/verification`, {
      outcome: 'accepted',
      satisfaction: 'satisfied',
    });
    expect(rated.body.status).toBe('closed');
    // Every scored event has its ledger row before the history moves.
    await waitFor(
      async () => {
        const { rows } = await app.db.query(
          `SELECT count(*)::int AS n FROM issue_events e
            WHERE e.type IN ('issue.acknowledge_overdue', 'issue.overdue', 'issue.escalated')
              AND NOT EXISTS (SELECT 1 FROM assessment_ledger l WHERE l.event_id = e.id)`,
        );
        return rows[0].n === 0;
      },
      10_000,
      'the ledger',
    );
    await app.stopWorker();
    await moveHistoryInto(lastMonth.plus({ days: 10 }).toJSDate());
    for (const key of Object.keys(issues) as (keyof typeof issues)[]) {
      issues[key] = (await inspector.get(`${API}/issues/${issues[key].id}`)).body;
    }
  });

  afterAll(() => app.close());

  /**
   * The fixture's history, recorded seconds ago, moved back so it lies in last month: every timestamp of the issue
   * record shifts by the same amount, as if the scenario had run then. (Events are immutable to the service; the
   * fixture writes past that with replication-role triggers off.)
   */
  async function moveHistoryInto(target: Date) {
    const { rows } = await app.db.query(`SELECT min(occurred_at) AS first FROM issue_events`);
    const shiftMs = new Date(rows[0].first).getTime() - target.getTime();
    const tables = ['issues', 'issue_events', 'assessment_ledger', 'notifications', 'extension_requests', 'outbox'];
    const columns: { table_name: string; column_name: string }[] = (
      await app.db.query(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' AND table_name = ANY($1)`,
        [tables],
      )
    ).rows;
    await app.db.query(`SET session_replication_role = replica`);
    for (const table of tables) {
      const set = columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      if (!set.length) continue;
      await app.db.query(
        `UPDATE ${table} SET ${set.map((c) => `${c} = ${c} - $1::int * interval '1 millisecond'`).join(', ')}`,
        [shiftMs],
      );
    }
    // Times inside event data (an overdue event's dueAt, a reopening's new deadline) move with them.
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    for (const event of (await app.db.query(`SELECT id, data FROM issue_events`)).rows) {
      const data = event.data as Record<string, unknown>;
      const moved = Object.fromEntries(
        Object.entries(data).map(([key, value]) => [
          key,
          typeof value === 'string' && instant.test(value)
            ? new Date(new Date(value).getTime() - shiftMs).toISOString()
            : value,
        ]),
      );
      if (JSON.stringify(moved) !== JSON.stringify(data)) {
        await app.db.query(`UPDATE issue_events SET data = $2 WHERE id = $1`, [event.id, moved]);
      }
    }
    await app.db.query(`SET session_replication_role = DEFAULT`);
  }

  async function timeline(id: string): Promise<TimelineItem[]> {
    return (await (await app.as('inspector')).get(`${API}/issues/${id}/timeline`)).body.items;
  }

  async function waitForEvent(id: string, type: string, level?: number) {
    return waitFor(
      async () => (await timeline(id)).find((e) => e.type === type && (level === undefined || e.data.level === level)),
      15_000,
      `${type} ${level ?? ''}`,
    );
  }

  const expectField = (response: Response, status: number, field: string) => {
    expect({ status: response.status, message: String(response.body.message) }).toEqual({
      status,
      message: expect.stringContaining(field),
    });
  };

  it('makes last month’s bulletin: ranking, the board at the month’s end, escalations, key items, proposals', async () => {
    const inspector = await app.as('inspector');
    const response = await inspector.post(`${API}/bulletins`, { period: month });
    expect(response.status).toBe(201);
    made = response.body;
    const [year, mm] = month.split('-').map(Number);
    expect(made).toMatchObject({
      period: month,
      kind: 'month',
      periodLabel: `${year}年${mm}月`,
      title: `关于${year}年${mm}月问题直办工作情况的通报`,
      issuingOffice: '州委督查室',
      to: monthEnd.toISOString(),
      asOf: new Date(monthEnd.getTime() - 1).toISOString(),
    });

    // The assessment table is the assessment service's, for the same month.
    const table = await inspector.get(
      `${API}/assessment/units?from=${encodeURIComponent(made.from)}&to=${encodeURIComponent(made.to)}`,
    );
    expect(made.units).toEqual(table.body.items);
    expect(made.units.find((u) => u.unit === 'xingren-gov')).toMatchObject({ unitName: '兴仁市人民政府', assigned: 3 });

    // On the board at the month's end: A and D, at level 2; B's rectification took it off; C was never late.
    expect(made.overdue.map((o) => o.issueId).sort()).toEqual([issues.a.id, issues.d.id].sort());
    const a = made.overdue.find((o) => o.issueId === issues.a.id);
    expect(a).toMatchObject({
      referenceNo: issues.a.referenceNo,
      leadUnit: 'xingren-gov',
      leadUnitName: '兴仁市人民政府',
      escalationLevel: 2,
      dueAt: issues.a.dueAt,
      daysOverdue: Math.ceil((monthEnd.getTime() - 1 - new Date(issues.a.dueAt).getTime()) / 86_400_000),
    });
    expect(a?.daysOverdue).toBeGreaterThanOrEqual(15);

    // Escalations in the month, by level, as the timelines tell them.
    const escalated: Record<string, number> = {};
    for (const issue of Object.values(issues)) {
      for (const event of await timeline(issue.id)) {
        if (event.type === 'issue.escalated')
          escalated[String(event.data.level)] = (escalated[String(event.data.level)] ?? 0) + 1;
      }
    }
    expect(made.escalationsByLevel).toEqual(escalated);
    expect(made.escalations).toBe(Object.values(escalated).reduce((t, n) => t + n, 0));
    expect(made.escalations).toBeGreaterThanOrEqual(5);

    // Key issues first, then key proposals; each as it stood at the month's end.
    expect(made.keyIssues.map((k) => [k.issueId, k.kind, k.status, k.overdue])).toEqual([
      [issues.c.id, 'supervision', 'in_progress', false],
      [issues.d.id, 'supervision', 'assigned', true],
      [issues.p.id, 'proposal', 'closed', false],
    ]);
    expect(made.proposals).toMatchObject({ registered: 1, replied: 1, replyRate: 1, satisfactionRate: 1 });
  });

  it('refuses the same month twice', async () => {
    const again = await (await app.as('inspector')).post(`${API}/bulletins`, { period: month });
    expect(again.status).toBe(409);
  });

  it('stays as it was made whatever happens later', async () => {
    const inspector = await app.as('inspector');
    const xingren = await app.as('xingren-handler');
    const admin = await app.as('admin');
    expect((await admin.patch(`${API}/units/xingren-gov`, { name: '兴仁市政府（新名）' })).status).toBe(200);
    expect((await xingren.post(`${API}/issues/${issues.a.id}/acknowledge`)).status).toBe(200);
    expect((await xingren.post(`${API}/issues/${issues.a.id}/rectification`, { summary: '补修' })).status).toBe(200);
    const closed = await inspector.post(`${API}/issues/${issues.a.id}/verification`, { outcome: 'accepted' });
    expect(closed.body.status).toBe('closed');
    expect((await inspector.post(`${API}/issues/${issues.c.id}/key`, { isKey: false })).status).toBe(200);

    const read = await inspector.get(`${API}/bulletins/${made.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(made);

    // A special bulletin over the same days, made now: the board is still the month's end (A was late then),
    // while the unit's name is today's.
    const from = DateTime.fromISO(made.from).setZone(zone).toISODate() as string;
    const to = DateTime.fromMillis(monthEnd.getTime() - 1)
      .setZone(zone)
      .toISODate() as string;
    const special = await inspector.post(`${API}/bulletins`, { from, to, title: '专项通报' });
    expect(special.status).toBe(201);
    expect(special.body).toMatchObject({ kind: 'special', period: null, title: '专项通报', to: made.to });
    expect(special.body.overdue.map((o: { issueId: string }) => o.issueId).sort()).toEqual(
      made.overdue.map((o) => o.issueId).sort(),
    );
    expect(special.body.units.find((u: { unit: string }) => u.unit === 'xingren-gov').unitName).toBe(
      '兴仁市政府（新名）',
    );
    expect(made.units.find((u) => u.unit === 'xingren-gov')?.unitName).toBe('兴仁市人民政府');
  });

  it('lists bulletins newest first, a page at a time', async () => {
    const inspector = await app.as('inspector');
    const first = await inspector.get(`${API}/bulletins?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ kind: 'special', title: '专项通报' });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await inspector.get(`${API}/bulletins?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((b: Bulletin) => b.id)).toEqual([made.id]);
    expect(second.body.items[0]).toMatchObject({
      period: month,
      periodLabel: made.periodLabel,
      createdBy: 'inspector',
    });
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0].units).toBeUndefined();
  });

  it('shows a handler only its own unit’s rows, and turns away who may not', async () => {
    const xingren = await (await app.as('xingren-handler')).get(`${API}/bulletins/${made.id}`);
    expect(xingren.status).toBe(200);
    const mine: Bulletin = xingren.body;
    expect(mine.units.map((u) => u.unit)).toEqual(['xingren-gov']);
    expect(mine.overdue.map((o) => o.issueId)).toEqual([issues.a.id]);
    expect(mine.keyIssues.map((k) => k.issueId).sort()).toEqual([issues.c.id, issues.p.id].sort());
    expect(mine.escalationsByUnit.map((e) => e.unit)).toEqual(['xingren-gov']);
    expect(mine.escalations).toBe(made.escalationsByUnit.find((e) => e.unit === 'xingren-gov')?.total);
    expect(mine.proposals.byUnit.map((p) => p.unit)).toEqual(['xingren-gov']);
    expect(JSON.stringify(mine)).not.toContain(issues.d.referenceNo);
    expect(JSON.stringify(mine)).not.toContain('xingyi-gov');

    const energy: Bulletin = (await (await app.as('energy-handler')).get(`${API}/bulletins/${made.id}`)).body;
    expect(energy.overdue.map((o) => o.issueId)).toEqual([issues.d.id]);
    expect(energy.proposals).toMatchObject({ registered: 0, byUnit: [] });
    const xingyi: Bulletin = (await (await app.as('xingyi-handler')).get(`${API}/bulletins/${made.id}`)).body;
    expect(xingyi.overdue).toEqual([]);
    expect(xingyi.keyIssues).toEqual([]);
    expect(xingyi.units.map((u) => u.unit)).toEqual(['xingyi-gov']);

    expect((await (await app.as('admin')).get(`${API}/bulletins/${made.id}`)).body).toEqual(made);
    expect((await (await app.as('admin')).post(`${API}/bulletins`, { period: '2020-01' })).status).toBe(403);
    expect((await (await app.as('xingren-handler')).post(`${API}/bulletins`, { period: '2020-01' })).status).toBe(403);
    expect((await (await app.as('xingren-handler')).get(`${API}/bulletins/${made.id}/export`)).status).toBe(403);
    const supervisor = await app.as('supervisor');
    expect((await supervisor.post(`${API}/bulletins`, { period: '2020-01' })).status).toBe(403);
    expect((await supervisor.get(`${API}/bulletins`)).status).toBe(403);
    expect((await supervisor.get(`${API}/bulletins/${made.id}`)).status).toBe(403);
    expect((await app.http.get(`${API}/bulletins`)).status).toBe(401);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const inspector = await app.as('inspector');
    const thisMonth = DateTime.now().setZone(zone).toFormat('yyyy-MM');
    const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate();
    expectField(await inspector.post(`${API}/bulletins`, { period: '2026-13' }), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, { period: '2026-Q5' }), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, { period: 202611 }), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, { period: thisMonth }), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, {}), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, { period: month, from: '2026-01-01' }), 400, 'period');
    expectField(await inspector.post(`${API}/bulletins`, { from: '2026-01-01' }), 400, 'to');
    expectField(await inspector.post(`${API}/bulletins`, { to: '2026-01-31' }), 400, 'from');
    expectField(await inspector.post(`${API}/bulletins`, { from: '2026-01-01', to: tomorrow }), 400, 'to');
    expectField(await inspector.post(`${API}/bulletins`, { from: 'yesterday', to: '2026-01-31' }), 400, 'from');
    expectField(await inspector.post(`${API}/bulletins`, { from: '2026-02-01', to: '2026-01-31' }), 400, 'to');
    expectField(await inspector.post(`${API}/bulletins`, { from: '1999-12-01', to: '2026-01-31' }), 400, 'from');
    expectField(await inspector.post(`${API}/bulletins`, { from: '-000001-01-01', to: '2026-01-31' }), 400, 'from');
    expectField(
      await inspector.post(`${API}/bulletins`, { from: '2026-01-01', to: '2026-01-31', title: '' }),
      400,
      'title',
    );
    expectField(
      await inspector.post(`${API}/bulletins`, { from: '2026-01-01', to: '2026-01-31', title: 'x'.repeat(201) }),
      400,
      'title',
    );
    expectField(await inspector.post(`${API}/bulletins`, { period: '2020-01', colour: 'red' }), 400, 'colour');
    expectField(await inspector.get(`${API}/bulletins/${made.id}/export?format=xlsx`), 400, 'format');
    expectField(await inspector.get(`${API}/bulletins?cursor=garbage`), 400, 'cursor');
    expectField(await inspector.get(`${API}/bulletins?limit=501`), 400, 'limit');
    expectField(await inspector.get(`${API}/bulletins/not-a-uuid`), 400, 'id');
    expect((await inspector.get(`${API}/bulletins/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('exports the Word document with the unit names and figures of the JSON', async () => {
    const inspector = await app.as('inspector');
    const response = await inspector.get(`${API}/bulletins/${made.id}/export?format=docx`).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`通报-${month}.docx`)}`,
    );
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    // The text of the document, run by run.
    const text = [...(xml as string).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const all = text.join('');
    for (const needle of [
      made.title,
      made.issuingOffice,
      `（${made.periodLabel}）`,
      '一、总体情况',
      '二、各单位考核排名',
    ]) {
      expect(all).toContain(needle);
    }
    expect(all).toContain('三、逾期未办结问题');
    expect(all).toContain('六、提案办理情况');
    // The ranking, unit by unit, with the name as it was when the bulletin was made.
    for (const unit of made.units) {
      expect(text).toContain(unit.unitName);
      expect(text).toContain(String(unit.score));
    }
    expect(text).not.toContain('兴仁市政府（新名）');
    for (const item of made.overdue) {
      expect(text).toContain(item.referenceNo);
      expect(text).toContain(String(item.daysOverdue));
      expect(text).toContain(item.escalationLevel === 2 ? '二级督办' : '一级督办');
    }
    expect(all).toContain(`升级督办${made.escalations}次`);
  });

  it('exports CSV with a byte-order mark and the same rows, and JSON as the bulletin', async () => {
    const inspector = await app.as('inspector');
    const csv = await inspector.get(`${API}/bulletins/${made.id}/export?format=csv`).buffer(true).parse(binary);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(made.title);
    const section = (heading: string) => {
      const start = lines.indexOf(heading);
      expect(start).toBeGreaterThan(0);
      const end = lines.indexOf('', start);
      return lines.slice(start + 2, end).map((line) => line.split(','));
    };
    const ranked = [...made.units].sort(
      (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.unit.localeCompare(b.unit),
    );
    expect(section('二、各单位考核排名').map((row) => [row[1], Number(row[9])])).toEqual(
      ranked.map((u) => [u.unitName, u.score]),
    );
    expect(section('三、逾期未办结问题').map((row) => [row[0], row[2], Number(row[3])])).toEqual(
      made.overdue.map((o) => [o.referenceNo, o.leadUnitName, o.daysOverdue]),
    );

    const json = await inspector.get(`${API}/bulletins/${made.id}/export?format=json`).buffer(true).parse(binary);
    expect(json.headers['content-disposition']).toContain(encodeURIComponent(`通报-${month}.json`));
    expect(JSON.parse((json.body as Buffer).toString('utf8'))).toEqual(made);
  });
});
