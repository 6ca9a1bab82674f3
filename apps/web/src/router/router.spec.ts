import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { Bell, Document } from '@element-plus/icons-vue';
import { useAuthStore } from '@/stores/auth';
import { buildRoutes, collectRoutes, featureRoutes, installGuards } from './index';
import { LANDING, landingFor } from './landing';
import { menuFor } from './menu';

const Page = { render: () => null };
const feature: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: Page, meta: { public: true, layout: false } },
  { path: '/403', name: 'forbidden', component: Page },
  {
    path: '/oversight/overdue',
    component: Page,
    meta: { roles: ['inspector'], titleKey: 't.board', menu: { icon: Bell, order: 10 } },
  },
  {
    path: '/inbox',
    component: Page,
    meta: { roles: ['handler', 'inspector'], titleKey: 't.inbox', menu: { icon: Document, order: 5 } },
  },
  { path: '/issues/:id', component: Page, meta: { titleKey: 't.issue', menu: { icon: Document, order: 1 } } },
  { path: '/notifications', component: Page, meta: { titleKey: 't.notes', menu: { icon: Bell, order: 90 } } },
];

function setup(me: { role: 'supervisor' | 'handler' | 'inspector' | 'admin' } | null) {
  setActivePinia(createPinia());
  const auth = useAuthStore();
  if (me) {
    auth.token = 'tok';
    auth.me = {
      username: 'u',
      displayName: 'U',
      role: me.role,
      unit: null,
      unitName: null,
      active: true,
      email: null,
      phone: null,
    };
  } else {
    auth.token = null;
  }
  const router = createRouter({ history: createMemoryHistory(), routes: buildRoutes(feature) });
  installGuards(router);
  return router;
}

describe('routes', () => {
  it('are collected from every views/*/routes.ts', () => {
    const paths = featureRoutes.map((route) => route.path);
    expect(paths).toEqual(expect.arrayContaining(['/login', '/403', '/account', '/notifications', '']));
  });

  it('collectRoutes concatenates modules in path order', () => {
    const routes = collectRoutes({
      '../views/b/routes.ts': { default: [{ path: '/b', component: Page }] },
      '../views/a/routes.ts': { default: [{ path: '/a', component: Page }] },
    });
    expect(routes.map((r) => r.path)).toEqual(['/a', '/b']);
  });

  it('the login page stands alone; everything else is inside the layout, with a catch-all 404 last', () => {
    const tree = buildRoutes(feature);
    expect(tree[0]!.path).toBe('/login');
    const layout = tree.find((r) => r.path === '/')!;
    expect(layout.children!.map((r) => r.path).at(-1)).toBe('/:pathMatch(.*)*');
  });

  it('every role lands on its own work', () => {
    expect(LANDING).toEqual({
      supervisor: '/issues/new',
      handler: '/inbox',
      inspector: '/oversight/overdue',
      admin: '/admin',
    });
    expect(landingFor(null)).toBe('/login');
  });
});

describe('the guard', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends a visitor to the login page, keeping where they wanted to go', async () => {
    const router = setup(null);
    await router.push('/notifications?unread=true');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/notifications?unread=true');
  });

  it('shows the 403 page to a role the route does not allow', async () => {
    const router = setup({ role: 'supervisor' });
    await router.push('/oversight/overdue');
    expect(router.currentRoute.value.name).toBe('forbidden');
    expect(router.currentRoute.value.query.from).toBe('/oversight/overdue');
  });

  it('lets an allowed role through, and any role to pages without roles', async () => {
    const router = setup({ role: 'inspector' });
    await router.push('/oversight/overdue');
    expect(router.currentRoute.value.path).toBe('/oversight/overdue');
    await router.push('/notifications');
    expect(router.currentRoute.value.path).toBe('/notifications');
  });

  it('an unknown path is the 404 page', async () => {
    const router = setup({ role: 'handler' });
    await router.push('/no/such/page');
    expect(router.currentRoute.value.name).toBe('not-found');
  });

  it('a logged-in user asking for the login page goes to their landing page', async () => {
    const router = setup({ role: 'handler' });
    await router.push('/login');
    expect(router.currentRoute.value.path).toBe('/inbox');
  });
});

describe('the menu', () => {
  it('lists the static pages the role may open, in order', () => {
    const router = setup({ role: 'handler' });
    expect(menuFor(router.getRoutes(), 'handler').map((m) => m.path)).toEqual(['/inbox', '/notifications']);
    expect(menuFor(router.getRoutes(), 'inspector').map((m) => m.path)).toEqual([
      '/inbox',
      '/oversight/overdue',
      '/notifications',
    ]);
    expect(menuFor(router.getRoutes(), 'supervisor').map((m) => m.path)).toEqual(['/notifications']);
  });
});
