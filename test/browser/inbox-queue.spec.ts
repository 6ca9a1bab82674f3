import { fileIssue, uniqueTitle, type IssueView } from './support/deadlines';
import { currentUser, expect, logIn, test } from './support/fixtures';
import { screenshot } from './support/screenshot';
import { streamOpened } from './support/stream';

test.describe('the task queue', () => {
  test('the handler’s queue shows a new issue without a reload', async ({ page, service }) => {
    const streaming = streamOpened(page);
    await logIn(page, 'xingren-handler', 'demo-password');
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(currentUser(page)).toContainText('兴仁市人民政府');
    await expect(page.getByRole('heading', { name: '兴仁市人民政府 的待办' })).toBeVisible();
    const open = page.locator('[data-counter="open"]');
    await expect(open).toContainText(/\d+/);
    const before = Number((await open.locator('.counter__value').textContent()) ?? '0');
    await streaming;

    // The supervisor files an issue in Xingren; routing sends it to the county government.
    const title = uniqueTitle('巴铃镇通组公路路面破损');
    const issue = await fileIssue(service, { title, category: 'rural_roads', regionCode: '522302' });
    expect(issue.leadUnit).toBe('xingren-gov');

    const row = page.getByRole('row').filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row).toContainText(issue.referenceNo);
    await expect(row).toContainText('待签收');
    await expect(row).toContainText('主办');
    await expect(row).toContainText('签收期限');
    await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `/issues/${issue.id}`);
    await expect(open.locator('.counter__value')).toHaveText(String(before + 1));

    await screenshot(page, 'inbox', async (p) => {
      await expect(p.getByText(title)).toBeVisible();
    });

    await row.getByRole('button', { name: '签收' }).click();
    await expect(page.getByText(`已签收：${issue.referenceNo}`)).toBeVisible();
    await expect(row).toContainText('办理中');
    await expect(row).toContainText('办结期限');
    await expect(row.getByRole('button', { name: '签收' })).toHaveCount(0);
    await expect(row.getByRole('link', { name: '办理' })).toHaveAttribute('href', `/issues/${issue.id}`);
    const after = await service.get<IssueView>('inspector', `/issues/${issue.id}`);
    expect(after.status).toBe('in_progress');
  });

  test('an inspector opens any unit’s queue from the unit picker', async ({ page }) => {
    await logIn(page, 'inspector', 'demo-password');
    await expect(page).toHaveURL(/\/oversight\/overdue$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '待办' }).click();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByText('请选择要查看待办的单位')).toBeVisible();
    await page.getByRole('combobox', { name: '选择单位' }).click();
    await page.getByRole('option', { name: '州能源局' }).click();
    await expect(page).toHaveURL(/\/inbox\/pref-energy$/);
    await expect(page.getByRole('heading', { name: '州能源局 的待办' })).toBeVisible();
  });
});
