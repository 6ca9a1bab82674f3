import type { Component } from 'vue';
import type { Role } from '@/api/types';

export interface MenuEntry {
  /** An @element-plus/icons-vue component (imported by the feature's routes.ts). */
  icon: Component;
  /** Lower comes first. */
  order: number;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open it; absent: any logged-in user. */
    roles?: Role[];
    /** The i18n key of the page title (document title, menu entry). */
    titleKey?: string;
    /** Shown in the side menu, for the roles that may open it. */
    menu?: MenuEntry;
    /** Open to anyone, logged in or not (the login page). */
    public?: boolean;
    /** false: rendered on its own, without the header and menu (the login page). */
    layout?: boolean;
  }
}

export {};
