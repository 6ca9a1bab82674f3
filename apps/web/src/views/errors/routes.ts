import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('./ForbiddenPage.vue'),
    meta: { titleKey: 'errors.forbidden.title' },
  },
] satisfies RouteRecordRaw[];
