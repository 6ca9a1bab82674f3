import { API, fileRouted, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

/** A fixed-offset zone in which it is now about 2 a.m.: outside working hours whatever the calendar says. */
function zoneWhereItIsNight(now = new Date()): string {
  const offset = ((2 - now.getUTCHours() + 36) % 24) - 12; // hours east of UTC, in [-12, 11]
  // Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe('notifications are listed as soon as they exist', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ env: { TIME_ZONE: zoneWhereItIsNight(), RECONCILE_INTERVAL_MS: '1000' } });
    await seedReference(app);
    const admin = await app.as('admin');
    // The inspection office's own inspector: escalations reach the office's unit.
    const inspector = await admin.post(`${API}/users`, {
      username: 'night-inspector',
      password: 'test-password',
      displayName: '值班督查员',
      role: 'inspector',
      unit: 'pref-inspection',
    });
    expect(inspector.status).toBe(201);
    const policy = await admin.post(`${API}/deadline-policies`, {
      severity: 'major',
      calendar: 'natural',
      acknowledgeWithin: 'PT1S',
      resolveWithin: 'PT2S',
      remindAt: [],
      // Level 1 is the unit's own leadership; level 2 climbs to its parent, the inspection office.
      escalations: [
        { after: 'PT0S', level: 1 },
        { after: 'PT1S', level: 2 },
      ],
    });
    expect(policy.status).toBe(201);
  });

  afterAll(() => app.close());

  it('an escalation at night is in GET /notifications at once, for the unit and the office it reached', async () => {
    const issue = await fileRouted(app, { severity: 'major' });
    expect(issue.leadUnit).toBe('xingren-gov');
    const handler = await app.as('xingren-handler');
    const listed = await waitFor(
      async () => {
        const { body } = await handler.get(`${API}/notifications`);
        return body.items.some((n: { level?: number }) => n.level === 2) ? body.items : undefined;
      },
      15_000,
      'the escalation notification',
    );
    expect(listed.map((n: { type: string }) => n.type).sort()).toEqual(
      ['acknowledge_overdue', 'escalation', 'escalation', 'overdue'].sort(),
    );
    expect(listed.every((n: { readAt: string | null; issueId: string }) => !n.readAt && n.issueId === issue.id)).toBe(
      true,
    );

    // Held for delivery until the working morning, yet listed.
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE issue_id = $1 AND deliver_after > now() AND delivered_at IS NULL`,
      [issue.id],
    );
    expect(rows[0].n).toBe(5); // four to the unit; the level-2 escalation also to the inspection office

    const office = await app.as('night-inspector');
    const officeList = (await office.get(`${API}/notifications`)).body.items;
    expect(officeList).toEqual([expect.objectContaining({ type: 'escalation', unit: 'pref-inspection', level: 2 })]);

    // ?unread=true filters, and marking read takes it out of that list only.
    const escalation = listed.find((n: { level?: number }) => n.level === 2);
    const read = await handler.post(`${API}/notifications/${escalation.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = (await handler.get(`${API}/notifications?unread=true`)).body.items;
    expect(unread.map((n: { id: string }) => n.id)).not.toContain(escalation.id);
    expect(unread).toHaveLength(3);
    expect((await handler.get(`${API}/notifications`)).body.items).toHaveLength(4);
  });
});
