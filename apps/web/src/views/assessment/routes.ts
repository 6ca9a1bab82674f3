import { TrendCharts } from '@element-plus/icons-vue';
import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';

/** A handler sees only its own unit's assessment: anything else leads there. */
async function ownUnitForHandler(to: RouteLocationNormalized) {
  const me = await useAuthStore().loadMe();
  if (me.role !== 'handler') return true;
  if (!me.unit) return { name: 'forbidden', query: { from: to.fullPath } };
  if (to.name === 'assessment-unit' && to.params.code === me.unit) return true;
  return { name: 'assessment-unit', params: { code: me.unit }, query: to.query };
}

export default [
  {
    path: '/assessment',
    name: 'assessment',
    component: () => import('./AssessmentTablePage.vue'),
    beforeEnter: ownUnitForHandler,
    meta: {
      roles: ['inspector', 'admin', 'handler'],
      titleKey: 'assessment.title',
      menu: { icon: TrendCharts, order: 40 },
    },
  },
  {
    path: '/assessment/units/:code',
    name: 'assessment-unit',
    component: () => import('./UnitLedgerPage.vue'),
    beforeEnter: ownUnitForHandler,
    meta: { roles: ['inspector', 'admin', 'handler'], titleKey: 'assessment.title' },
  },
  {
    path: '/assessment/proposals',
    name: 'assessment-proposals',
    component: () => import('./ProposalsReportPage.vue'),
    meta: { roles: ['inspector', 'admin'], titleKey: 'assessment.proposalsTitle' },
  },
] satisfies RouteRecordRaw[];
