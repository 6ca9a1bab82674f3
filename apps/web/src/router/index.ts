import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
  type Router,
} from 'vue-router';
import type { Role } from '@/api/types';
import { i18n } from '@/locales';
import { useAuthStore } from '@/stores/auth';
import { landingFor } from './landing';
import './meta';

type RoutesModule = { default: RouteRecordRaw[] };

/** Every `views/<feature>/routes.ts`: a feature adds its pages by adding that file, nothing else. */
export function collectRoutes(modules: Record<string, RoutesModule>): RouteRecordRaw[] {
  return Object.keys(modules)
    .sort()
    .flatMap((path) => modules[path]!.default);
}

export const featureRoutes = collectRoutes(import.meta.glob<RoutesModule>('../views/*/routes.ts', { eager: true }));

/** The route tree: pages with `meta.layout === false` stand alone; all others render inside AppLayout. */
export function buildRoutes(features: RouteRecordRaw[]): RouteRecordRaw[] {
  const standalone = features.filter((route) => route.meta?.layout === false);
  const inLayout = features.filter((route) => route.meta?.layout !== false);
  return [
    ...standalone,
    {
      path: '/',
      component: () => import('@/components/AppLayout.vue'),
      children: [
        ...inLayout,
        {
          path: '/:pathMatch(.*)*',
          name: 'not-found',
          component: () => import('@/views/errors/NotFoundPage.vue'),
          meta: { titleKey: 'errors.notFound.title' },
        },
      ],
    },
  ];
}

/** May this role open this route? Every matched record's `meta.roles` must allow it. */
export function allows(route: Pick<RouteLocationNormalized, 'matched'>, role: Role | null): boolean {
  return route.matched.every((record) => !record.meta.roles || (role !== null && record.meta.roles.includes(role)));
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.meta.public) {
      if (to.name === 'login' && auth.loggedIn) {
        try {
          const me = await auth.loadMe();
          return landingFor(me.role);
        } catch {
          return true;
        }
      }
      return true;
    }
    if (!auth.loggedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    try {
      await auth.loadMe();
    } catch {
      // a 401 has logged out already; anything else: back to the login page, keeping the way back
      if (!auth.loggedIn) return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (!allows(to, auth.role)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });
  router.afterEach((to) => {
    const { t } = i18n.global;
    const title = to.meta.titleKey ? t(to.meta.titleKey) : '';
    document.title = title ? `${title} - ${t('common.appName')}` : t('common.appName');
  });
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: buildRoutes(featureRoutes),
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installGuards(router);
  return router;
}
