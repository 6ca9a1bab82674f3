import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationPage } from '@/api/types';
import { useNotificationsStore } from './notifications';

const api = vi.hoisted(() => ({
  listNotifications: vi.fn(),
  countUnreadNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
}));
vi.mock('@/views/notifications/api', () => api);

const note = (id: string, readAt: string | null = null): Notification => ({
  id,
  type: 'supervision_notice',
  issueId: 'i',
  referenceNo: 'DH-2026-000001',
  title: '通组公路破损',
  unit: 'xingren-gov',
  username: null,
  data: {},
  createdAt: '2026-12-01T01:00:00Z',
  readAt,
});
const page = (items: Notification[], nextCursor: string | null = null): NotificationPage => ({ items, nextCursor });

beforeEach(() => {
  setActivePinia(createPinia());
  for (const fn of Object.values(api)) fn.mockReset();
  api.countUnreadNotifications.mockResolvedValue(0);
});

describe('the bell’s store', () => {
  it('reads the unread count and the latest few', async () => {
    api.listNotifications.mockResolvedValue(page([note('a')]));
    api.countUnreadNotifications.mockResolvedValue(42);
    const store = useNotificationsStore();
    await store.refresh();
    expect(store.unread).toBe(42);
    expect(store.latest.map((n) => n.id)).toEqual(['a']);
    expect(api.listNotifications).toHaveBeenCalledWith({ limit: 5 });
  });

  it('marking all read clears the count and the latest show it, without a re-read', async () => {
    api.listNotifications.mockResolvedValue(page([note('a'), note('b', '2026-12-01T02:00:00Z')]));
    api.countUnreadNotifications.mockResolvedValue(1);
    const store = useNotificationsStore();
    await store.refresh();
    api.listNotifications.mockClear();
    await store.markAllRead();
    expect(api.markAllNotificationsRead).toHaveBeenCalledTimes(1);
    expect(store.unread).toBe(0);
    expect(store.latest.every((n) => n.readAt !== null)).toBe(true);
    expect(store.latest[1]!.readAt).toBe('2026-12-01T02:00:00Z');
    expect(api.listNotifications).not.toHaveBeenCalled();
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
