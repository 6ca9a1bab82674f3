import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/account',
    name: 'account',
    component: () => import('./AccountPage.vue'),
    meta: { titleKey: 'account.title' },
  },
] satisfies RouteRecordRaw[];
