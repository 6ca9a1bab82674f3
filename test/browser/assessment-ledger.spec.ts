import { readFileSync } from 'node:fs';
import { fastDeadlineCategory, fileIssue, uniqueTitle } from './support/deadlines';
import { expect, logIn, test } from './support/fixtures';
import { screenshot } from './support/screenshot';

test.describe('the assessment', () => {
  test('the inspector opens a score down to its ledger and exports the table', async ({ page, service }) => {
    // A democratic evaluation of Xingyi's government this year: 80 points, charged to the year's ledger.
    const year = new Date().getFullYear();
    await service.post('inspector', '/assessment/evaluations', {
      unit: 'xingyi-gov',
      period: String(year),
      score: 80,
      comment: '群众满意度一般',
    });
    // And an issue of theirs that is late to be acknowledged, late to be resolved and escalated: points off.
    const category = await fastDeadlineCategory(service, 'xingyi-gov');
    const issue = await fileIssue(service, {
      title: uniqueTitle('城区排水管网改造滞后'),
      category,
      regionCode: '522301',
      severity: 'urgent',
    });
    await expect
      .poll(async () => {
        const unit = await service.get<{ ledger: { issueId: string | null }[] }>(
          'inspector',
          '/assessment/units/xingyi-gov',
        );
        return unit.ledger.filter((row) => row.issueId === issue.id).length;
      })
      .toBe(3);

    await logIn(page, 'inspector', 'demo-password');
    await expect(page).toHaveURL(/\/oversight\/overdue$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '考核' }).click();
    await expect(page).toHaveURL(/\/assessment$/);
    await expect(page.getByRole('heading', { name: '考核' })).toBeVisible();
    await expect(page.getByText(`${year}-01-01 至 ${year}-12-31`)).toBeVisible();
    const table = page.getByRole('table').first();
    await expect(page.getByRole('columnheader', { name: '按时办结率' })).toBeVisible();
    await expect(table).toBeVisible();
    const xingyi = page.getByRole('row').filter({ hasText: '兴义市人民政府' });
    await expect(xingyi).toBeVisible();
    await expect(xingyi).toContainText('不排名');
    await expect(xingyi).toContainText('94');

    await screenshot(page, 'assessment-table', async (p) => {
      await expect(p.getByRole('link', { name: '查看 兴义市人民政府 的考核明细' })).toBeVisible();
    });

    // The CSV, through the client with the token: a BOM for spreadsheet programs, and the units by name.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^assessment-.*\.csv$/);
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('兴义市人民政府');
    expect(text).toContain('州能源局');

    await page.getByRole('link', { name: '查看 兴义市人民政府 的考核明细' }).click();
    await expect(page).toHaveURL(/\/assessment\/units\/xingyi-gov\?from=\d{4}-01-01&to=\d{4}-12-31$/);
    await expect(page.getByRole('heading', { name: '兴义市人民政府 考核明细' })).toBeVisible();
    const evaluation = page.getByRole('row').filter({ hasText: '民主评议（评分 80）' });
    await expect(evaluation).toBeVisible();
    await expect(evaluation).toContainText('\u2212');
    const escalated = page.getByRole('row').filter({ hasText: '升级督办（1 级）' });
    await expect(escalated).toContainText('\u22121');
    await expect(escalated.getByRole('link', { name: issue.referenceNo })).toHaveAttribute(
      'href',
      `/issues/${issue.id}`,
    );
    await expect(page.getByRole('row').filter({ hasText: '签收超时' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '办理超期' })).toContainText('\u22122');
    // −2 (evaluation) −1 (acknowledge late) −2 (overdue) −1 (level 1) = 94 − 100.
    await expect(page.getByTestId('ledger-sum')).toHaveText('明细合计 \u22126 分 = 得分 94 − 基础分 100');

    await screenshot(page, 'assessment-ledger', async (p) => {
      await expect(p.getByTestId('ledger-sum')).toBeVisible();
    });
  });

  test('a handler sees only its own unit’s assessment', async ({ page }) => {
    await logIn(page, 'xingren-handler', 'demo-password');
    await expect(page).toHaveURL(/\/inbox$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '考核' }).click();
    await expect(page).toHaveURL(/\/assessment\/units\/xingren-gov$/);
    await expect(page.getByRole('heading', { name: '兴仁市人民政府 考核明细' })).toBeVisible();
    await page.goto('/assessment/units/xingyi-gov');
    await expect(page).toHaveURL(/\/assessment\/units\/xingren-gov$/);
  });
});
