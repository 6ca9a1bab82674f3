import type { Component } from 'vue';
import type { RouteRecordNormalized } from 'vue-router';
import type { Role } from '@/api/types';

export interface MenuItem {
  path: string;
  titleKey: string;
  icon: Component;
  order: number;
}

/** Menu entries for a role: routes with `meta.menu` and no path parameters that the role may open. */
export function menuFor(routes: RouteRecordNormalized[], role: Role | null): MenuItem[] {
  return routes
    .filter((route) => route.meta.menu && route.meta.titleKey && !route.path.includes(':'))
    .filter((route) => !route.meta.roles || (role !== null && route.meta.roles.includes(role)))
    .map((route) => ({
      path: route.path,
      titleKey: route.meta.titleKey as string,
      icon: route.meta.menu!.icon,
      order: route.meta.menu!.order,
    }))
    .sort((a, b) => a.order - b.order || a.path.localeCompare(b.path));
}
