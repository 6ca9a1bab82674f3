import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPage, REFERENCE, stubApi } from '@/views/oversight/page-testing';
import type { AssessmentRow, AssessmentUnit } from './api';
import AssessmentTablePage from './AssessmentTablePage.vue';
import ProposalsReportPage from './ProposalsReportPage.vue';
import UnitLedgerPage from './UnitLedgerPage.vue';

const inspector = { username: 'inspector', displayName: '王科长', role: 'inspector', unit: 'pref-inspection' } as const;

function row(fields: Partial<AssessmentRow>): AssessmentRow {
  return {
    unit: 'u',
    unitName: 'U',
    assigned: 10,
    acknowledgedOnTime: 9,
    closed: 8,
    closedOnTime: 7,
    dueInPeriod: 8,
    overdue: 1,
    reopened: 0,
    returned: 1,
    escalations: 1,
    evaluated: 4,
    satisfied: 3,
    basicallySatisfied: 1,
    unsatisfied: 0,
    rehandled: 0,
    satisfaction: 1,
    acknowledgementRate: 0.9,
    onTimeClosureRate: 0.875,
    satisfactionRate: 1,
    returnRate: 0.1,
    rehandlingRate: 0,
    proposalsRegistered: 0,
    proposalsReplied: 0,
    proposalReplyRate: null,
    keyProposals: 0,
    base: 100,
    points: -3,
    score: 97,
    insufficientData: false,
    rank: 1,
    ...fields,
  };
}

const table = [
  row({ unit: 'xingyi-gov', unitName: '兴义市人民政府', score: 92, rank: 2, onTimeClosureRate: 0.95 }),
  row({ unit: 'xingren-gov', unitName: '兴仁市人民政府', score: 97, rank: 1, onTimeClosureRate: 0.5 }),
  row({ unit: 'pref-water', unitName: '州水务局', score: 100, rank: null, insufficientData: true, assigned: 1 }),
];
const names = () =>
  [...document.querySelectorAll('.assessment__table tbody tr')].map((tr) => tr.querySelector('a')?.textContent?.trim());

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the assessment table', () => {
  it('reads the period from the link, ranks, tags the unranked and sorts in the browser', async () => {
    const requests = stubApi({
      'GET /api/v1/assessment/units': () => Response.json({ from: '', to: '', items: table }),
    });
    const { wrapper } = await mountPage(AssessmentTablePage, {
      path: '/assessment?from=2026-04-01&to=2026-06-30',
      pattern: '/assessment',
      me: inspector,
    });
    await vi.waitFor(() => expect(names()).toEqual(['兴仁市人民政府', '兴义市人民政府', '州水务局']));
    expect(Object.fromEntries(new URL(requests[0]!.url).searchParams)).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(wrapper.text()).toContain('第二季度');
    expect(wrapper.text()).toContain('不排名');
    expect(wrapper.text()).toContain('87.5%');

    const header = wrapper.findAll('th').find((th) => th.text().includes('按时办结率'))!;
    await header.trigger('click');
    await flushPromises();
    expect(names()).toEqual(['兴仁市人民政府', '州水务局', '兴义市人民政府']);
    wrapper.unmount();
  });

  it('exports the CSV through the client, named as the service names it', async () => {
    const requests = stubApi({
      'GET /api/v1/assessment/units': () => Response.json({ from: '', to: '', items: table }),
      'GET /api/v1/assessment/export': () =>
        new Response('\uFEFFunit,unitName\r\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="assessment-2026.csv"`,
          },
        }),
    });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { wrapper } = await mountPage(AssessmentTablePage, { path: '/assessment', me: inspector });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '导出 CSV')!
      .trigger('click');
    await vi.waitFor(() => expect(clicked).toEqual(['assessment-2026.csv']));
    const exported = requests.find((r) => new URL(r.url).pathname === '/api/v1/assessment/export')!;
    expect(new URL(exported.url).searchParams.get('format')).toBe('csv');
    expect(await (created.mock.calls[0]![0] as Blob).text()).toContain('unitName');
    wrapper.unmount();
  });
});

describe('a unit’s ledger', () => {
  const unit: AssessmentUnit = {
    ...row({ unit: 'xingyi-gov', unitName: '兴义市人民政府', score: 95, points: -5 }),
    ledger: [
      {
        eventId: 'e1',
        issueId: 'i1',
        occurredAt: '2026-03-02T01:00:00Z',
        points: -2,
        rule: 'issue.escalated{level=2}',
        ruleVersion: 1,
        source: 'event',
      },
      {
        eventId: 'e2',
        issueId: null,
        occurredAt: '2026-12-31T15:59:59Z',
        points: -3,
        rule: 'democratic_evaluation{score=70,weight=0.1}',
        ruleVersion: 1,
        source: 'evaluation',
      },
    ],
  };

  it('lists every row in words with its points and issue, and shows the sum is score − base', async () => {
    stubApi({
      'GET /api/v1/assessment/units/xingyi-gov': () => Response.json(unit),
      'GET /api/v1/issues/i1': () => Response.json({ id: 'i1', referenceNo: 'DH-2026-000123' }),
    });
    const { wrapper } = await mountPage(UnitLedgerPage, {
      path: '/assessment/units/xingyi-gov',
      pattern: '/assessment/units/:code',
      me: inspector,
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('兴义市人民政府 考核明细'));
    const rows = () => [...document.querySelectorAll('.ledger__table tbody tr')].map((tr) => tr.textContent ?? '');
    // The issue behind a row is named by its reference number once read.
    await vi.waitFor(() => expect(rows()[0]).toContain('DH-2026-000123'));
    expect(rows()[0]).toContain('升级督办（2 级）');
    expect(rows()[0]).toContain('\u22122');
    expect(rows()[1]).toContain('民主评议（评分 70）');
    expect(document.querySelector('.ledger__table a[href="/issues/i1"]')).not.toBeNull();
    expect(wrapper.get('[data-testid="ledger-sum"]').text()).toBe('明细合计 \u22125 分 = 得分 95 − 基础分 100');
    wrapper.unmount();
  });
});

describe('the proposals report', () => {
  it('reads the year from the link and shows the totals and each unit by name', async () => {
    const requests = stubApi({
      ...REFERENCE,
      'GET /api/v1/reports/proposals': () =>
        Response.json({
          year: 2025,
          registered: 12,
          replied: 9,
          replyRate: 0.75,
          closed: 8,
          keyProposals: 3,
          keyProposalsSupervised: 2,
          satisfactionRate: 0.8889,
          satisfied: 6,
          basicallySatisfied: 2,
          unsatisfied: 1,
          byUnit: [
            {
              unit: 'pref-energy',
              registered: 5,
              replied: 5,
              replyRate: 1,
              keyProposals: 1,
              keyProposalsSupervised: 1,
            },
            { unit: null, registered: 1, replied: 0, replyRate: 0, keyProposals: 0, keyProposalsSupervised: 0 },
          ],
        }),
    });
    const { wrapper } = await mountPage(ProposalsReportPage, {
      path: '/assessment/proposals?year=2025',
      pattern: '/assessment/proposals',
      me: inspector,
    });
    await vi.waitFor(() => expect(wrapper.text()).toContain('州能源局'));
    expect(new URL(requests.find((r) => r.url.includes('/reports/'))!.url).searchParams.get('year')).toBe('2025');
    const text = wrapper.text();
    expect(text).toContain('75.0%');
    expect(text).toContain('88.9%');
    expect(text).toContain('已督办重点提案');
    expect(text).toContain('未交办');
    wrapper.unmount();
  });
});
