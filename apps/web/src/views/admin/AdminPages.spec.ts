import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPage, page, REFERENCE, stubApi } from '@/views/oversight/page-testing';
import RoutingPage from './RoutingPage.vue';
import UsersPage from './UsersPage.vue';
import UnitsPage from './UnitsPage.vue';

const ADMIN = { username: 'admin', displayName: '管理员', role: 'admin' as const, unit: null };
const USER = {
  id: 'u1',
  username: 'leaver',
  displayName: '李四',
  role: 'handler',
  unit: 'xingren-gov',
  email: null,
  phone: null,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the users page', () => {
  it('lists active users from the server, and a deactivation PATCHes only `active`', async () => {
    const requests = stubApi({
      ...REFERENCE,
      'GET /api/v1/users': () => page([USER]),
      'PATCH /api/v1/users/leaver': () => Response.json({ ...USER, active: false }),
    });
    const { wrapper } = await mountPage(UsersPage, { path: '/admin/users', me: ADMIN });
    const list = requests.find((r) => new URL(r.url).pathname === '/api/v1/users')!;
    expect(new URL(list.url).searchParams.get('active')).toBe('true');
    expect(wrapper.text()).toContain('李四');
    expect(wrapper.text()).toContain('兴仁市人民政府');

    const button = wrapper.findAll('button').find((b) => b.text() === '停用')!;
    await button.trigger('click');
    await flushPromises();
    const confirm = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find(
      (b) => b.textContent?.trim() === '停用',
    )!;
    confirm.click();
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await flushPromises();
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ active: false });
  });
});

describe('the routing tester', () => {
  it('asks the API which rule wins and shows the winner and why the others lost', async () => {
    const rule = (id: string, lead: string, category: string | null) => ({
      id,
      category,
      regionCode: '522302',
      leadUnit: lead,
      coUnits: [],
      priority: 0,
      createdAt: '2026-01-01T00:00:00Z',
    });
    const requests = stubApi({
      ...REFERENCE,
      'GET /api/v1/routing-rules': () => page([rule('r1', 'xingren-gov', null)]),
      'GET /api/v1/routing-rules/explain': () =>
        Response.json({
          leadUnit: 'pref-energy',
          coUnits: [],
          rule: rule('r2', 'pref-energy', 'rural_roads'),
          candidates: [
            { rule: rule('r2', 'pref-energy', 'rural_roads'), matched: true, reason: 'won', detail: 'most specific' },
            { rule: rule('r1', 'xingren-gov', null), matched: true, reason: 'less_specific', detail: 'region alone' },
          ],
        }),
    });
    const { wrapper } = await mountPage(RoutingPage, { path: '/admin/routing', me: ADMIN });
    const vm = wrapper.vm as unknown as { $: { setupState: { probe: { category: string; regionCode: string } } } };
    vm.$.setupState.probe.category = 'rural_roads';
    vm.$.setupState.probe.regionCode = '522302';
    await flushPromises();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '测试')!
      .trigger('click');
    await flushPromises();
    const explain = requests.find((r) => new URL(r.url).pathname.endsWith('/explain'))!;
    expect(Object.fromEntries(new URL(explain.url).searchParams)).toEqual({
      category: 'rural_roads',
      regionCode: '522302',
    });
    const result = wrapper.find('[aria-label="测试结果"]');
    expect(result.text()).toContain('交办给：州能源局');
    expect(result.text()).toContain('不如胜出规则具体');
    expect(result.text()).toContain('胜出');
  });
});

describe('the unit tree', () => {
  it('hangs units under their parents and shows the ladder of the one picked', async () => {
    stubApi({
      ...REFERENCE,
      'GET /api/v1/units': () =>
        page([
          {
            code: 'pref-office',
            name: '州委督查室',
            kind: 'inspection_office',
            regionCode: '522300',
            parent: null,
            active: true,
          },
          {
            code: 'xingren-gov',
            name: '兴仁市人民政府',
            kind: 'government',
            regionCode: '522302',
            parent: 'pref-office',
            active: true,
          },
          {
            code: 'old-unit',
            name: '旧单位',
            kind: 'department',
            regionCode: '522302',
            parent: 'xingren-gov',
            active: false,
          },
        ]),
    });
    const { wrapper } = await mountPage(UnitsPage, { path: '/admin/units', me: ADMIN });
    const nodes = wrapper.findAll('[data-unit]').map((n) => n.attributes('data-unit'));
    expect(nodes).toEqual(['pref-office', 'xingren-gov', 'old-unit']);
    expect(wrapper.find('[data-unit="old-unit"]').text()).toContain('已停用');
    await wrapper.find('[data-unit="old-unit"]').trigger('click');
    await flushPromises();
    const ladder = wrapper
      .find('ol[aria-label="升级链"]')
      .findAll('li')
      .map((li) => li.find('strong').text());
    expect(ladder).toEqual(['旧单位', '兴仁市人民政府', '州委督查室']);
  });
});
