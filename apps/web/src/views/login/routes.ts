import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/login',
    name: 'login',
    component: () => import('./LoginPage.vue'),
    meta: { public: true, layout: false, titleKey: 'login.title' },
  },
] satisfies RouteRecordRaw[];
