import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './errors';
import type { paths } from './schema';

/** The API's base path; the generated `paths` are relative to it. */
export const API_BASE = '/api/v1';

/** The generated paths (schema.d.ts, from the service's own OpenAPI document). */
export type ApiPaths = paths;

interface ClientHooks {
  /** The current bearer token, if logged in. */
  token: () => string | null;
  /** A 401 on any call but login: the session is over. */
  onUnauthorized: () => void;
}

const hooks: ClientHooks = { token: () => null, onUnauthorized: () => undefined };

/** Wires the client to the auth store and router (main.ts); tests wire their own. */
export function configureApi(next: Partial<ClientHooks>): void {
  Object.assign(hooks, next);
}

export function bearer(): string | null {
  const token = hooks.token();
  return token ? `Bearer ${token}` : null;
}

export function unauthorized(): void {
  hooks.onUnauthorized();
}

const isLogin = (request: Request) => new URL(request.url, location.href).pathname === `${API_BASE}/auth/login`;

const middleware: Middleware = {
  onRequest({ request }) {
    const auth = bearer();
    if (auth && !request.headers.has('Authorization')) request.headers.set('Authorization', auth);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    if (response.status === 401 && !isLogin(request)) hooks.onUnauthorized();
    throw await ApiError.fromResponse(response);
  },
  onError({ error }) {
    return error instanceof ApiError ? error : ApiError.network(error);
  },
};

/** The one API client. Feature code calls it through small typed functions in `views/<feature>/api.ts`. */
export const api = createClient<ApiPaths>({
  baseUrl: API_BASE,
  // Looked up per call, not captured once: tests (and polyfills) replace the global.
  fetch: (request) => globalThis.fetch(request),
});
api.use(middleware);

/**
 * The data of a call that succeeded. Failures never get here: the middleware throws an ApiError for every
 * non-2xx answer and every network failure.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await request;
  if (!response.ok) throw await ApiError.fromResponse(response);
  return data as T;
}
