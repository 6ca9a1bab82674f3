import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { DateTime } from 'luxon';
import { fastDeadlineCategory, fileIssue, uniqueTitle, type IssueView } from './support/deadlines';
import { expect, logIn, test, type ServiceApi } from './support/fixtures';
import { screenshot } from './support/screenshot';

const ZONE = 'Asia/Shanghai';

/** Last month in the service's zone: the bulletin the office makes at the start of a month (November's in December). */
function lastMonth() {
  const start = DateTime.now().setZone(ZONE).startOf('month').minus({ months: 1 });
  return { period: start.toFormat('yyyy-MM'), label: `${start.year}年${start.month}月` };
}

/** An issue of Xingren's government that turns overdue (and escalates) within seconds. */
async function lateIssue(service: ServiceApi, title: string): Promise<IssueView> {
  const category = await fastDeadlineCategory(service, 'xingren-gov');
  const issue = await fileIssue(service, {
    title: uniqueTitle(title),
    category,
    regionCode: '522302',
    severity: 'urgent',
  });
  await expect
    .poll(async () => (await service.get<IssueView>('inspector', `/issues/${issue.id}`)).escalationLevel)
    .toBeGreaterThanOrEqual(1);
  return issue;
}

/** A special bulletin over today, made through the API: its board is now, so the late issue is on it. */
function todaysBulletin(service: ServiceApi, title: string) {
  const today = DateTime.now().setZone(ZONE).toISODate() as string;
  return service.post<{ id: string; title: string }>('inspector', '/bulletins', { from: today, to: today, title });
}

test.describe('bulletins (通报)', () => {
  test('the inspector makes last month’s bulletin and downloads it as Word', async ({ page, service }) => {
    const { period, label } = lastMonth();
    await logIn(page, 'inspector', 'demo-password');
    await expect(page).toHaveURL(/\/oversight\/overdue$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '通报' }).click();
    await expect(page).toHaveURL(/\/bulletins$/);
    await page.getByRole('button', { name: '生成通报' }).click();
    await expect(page).toHaveURL(/\/bulletins\/new$/);
    // Last month is what the form offers first.
    await expect(page.getByLabel('月份', { exact: true })).toHaveValue(period);
    await page.getByRole('button', { name: '生成并冻结' }).click();

    await expect(page).toHaveURL(/\/bulletins\/[0-9a-f-]{36}$/);
    const title = `关于${label}问题直办工作情况的通报`;
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(`${label} · 月度`)).toBeVisible();
    await expect(page.getByRole('heading', { name: '一、总体情况' })).toBeVisible();
    const ranking = page.getByRole('region', { name: '二、各单位考核排名' });
    await expect(ranking.getByRole('row').filter({ hasText: '兴仁市人民政府' })).toBeVisible();
    await expect(ranking.getByRole('row').filter({ hasText: '州能源局' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '三、逾期未办结问题' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word 文档' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`通报-${period}.docx`);
    const bytes = readFileSync(await file.path());
    // A .docx is a zip: PK\x03\x04, and inside it the document with the title and the units by name.
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    expect(xml).toContain(title);
    expect(xml).toContain('兴仁市人民政府');
    expect(xml).toContain('二、各单位考核排名');

    // The same month a second time: refused, with the way to the one that exists.
    await page.goto('/bulletins/new');
    await page.getByRole('button', { name: '生成并冻结' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '该期间的通报已经生成' })).toBeVisible();
    await page.getByRole('link', { name: '查看已有通报' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    // A special bulletin of today names the late issue; its pages are the screenshots.
    const late = await lateIssue(service, '大山村通组公路塌方未修复');
    const special = await todaysBulletin(service, uniqueTitle('关于农村公路问题的专项通报'));
    await page.goto('/bulletins');
    await page.getByRole('link', { name: special.title }).click();
    const overdue = page.getByRole('region', { name: '三、逾期未办结问题' });
    await expect(overdue.getByRole('row').filter({ hasText: late.referenceNo })).toContainText('兴仁市人民政府');
    await screenshot(page, 'bulletin', async (p) => {
      await expect(p.getByRole('heading', { name: special.title })).toBeVisible();
      await expect(p.getByRole('region', { name: '三、逾期未办结问题' }).getByText(late.referenceNo)).toBeVisible();
    });
  });

  test('a handler sees only its own unit’s rows', async ({ page, service }) => {
    const late = await lateIssue(service, '村寨污水直排');
    const other = await fileIssue(service, {
      title: uniqueTitle('城区排水'),
      category: await fastDeadlineCategory(service, 'xingyi-gov'),
      regionCode: '522301',
      severity: 'urgent',
    });
    await expect
      .poll(async () => (await service.get<IssueView>('inspector', `/issues/${other.id}`)).overdue)
      .toBe(true);
    const special = await todaysBulletin(service, uniqueTitle('专项通报（承办单位）'));

    await logIn(page, 'xingren-handler', 'demo-password');
    await expect(page).toHaveURL(/\/inbox$/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '通报' }).click();
    await expect(page.getByRole('button', { name: '生成通报' })).toHaveCount(0);
    await page.getByRole('link', { name: special.title }).click();
    await expect(page.getByText('仅显示本单位的数据')).toBeVisible();
    const ranking = page.getByRole('region', { name: '二、各单位考核排名' });
    await expect(ranking.locator('tbody tr')).toHaveCount(1);
    await expect(ranking.locator('tbody tr')).toContainText('兴仁市人民政府');
    const overdue = page.getByRole('region', { name: '三、逾期未办结问题' });
    await expect(overdue.getByRole('row').filter({ hasText: late.referenceNo })).toBeVisible();
    await expect(overdue.getByText(other.referenceNo)).toHaveCount(0);
    await expect(page.getByText('兴义市人民政府')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^下载/ })).toHaveCount(0);
  });
});
