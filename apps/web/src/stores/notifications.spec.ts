import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationPage } from '@/api/pending';
import { useNotificationsStore } from './notifications';

const api = vi.hoisted(() => ({
  listNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
}));
vi.mock('@/views/notifications/api', () => api);

const note = (id: string, readAt: string | null = null): Notification => ({
  id,
  type: 'supervision_notice',
  issueId: 'i',
  unit: 'xingren-gov',
  createdAt: '2026-12-01T01:00:00Z',
  readAt,
});
const page = (items: Notification[], nextCursor: string | null = null): NotificationPage => ({ items, nextCursor });

beforeEach(() => {
  setActivePinia(createPinia());
  api.listNotifications.mockReset();
  api.markNotificationRead.mockReset();
});

describe('the bell’s store', () => {
  it('counts unread notifications across pages', async () => {
    api.listNotifications.mockImplementation(async (q: { unread?: boolean; cursor?: string }) => {
      if (!q.unread) return page([note('a')]);
      return q.cursor ? page([note('c')]) : page([note('a'), note('b')], 'next');
    });
    const store = useNotificationsStore();
    await store.refresh();
    expect(store.unread).toBe(3);
    expect(store.capped).toBe(false);
    expect(store.latest.map((n) => n.id)).toEqual(['a']);
  });

  it('stops at the cap and says there may be more', async () => {
    api.listNotifications.mockImplementation(async (q: { unread?: boolean }) =>
      q.unread
        ? page(
            Array.from({ length: 100 }, (_, i) => note(`n${i}`)),
            'more',
          )
        : page([]),
    );
    const store = useNotificationsStore();
    await store.refresh();
    expect(store.unread).toBe(500);
    expect(store.capped).toBe(true);
    expect(api.listNotifications).toHaveBeenCalledTimes(6);
  });

  it('uses unreadCount when the API gives one', async () => {
    api.listNotifications.mockResolvedValue({ ...page([note('a')], 'x'), unreadCount: 42 });
    const store = useNotificationsStore();
    await store.refresh();
    expect(store.unread).toBe(42);
  });

  it('a streamed notification is counted and shown at once; a resync re-reads', async () => {
    api.listNotifications.mockResolvedValue(page([]));
    const store = useNotificationsStore();
    store.onStream({ kind: 'notification', data: note('new') });
    store.onStream({ kind: 'notification', data: note('new') });
    expect(store.unread).toBe(1);
    expect(store.latest[0]!.id).toBe('new');
    store.onStream({ kind: 'resync' });
    await vi.waitFor(() => expect(api.listNotifications).toHaveBeenCalled());
  });

  it('marking read lowers the count without a re-read', async () => {
    api.listNotifications.mockResolvedValue(page([]));
    api.markNotificationRead.mockResolvedValue(note('a', '2026-12-01T02:00:00Z'));
    const store = useNotificationsStore();
    store.unread = 2;
    const updated = await store.markRead(note('a'));
    expect(updated.readAt).not.toBeNull();
    expect(store.unread).toBe(1);
    expect(api.listNotifications).not.toHaveBeenCalled();
  });
});
