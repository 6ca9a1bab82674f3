import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '@/api/client';
import { TOKEN_KEY, useAuthStore } from './auth';

const routes: Record<string, () => Response> = {
  'POST /api/v1/auth/login': () => Response.json({ accessToken: 'tok-1', tokenType: 'Bearer', expiresIn: 3600 }),
  'GET /api/v1/auth/me': () =>
    Response.json({ username: 'x', displayName: '兴仁', role: 'handler', unit: 'xingren-gov' }),
  'GET /api/v1/units/xingren-gov': () =>
    Response.json({
      code: 'xingren-gov',
      name: '兴仁市人民政府',
      kind: 'government',
      regionCode: '522302',
      parent: null,
    }),
};

beforeEach(() => {
  sessionStorage.clear();
  setActivePinia(createPinia());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const route = routes[`${request.method} ${new URL(request.url).pathname}`];
      return route ? route() : new Response('{}', { status: 404 });
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  configureApi({ token: () => null });
});

describe('the auth store', () => {
  it('logs in, keeps the token for the tab, and loads who it is with the unit’s name', async () => {
    const auth = useAuthStore();
    configureApi({ token: () => auth.token });
    const me = await auth.login('x', 'pw');
    expect(me.role).toBe('handler');
    expect(auth.token).toBe('tok-1');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok-1');
    await vi.waitFor(() => expect(auth.unitName).toBe('兴仁市人民政府'));
  });

  it('logs out: token, profile and storage gone', async () => {
    const auth = useAuthStore();
    await auth.login('x', 'pw');
    auth.logout();
    expect(auth.loggedIn).toBe(false);
    expect(auth.me).toBeNull();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('a new tab state starts from the stored token', () => {
    sessionStorage.setItem(TOKEN_KEY, 'stored');
    expect(useAuthStore().token).toBe('stored');
  });
});
