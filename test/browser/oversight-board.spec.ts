import { fastDeadlineCategory, fileIssue, uniqueTitle, type IssueView } from './support/deadlines';
import { expect, logIn, test } from './support/fixtures';
import { screenshot } from './support/screenshot';
import { streamOpened } from './support/stream';
import type { Page } from '@playwright/test';

function menu(page: Page, name: string) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name });
}

test.describe('the inspection office', () => {
  test('the inspector watches an issue turn red on the board without a reload', async ({ page, service }) => {
    const category = await fastDeadlineCategory(service, 'pref-energy');
    const streaming = streamOpened(page);
    await logIn(page, 'inspector', 'demo-password');
    await expect(page).toHaveURL(/\/oversight\/overdue$/);
    await expect(page.getByRole('heading', { name: '督办看板' })).toBeVisible();
    await streaming;
    await expect(page.getByRole('radio', { name: '红灯（已超期）' })).toBeChecked();
    // Only the energy bureau's issues: the filter goes to the server.
    await page.getByRole('combobox', { name: '责任单位' }).click();
    await page.getByRole('option', { name: '州能源局' }).click();

    const title = uniqueTitle('某煤矿未按期完成安全改造');
    const issue = await fileIssue(service, { title, category, regionCode: '522301', severity: 'urgent' });
    expect(issue.leadUnit).toBe('pref-energy');

    // Two seconds to resolve it: the row turns up red, escalated to level 1, with no reload.
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(issue.referenceNo);
    await expect(row).toContainText('州能源局');
    await expect(row).toContainText('兴义市');
    await expect(row).toContainText(/\d+分钟|不足1分钟/);
    await expect(row.locator('[data-light="level1"]')).toBeVisible();
    await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `/issues/${issue.id}`);
    const summary = page.getByRole('region', { name: '各单位汇总' });
    await expect(summary.getByRole('row').filter({ hasText: '州能源局' })).toBeVisible();

    await screenshot(page, 'overdue-board', async (p) => {
      await expect(p.getByText(title)).toBeVisible();
    });

    // The energy bureau asks for more time; the inspection office approves it.
    const requestedDueAt = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    requestedDueAt.setMilliseconds(0);
    await service.post('energy-handler', `/issues/${issue.id}/extension-requests`, {
      requestedDueAt: requestedDueAt.toISOString(),
      reason: '改造设备到货延迟，需延期十天。',
    });
    await menu(page, '延期审批').click();
    await expect(page).toHaveURL(/\/oversight\/extensions$/);
    const request = page.getByRole('row').filter({ hasText: issue.referenceNo });
    await expect(request).toContainText(title);
    await expect(request).toContainText('改造设备到货延迟');
    await request.getByRole('button', { name: '同意', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `同意延期：${issue.referenceNo}` });
    await expect(dialog).toContainText('改造设备到货延迟');
    await dialog.getByLabel('审批意见').fill('同意延期，请按期完成。');
    await dialog.getByRole('button', { name: '同意', exact: true }).click();
    await expect(page.getByText(`已同意延期：${issue.referenceNo}`)).toBeVisible();
    await expect(request).toHaveCount(0);
    const after = await service.get<IssueView>('inspector', `/issues/${issue.id}`);
    expect(new Date(after.dueAt as string).getTime()).toBe(requestedDueAt.getTime());
    expect(after.overdue).toBe(false);

    // Off the live board now; the board as it stood a moment ago, rebuilt from the timeline, still has it red: the
    // first whole second (the picker's resolution) after it escalated, before the extension took it off.
    const { items: events } = await service.get<{ items: { type: string; occurredAt: string }[] }>(
      'inspector',
      `/issues/${issue.id}/timeline`,
    );
    const at = (type: string) => Date.parse(events.find((event) => event.type === type)!.occurredAt);
    const redAt = new Date(Math.ceil(at('issue.escalated') / 1000) * 1000);
    const extendedAt = at('issue.extension_approved');
    await menu(page, '督办看板').click();
    await page.getByRole('combobox', { name: '责任单位' }).click();
    await page.getByRole('option', { name: '州能源局' }).click();
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
    const asOf = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'medium',
    }).format(redAt);
    expect(redAt.getTime()).toBeLessThan(extendedAt);
    const picker = page.getByLabel('看板时点');
    await picker.fill(asOf);
    await picker.press('Enter');
    await expect(page.getByText(`正在查看 ${asOf} 时的超期看板`)).toBeVisible();
    const past = page.getByRole('row').filter({ hasText: title });
    await expect(past.locator('[data-light="level1"]')).toBeVisible();
    await page.getByRole('button', { name: '回到当前' }).click();
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  });

  test('the inspector assigns a triage issue', async ({ page, service }) => {
    // Filed at the prefecture itself: no rule names a unit for rural roads there, so it waits for triage.
    const title = uniqueTitle('州级公路养护站房屋漏雨');
    const issue = await fileIssue(service, { title, category: 'rural_roads', regionCode: '522300' });
    expect(issue.status).toBe('triage');

    await logIn(page, 'inspector', 'demo-password');
    await expect(page).toHaveURL(/\/oversight\/overdue$/);
    await menu(page, '待分拨').click();
    await expect(page).toHaveURL(/\/oversight\/triage$/);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText(issue.referenceNo);
    await expect(row).toContainText('农村公路管护');
    await row.getByRole('button', { name: '交办' }).click();

    const dialog = page.getByRole('dialog', { name: `交办 ${issue.referenceNo}` });
    await dialog.getByRole('button', { name: '交办' }).click();
    await expect(dialog.getByText('必填')).toHaveCount(2);
    await dialog.getByRole('combobox', { name: '主办单位' }).click();
    await page.getByRole('option', { name: '兴仁市人民政府' }).click();
    await expect(page.getByRole('option', { name: '兴仁市人民政府' })).toBeHidden();
    // A multiple select's placeholder lies over its input: the click lands on the select all the same.
    await dialog.getByRole('combobox', { name: '协办单位' }).click({ force: true });
    await page.getByRole('option', { name: '州交通运输局' }).click();
    await dialog.getByLabel('交办理由').fill('属兴仁市辖区公路，由兴仁市政府主办。');
    await dialog.getByRole('button', { name: '交办' }).click();

    await expect(page.getByText(`已交办：${issue.referenceNo}`)).toBeVisible();
    await expect(row).toHaveCount(0);
    const after = await service.get<IssueView & { coUnits: string[] }>('inspector', `/issues/${issue.id}`);
    expect(after.status).toBe('assigned');
    expect(after.leadUnit).toBe('xingren-gov');
    expect(after.coUnits).toEqual(['pref-transport']);
  });

  test('the inspector sends a supervision notice on a key issue', async ({ page, service }) => {
    const title = uniqueTitle('易地扶贫搬迁安置点配套学校未建');
    const issue = await fileIssue(service, { title, category: 'poverty_alleviation', regionCode: '522326' });
    await service.post('inspector', `/issues/${issue.id}/key`, { isKey: true });

    await logIn(page, 'inspector', 'demo-password');
    await menu(page, '重点督办').click();
    await expect(page).toHaveURL(/\/oversight\/key$/);
    await expect(page.getByRole('radio', { name: '重点问题' })).toBeChecked();
    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText(issue.referenceNo);
    await expect(row).toContainText('中共望谟县委员会');
    await row.getByRole('button', { name: '发督办通知' }).click();

    const dialog = page.getByRole('dialog', { name: `督办通知：${issue.referenceNo}` });
    const note = `请于五日内报告配套学校建设进展 ${Date.now()}`;
    await dialog.getByLabel('通知内容').fill(note);
    await dialog.getByRole('button', { name: '发督办通知' }).click();
    await expect(page.getByText(`已发出督办通知：${issue.referenceNo}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    const timeline = await service.get<{ items: { type: string; data: { note?: string } }[] }>(
      'inspector',
      `/issues/${issue.id}/timeline`,
    );
    expect(timeline.items.find((event) => event.type === 'issue.supervision_notice')?.data.note).toBe(note);

    // Proposals have their own tab; this issue is not one.
    // the visible button (the radio input itself is hidden under it)
    await page.locator('label.el-radio-button').filter({ hasText: '重点提案' }).click();
    await expect(page.getByRole('radio', { name: '重点提案' })).toBeChecked();
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  });

  test('the inspector reads the statistics on a desktop and a phone', async ({ page, service }) => {
    const category = await fastDeadlineCategory(service, 'pref-energy');
    const issue = await fileIssue(service, {
      title: uniqueTitle('煤矿瓦斯监测系统未联网'),
      category,
      regionCode: '522323',
      severity: 'urgent',
    });
    await expect
      .poll(async () => (await service.get<IssueView>('inspector', `/issues/${issue.id}`)).escalationLevel)
      .toBe(1);

    await logIn(page, 'inspector', 'demo-password');
    await menu(page, '统计').click();
    await expect(page).toHaveURL(/\/oversight\/stats$/);
    for (const heading of ['各单位超期事项', '各级督办事项', '每周提交与办结（近 12 周）', /按时办结率排名/]) {
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    }
    // This week's filing is on the trend line.
    await expect(page.getByRole('img', { name: '每周提交与办结（近 12 周）' }).locator('canvas')).toBeVisible();
    const overdueChart = page.getByRole('img', { name: '各单位超期事项' });
    await expect(overdueChart.locator('canvas')).toBeVisible();
    await expect(page.getByRole('img', { name: '各级督办事项' }).locator('canvas')).toBeVisible();

    await screenshot(page, 'stats', async (p) => {
      // The chart follows its box: on a phone it is no wider than the screen.
      const width = await p.viewportSize()!.width;
      await expect
        .poll(() => overdueChart.locator('canvas').evaluate((canvas) => canvas.getBoundingClientRect().width))
        .toBeLessThanOrEqual(width);
    });
  });
});
