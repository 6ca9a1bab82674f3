import { AlarmClock, DataAnalysis, Share, Star, Timer } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// The inspection office's pages; the overdue board is its landing page (router/landing.ts).
export default [
  {
    path: '/oversight/overdue',
    name: 'oversight-overdue',
    component: () => import('./OverdueBoardPage.vue'),
    meta: { roles: ['inspector'], titleKey: 'oversight.title', menu: { icon: AlarmClock, order: 20 } },
  },
  {
    path: '/oversight/triage',
    name: 'oversight-triage',
    component: () => import('./TriagePage.vue'),
    meta: { roles: ['inspector'], titleKey: 'oversight.menu.triage', menu: { icon: Share, order: 21 } },
  },
  {
    path: '/oversight/extensions',
    name: 'oversight-extensions',
    component: () => import('./ExtensionsPage.vue'),
    meta: { roles: ['inspector'], titleKey: 'oversight.menu.extensions', menu: { icon: Timer, order: 22 } },
  },
  {
    path: '/oversight/key',
    name: 'oversight-key',
    component: () => import('./KeyPage.vue'),
    meta: { roles: ['inspector'], titleKey: 'oversight.menu.key', menu: { icon: Star, order: 23 } },
  },
  {
    path: '/oversight/stats',
    name: 'oversight-stats',
    component: () => import('./StatsPage.vue'),
    meta: { roles: ['inspector'], titleKey: 'oversight.menu.stats', menu: { icon: DataAnalysis, order: 24 } },
  },
] satisfies RouteRecordRaw[];
