import { DateTime } from 'luxon';
import { API, fileRouted, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

const proposal = (overrides: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  source: 'proposal',
  severity: 'general',
  title: 'Proposal: retire the small coal mines around Xingren',
  description: 'A deputy proposes closing the mines below 300,000 t/a and retraining the miners.',
  category: 'coal_industry_upgrade',
  regionCode: '522302',
  ...overrides,
});

describe('proposals: filed, replied, re-handled, reported', () => {
  let app: TestApp;
  let year: number;
  const ids: Record<'p1' | 'p2' | 'p4' | 's1', string> = {} as never;

  beforeAll(async () => {
    app = await TestApp.start();
    await seedReference(app);
    year = DateTime.now().setZone(app.config.timeZone).year;
  });

  afterAll(() => app.close());

  async function timelineTypes(id: string): Promise<string[]> {
    const response = await (await app.as('inspector')).get(`${API}/issues/${id}/timeline`);
    return response.body.items.map((item: { type: string }) => item.type);
  }

  it('a proposal walks file → reply → unsatisfied → re-handle → satisfied, key and supervised', async () => {
    const proposer = await app.as('supervisor');
    const inspector = await app.as('inspector');
    const lead = await app.as('energy-handler');
    const coUnit = await app.as('emergency-handler');

    const p1 = await fileRouted(app, proposal());
    ids.p1 = p1.id;
    expect(p1).toMatchObject({
      kind: 'proposal',
      source: 'proposal',
      status: 'assigned',
      leadUnit: 'pref-energy',
      coUnits: ['pref-emergency'],
      isKey: false,
    });

    const key = await inspector.post(`${API}/issues/${p1.id}/key`, { isKey: true });
    expect(key.status).toBe(200);
    expect(key.body.isKey).toBe(true);
    const notice = await inspector.post(`${API}/issues/${p1.id}/supervision-notices`, {
      note: 'A key proposal: reply within the month',
    });
    expect(notice.status).toBe(200);
    // the lead unit is notified (delivered in working hours, so read from the table, not GET /notifications)
    const { rows: notified } = await app.db.query(
      `SELECT unit_code FROM notifications WHERE issue_id = $1 AND type = 'supervision_notice'`,
      [p1.id],
    );
    expect(notified).toEqual([{ unit_code: 'pref-energy' }]);

    expect((await lead.post(`${API}/issues/${p1.id}/acknowledge`)).body.status).toBe('in_progress');
    expect((await coUnit.post(`${API}/issues/${p1.id}/progress`, { note: 'Safety review of 12 mines' })).status).toBe(
      200,
    );
    // only the lead unit replies
    expect((await coUnit.post(`${API}/issues/${p1.id}/rectification`, { summary: 'x' })).status).toBe(403);
    const reply = await lead.post(`${API}/issues/${p1.id}/rectification`, {
      summary: 'Reply: 5 mines to close this year',
      evidence: [{ type: 'document', uri: 'https://example.org/reply-1.pdf', description: '答复函' }],
    });
    expect(reply.body.status).toBe('rectification_submitted');

    // the proposer is not satisfied: the proposal goes back for re-handling
    expect((await inspector.get(`${API}/issues/${p1.id}`)).body.status).toBe('rectification_submitted');
    const unsatisfied = await proposer.post(`${API}/issues/${p1.id}/verification`, {
      outcome: 'rejected',
      satisfaction: 'unsatisfied',
      comment: 'No plan for the miners',
    });
    expect(unsatisfied.status).toBe(200);
    expect(unsatisfied.body).toMatchObject({ status: 'in_progress', reopenCount: 1, overdue: false });

    const again = await lead.post(`${API}/issues/${p1.id}/rectification`, {
      summary: 'Second reply: closures plus a retraining fund',
    });
    expect(again.body.status).toBe('rectification_submitted');
    // another supervisor is not the proposer, and does not even see the proposal
    expect(
      (await (await app.as('supervisor2')).post(`${API}/issues/${p1.id}/verification`, { outcome: 'accepted' })).status,
    ).toBe(404);
    const satisfied = await proposer.post(`${API}/issues/${p1.id}/verification`, {
      outcome: 'accepted',
      satisfaction: 'satisfied',
    });
    expect(satisfied.status).toBe(200);
    expect(satisfied.body).toMatchObject({ status: 'closed', isKey: true, reopenCount: 1 });
    expect(satisfied.body.closedAt).not.toBeNull();
    expect((await proposer.post(`${API}/issues/${p1.id}/verification`, { outcome: 'accepted' })).status).toBe(409);

    expect(await timelineTypes(p1.id)).toEqual([
      'issue.filed',
      'issue.routed',
      'issue.key_changed',
      'issue.supervision_notice',
      'issue.acknowledged',
      'issue.progress_reported',
      'issue.rectification_submitted',
      'issue.reopened',
      'issue.rectification_submitted',
      'issue.accepted',
    ]);
    const timeline = (await inspector.get(`${API}/issues/${p1.id}/timeline`)).body.items;
    expect(timeline.find((item: { type: string }) => item.type === 'issue.reopened').data).toMatchObject({
      satisfaction: 'unsatisfied',
      reopenCount: 1,
    });
    expect(timeline.find((item: { type: string }) => item.type === 'issue.accepted').data).toMatchObject({
      satisfaction: 'satisfied',
      automatic: false,
    });
  });

  it('other proposals and a supervision issue, for the report to tell apart', async () => {
    const inspector = await app.as('inspector');
    // P2: a key proposal to Xingren, acknowledged, not yet replied, never supervised
    const p2 = await fileRouted(app, proposal({ category: 'rural_roads', title: 'Proposal: a bus to Dashan' }));
    ids.p2 = p2.id;
    expect(p2.leadUnit).toBe('xingren-gov');
    expect((await inspector.post(`${API}/issues/${p2.id}/key`, { isKey: true })).status).toBe(200);
    expect((await (await app.as('xingren-handler')).post(`${API}/issues/${p2.id}/acknowledge`)).status).toBe(200);
    // P4: a proposal no rule routes: registered, in triage, no unit
    const p4 = await fileRouted(app, proposal({ category: 'unrouted', regionCode: '522300', title: 'Proposal: misc' }));
    ids.p4 = p4.id;
    expect(p4).toMatchObject({ status: 'triage', leadUnit: null });
    // S1: a supervision issue to the same unit as P1, replied and rated: not a proposal
    const s1 = await fileRouted(app, { category: 'coal_industry_upgrade', severity: 'general' });
    ids.s1 = s1.id;
    const lead = await app.as('energy-handler');
    const supervisor = await app.as('supervisor');
    await lead.post(`${API}/issues/${s1.id}/acknowledge`);
    await lead.post(`${API}/issues/${s1.id}/rectification`, { summary: 'done' });
    await supervisor.post(`${API}/issues/${s1.id}/verification`, { outcome: 'rejected', satisfaction: 'unsatisfied' });
    await lead.post(`${API}/issues/${s1.id}/rectification`, { summary: 'done again' });
    const closed = await supervisor.post(`${API}/issues/${s1.id}/verification`, {
      outcome: 'accepted',
      satisfaction: 'basically_satisfied',
    });
    expect(closed.body.status).toBe('closed');
    await inspector.post(`${API}/issues/${s1.id}/key`, { isKey: false });

    const listed = await inspector.get(`${API}/issues?kind=proposal`);
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual([p2.id, p4.id, ids.p1].sort());
  });

  it('GET /reports/proposals gives the year’s registered, replied, key and satisfaction figures', async () => {
    const inspector = await app.as('inspector');
    const report = await inspector.get(`${API}/reports/proposals?year=${year}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      year,
      registered: 3,
      replied: 1,
      replyRate: 0.3333,
      closed: 1,
      keyProposals: 2,
      keyProposalsSupervised: 1,
      satisfied: 1,
      basicallySatisfied: 0,
      unsatisfied: 1,
      satisfactionRate: 0.5,
    });
    expect(report.body.byUnit).toEqual([
      {
        unit: 'pref-energy',
        registered: 1,
        replied: 1,
        replyRate: 1,
        keyProposals: 1,
        keyProposalsSupervised: 1,
      },
      { unit: 'xingren-gov', registered: 1, replied: 0, replyRate: 0, keyProposals: 1, keyProposalsSupervised: 0 },
      { unit: null, registered: 1, replied: 0, replyRate: 0, keyProposals: 0, keyProposalsSupervised: 0 },
    ]);

    const lastYear = await inspector.get(`${API}/reports/proposals?year=${year - 1}`);
    expect(lastYear.status).toBe(200);
    expect(lastYear.body).toMatchObject({
      year: year - 1,
      registered: 0,
      replied: 0,
      replyRate: null,
      satisfactionRate: null,
      byUnit: [],
    });

    expect((await (await app.as('admin')).get(`${API}/reports/proposals?year=${year}`)).status).toBe(200);
    for (const user of ['supervisor', 'energy-handler']) {
      const status = (await (await app.as(user)).get(`${API}/reports/proposals?year=${year}`)).status;
      expect({ user, status }).toEqual({ user, status: 403 });
    }
    for (const query of ['', 'year=abc', 'year=1999', 'year=2101', `year=${year}.5`, `year=${year}&unit=x`]) {
      const response = await inspector.get(`${API}/reports/proposals?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });

  it('the assessment table counts proposals registered and replied per lead unit', async () => {
    const response = await (await app.as('inspector')).get(`${API}/assessment/units`);
    expect(response.status).toBe(200);
    const rows = Object.fromEntries(response.body.items.map((row: { unit: string }) => [row.unit, row]));
    expect(rows['pref-energy']).toMatchObject({
      proposalsRegistered: 1,
      proposalsReplied: 1,
      proposalReplyRate: 1,
      keyProposals: 1,
      // P1 and S1 together
      assigned: 2,
      closed: 2,
      reopened: 2,
      evaluated: 4,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 2,
    });
    expect(rows['xingren-gov']).toMatchObject({
      proposalsRegistered: 1,
      proposalsReplied: 0,
      proposalReplyRate: 0,
      keyProposals: 1,
    });
    for (const code of ['xingyi-gov', 'pref-emergency', 'pref-inspection']) {
      expect(rows[code]).toMatchObject({ proposalsRegistered: 0, proposalsReplied: 0, proposalReplyRate: null });
    }
    // a co-unit's own view carries no proposal of P1
    const own = await (await app.as('emergency-handler')).get(`${API}/assessment/units/pref-emergency`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ proposalsRegistered: 0, assigned: 0 });
  });
});
