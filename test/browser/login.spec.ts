import { currentUser, DEMO_ACCOUNTS, expect, logIn, ServiceApi, test, type Account } from './support/fixtures';
import { screenshot } from './support/screenshot';

async function landsAndLogsOut(page: import('@playwright/test').Page, account: Account): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${account.landing.replace(/\//g, '\\/')}$`));
  const user = currentUser(page);
  await expect(user).toContainText(account.displayName);
  await expect(user).toContainText(account.roleLabel);
  if (account.unitName) await expect(user).toContainText(account.unitName);
  await expect(page.getByRole('button', { name: /^通知/ })).toBeVisible();

  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

test.describe('logging in', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.username} logs in, lands on their work, sees the bell and logs out`, async ({ page }) => {
      await logIn(page, account.username, account.password);
      await landsAndLogsOut(page, account);
    });
  }

  test('the admin logs in to the admin home', async ({ page, service }) => {
    const me = await service.get<{ displayName: string }>('admin', '/auth/me');
    await logIn(page, 'admin', ServiceApi.adminPassword());
    await landsAndLogsOut(page, {
      username: 'admin',
      password: ServiceApi.adminPassword(),
      displayName: me.displayName,
      unitName: null,
      roleLabel: '系统管理员',
      landing: '/admin',
    });
  });

  test('a wrong password shows the API’s message and stays on the login page', async ({ page }) => {
    await logIn(page, 'supervisor', 'not-the-password');
    await expect(page.getByRole('alert')).toContainText('username or password is wrong');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a deep link asks for a login, then opens what was asked for', async ({ page }) => {
    await page.goto('/notifications');
    await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)notifications$/);
    await page.getByLabel('用户名').fill('xingren-handler');
    await page.getByLabel('密码', { exact: true }).fill('demo-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
  });

  test('the login page on a desktop and a phone', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await screenshot(page, 'login');
  });

  test('the login page switches to English and back', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('radio', { name: 'English' }).check({ force: true });
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expect(page.getByLabel('Username')).toBeVisible();
    await page.getByRole('radio', { name: '简体中文' }).check({ force: true });
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  });
});

test.describe('notifications', () => {
  test('the unit hears of a supervision notice, and marks it read', async ({ page, service }) => {
    // Arranged through the API: the supervisor files an urgent road issue in Xingren (routed to xingren-gov),
    // the inspection office issues a supervision notice on it.
    const issue = await service.post<{ id: string; referenceNo: string }>('supervisor', '/issues', {
      title: '大山村通村公路塌方未修复',
      description: '塌方已三个月，村民出行困难。',
      category: 'rural_roads',
      regionCode: '522302',
      severity: 'urgent',
      source: 'unannounced_visit',
    });
    await expect
      .poll(async () => (await service.get<{ leadUnit: string | null }>('inspector', `/issues/${issue.id}`)).leadUnit)
      .toBe('xingren-gov');
    const note = `请于三日内报告整改进展 ${Date.now()}`;
    await service.post('inspector', `/issues/${issue.id}/supervision-notices`, { note });

    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/stream') streamRequests.push(request.url());
    });
    await logIn(page, 'xingren-handler', 'demo-password');
    await expect(currentUser(page)).toContainText('兴仁市人民政府');
    await page.goto('/notifications');
    const row = page.getByRole('row').filter({ hasText: note });
    await expect(row).toContainText('督办通知');
    await expect(row).toContainText('未读');
    await expect(row.getByRole('link', { name: issue.referenceNo })).toHaveAttribute('href', `/issues/${issue.id}`);
    await expect(page.getByRole('button', { name: /^通知 \(\d+ 条未读\)$/ })).toBeVisible();

    await screenshot(page, 'notifications', async (p) => {
      await expect(p.getByRole('row').filter({ hasText: note })).toBeVisible();
    });

    await row.getByRole('button', { name: '标为已读' }).click();
    await expect(row).toContainText('已读');
    await expect(row.getByRole('button', { name: '标为已读' })).toHaveCount(0);

    await page.getByRole('radio', { name: '仅未读' }).check({ force: true });
    await expect(page.getByRole('row').filter({ hasText: note })).toHaveCount(0);
    // Without a stream (404 until the API has one) each page load asks once, then polls quietly.
    expect(streamRequests.length).toBeLessThanOrEqual(2);
  });
});
