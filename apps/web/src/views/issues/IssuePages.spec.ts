import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Issue } from '@/api/types';
import { mountPage, page, REFERENCE, stubApi } from '@/views/oversight/page-testing';
import FileIssuePage from './FileIssuePage.vue';
import IssueListPage from './IssueListPage.vue';
import IssuePage from './IssuePage.vue';

const supervisor = { username: 'supervisor', displayName: '张督查', role: 'supervisor', unit: null } as const;
const handler = { username: 'xingren-handler', displayName: '承办员', role: 'handler', unit: 'xingren-gov' } as const;
const stranger = { username: 'xingyi-handler', displayName: '承办员', role: 'handler', unit: 'xingyi-gov' } as const;
const from = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;

function issue(fields: Partial<Issue> = {}): Issue {
  return {
    id: 'i1',
    referenceNo: 'DH-2026-000007',
    kind: 'supervision',
    title: '通组公路塌方未修复',
    description: '两月未修复',
    category: 'rural_roads',
    regionCode: '522302',
    severity: 'general',
    source: 'unannounced_visit',
    location: { township: '巴铃镇', lat: 25.43, lng: 105.18 },
    evidence: [],
    status: 'assigned',
    leadUnit: 'xingren-gov',
    coUnits: [],
    filedBy: 'supervisor',
    filedAt: from(-2 * HOUR),
    assignedAt: from(-2 * HOUR),
    acknowledgedAt: null,
    acknowledgeDueAt: from(20 * HOUR),
    dueAt: from(200 * HOUR),
    overdue: false,
    escalationLevel: 0,
    remindFromAt: null,
    remindLastAt: null,
    reopenCount: 0,
    returnCount: 0,
    isKey: false,
    closedAt: null,
    version: 3,
    ...fields,
  };
}

const TIMELINE = {
  items: [
    {
      id: 'e1',
      seq: 1,
      type: 'issue.filed',
      occurredAt: from(-2 * HOUR),
      actor: { username: 'supervisor', role: 'supervisor' },
      data: {},
    },
    {
      id: 'e2',
      seq: 2,
      type: 'issue.routed',
      occurredAt: from(-2 * HOUR),
      actor: { username: 'system' },
      data: { leadUnit: 'xingren-gov', coUnits: [] },
    },
  ],
};

const issueRoutes = (current: () => Issue) => ({
  ...REFERENCE,
  'GET /api/v1/issues/i1': () => Response.json(current()),
  'GET /api/v1/issues/i1/timeline': () => Response.json(TIMELINE),
  'GET /api/v1/issues/i1/extension-requests': () => Response.json({ items: [] }),
});

const buttons = (root: Element | null) =>
  [...(root?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.trim());
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the issue page', () => {
  it('shows the issue, its steps and timeline in words, and exactly the handler’s actions', async () => {
    stubApi(issueRoutes(() => issue()));
    const { wrapper } = await mountPage(IssuePage, { path: '/issues/i1', pattern: '/issues/:id', me: handler });
    await vi.waitFor(() => expect(wrapper.text()).toContain('DH-2026-000007'));
    expect(wrapper.get('h1').text()).toBe('通组公路塌方未修复');
    expect(wrapper.text()).toContain('督查人员 supervisor 提交了问题');
    expect(wrapper.text()).toContain('按交办规则交办给 兴仁市人民政府');
    expect(wrapper.find('[data-deadline="acknowledge"]').text()).toContain('剩余');
    expect(buttons(document.querySelector('[data-section="actions"]'))).toEqual(['签收', '退回', '申请延期']);
    expect(wrapper.find('.el-step.is-horizontal, .el-step').exists()).toBe(true);
    wrapper.unmount();
  });

  it('签收 sends If-Match with the version shown; a 412 shows the conflict notice, not the raw message', async () => {
    let current = issue();
    const requests = stubApi({
      ...issueRoutes(() => current),
      'POST /api/v1/issues/i1/acknowledge': () =>
        Response.json({ statusCode: 412, message: 'version 3 is stale' }, { status: 412 }),
    });
    const { wrapper } = await mountPage(IssuePage, { path: '/issues/i1', pattern: '/issues/:id', me: handler });
    await vi.waitFor(() => expect(wrapper.text()).toContain('DH-2026-000007'));
    button(document.body, '签收').click();
    await flushPromises();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('3');
    await vi.waitFor(() => expect(wrapper.text()).toContain('该事项已被他人更新'));
    expect(wrapper.text()).not.toContain('version 3 is stale');
    // Reload reads the issue again, now at its new version.
    current = issue({ status: 'in_progress', version: 4, acknowledgedAt: from(0) });
    button(document.body, '重新加载').click();
    await vi.waitFor(() =>
      expect(buttons(document.querySelector('[data-section="actions"]'))).toEqual(['报告进展', '提交整改', '申请延期']),
    );
    wrapper.unmount();
  });

  it('another unit’s handler sees that the issue is not there, and nothing of it', async () => {
    stubApi({
      ...REFERENCE,
      'GET /api/v1/issues/i1': () => Response.json({ statusCode: 404, message: 'issue i1 not found' }, { status: 404 }),
      'GET /api/v1/issues/i1/timeline': () => Response.json({ statusCode: 404, message: 'not found' }, { status: 404 }),
    });
    const { wrapper } = await mountPage(IssuePage, { path: '/issues/i1', pattern: '/issues/:id', me: stranger });
    await vi.waitFor(() => expect(wrapper.text()).toContain('问题不存在，或您无权查看'));
    expect(wrapper.text()).not.toContain('issue i1 not found');
    expect(wrapper.find('[data-section="actions"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('the filer verifies a rectification: a rejection carries the satisfaction and is guarded by the version', async () => {
    const requests = stubApi({
      ...issueRoutes(() => issue({ status: 'rectification_submitted', acknowledgedAt: from(-HOUR), version: 7 })),
      'POST /api/v1/issues/i1/verification': () =>
        Response.json(issue({ status: 'in_progress', reopenCount: 1, version: 8 })),
    });
    const { wrapper } = await mountPage(IssuePage, { path: '/issues/i1', pattern: '/issues/:id', me: supervisor });
    await vi.waitFor(() =>
      expect(buttons(document.querySelector('[data-section="actions"]'))).toEqual(['核查', '撤回']),
    );
    button(document.body, '核查').click();
    await flushPromises();
    const dialog = document.querySelector('.el-dialog') as HTMLElement;
    const radio = (name: string) =>
      [...dialog.querySelectorAll('label')].find((l) => l.textContent?.trim() === name)!.querySelector('input')!;
    radio('不通过').click();
    radio('不满意').click();
    await flushPromises();
    expect(dialog.textContent).toContain('新的办结期限');
    button(dialog, '核查').click();
    await vi.waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('7');
    expect(await post.json()).toEqual({ outcome: 'rejected', satisfaction: 'unsatisfied' });
    wrapper.unmount();
  });
});

describe('my filings', () => {
  it('lists what the supervisor filed with unit, status and overdue; filters go to the server', async () => {
    const requests = stubApi({
      ...REFERENCE,
      'GET /api/v1/issues': () =>
        page([
          issue(),
          issue({
            id: 'i2',
            referenceNo: 'DH-2026-000008',
            title: '河道网箱回潮',
            status: 'in_progress',
            dueAt: from(-HOUR),
            overdue: true,
          }),
          issue({ id: 'i3', referenceNo: 'DH-2026-000009', title: '州级站房漏雨', status: 'triage', leadUnit: null }),
        ]),
    });
    const { wrapper } = await mountPage(IssueListPage, { path: '/issues', me: supervisor });
    await vi.waitFor(() => expect(wrapper.text()).toContain('河道网箱回潮'));
    const row = (text: string) =>
      [...document.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(text))!;
    expect(row('通组公路塌方未修复').textContent).toContain('兴仁市人民政府');
    expect(row('河道网箱回潮').textContent).toContain('已超期');
    expect(row('州级站房漏雨').textContent).toContain('待分拨');
    expect(row('通组公路塌方未修复').querySelector('a[href="/issues/i1"]')).not.toBeNull();

    const search = wrapper.get('input[aria-label="搜索标题或编号"]');
    await search.setValue('DH-2026-000008');
    await search.trigger('keyup', { key: 'Enter' });
    await vi.waitFor(() =>
      expect(requests.some((r) => new URL(r.url).searchParams.get('q') === 'DH-2026-000008')).toBe(true),
    );
    const last = new URL(requests.filter((r) => new URL(r.url).pathname === '/api/v1/issues').at(-1)!.url);
    expect(last.searchParams.has('status')).toBe(false);
    wrapper.unmount();
  });
});

describe('the filing form', () => {
  it('says what is missing and sends nothing while the form is empty', async () => {
    const requests = stubApi({
      ...REFERENCE,
      'POST /api/v1/issues': () => Response.json(issue({ status: 'filed', id: 'new1' }), { status: 201 }),
    });
    const { wrapper } = await mountPage(FileIssuePage, { path: '/issues/new', me: supervisor });
    await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true));
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('此项为必填项'));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    wrapper.unmount();
  });
});
