import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../apps/api/src/api-app';
import { API, fileRouted, issueBody, seedReference } from './support/factories';
import { TestApp } from './support/test-app';

// The admin's endpoints of API.md v1.1: accounts that can be corrected and retired, reference data that can be
// corrected and retired, the routing explainer, and the audit log of every change.

describe('administration and accounts', () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  const login = (username: string, password = 'test-password') =>
    app.http.post(`${API}/auth/login`).send({ username, password });
  const bearer = async (username: string, password = 'test-password') =>
    `Bearer ${(await login(username, password)).body.accessToken}`;
  const me = (auth: string) => app.http.get(`${API}/auth/me`).set('Authorization', auth);
  const audit = async (query = '') => (await admin.get(`${API}/audit-log?limit=500${query}`)).body.items;

  beforeAll(async () => {
    app = await TestApp.start({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    await seedReference(app);
    admin = await app.as('admin');
    for (const username of ['leaver', 'mover', 'forgetful', 'changer']) {
      const created = await admin.post(`${API}/users`, {
        username,
        password: 'test-password',
        displayName: username,
        role: 'handler',
        unit: 'xingren-gov',
        email: `${username}@qxn.example`,
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(() => app.close());

  describe('accounts', () => {
    it('the user list narrows by role and unit on the server', async () => {
      const items: { username: string; role: string; unit: string | null }[] = (
        await admin.get(`${API}/users?role=handler&unit=xingren-gov&limit=500`)
      ).body.items;
      expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['leaver', 'mover', 'forgetful', 'changer']));
      expect(items.every((u) => u.role === 'handler' && u.unit === 'xingren-gov')).toBe(true);
      const admins: { role: string }[] = (await admin.get(`${API}/users?role=admin`)).body.items;
      expect(admins.length).toBeGreaterThan(0);
      expect(admins.every((u) => u.role === 'admin')).toBe(true);
      expect((await admin.get(`${API}/users?role=boss`)).body.message).toMatch(/^role/);
      expect((await admin.get(`${API}/users?unit=Not%20A%20Code`)).body.message).toMatch(/^unit/);
    });

    it('a deactivated user cannot log in, and their token is refused on the very next request', async () => {
      const auth = await bearer('leaver');
      expect((await me(auth)).status).toBe(200);
      const patched = await admin.patch(`${API}/users/leaver`, { active: false });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ username: 'leaver', active: false, email: 'leaver@qxn.example' });
      expect((await me(auth)).status).toBe(401);
      expect((await login('leaver')).status).toBe(401);
      expect(
        (await admin.get(`${API}/users?active=false`)).body.items.map((u: { username: string }) => u.username),
      ).toEqual(['leaver']);
      expect((await admin.patch(`${API}/users/leaver`, { active: true })).status).toBe(200);
      expect((await me(await bearer('leaver'))).status).toBe(200);
    });

    it('a new role or unit ends the sessions issued before it', async () => {
      const auth = await bearer('mover');
      const moved = await admin.patch(`${API}/users/mover`, { unit: 'xingyi-gov', phone: '+86 859 123 4567' });
      expect(moved.body).toMatchObject({ unit: 'xingyi-gov', phone: '+86 859 123 4567' });
      expect((await me(auth)).status).toBe(401);
      expect((await me(await bearer('mover'))).body).toMatchObject({ unit: 'xingyi-gov', unitName: '兴义市人民政府' });
      // a handler needs a unit; a unit must exist
      expect((await admin.patch(`${API}/users/mover`, { unit: null })).body.message).toMatch(/^unit: /);
      expect((await admin.patch(`${API}/users/mover`, { unit: 'nowhere' })).body.message).toMatch(/^unit: /);
      expect((await admin.patch(`${API}/users/nobody`, { displayName: 'x' })).status).toBe(404);
      expect((await admin.patch(`${API}/users/mover`, { email: 'not-an-email' })).status).toBe(400);
    });

    it('an admin resets a password: the old one and the old tokens stop working', async () => {
      const auth = await bearer('forgetful');
      expect((await admin.post(`${API}/users/forgetful/password`, { newPassword: 'short' })).body.message).toMatch(
        /newPassword/,
      );
      expect((await admin.post(`${API}/users/forgetful/password`, { newPassword: 'forgetful' })).status).toBe(400);
      expect(
        (await admin.post(`${API}/users/forgetful/password`, { newPassword: 'a-brand-new-password' })).status,
      ).toBe(204);
      expect((await me(auth)).status).toBe(401);
      expect((await login('forgetful')).status).toBe(401);
      expect((await login('forgetful', 'a-brand-new-password')).status).toBe(200);
    });

    it('a user changes their own password, given the current one', async () => {
      const auth = await bearer('changer');
      const change = (body: object) => app.http.post(`${API}/auth/password`).set('Authorization', auth).send(body);
      const wrong = await change({ currentPassword: 'not-it', newPassword: 'another-good-password' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toMatch(/^currentPassword: /);
      expect((await change({ currentPassword: 'test-password', newPassword: 'too-short' })).body.message).toMatch(
        /newPassword/,
      );
      expect((await change({ currentPassword: 'test-password', newPassword: 'changer' })).status).toBe(400);
      expect((await change({ currentPassword: 'test-password', newPassword: 'another-good-password' })).status).toBe(
        204,
      );
      expect((await me(auth)).status).toBe(401);
      expect((await login('changer', 'another-good-password')).status).toBe(200);
    });

    it('a user corrects their own contact details without losing the session', async () => {
      const auth = await bearer('supervisor');
      const patched = await app.http
        .patch(`${API}/auth/me`)
        .set('Authorization', auth)
        .send({ email: 'zhang@qxn.example', phone: '+86 139 0859 0000', displayName: '张督查' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ email: 'zhang@qxn.example', displayName: '张督查', active: true });
      expect((await me(auth)).status).toBe(200);
      const role = await app.http.patch(`${API}/auth/me`).set('Authorization', auth).send({ role: 'admin' });
      expect(role.status).toBe(400); // not a field one changes for oneself
    });

    it('refuses a password shorter than 10 characters or equal to the username', async () => {
      const short = await admin.post(`${API}/users`, {
        username: 'newbie',
        password: 'short-pw',
        displayName: 'n',
        role: 'supervisor',
      });
      expect(short.status).toBe(400);
      expect(short.body.message).toMatch(/password/);
      const same = await admin.post(`${API}/users`, {
        username: 'samesame-password',
        password: 'samesame-password',
        displayName: 'n',
        role: 'supervisor',
      });
      expect(same.status).toBe(400);
      expect(same.body.message).toMatch(/^password: /);
    });

    it('another API process refuses a retired user’s token at once too', async () => {
      const second: INestApplication = await createApiApp(app.config, { logs: false });
      await second.init();
      try {
        await admin.post(`${API}/users`, {
          username: 'elsewhere',
          password: 'test-password',
          displayName: 'e',
          role: 'supervisor',
        });
        const auth = await bearer('elsewhere');
        const other = () => request(second.getHttpServer()).get(`${API}/auth/me`).set('Authorization', auth);
        expect((await other()).status).toBe(200); // cached there now
        await admin.patch(`${API}/users/elsewhere`, { active: false });
        const deadline = Date.now() + 2000;
        let status = 200;
        while (status === 200 && Date.now() < deadline) status = (await other()).status;
        expect(status).toBe(401);
      } finally {
        await second.close();
      }
    });
  });

  describe('reference data', () => {
    it('renames a region, and corrects, moves and retires units, never into a loop', async () => {
      expect((await admin.patch(`${API}/regions/522302`, { name: '兴仁市（新）' })).body).toEqual({
        code: '522302',
        name: '兴仁市（新）',
        parent: '522300',
      });
      expect((await admin.patch(`${API}/regions/999999`, { name: 'x' })).status).toBe(404);
      const renamed = await admin.patch(`${API}/units/pref-energy`, { name: '黔西南州能源局' });
      expect(renamed.body).toMatchObject({ code: 'pref-energy', name: '黔西南州能源局', active: true });
      // pref-inspection is above xingren-gov: making it xingren-gov's child would close a loop
      const loop = await admin.patch(`${API}/units/pref-inspection`, { parent: 'xingren-gov' });
      expect(loop.status).toBe(400);
      expect(loop.body.message).toMatch(/^parent: /);
      expect((await admin.patch(`${API}/units/xingren-gov`, { parent: 'xingren-gov' })).status).toBe(400);
      expect((await admin.patch(`${API}/units/pref-emergency`, { parent: 'pref-energy' })).body.parent).toBe(
        'pref-energy',
      );
      expect((await admin.patch(`${API}/units/pref-emergency`, { parent: 'pref-inspection' })).status).toBe(200);
      // the failed change left nothing in the audit log
      const unitChanges = await audit('&targetType=unit');
      const updates = unitChanges.filter(
        (e: { targetId: string; action: string }) => e.targetId === 'pref-inspection' && e.action === 'unit.updated',
      );
      expect(updates).toEqual([]);
    });

    it('a retired unit gets no new issues: its rules are skipped, it drops out of co-units, its open ones stay', async () => {
      const before = await fileRouted(app, { category: 'coal_industry_upgrade', regionCode: '522302' });
      expect(before).toMatchObject({ leadUnit: 'pref-energy', coUnits: ['pref-emergency'] });
      await admin.patch(`${API}/units/pref-emergency`, { active: false });
      const withoutCoUnit = await fileRouted(app, { category: 'coal_industry_upgrade', regionCode: '522302' });
      expect(withoutCoUnit).toMatchObject({ leadUnit: 'pref-energy', coUnits: [] });
      await admin.patch(`${API}/units/pref-energy`, { active: false });
      const fallsThrough = await fileRouted(app, { category: 'coal_industry_upgrade', regionCode: '522302' });
      expect(fallsThrough.leadUnit).toBe('xingren-gov'); // the county's own rule
      const stays = await (await app.as('inspector')).get(`${API}/issues/${before.id}`);
      expect(stays.body).toMatchObject({ leadUnit: 'pref-energy', status: 'assigned' });
      const assign = await (
        await app.as('inspector')
      ).post(`${API}/issues/${fallsThrough.id}/assign`, {
        leadUnit: 'pref-energy',
        reason: 'back',
      });
      expect(assign.status).toBe(400);
      expect(assign.body.message).toMatch(/^leadUnit: /);
      expect((await admin.get(`${API}/units?active=false`)).body.items.map((u: { code: string }) => u.code)).toEqual([
        'pref-emergency',
        'pref-energy',
      ]);
      await admin.patch(`${API}/units/pref-emergency`, { active: true });
      await admin.patch(`${API}/units/pref-energy`, { active: true });
    });

    it('explains which rule wins for a category and region, and why each other lost', async () => {
      const inspector = await app.as('inspector');
      const coal = await inspector.get(`${API}/routing-rules/explain?category=coal_industry_upgrade&regionCode=522302`);
      expect(coal.status).toBe(200);
      expect(coal.body).toMatchObject({ leadUnit: 'pref-energy', coUnits: ['pref-emergency'] });
      expect(coal.body.rule).toMatchObject({ leadUnit: 'pref-energy', category: 'coal_industry_upgrade' });
      const verdicts = Object.fromEntries(
        coal.body.candidates.map((c: { rule: { leadUnit: string }; reason: string }) => [c.rule.leadUnit, c.reason]),
      );
      expect(verdicts).toEqual({ 'pref-energy': 'won', 'xingren-gov': 'less_specific' });
      const nowhere = await inspector.get(`${API}/routing-rules/explain?category=unrouted&regionCode=522300`);
      expect(nowhere.body).toMatchObject({ leadUnit: null, rule: null });
      expect((await inspector.get(`${API}/routing-rules/explain?category=nope&regionCode=522302`)).status).toBe(400);
      expect((await inspector.get(`${API}/routing-rules/explain?category=rural_roads`)).status).toBe(400);
      expect(
        (await (await app.as('supervisor')).get(`${API}/routing-rules/explain?category=x&regionCode=522302`)).status,
      ).toBe(403);
    });

    it('changes and deletes routing rules', async () => {
      const created = await admin.post(`${API}/routing-rules`, { category: 'unrouted', leadUnit: 'xingyi-gov' });
      const patched = await admin.patch(`${API}/routing-rules/${created.body.id}`, {
        priority: 5,
        coUnits: ['pref-energy'],
      });
      expect(patched.body).toMatchObject({
        id: created.body.id,
        leadUnit: 'xingyi-gov',
        priority: 5,
        coUnits: ['pref-energy'],
      });
      expect(
        (await admin.patch(`${API}/routing-rules/${created.body.id}`, { leadUnit: 'nowhere' })).body.message,
      ).toMatch(/^leadUnit: /);
      expect((await admin.delete(`${API}/routing-rules/${created.body.id}`)).status).toBe(204);
      expect((await admin.delete(`${API}/routing-rules/${created.body.id}`)).status).toBe(404);
    });

    it('a retired category takes no new filings', async () => {
      await admin.post(`${API}/categories`, { code: 'old_campaign', name: '旧专项' });
      const retired = await admin.patch(`${API}/categories/old_campaign`, { active: false });
      expect(retired.body).toEqual({ code: 'old_campaign', name: '旧专项', active: false });
      const filed = await (await app.as('supervisor')).post(`${API}/issues`, issueBody({ category: 'old_campaign' }));
      expect(filed.status).toBe(400);
      expect(filed.body.message).toMatch(/^category: /);
      expect((await admin.get(`${API}/categories?active=false`)).body.items).toEqual([retired.body]);
    });

    it('a changed or deleted policy leaves open issues their deadlines', async () => {
      const policies = (await admin.get(`${API}/deadline-policies`)).body.items;
      const major = policies.find(
        (p: { severity: string; category: string | null }) => p.severity === 'major' && !p.category,
      );
      const open = await fileRouted(app, { severity: 'major' });
      const patched = await admin.patch(`${API}/deadline-policies/${major.id}`, { resolveWithin: 'P30D' });
      expect(patched.body).toMatchObject({ id: major.id, resolveWithin: 'P30D' });
      const later = await fileRouted(app, { severity: 'major' });
      expect(Date.parse(later.dueAt) - Date.parse(later.assignedAt)).toBe(30 * 86_400_000);
      expect(Date.parse(open.dueAt) - Date.parse(open.assignedAt)).toBe(10 * 86_400_000);
      // a reopened issue gets its new due date from the terms it was assigned under
      const handler = await app.as('xingren-handler');
      await handler.post(`${API}/issues/${open.id}/acknowledge`);
      await handler.post(`${API}/issues/${open.id}/rectification`, { summary: 'done' });
      expect((await admin.delete(`${API}/deadline-policies/${major.id}`)).status).toBe(204);
      const reopened = await (
        await app.as('supervisor')
      ).post(`${API}/issues/${open.id}/verification`, {
        outcome: 'rejected',
      });
      expect(reopened.status).toBe(200);
      const reopenedAt = Date.now();
      expect(Math.abs(Date.parse(reopened.body.dueAt) - reopenedAt - 10 * 86_400_000)).toBeLessThan(60_000);
      expect((await admin.delete(`${API}/deadline-policies/${major.id}`)).status).toBe(404);
      const general = policies.find((p: { severity: string; category: string | null }) => p.severity === 'general');
      const conflict = await admin.patch(`${API}/deadline-policies/${general.id}`, { severity: 'urgent' });
      expect(conflict.status).toBe(409);
    });

    it("replaces a year's calendar in one step, and unsets single days", async () => {
      await admin.put(`${API}/calendar/days/2027-05-03`, { type: 'holiday', name: '旧' });
      const year = await admin.put(`${API}/calendar/years/2027`, {
        days: [
          { date: '2027-10-01', type: 'holiday', name: '国庆节' },
          { date: '2027-09-26', type: 'workday', name: '国庆调休' },
        ],
      });
      expect(year.status).toBe(200);
      expect(year.body).toEqual({
        year: 2027,
        days: [
          { date: '2027-09-26', type: 'workday', name: '国庆调休' },
          { date: '2027-10-01', type: 'holiday', name: '国庆节' },
        ],
      });
      const outside = await admin.put(`${API}/calendar/years/2027`, {
        days: [{ date: '2028-01-01', type: 'holiday' }],
      });
      expect(outside.status).toBe(400);
      expect(outside.body.message).toMatch(/^days\[0\]\.date: /);
      expect((await admin.get(`${API}/calendar/days?from=2027-01-01&to=2027-12-31`)).body.items).toHaveLength(2);
      expect((await admin.delete(`${API}/calendar/days/2027-09-26`)).status).toBe(204);
      expect((await admin.delete(`${API}/calendar/days/2027-09-26`)).status).toBe(404);
      expect((await admin.put(`${API}/calendar/years/abc`, { days: [] })).status).toBe(400);
    });
  });

  describe('the audit log', () => {
    it('records every change with its actor, before and after; only admins read it', async () => {
      const entries = await audit();
      const actions = new Set(entries.map((entry: { action: string }) => entry.action));
      for (const action of [
        'user.created',
        'user.updated',
        'user.password_reset',
        'region.updated',
        'unit.updated',
        'category.created',
        'category.updated',
        'routing_rule.created',
        'routing_rule.updated',
        'routing_rule.deleted',
        'deadline_policy.updated',
        'deadline_policy.deleted',
        'calendar.changed',
      ]) {
        expect(actions).toContain(action);
      }
      const retire = entries.find(
        (entry: { action: string; targetId: string; after: { active?: boolean } }) =>
          entry.action === 'unit.updated' && entry.targetId === 'pref-energy' && entry.after?.active === false,
      );
      expect(retire).toMatchObject({ actor: 'admin', targetType: 'unit', before: { active: true } });
      // a password never appears, not even hashed
      expect(JSON.stringify(entries)).not.toMatch(/password_?hash|a-brand-new-password|\$2[aby]\$/);
      expect(
        (await audit('&targetType=calendar')).every((e: { targetType: string }) => e.targetType === 'calendar'),
      ).toBe(true);
      expect(await audit('&actor=nobody')).toEqual([]);
      expect(await audit(`&from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
      expect((await admin.get(`${API}/audit-log?targetType=galaxy`)).status).toBe(400);
      expect((await (await app.as('inspector')).get(`${API}/audit-log`)).status).toBe(403);
    });

    it('records assessment rules and webhooks too, without the webhook secret', async () => {
      const rules = (await admin.get(`${API}/assessment/rules`)).body;
      await admin.put(`${API}/assessment/rules`, { base: 100, rules: rules.rules });
      const hook = await admin.post(`${API}/webhooks`, {
        url: 'http://127.0.0.1:9/dh',
        events: ['issue.overdue'],
        secret: 'a-secret-of-enough-length',
      });
      await admin.delete(`${API}/webhooks/${hook.body.id}`);
      const entries = await audit();
      expect(entries.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['assessment_rules.replaced', 'webhook.created', 'webhook.deleted']),
      );
      expect(JSON.stringify(entries)).not.toContain('a-secret-of-enough-length');
    });
  });
});
