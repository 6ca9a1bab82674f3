import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive } from 'vue';
import { ApiError } from '@/api/errors';
import type { Page } from '@/api/types';
import ApiErrorMessage from './ApiErrorMessage.vue';
import CountdownTag from './CountdownTag.vue';
import PageState from './PageState.vue';
import ServerTable from './ServerTable.vue';
import type { TableColumn, TableQuery } from './server-table';
import StatusTag from './StatusTag.vue';

describe('ApiErrorMessage and ConflictNotice', () => {
  it('a 409 or 412 is “someone else changed this issue” with a reload, never the raw message', async () => {
    for (const status of [409, 412]) {
      const wrapper = mount(ApiErrorMessage, { props: { error: new ApiError(status, 'cannot acknowledge…') } });
      expect(wrapper.text()).toContain('该事项已被他人更新');
      expect(wrapper.text()).not.toContain('cannot acknowledge');
      await wrapper.get('button').trigger('click');
      expect(wrapper.emitted('reload')).toHaveLength(1);
    }
  });

  it('shows the API’s message, naming the field', () => {
    const wrapper = mount(ApiErrorMessage, {
      props: { error: new ApiError(400, 'title: must be shorter than or equal to 200 characters', 'title') },
    });
    expect(wrapper.text()).toContain('字段“title”：must be shorter than or equal to 200 characters');
  });

  it('an unreachable service is said in the user’s language', () => {
    const wrapper = mount(ApiErrorMessage, { props: { error: new ApiError(0, 'Failed to fetch') } });
    expect(wrapper.text()).toContain('无法连接到服务');
  });
});

describe('PageState', () => {
  const slots = { default: () => 'CONTENT' };
  it('loading, empty, error with retry, then the content', async () => {
    expect(mount(PageState, { props: { loading: true, empty: true }, slots }).text()).toContain('加载中');
    expect(mount(PageState, { props: { empty: true, emptyText: '没有' }, slots }).text()).toContain('没有');
    const failed = mount(PageState, { props: { error: new ApiError(500, 'boom') }, slots });
    expect(failed.text()).toContain('boom');
    await failed.get('button').trigger('click');
    expect(failed.emitted('retry')).toHaveLength(1);
    expect(mount(PageState, { slots }).text()).toContain('CONTENT');
  });
});

describe('StatusTag and CountdownTag', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-10T02:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('labels a status', () => {
    expect(mount(StatusTag, { props: { status: 'rectification_submitted' } }).text()).toBe('待核查');
  });

  it('counts down live and turns red when overdue', async () => {
    const wrapper = mount(CountdownTag, { props: { dueAt: '2026-03-10T02:01:30Z' } });
    expect(wrapper.text()).toBe('剩余 1 分钟');
    expect(wrapper.get('[data-kind]').attributes('data-kind')).toBe('soon');
    await vi.advanceTimersByTimeAsync(91_000);
    expect(wrapper.text()).toBe('超期 不足 1 分钟');
    expect(wrapper.get('[data-kind]').attributes('data-kind')).toBe('overdue');
    wrapper.unmount();
  });

  it('days and hours when far; nothing when there is no deadline or the clock stopped', () => {
    expect(mount(CountdownTag, { props: { dueAt: '2026-03-13T05:00:00Z' } }).text()).toBe('剩余 3 天 3 小时');
    expect(mount(CountdownTag, { props: { dueAt: null } }).text()).toBe('无期限');
    expect(mount(CountdownTag, { props: { dueAt: '2026-03-01T00:00:00Z', stopped: true } }).text()).toBe('已停止计时');
  });
});

describe('ServerTable', () => {
  interface Row {
    id: string;
    name: string;
  }
  const columns: TableColumn[] = [
    { key: 'id', labelKey: 'notifications.type', fixed: true },
    { key: 'name', labelKey: 'notifications.note' },
  ];
  // Pages of 2 from a list of 5, cursors being the next index.
  const all = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: `name-${id}` }));
  const fetchPage = vi.fn(async (q: TableQuery<{ q: string }>): Promise<Page<Row>> => {
    const rows = all.filter((r) => r.name.includes(q.filters.q));
    const start = Number(q.cursor ?? 0);
    const end = start + 2;
    return { items: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null };
  });

  function mountTable(filters = reactive({ q: '' }), slots: Record<string, (scope: { row: Row }) => unknown> = {}) {
    const Host = defineComponent({
      setup: () => () =>
        h(ServerTable<Row, { q: string }>, { tableId: 'spec', columns, fetchPage, filters, pageSizes: [2, 10] }, slots),
    });
    return mount(Host, { attachTo: document.body });
  }
  const ids = (wrapper: ReturnType<typeof mountTable>) =>
    wrapper.findAll('tbody tr').map((tr) => tr.findAll('td')[0]!.text());
  const button = (wrapper: ReturnType<typeof mountTable>, name: string) =>
    wrapper.findAll('button').find((b) => b.text() === name)!;

  beforeEach(() => {
    fetchPage.mockClear();
    localStorage.clear();
  });

  it('pages forward with the cursor and back with the kept stack', async () => {
    const wrapper = mountTable();
    await flushPromises();
    expect(ids(wrapper)).toEqual(['a', 'b']);
    expect(wrapper.text()).toContain('第 1 页');
    await button(wrapper, '下一页').trigger('click');
    await flushPromises();
    expect(ids(wrapper)).toEqual(['c', 'd']);
    await button(wrapper, '下一页').trigger('click');
    await flushPromises();
    expect(ids(wrapper)).toEqual(['e']);
    expect(button(wrapper, '下一页').attributes('disabled')).toBeDefined();
    await button(wrapper, '上一页').trigger('click');
    await flushPromises();
    expect(ids(wrapper)).toEqual(['c', 'd']);
    expect(fetchPage.mock.calls.map(([q]) => q.cursor)).toEqual([undefined, '2', '4', '2']);
    wrapper.unmount();
  });

  it('a filter change starts from page 1 with the filter in the query', async () => {
    const filters = reactive({ q: '' });
    const wrapper = mountTable(filters);
    await flushPromises();
    await button(wrapper, '下一页').trigger('click');
    await flushPromises();
    filters.q = 'name-e';
    await flushPromises();
    expect(ids(wrapper)).toEqual(['e']);
    expect(fetchPage.mock.lastCall![0]).toMatchObject({ cursor: undefined, filters: { q: 'name-e' }, limit: 2 });
    wrapper.unmount();
  });

  it('shows the error with a retry, and the empty state', async () => {
    fetchPage.mockRejectedValueOnce(new ApiError(500, 'database down'));
    const wrapper = mountTable();
    await flushPromises();
    expect(wrapper.text()).toContain('database down');
    await button(wrapper, '重试').trigger('click');
    await flushPromises();
    expect(ids(wrapper)).toEqual(['a', 'b']);
    wrapper.unmount();
    const empty = mountTable(reactive({ q: 'nothing' }));
    await flushPromises();
    expect(empty.text()).toContain('暂无数据');
    empty.unmount();
  });

  it('renders a cell slot for real rows only, never for Element Plus’s empty probe row', async () => {
    const seen: unknown[] = [];
    const wrapper = mountTable(reactive({ q: '' }), {
      'cell-name': ({ row }) => (seen.push(row.id), row.name.toUpperCase()),
    });
    await flushPromises();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((id) => typeof id === 'string')).toBe(true);
    expect(wrapper.text()).toContain('NAME-A');
    wrapper.unmount();
  });

  it('remembers hidden columns per table', async () => {
    localStorage.setItem('dh.table.spec.hidden', JSON.stringify(['name']));
    const wrapper = mountTable();
    await flushPromises();
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['类型']);
    wrapper.unmount();
  });
});
