import type { Browser, Page } from '@playwright/test';
import { jpeg } from '../support/jpeg';
import { uniqueTitle, type IssueView } from './support/deadlines';
import { expect, logIn, test } from './support/fixtures';
import { ENV } from './support/global-setup';
import { PHONE, screenshot } from './support/screenshot';
import { streamOpened } from './support/stream';

// Xingren's Bameng township, as a phone in the field reports it.
const POSITION = { latitude: 25.431234, longitude: 105.186543 };

/** Another person at another browser: a context of its own, logged in as `username`. */
async function otherPerson(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env[ENV.baseUrl],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
  });
  const page = await context.newPage();
  await logIn(page, username, 'demo-password');
  return page;
}

/** Picks an option of the el-select labelled `label` (inside `scope`). */
async function choose(page: Page, scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
  // The select's placeholder lies over its input: the click lands on the select all the same.
  await scope.getByRole('combobox', { name: label }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A time `days` from now at 18:00, as typed into the picker (YYYY-MM-DD HH:mm, Shanghai). */
function daysFromNow(days: number): string {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(at);
  return `${local} 18:00`;
}

test.describe('an issue from the field to its close', () => {
  test('the supervisor files with a photo from a phone; the unit handles it; the supervisor rejects, then accepts', async ({
    page,
    browser,
    service,
  }) => {
    test.setTimeout(120_000);
    // The handler's queue is open before anything is filed: what follows must reach it without a reload.
    const handler = await otherPerson(browser, 'xingren-handler');
    const handlerStream = streamOpened(handler);
    await expect(handler).toHaveURL(/\/inbox$/);
    await handlerStream;

    // The supervisor, on a phone, lands on 交办问题.
    await page.setViewportSize(PHONE);
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation(POSITION);
    const supervisorStream = streamOpened(page);
    await logIn(page, 'supervisor', 'demo-password');
    await expect(page).toHaveURL(/\/issues\/new$/);
    await expect(page.getByRole('heading', { name: '交办问题' })).toBeVisible();
    await supervisorStream;

    // Submitting empty says what is missing, before asking the API.
    await page.getByRole('button', { name: '提交交办' }).click();
    await expect(page.getByText('此项为必填项').first()).toBeVisible();

    const title = uniqueTitle('巴铃镇通组公路塌方未修复');
    await choose(page, page, '问题类别', '农村公路管护');
    await page.getByPlaceholder('请选择县（市、区）').click();
    await page.getByRole('menuitem', { name: '黔西南布依族苗族自治州' }).click();
    await page.getByRole('menuitem', { name: '兴仁市' }).click();
    await choose(page, page, '发现方式', '暗访入户');
    await page.getByLabel('问题标题').fill(title);
    await page.getByLabel('问题描述').fill('走访农户时发现，村通组公路塌方已两月未修复，群众出行需绕行五公里。');
    await page.getByLabel('乡（镇、街道）').fill('巴铃镇');
    await page.getByLabel('村（社区）').fill('大山村');
    await page.getByRole('button', { name: '获取当前位置' }).click();
    await expect(page.getByText(/已定位，精度约/)).toBeVisible();
    await expect(page.getByLabel('纬度')).toHaveValue('25.431234');
    await expect(page.getByLabel('经度')).toHaveValue('105.186543');

    // A file of a type the API does not take is refused in words, before it is sent.
    await page.getByLabel('选择文件').setInputFiles({
      name: '现场录音.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('plain text'),
    });
    await expect(page.getByRole('alert').filter({ hasText: '不支持此类文件' })).toBeVisible();
    await page.getByRole('button', { name: '移除 现场录音.txt' }).click();
    await page.getByLabel('选择照片').setInputFiles({
      name: '塌方现场.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg({ gps: { lat: 25.43, lng: 105.18 } }),
    });
    const photo = page.locator('li[data-status]').filter({ hasText: '塌方现场.jpg' });
    await expect(photo).toHaveAttribute('data-status', 'done');
    await expect(photo.getByRole('img', { name: '塌方现场.jpg 预览' })).toBeVisible();
    await expect(page.getByText('现场录音.txt')).toHaveCount(0);

    await screenshot(page, 'issue-new', async (p) => {
      await expect(p.getByLabel('问题标题')).toHaveValue(title);
    });

    await page.getByRole('button', { name: '提交交办' }).click();
    await expect(page).toHaveURL(/\/issues\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const filed = await service.get<IssueView & { evidence: { attachmentId?: string }[] }>(
      'inspector',
      `/issues/${id}`,
    );
    expect(filed.evidence).toHaveLength(1);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(filed.referenceNo, { exact: true })).toBeVisible();
    // Routing is asynchronous: the page hears it and shows the unit without a reload.
    await expect(page.locator('.issue-page__meta')).toContainText('待签收');
    await expect(page.getByText('按交办规则交办给 兴仁市人民政府')).toBeVisible();
    await expect(page.getByRole('img', { name: '塌方现场.jpg' })).toHaveAttribute('src', /^blob:/);
    const actions = page.locator('[data-section="actions"]');
    await expect(actions.getByRole('button', { name: '撤回' })).toBeVisible();
    await expect(actions.getByRole('button', { name: '签收' })).toHaveCount(0);

    // The handler's queue shows it without a reload; the handler opens it.
    const row = handler.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('待签收');
    await row.getByRole('link', { name: title }).click();
    await expect(handler).toHaveURL(new RegExp(`/issues/${id}$`));
    const handlerActions = handler.locator('[data-section="actions"]');
    await expect(handlerActions.getByRole('button')).toHaveText(['签收', '退回', '申请延期']);
    await handlerActions.getByRole('button', { name: '签收' }).click();
    await expect(handler.getByText(`已签收：${filed.referenceNo}`)).toBeVisible();
    await expect(handler.locator('.issue-page__meta')).toContainText('办理中');

    await handlerActions.getByRole('button', { name: '报告进展' }).click();
    let dialog = handler.getByRole('dialog', { name: `报告进展：${filed.referenceNo}` });
    await dialog.getByLabel('进展情况').fill('已组织施工队进场清理塌方。');
    await dialog.getByRole('button', { name: '报告进展' }).click();
    await expect(dialog).toBeHidden();
    await expect(handler.getByText('报告了办理进展')).toBeVisible();
    await expect(handler.getByText('已组织施工队进场清理塌方。')).toBeVisible();

    await handlerActions.getByRole('button', { name: '提交整改' }).click();
    dialog = handler.getByRole('dialog', { name: `提交整改：${filed.referenceNo}` });
    await dialog.getByLabel('整改情况').fill('塌方已清理，路面临时硬化。');
    // A file that only claims to be a picture: the API reads its bytes and refuses it (415), said in words.
    await dialog.getByLabel('选择照片').setInputFiles({
      name: '不是照片.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('plain text, not a picture'),
    });
    await expect(dialog.getByRole('alert').filter({ hasText: '不支持此类文件' })).toBeVisible();
    await dialog.getByRole('button', { name: '移除 不是照片.jpg' }).click();
    await dialog.getByLabel('选择照片').setInputFiles({ name: '整改后.jpg', mimeType: 'image/jpeg', buffer: jpeg() });
    await expect(dialog.locator('li[data-status]')).toHaveAttribute('data-status', 'done');
    await dialog.getByRole('button', { name: '提交整改' }).click();
    await expect(dialog).toBeHidden();
    await expect(handler.locator('.issue-page__meta')).toContainText('待核查');
    await expect(handler.getByText(/提交了整改情况，附 1 份材料/)).toBeVisible();

    // The supervisor's page follows without a reload, and now offers 核查: rejected, with a new due date.
    await expect(page.locator('.issue-page__meta')).toContainText('待核查');
    await expect(page.getByRole('img', { name: '整改后.jpg' })).toHaveAttribute('src', /^blob:/);
    await actions.getByRole('button', { name: '核查' }).click();
    dialog = page.getByRole('dialog', { name: `核查：${filed.referenceNo}` });
    await dialog.getByRole('radio', { name: '不通过' }).click({ force: true });
    await dialog.getByRole('radio', { name: '不满意' }).click({ force: true });
    const due = daysFromNow(5);
    await dialog.getByPlaceholder('选择日期时间').fill(due);
    await dialog.getByPlaceholder('选择日期时间').press('Enter');
    await dialog.getByLabel('核查意见').fill('路面仅临时硬化，请按标准修复。');
    await dialog.getByRole('button', { name: '核查' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.issue-page__meta')).toContainText('办理中');
    await expect(page.getByText(`新的办结期限 ${due}，满意度：不满意`)).toBeVisible();
    const reopened = await service.get<IssueView & { reopenCount: number }>('inspector', `/issues/${id}`);
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.dueAt).toBe(new Date(`${due.replace(' ', 'T')}:00+08:00`).toISOString());

    // The handler submits again; the supervisor accepts, satisfied.
    await expect(handler.locator('.issue-page__meta')).toContainText('办理中');
    await handlerActions.getByRole('button', { name: '提交整改' }).click();
    dialog = handler.getByRole('dialog', { name: `提交整改：${filed.referenceNo}` });
    await dialog.getByLabel('整改情况').fill('已按县道标准铺设水泥路面。');
    await dialog.getByRole('button', { name: '提交整改' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.locator('.issue-page__meta')).toContainText('待核查');
    await actions.getByRole('button', { name: '核查' }).click();
    dialog = page.getByRole('dialog', { name: `核查：${filed.referenceNo}` });
    await dialog.getByRole('radio', { name: '满意', exact: true }).click({ force: true });
    await dialog.getByRole('button', { name: '核查' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.issue-page__meta')).toContainText('已办结');
    await expect(page.getByText('核查通过，问题办结，满意度：满意')).toBeVisible();
    await expect(actions.getByRole('button')).toHaveCount(0);
    await expect(handler.locator('.issue-page__meta')).toContainText('已办结');
    expect((await service.get<IssueView>('inspector', `/issues/${id}`)).status).toBe('closed');

    await screenshot(page, 'issue-page', async (p) => {
      await expect(p.getByText('核查通过，问题办结，满意度：满意')).toBeVisible();
      await expect(p.getByRole('img', { name: '塌方现场.jpg' })).toBeVisible();
    });

    // 我的交办 lists it, closed.
    await page.goto('/issues');
    await expect(page.getByRole('heading', { name: '我的交办' })).toBeVisible();
    await expect(page.getByText(title)).toBeVisible();
    await screenshot(page, 'issue-list', async (p) => {
      await expect(p.getByText(title)).toBeVisible();
    });
    await page.getByLabel('搜索标题或编号').fill(filed.referenceNo);
    await page.getByLabel('搜索标题或编号').press('Enter');
    await expect(page.getByText(title)).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(1);

    // A handler of another unit who types the issue's address sees that it is not there, and nothing of it.
    const stranger = await otherPerson(browser, 'xingyi-handler');
    await expect(stranger).toHaveURL(/\/inbox$/);
    await stranger.goto(`/issues/${id}`);
    await expect(stranger.getByText('问题不存在，或您无权查看')).toBeVisible();
    await expect(stranger.getByText(title)).toHaveCount(0);
    await expect(stranger.getByText(filed.referenceNo)).toHaveCount(0);
    await stranger.context().close();
    await handler.context().close();
  });
});
