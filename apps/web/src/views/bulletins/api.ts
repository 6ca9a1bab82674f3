import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import { filenameFrom } from '../assessment/api';
import type { ExportFormat, MakeBody } from './period';

export type Bulletin = components['schemas']['BulletinDto'];
export type BulletinSummary = components['schemas']['BulletinSummaryDto'];
export type BulletinPage = components['schemas']['BulletinPage'];
export type BulletinUnitRow = Bulletin['units'][number];
export type BulletinOverdueItem = components['schemas']['BulletinOverdueItemDto'];
export type BulletinKeyItem = components['schemas']['BulletinKeyItemDto'];

/** GET /bulletins: newest first, a page at a time. */
export function listBulletins(query: { limit: number; cursor?: string }): Promise<BulletinPage> {
  return call(api.GET('/bulletins', { params: { query } }));
}

/** POST /bulletins: builds and freezes one. */
export function makeBulletin(body: MakeBody): Promise<Bulletin> {
  return call(api.POST('/bulletins', { body }));
}

/** GET /bulletins/:id: the frozen bulletin (a handler's copy holds its own unit's rows only). */
export function loadBulletin(id: string): Promise<Bulletin> {
  return call(api.GET('/bulletins/{id}', { params: { path: { id } } }));
}

/** GET /bulletins/:id/export?format=, through the client (the token rides along) as a blob with its file name. */
export async function exportBulletin(
  bulletin: Pick<Bulletin, 'id' | 'period'>,
  format: ExportFormat,
): Promise<{ blob: Blob; filename: string }> {
  // A failed call throws an ApiError in the client's middleware, as every call does.
  const { data, response } = await api.GET('/bulletins/{id}/export', {
    params: { path: { id: bulletin.id }, query: { format } },
    parseAs: 'blob',
  });
  const filename = filenameFrom(
    response.headers.get('Content-Disposition'),
    `通报-${bulletin.period ?? bulletin.id}.${format}`,
  );
  return { blob: data as Blob, filename };
}
