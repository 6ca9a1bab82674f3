import { Memo } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export default [
  {
    path: '/bulletins',
    name: 'bulletins',
    component: () => import('./BulletinListPage.vue'),
    meta: {
      roles: ['inspector', 'admin', 'handler'],
      titleKey: 'bulletins.title',
      menu: { icon: Memo, order: 45 },
    },
  },
  {
    path: '/bulletins/new',
    name: 'bulletin-new',
    component: () => import('./BulletinMakePage.vue'),
    meta: { roles: ['inspector'], titleKey: 'bulletins.make.title' },
  },
  {
    path: '/bulletins/:id',
    name: 'bulletin',
    component: () => import('./BulletinPage.vue'),
    meta: { roles: ['inspector', 'admin', 'handler'], titleKey: 'bulletins.title' },
  },
] satisfies RouteRecordRaw[];
