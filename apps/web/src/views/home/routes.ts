import type { RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { landingFor } from '@/router/landing';

// `/` is no page of its own: each role is sent to its work (router/landing.ts).
export default [
  {
    path: '',
    name: 'home',
    component: { render: () => null },
    beforeEnter: async () => {
      const auth = useAuthStore();
      const me = await auth.loadMe();
      return landingFor(me.role);
    },
  },
] satisfies RouteRecordRaw[];
