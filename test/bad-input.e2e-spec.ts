import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

/** Every malformed request is a 4xx whose message names the field at fault; none is a 5xx. */
describe('bad input', () => {
  let app: TestApp;
  let issueId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    await seedReference(app);
    issueId = (await fileRouted(app)).id;
  });

  afterAll(() => app.close());

  const long = (n: number) => 'x'.repeat(n);

  const filing: [string, Record<string, unknown>, string][] = [
    ['unknown field', { ...issueBody(), colour: 'red' }, 'colour'],
    ['missing title', { ...issueBody(), title: undefined }, 'title'],
    ['empty title', { ...issueBody(), title: '' }, 'title'],
    ['title over 200', { ...issueBody(), title: long(201) }, 'title'],
    ['description over 10,000', { ...issueBody(), description: long(10_001) }, 'description'],
    ['title not a string', { ...issueBody(), title: 42 }, 'title'],
    ['bad kind', { ...issueBody(), kind: 'complaint' }, 'kind'],
    ['bad severity', { ...issueBody(), severity: 'catastrophic' }, 'severity'],
    ['bad source', { ...issueBody(), source: 'rumour' }, 'source'],
    ['unknown category', { ...issueBody(), category: 'no_such_category' }, 'category'],
    ['malformed category', { ...issueBody(), category: 'Rural Roads!' }, 'category'],
    ['unknown region', { ...issueBody(), regionCode: '999999' }, 'regionCode'],
    ['malformed region', { ...issueBody(), regionCode: '52230' }, 'regionCode'],
    ['lat out of range', { ...issueBody(), location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['lng out of range', { ...issueBody(), location: { lat: 0, lng: -181 } }, 'location.lng'],
    ['lat not a number', { ...issueBody(), location: { lat: 'north' } }, 'location.lat'],
    ['location not an object', { ...issueBody(), location: 'Dashan' }, 'location'],
    ['unknown location field', { ...issueBody(), location: { altitude: 3 } }, 'location.altitude'],
    ['bad evidence type', { ...issueBody(), evidence: [{ type: 'video' }] }, 'evidence[0].type'],
    ['evidence not a list', { ...issueBody(), evidence: { type: 'photo' } }, 'evidence'],
    ['evidence item not an object', { ...issueBody(), evidence: ['photo'] }, 'evidence'],
  ];

  it.each(filing)('filing with %s → 400 naming %s', async (_name, body, field) => {
    const response = await (await app.as('supervisor')).post(`${API}/issues`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toContain(field);
  });

  it('rejects broken JSON and a body over 1 MiB', async () => {
    const token = await app.token('supervisor');
    const broken = await app.http
      .post(`${API}/issues`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toContain('body');
    const huge = await app.http
      .post(`${API}/issues`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...issueBody(), description: long(1_100_000) });
    expect(huge.status).toBe(413);
    const text = await app.http
      .post(`${API}/issues`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(400);
  });

  const commands: [string, string, Record<string, unknown>, string, string][] = [
    ['return without reason', 'return', {}, 'reason', 'xingren-handler'],
    ['return with a bad reason code', 'return', { reason: 'x', reasonCode: 'lazy' }, 'reasonCode', 'xingren-handler'],
    ['progress without note', 'progress', {}, 'note', 'xingren-handler'],
    ['rectification without summary', 'rectification', {}, 'summary', 'xingren-handler'],
    ['verification with a bad outcome', 'verification', { outcome: 'maybe' }, 'outcome', 'supervisor'],
    [
      'verification with a bad satisfaction',
      'verification',
      { outcome: 'accepted', satisfaction: 'meh' },
      'satisfaction',
      'supervisor',
    ],
    [
      'verification with a malformed dueAt',
      'verification',
      { outcome: 'rejected', dueAt: 'tomorrow' },
      'dueAt',
      'supervisor',
    ],
    ['assign without reason', 'assign', { leadUnit: 'xingyi-gov' }, 'reason', 'inspector'],
    ['assign to a unit that does not exist', 'assign', { leadUnit: 'nobody', reason: 'x' }, 'leadUnit', 'inspector'],
    [
      'assign with a co-unit that does not exist',
      'assign',
      { leadUnit: 'xingyi-gov', coUnits: ['ghost'], reason: 'x' },
      'coUnits',
      'inspector',
    ],
    ['withdraw without reason', 'withdraw', {}, 'reason', 'supervisor'],
    ['acknowledge with an unknown field', 'acknowledge', { note: 'x' }, 'note', 'xingren-handler'],
  ];

  it.each(commands)('%s → 400 naming the field', async (_name, command, body, field, user) => {
    const response = await (await app.as(user)).post(`${API}/issues/${issueId}/${command}`, body);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(field);
  });

  it('rejects malformed ids, headers, filters and cursors with 400', async () => {
    const inspector = await app.as('inspector');
    const cases: [Promise<{ status: number; body: { message: string } }>, string][] = [
      [inspector.get(`${API}/issues/not-a-uuid`), 'id'],
      [inspector.get(`${API}/issues/not-a-uuid/timeline`), 'id'],
      [inspector.post(`${API}/issues/42/assign`, { leadUnit: 'xingyi-gov', reason: 'x' }), 'id'],
      [inspector.get(`${API}/issues?status=lost`), 'status'],
      [inspector.get(`${API}/issues?severity=huge`), 'severity'],
      [inspector.get(`${API}/issues?kind=petition`), 'kind'],
      [inspector.get(`${API}/issues?overdue=maybe`), 'overdue'],
      [inspector.get(`${API}/issues?escalationLevel=high`), 'escalationLevel'],
      [inspector.get(`${API}/issues?limit=0`), 'limit'],
      [inspector.get(`${API}/issues?limit=501`), 'limit'],
      [inspector.get(`${API}/issues?cursor=garbage`), 'cursor'],
      [inspector.get(`${API}/issues?cursor=${Buffer.from('["x","y"]').toString('base64url')}`), 'cursor'],
      [inspector.get(`${API}/issues?unknownFilter=1`), 'unknownFilter'],
      [inspector.get(`${API}/units/Bad%20Code`), 'code'],
    ];
    for (const [pending, field] of cases) {
      const response = await pending;
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.message).toContain(field);
    }
    const handler = await app.as('xingren-handler');
    const badIfMatch = await app.http
      .post(`${API}/issues/${issueId}/acknowledge`)
      .set('Authorization', `Bearer ${await app.token('xingren-handler')}`)
      .set('If-Match', 'yesterday');
    expect(badIfMatch.status).toBe(400);
    expect(badIfMatch.body.message).toContain('If-Match');
    expect((await handler.get(`${API}/issues/${issueId}`)).body.status).toBe('assigned');
  });

  it('validates reference data as an admin writes it', async () => {
    const admin = await app.as('admin');
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['/regions', { code: '52', name: 'x' }, 400, 'code'],
      ['/regions', { code: '522399', name: 'x', parent: '000000' }, 400, 'parent'],
      ['/regions', { code: '522300', name: 'again' }, 409, 'code'],
      ['/units', { code: 'UPPER', name: 'x', kind: 'government', regionCode: '522300' }, 400, 'code'],
      ['/units', { code: 'u1', name: 'x', kind: 'ministry', regionCode: '522300' }, 400, 'kind'],
      ['/units', { code: 'u1', name: 'x', kind: 'government', regionCode: '111111' }, 400, 'regionCode'],
      ['/units', { code: 'u1', name: 'x', kind: 'government', regionCode: '522300', parent: 'ghost' }, 400, 'parent'],
      ['/units', { code: 'xingren-gov', name: 'x', kind: 'government', regionCode: '522302' }, 409, 'code'],
      ['/units', { code: long(65), name: 'x', kind: 'government', regionCode: '522300' }, 400, 'code'],
      ['/categories', { code: 'ok_code' }, 400, 'name'],
      ['/routing-rules', { leadUnit: 'ghost' }, 400, 'leadUnit'],
      ['/routing-rules', { leadUnit: 'xingyi-gov', category: 'ghost' }, 400, 'category'],
      ['/routing-rules', { leadUnit: 'xingyi-gov', coUnits: ['ghost'] }, 400, 'coUnits'],
      ['/routing-rules', { leadUnit: 'xingyi-gov', priority: 1.5 }, 400, 'priority'],
      [
        '/deadline-policies',
        { severity: 'major', calendar: 'natural', acknowledgeWithin: 'one day', resolveWithin: 'P1D', escalations: [] },
        400,
        'acknowledgeWithin',
      ],
      [
        '/deadline-policies',
        { severity: 'major', calendar: 'lunar', acknowledgeWithin: 'P1D', resolveWithin: 'P1D', escalations: [] },
        400,
        'calendar',
      ],
      [
        '/deadline-policies',
        {
          severity: 'major',
          calendar: 'natural',
          acknowledgeWithin: 'P1D',
          resolveWithin: 'P1D',
          escalations: [{ after: 'soon', level: 1 }],
        },
        400,
        'escalations[0].after',
      ],
      [
        '/deadline-policies',
        {
          severity: 'major',
          calendar: 'natural',
          acknowledgeWithin: 'P1D',
          resolveWithin: 'P1D',
          escalations: [],
          remindAt: [1.5],
        },
        400,
        'remindAt',
      ],
      ['/users', { username: 'h9', password: 'long-enough', displayName: 'H', role: 'handler' }, 400, 'unit'],
      ['/users', { username: 'h9', password: 'long-enough', displayName: 'H', role: 'king' }, 400, 'role'],
      ['/users', { username: 'h9', password: 'short', displayName: 'H', role: 'supervisor' }, 400, 'password'],
      [
        '/users',
        { username: 'h9', password: 'long-enough', displayName: 'H', role: 'handler', unit: 'ghost' },
        400,
        'unit',
      ],
      [
        '/users',
        { username: 'supervisor', password: 'long-enough', displayName: 'H', role: 'supervisor' },
        409,
        'username',
      ],
    ];
    for (const [path, body, status, field] of cases) {
      const response = await admin.post(`${API}${path}`, body);
      expect({ path, field, status: response.status }).toEqual({ path, field, status });
      expect(response.body.message).toContain(field);
    }
    expect((await admin.put(`${API}/calendar/days/2026-02-30`, { type: 'holiday' })).status).toBe(400);
    expect((await admin.put(`${API}/calendar/days/2026-10-01`, { type: 'vacation' })).status).toBe(400);
    expect((await admin.get(`${API}/calendar/days?from=yesterday`)).status).toBe(400);
    expect((await admin.delete(`${API}/routing-rules/not-a-uuid`)).status).toBe(400);
    expect((await admin.delete(`${API}/routing-rules/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('never leaks a password hash', async () => {
    const admin = await app.as('admin');
    const created = await admin.post(`${API}/users`, {
      username: 'newbie',
      password: 'long-enough',
      displayName: 'N',
      role: 'supervisor',
    });
    expect(created.status).toBe(201);
    const listed = await admin.get(`${API}/users`);
    for (const user of [created.body, ...listed.body.items]) {
      expect(Object.keys(user).filter((key) => /password|hash/i.test(key))).toEqual([]);
    }
  });
});
