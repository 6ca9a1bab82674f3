import { DocumentAdd, Files, List } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// The supervisor's landing page is /issues/new (router/landing.ts); /issues/:id is every role's issue page,
// scoped by the API (another unit's issue answers 404, shown as not found).
export default [
  {
    path: '/issues/new',
    name: 'issue-new',
    component: () => import('./FileIssuePage.vue'),
    meta: { roles: ['supervisor', 'inspector'], titleKey: 'issues.menu.new', menu: { icon: DocumentAdd, order: 1 } },
  },
  {
    path: '/issues',
    name: 'issues-mine',
    component: () => import('./IssueListPage.vue'),
    meta: { roles: ['supervisor'], titleKey: 'issues.menu.mine', menu: { icon: Files, order: 2 } },
  },
  {
    path: '/issues/all',
    name: 'issues-all',
    component: () => import('./IssueListPage.vue'),
    props: { all: true },
    meta: { roles: ['inspector', 'admin'], titleKey: 'issues.menu.all', menu: { icon: List, order: 30 } },
  },
  {
    path: '/issues/:id',
    name: 'issue',
    component: () => import('./IssuePage.vue'),
    props: true,
    meta: { titleKey: 'issues.page.details' },
  },
] satisfies RouteRecordRaw[];
