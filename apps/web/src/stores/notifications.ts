import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notification } from '@/api/pending';
import type { StreamMessage } from '@/api/stream';
import { listNotifications, markNotificationRead } from '@/views/notifications/api';

/** Unread notifications are counted by paging through ?unread=true up to this many; past it the bell says 99+. */
export const UNREAD_PAGE_SIZE = 100;
export const UNREAD_MAX_PAGES = 5;
export const LATEST_COUNT = 5;

/** The bell: how many are unread, the latest few, and marking read. Kept fresh by the stream. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  /** True when the count stopped at the cap: there may be more. */
  const capped = ref(false);
  const latest = ref<Notification[]>([]);
  const loaded = ref(false);
  let refreshing: Promise<void> | null = null;

  async function countUnread(): Promise<void> {
    let total = 0;
    let cursor: string | undefined;
    for (let page = 0; page < UNREAD_MAX_PAGES; page++) {
      const answer = await listNotifications({ unread: true, limit: UNREAD_PAGE_SIZE, cursor });
      if (typeof answer.unreadCount === 'number') {
        unread.value = answer.unreadCount;
        capped.value = false;
        return;
      }
      total += answer.items.length;
      if (!answer.nextCursor) {
        unread.value = total;
        capped.value = false;
        return;
      }
      cursor = answer.nextCursor;
    }
    unread.value = total;
    capped.value = true;
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
    if (notification.readAt === null) {
      if (capped.value) void refresh().catch(() => undefined);
      else unread.value = Math.max(0, unread.value - 1);
    }
    return updated;
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
    capped.value = false;
    latest.value = [];
    loaded.value = false;
  }

  return { unread, capped, latest, loaded, refresh, markRead, onStream, reset };
});
