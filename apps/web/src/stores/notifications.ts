import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notification } from '@/api/types';
import type { StreamMessage } from '@/api/stream';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '@/views/notifications/api';

export const LATEST_COUNT = 5;

/** The bell: how many are unread, the latest few, and marking read. Kept fresh by the stream. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const latest = ref<Notification[]>([]);
  const loaded = ref(false);
  let refreshing: Promise<void> | null = null;

  async function countUnread(): Promise<void> {
    unread.value = await countUnreadNotifications();
  }

  async function loadLatest(): Promise<void> {
    latest.value = (await listNotifications({ limit: LATEST_COUNT })).items;
  }

  /** Re-read count and latest; concurrent calls share one refresh. */
  function refresh(): Promise<void> {
    refreshing ??= Promise.all([countUnread(), loadLatest()])
      .then(() => {
        loaded.value = true;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /** Marks one read, from the bell or the list; the count follows without a re-read. */
  async function markRead(notification: Notification): Promise<Notification> {
    const updated = await markNotificationRead(notification.id);
    latest.value = latest.value.map((n) => (n.id === updated.id ? updated : n));
    if (notification.readAt === null) unread.value = Math.max(0, unread.value - 1);
    return updated;
  }

  /** Marks every unread one read; the latest show it without a re-read. */
  async function markAllRead(): Promise<void> {
    await markAllNotificationsRead();
    const now = new Date().toISOString();
    latest.value = latest.value.map((n) => (n.readAt === null ? { ...n, readAt: now } : n));
    unread.value = 0;
  }

  /** A stream message: a new notification is counted and shown at once; a resync re-reads. */
  function onStream(message: StreamMessage): void {
    if (message.kind === 'notification') {
      const known = latest.value.some((n) => n.id === message.data.id);
      if (!known) {
        latest.value = [message.data, ...latest.value].slice(0, LATEST_COUNT);
        if (message.data.readAt === null) unread.value += 1;
      }
    } else if (message.kind === 'resync') {
      void refresh().catch(() => undefined);
    }
  }

  function reset(): void {
    unread.value = 0;
    latest.value = [];
    loaded.value = false;
  }

  return { unread, latest, loaded, refresh, markRead, markAllRead, onStream, reset };
});
