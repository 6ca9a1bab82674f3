import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Issue } from '@/api/types';
import { mountPage, page, REFERENCE, stubApi } from '@/views/oversight/page-testing';
import InboxPage from './InboxPage.vue';

const HOUR = 3_600_000;
const from = (ms: number) => new Date(Date.now() + ms).toISOString();
const handler = { username: 'xingren-handler', displayName: '承办员', role: 'handler', unit: 'xingren-gov' } as const;

function issue(fields: Partial<Issue>): Issue {
  return {
    id: 'i1',
    referenceNo: 'DH-2026-000001',
    kind: 'supervision',
    title: '通组公路破损',
    description: '',
    category: 'rural_roads',
    regionCode: '522302',
    severity: 'general',
    source: 'unannounced_visit',
    location: {},
    evidence: [],
    status: 'assigned',
    leadUnit: 'xingren-gov',
    coUnits: [],
    filedBy: 'supervisor',
    filedAt: from(-HOUR),
    assignedAt: from(-HOUR),
    acknowledgedAt: null,
    acknowledgeDueAt: from(2 * HOUR),
    dueAt: from(100 * HOUR),
    overdue: false,
    escalationLevel: 0,
    remindFromAt: null,
    remindLastAt: null,
    reopenCount: 0,
    returnCount: 0,
    isKey: false,
    closedAt: null,
    version: 4,
    ...fields,
  };
}

const queue = [
  issue({ isKey: true }),
  issue({
    id: 'i2',
    referenceNo: 'DH-2026-000002',
    title: '河道网箱未清理',
    status: 'in_progress',
    leadUnit: 'pref-water',
    coUnits: ['xingren-gov'],
    dueAt: from(-3 * HOUR),
    overdue: true,
    escalationLevel: 2,
  }),
];

const rowOf = (text: string) => [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(text));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the task queue page', () => {
  it('lists the queue with counters, parts, deadlines and 签收 only where the handler may', async () => {
    stubApi({ ...REFERENCE, 'GET /api/v1/units/xingren-gov/inbox': () => page(queue) });
    const { wrapper, auth } = await mountPage(InboxPage, { path: '/inbox', me: handler });
    auth.unitName = '兴仁市人民政府';
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('兴仁市人民政府 的待办');
    expect(wrapper.get('[data-counter="open"]').text()).toContain('2');
    expect(wrapper.get('[data-counter="overdue"]').text()).toContain('1');
    expect(wrapper.get('[data-counter="due-soon"]').text()).toContain('1');

    const lead = rowOf('通组公路破损')!;
    expect(lead.textContent).toContain('重点');
    expect(lead.textContent).toContain('主办');
    expect(lead.textContent).toContain('签收期限');
    expect([...lead.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('签收');

    const co = rowOf('河道网箱未清理')!;
    expect(co.textContent).toContain('协办');
    expect(co.textContent).toContain('办结期限');
    expect(co.textContent).toContain('2 级督办');
    expect(co.querySelector('[data-kind="overdue"]')).not.toBeNull();
    expect([...co.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('签收');
    expect(co.querySelector('a[href="/issues/i2"]')).not.toBeNull();
    wrapper.unmount();
  });

  it('签收 from the row sends the version it showed, and the row moves on', async () => {
    const requests = stubApi({
      ...REFERENCE,
      'GET /api/v1/units/xingren-gov/inbox': () => page(queue.slice(0, 1)),
      'POST /api/v1/issues/i1/acknowledge': () =>
        Response.json(issue({ status: 'in_progress', acknowledgedAt: from(0), version: 5 })),
    });
    const { wrapper } = await mountPage(InboxPage, { path: '/inbox', me: handler });
    const button = [...rowOf('通组公路破损')!.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === '签收',
    )!;
    button.click();
    await flushPromises();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('4');
    await vi.waitFor(() => expect(rowOf('通组公路破损')!.textContent).toContain('办理中'));
    expect(rowOf('通组公路破损')!.textContent).not.toContain('签收期限');
    wrapper.unmount();
  });

  it('a 412 says someone else changed the issue, never the raw refusal', async () => {
    stubApi({
      ...REFERENCE,
      'GET /api/v1/units/xingren-gov/inbox': () => page(queue.slice(0, 1)),
      'POST /api/v1/issues/i1/acknowledge': () =>
        Response.json({ statusCode: 412, message: 'version 4 is stale' }, { status: 412 }),
    });
    const { wrapper } = await mountPage(InboxPage, { path: '/inbox', me: handler });
    [...rowOf('通组公路破损')!.querySelectorAll('button')].find((b) => b.textContent?.trim() === '签收')!.click();
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.text()).toContain('该事项已被他人更新'));
    expect(wrapper.text()).not.toContain('version 4 is stale');
    wrapper.unmount();
  });

  it('an inspector without a unit chosen is asked to pick one', async () => {
    stubApi({ ...REFERENCE });
    const { wrapper } = await mountPage(InboxPage, {
      path: '/inbox',
      me: { username: 'inspector', displayName: '王科长', role: 'inspector', unit: 'pref-inspection' },
    });
    expect(wrapper.text()).toContain('请选择要查看待办的单位');
    wrapper.unmount();
  });
});
