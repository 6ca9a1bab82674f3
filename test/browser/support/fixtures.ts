import {
  expect,
  request as playwrightRequest,
  test as base,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { ENV } from './global-setup';

export const DEMO_PASSWORD = 'demo-password';

export interface Account {
  username: string;
  password: string;
  displayName: string;
  /** The unit's name as the header shows it; null for users without a unit. */
  unitName: string | null;
  /** The role as the header shows it (zh-CN). */
  roleLabel: string;
  /** Where the role lands after logging in. */
  landing: string;
}

/** The Qianxinan demo's accounts (apps/launcher/src/demo/demo-seed.ts); the admin comes from ADMIN_*. */
export const DEMO_ACCOUNTS: Account[] = [
  {
    username: 'supervisor',
    password: DEMO_PASSWORD,
    displayName: '张督查',
    unitName: null,
    roleLabel: '督查人员',
    landing: '/issues/new',
  },
  {
    username: 'inspector',
    password: DEMO_PASSWORD,
    displayName: '王科长',
    unitName: '州委督查室',
    roleLabel: '督查室',
    landing: '/oversight/overdue',
  },
  {
    username: 'xingren-handler',
    password: DEMO_PASSWORD,
    displayName: '兴仁市人民政府 承办员',
    unitName: '兴仁市人民政府',
    roleLabel: '承办人员',
    landing: '/inbox',
  },
  {
    username: 'xingyi-handler',
    password: DEMO_PASSWORD,
    displayName: '兴义市人民政府 承办员',
    unitName: '兴义市人民政府',
    roleLabel: '承办人员',
    landing: '/inbox',
  },
  {
    username: 'energy-handler',
    password: DEMO_PASSWORD,
    displayName: '州能源局 承办员',
    unitName: '州能源局',
    roleLabel: '承办人员',
    landing: '/inbox',
  },
];

/** The service's HTTP API, for arranging what a test needs (as the users themselves would, through the API). */
export class ServiceApi {
  private tokens = new Map<string, string>();

  constructor(private readonly http: APIRequestContext) {}

  static adminPassword(): string {
    return process.env[ENV.adminPassword] as string;
  }

  async token(username: string, password = DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await this.http.post('/api/v1/auth/login', { data: { username, password } });
    expect(response.status(), `login ${username}`).toBe(200);
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  async get<T>(username: string, path: string): Promise<T> {
    const response = await this.http.get(`/api/v1${path}`, { headers: await this.auth(username) });
    expect(response.ok(), `GET ${path} as ${username}: ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  }

  async post<T>(username: string, path: string, data: object = {}): Promise<T> {
    const response = await this.http.post(`/api/v1${path}`, { headers: await this.auth(username), data });
    expect(response.ok(), `POST ${path} as ${username}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async patch<T>(username: string, path: string, data: object): Promise<T> {
    const response = await this.http.patch(`/api/v1${path}`, { headers: await this.auth(username), data });
    expect(response.ok(), `PATCH ${path} as ${username}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  private async auth(username: string): Promise<Record<string, string>> {
    const password = username === 'admin' ? ServiceApi.adminPassword() : DEMO_PASSWORD;
    return { Authorization: `Bearer ${await this.token(username, password)}` };
  }
}

// What the console may say: the browser's own line for a 4xx answer the app expects (a wrong password, and the
// endpoints the API does not have yet, /stream and /app-info). Anything else — a Vue warning, an uncaught
// error — fails the test.
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of (401|404) /;

export const test = base.extend<{ service: ServiceApi; quietConsole: void }>({
  quietConsole: [
    async ({ page }, use) => {
      const noise: string[] = [];
      page.on('console', (message) => {
        if (['error', 'warning'].includes(message.type()) && !EXPECTED_CONSOLE.test(message.text())) {
          noise.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => noise.push(`uncaught: ${error.message}`));
      await use();
      expect(noise, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  baseURL: async ({}, use) => {
    await use(process.env[ENV.baseUrl]);
  },
  // eslint-disable-next-line no-empty-pattern
  service: async ({}, use) => {
    const http = await playwrightRequest.newContext({ baseURL: process.env[ENV.apiUrl] });
    await use(new ServiceApi(http));
    await http.dispose();
  },
});

export { expect };

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The header's user button: name, unit and role. */
export function currentUser(page: Page) {
  return page.getByTestId('current-user');
}
