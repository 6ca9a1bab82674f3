import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Me } from '@/api/types';
import { useAuthStore } from '@/stores/auth';

// For the page tests of the inbox, oversight and assessment folders: the API stubbed route by route
// (`GET /api/v1/units`), each request kept for the test to inspect, the page mounted under a router.

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export function stubApi(routes: Record<string, Handler>): Request[] {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      requests.push(request.clone());
      const handler = routes[`${request.method} ${url.pathname}`];
      return handler
        ? handler(request, url)
        : Response.json({ statusCode: 404, message: `Cannot ${request.method} ${url.pathname}` }, { status: 404 });
    }),
  );
  return requests;
}

export const page = <T>(items: T[], nextCursor: string | null = null) => Response.json({ items, nextCursor });

/** Mounts `component` at `path` (matching `pattern`) with `me` logged in (no token: the stream stays shut). */
export async function mountPage(
  component: Component,
  options: { path: string; pattern?: string; me: Pick<Me, 'username' | 'displayName' | 'role' | 'unit'> },
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const auth = useAuthStore();
  auth.me = { unitName: null, active: true, email: null, phone: null, ...options.me };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: options.pattern ?? options.path, component },
      { path: '/:any(.*)*', component: { render: () => null } },
    ],
  });
  await router.push(options.path);
  const wrapper = mount(component, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, auth };
}

export const UNITS = [
  { code: 'xingren-gov', name: '兴仁市人民政府', kind: 'government', regionCode: '522302', parent: null },
  { code: 'pref-energy', name: '州能源局', kind: 'department', regionCode: '522300', parent: null },
];
export const REGIONS = [
  { code: '522300', name: '黔西南州', parent: null },
  { code: '522302', name: '兴仁市', parent: '522300' },
];

/** What every page here reads besides its own data. */
export const REFERENCE: Record<string, Handler> = {
  'GET /api/v1/units': () => page(UNITS),
  'GET /api/v1/regions': () => page(REGIONS),
  'GET /api/v1/categories': () => page([{ code: 'rural_roads', name: '农村公路管护' }]),
  'GET /api/v1/deadline-policies': () => page([]),
};
