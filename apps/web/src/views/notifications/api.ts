import { api, call } from '@/api/client';
import type { Notification, NotificationPage } from '@/api/types';

export type { Notification, NotificationPage };

export interface NotificationQuery {
  limit?: number;
  cursor?: string;
  unread?: boolean;
}

/** GET /notifications: the caller's, newest first. */
export function listNotifications(query: NotificationQuery = {}): Promise<NotificationPage> {
  return call(api.GET('/notifications', { params: { query } }));
}

/** GET /notifications/unread-count: how many of the caller's are unread. */
export async function countUnreadNotifications(): Promise<number> {
  return (await call(api.GET('/notifications/unread-count'))).count;
}

/** POST /notifications/:id/read → the notification with readAt set. */
export function markNotificationRead(id: string): Promise<Notification> {
  return call(api.POST('/notifications/{id}/read', { params: { path: { id } } }));
}

/** POST /notifications/read-all: every unread one of the caller's read at once. */
export function markAllNotificationsRead(): Promise<unknown> {
  return call(api.POST('/notifications/read-all'));
}
