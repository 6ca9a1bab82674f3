import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardItem } from './board';
import OverdueBoardPage from './OverdueBoardPage.vue';
import { mountPage, page, REFERENCE, stubApi } from './page-testing';

const inspector = { username: 'inspector', displayName: '王科长', role: 'inspector', unit: 'pref-inspection' } as const;
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

function item(fields: Partial<BoardItem>): BoardItem {
  return {
    id: 'b1',
    referenceNo: 'DH-2026-000009',
    kind: 'supervision',
    title: '煤矿安全改造逾期',
    description: '',
    category: 'coal_industry_upgrade',
    regionCode: '522302',
    severity: 'urgent',
    source: 'inspection',
    location: {},
    evidence: [],
    status: 'in_progress',
    leadUnit: 'pref-energy',
    coUnits: [],
    filedBy: 'supervisor',
    filedAt: ago(10 * 86_400),
    assignedAt: ago(10 * 86_400),
    acknowledgedAt: ago(9 * 86_400),
    acknowledgeDueAt: ago(9 * 86_400),
    dueAt: ago(3 * 86_400 + 4 * 3600 + 30),
    overdue: true,
    overdueSeconds: 3 * 86_400 + 4 * 3600,
    colour: 'red',
    escalationLevel: 2,
    remindFromAt: null,
    remindLastAt: null,
    reopenCount: 0,
    returnCount: 0,
    isKey: true,
    closedAt: null,
    version: 7,
    ...fields,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the overdue board', () => {
  function stub() {
    return stubApi({
      ...REFERENCE,
      'GET /api/v1/oversight/summary': () =>
        Response.json({
          items: [
            { unit: 'xingren-gov', open: 0, overdue: 0, key: 0, byLevel: {} },
            { unit: 'pref-energy', open: 3, overdue: 1, key: 1, byLevel: { '2': 1, '3': 1 } },
          ],
        }),
      'GET /api/v1/oversight/overdue': () => page([item({})]),
      'GET /api/v1/oversight/board': (_request, url) =>
        page([
          item({ id: 'b2', title: `${url.searchParams.get('colour')} 灯事项`, overdue: false, dueAt: ago(-7200) }),
        ]),
    });
  }
  const queries = (requests: Request[], path: string) =>
    requests
      .map((r) => new URL(r.url))
      .filter((u) => u.pathname === path)
      .map((u) => Object.fromEntries(u.searchParams));

  it('shows red first: light by level, overdue by in words, unit and region by name, the summary beside', async () => {
    const requests = stub();
    const { wrapper } = await mountPage(OverdueBoardPage, { path: '/oversight/overdue', me: inspector });
    await vi.waitFor(() => expect(wrapper.find('tbody tr [data-light]').exists()).toBe(true));
    const row = [...document.querySelectorAll('.server-table tbody tr')].find((tr) =>
      tr.textContent?.includes('煤矿安全改造逾期'),
    )!;
    expect(row.querySelector('[data-light="level2"]')).not.toBeNull();
    expect(row.textContent).toContain('3天4小时');
    expect(row.textContent).toContain('州能源局');
    expect(row.textContent).toContain('兴仁市');
    expect(row.textContent).toContain('重点');
    expect(row.querySelector('a[href="/issues/b1"]')).not.toBeNull();
    const summary = wrapper.get('.board__summary').text();
    expect(summary).toContain('州能源局');
    expect(summary).not.toContain('兴仁市人民政府');
    expect(queries(requests, '/api/v1/oversight/overdue')[0]).toEqual({ limit: '20' });
    wrapper.unmount();
  });

  it('the yellow and blue lights come from the board, filters go to the server', async () => {
    const requests = stub();
    const { wrapper } = await mountPage(OverdueBoardPage, { path: '/oversight/overdue', me: inspector });
    const radio = (value: string) => wrapper.get(`input[type="radio"][value="${value}"]`);
    await radio('yellow').setValue(true);
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.text()).toContain('yellow 灯事项'));
    expect(queries(requests, '/api/v1/oversight/board').at(-1)).toEqual({ colour: 'yellow', limit: '20' });

    // A unit in the summary filters the board to it.
    const unit = wrapper.findAll('.board__summary button').find((b) => b.text() === '州能源局')!;
    await unit.trigger('click');
    await flushPromises();
    expect(queries(requests, '/api/v1/oversight/board').at(-1)).toEqual({
      colour: 'yellow',
      leadUnit: 'pref-energy',
      limit: '20',
    });
    wrapper.unmount();
  });
});
