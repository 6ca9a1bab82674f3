import {
  Calendar,
  Connection,
  Document,
  Guide,
  Medal,
  OfficeBuilding,
  Place,
  Timer,
  User,
} from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

// The admin console (系统管理): accounts, units and their escalation ladder, reference data, routing, deadlines,
// the calendar, scoring rules, webhooks and the audit log. `/admin` is the admin's landing (router/landing.ts).
const admin = ['admin' as const];

export default [
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./AdminHomePage.vue'),
    meta: { roles: admin, titleKey: 'admin.home.title' },
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./UsersPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.users', menu: { icon: User, order: 60 } },
  },
  {
    path: '/admin/units',
    name: 'admin-units',
    component: () => import('./UnitsPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.units', menu: { icon: OfficeBuilding, order: 61 } },
  },
  {
    path: '/admin/reference',
    name: 'admin-reference',
    component: () => import('./ReferencePage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.reference', menu: { icon: Place, order: 62 } },
  },
  {
    path: '/admin/routing',
    name: 'admin-routing',
    component: () => import('./RoutingPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.routing', menu: { icon: Guide, order: 63 } },
  },
  {
    path: '/admin/deadlines',
    name: 'admin-deadlines',
    component: () => import('./DeadlinePoliciesPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.deadlines', menu: { icon: Timer, order: 64 } },
  },
  {
    path: '/admin/calendar',
    name: 'admin-calendar',
    component: () => import('./CalendarPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.calendar', menu: { icon: Calendar, order: 65 } },
  },
  {
    path: '/admin/assessment-rules',
    name: 'admin-assessment-rules',
    component: () => import('./AssessmentRulesPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.rules', menu: { icon: Medal, order: 66 } },
  },
  {
    path: '/admin/webhooks',
    name: 'admin-webhooks',
    component: () => import('./WebhooksPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.webhooks', menu: { icon: Connection, order: 67 } },
  },
  {
    path: '/admin/audit',
    name: 'admin-audit',
    component: () => import('./AuditLogPage.vue'),
    meta: { roles: admin, titleKey: 'admin.menu.audit', menu: { icon: Document, order: 68 } },
  },
] satisfies RouteRecordRaw[];
