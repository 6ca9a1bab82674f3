import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type { Issue, IssuePage } from '@/api/types';
import { MAX_LIMIT, readAll } from '@/views/oversight/reference';

export type DeadlinePolicy = components['schemas']['DeadlinePolicyDto'];

/** GET /units/:code/inbox: the unit's open issues (lead or co-unit), key first, then overdue, then by due time. */
export function listInbox(unit: string, query: { limit: number; cursor?: string }): Promise<IssuePage> {
  return call(api.GET('/units/{code}/inbox', { params: { path: { code: unit }, query } }));
}

/** The whole queue, for its counters (and to know which issues are in it). */
export async function readQueue(unit: string): Promise<{ items: Issue[]; complete: boolean }> {
  return readAll((cursor) => listInbox(unit, { limit: MAX_LIMIT, cursor }));
}

/** POST /issues/:id/acknowledge (签收), guarded by the version the row showed. */
export function acknowledge(issue: Pick<Issue, 'id' | 'version'>): Promise<Issue> {
  return call(
    api.POST('/issues/{id}/acknowledge', {
      params: { path: { id: issue.id }, header: { 'if-match': String(issue.version) } },
      body: {},
    }),
  );
}

let policies: Promise<DeadlinePolicy[]> | null = null;

/** GET /deadline-policies (anyone reads them), once: their reminder fractions place the reminder window. */
export function loadPolicies(): Promise<DeadlinePolicy[]> {
  policies ??= call(api.GET('/deadline-policies')).then(
    ({ items }) => items,
    () => {
      policies = null;
      return [];
    },
  );
  return policies;
}
