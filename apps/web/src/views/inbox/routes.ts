import { Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    // The handler's landing page: its own unit's queue. An inspector picks a unit here.
    path: '/inbox',
    name: 'inbox',
    component: () => import('./InboxPage.vue'),
    meta: { roles: ['handler', 'inspector'], titleKey: 'inbox.title', menu: { icon: Tickets, order: 10 } },
  },
  {
    path: '/inbox/:unit',
    name: 'inbox-unit',
    component: () => import('./InboxPage.vue'),
    meta: { roles: ['inspector'], titleKey: 'inbox.title' },
  },
] satisfies RouteRecordRaw[];
