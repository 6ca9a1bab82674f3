import { api, call } from '@/api/client';
import type { Notification, NotificationPage } from '@/api/pending';

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

/** POST /notifications/:id/read → the notification with readAt set. */
export function markNotificationRead(id: string): Promise<Notification> {
  return call(api.POST('/notifications/{id}/read', { params: { path: { id } } }));
}
