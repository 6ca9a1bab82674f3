import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, call, configureApi } from './client';
import { ApiError } from './errors';

let requests: Request[] = [];
const answer = (status: number, body?: unknown) =>
  vi.fn(async (request: Request) => {
    requests.push(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });

beforeEach(() => {
  requests = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
  configureApi({ token: () => null, onUnauthorized: () => undefined });
});

describe('the API client', () => {
  it('calls /api/v1 paths with the bearer token', async () => {
    configureApi({ token: () => 'tok' });
    vi.stubGlobal('fetch', answer(200, { username: 'u', displayName: 'U', role: 'handler', unit: 'x' }));
    const me = await call(api.GET('/auth/me'));
    expect(me.displayName).toBe('U');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/auth/me');
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('sends no Authorization header when logged out', async () => {
    vi.stubGlobal('fetch', answer(200, { accessToken: 't', tokenType: 'Bearer', expiresIn: 60 }));
    await call(api.POST('/auth/login', { body: { username: 'u', password: 'p' } }));
    expect(requests[0]!.headers.has('Authorization')).toBe(false);
  });

  it('a failure throws an ApiError with the API’s message', async () => {
    vi.stubGlobal('fetch', answer(409, { statusCode: 409, message: 'cannot acknowledge an issue in status closed' }));
    const failure = call(api.POST('/issues/{id}/acknowledge', { params: { path: { id: 'x' } }, body: {} }));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      message: 'cannot acknowledge an issue in status closed',
    });
  });

  it('a 401 ends the session, but a failed login does not', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ token: () => 'tok', onUnauthorized });
    vi.stubGlobal('fetch', answer(401, { message: 'username or password is wrong' }));
    await expect(call(api.POST('/auth/login', { body: { username: 'u', password: 'bad' } }))).rejects.toMatchObject({
      status: 401,
      message: 'username or password is wrong',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(call(api.GET('/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('an unreachable service is a network ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(call(api.GET('/auth/me'))).rejects.toMatchObject({ status: 0, isNetwork: true });
  });
});
