import { Bell } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./NotificationsPage.vue'),
    meta: { titleKey: 'notifications.title', menu: { icon: Bell, order: 90 } },
  },
] satisfies RouteRecordRaw[];
