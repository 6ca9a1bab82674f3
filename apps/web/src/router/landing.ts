import type { Role } from '@/api/types';

/**
 * Where each role starts. The feature that owns the page registers a route at that path in its routes.ts;
 * until then the landing path shows the not-found page inside the layout.
 */
export const LANDING: Record<Role, string> = {
  supervisor: '/issues/new', // 交办问题: file an issue
  handler: '/inbox', // 待办: the unit's task queue
  inspector: '/oversight/overdue', // 督办看板: the overdue board
  admin: '/admin', // administration home
};

export function landingFor(role: Role | null | undefined): string {
  return role ? LANDING[role] : '/login';
}
