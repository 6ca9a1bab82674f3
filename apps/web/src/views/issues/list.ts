import type { IssueKind, IssueStatus, Severity } from '@/api/types';
import type { IssueListQuery, IssueSort } from './api';

/** The list page's filters as its toolbar holds them. */
export interface ListFilters {
  q: string;
  status: IssueStatus | undefined;
  kind: IssueKind | undefined;
  severity: Severity | undefined;
  isKey: boolean | undefined;
  /** Checked: overdue only; unchecked: no filter (not "only those on time"). */
  overdue: boolean;
  leadUnit: string | undefined;
  /** An inspector's "only what I filed" (filedBy=me). */
  mineOnly: boolean;
  /** The phone's sort choice (cards have no column headers); a desktop header's sort wins. */
  sort: IssueSort | undefined;
}

export const SORTS: readonly IssueSort[] = ['-filedAt', 'filedAt', 'dueAt', '-dueAt'];

/** The GET /issues query of the toolbar: empty choices are left out, not sent as empty strings. */
export function listQuery(
  filters: ListFilters,
  page: { limit: number; cursor?: string; sort?: IssueSort; username: string | null },
): IssueListQuery {
  const query: IssueListQuery = { limit: page.limit };
  if (page.cursor) query.cursor = page.cursor;
  const sort = page.sort ?? filters.sort;
  if (sort) query.sort = sort;
  const q = filters.q.trim();
  if (q) query.q = q.slice(0, 100);
  if (filters.status) query.status = filters.status;
  if (filters.kind) query.kind = filters.kind;
  if (filters.severity) query.severity = filters.severity;
  if (typeof filters.isKey === 'boolean') query.isKey = filters.isKey;
  if (filters.overdue) query.overdue = true;
  if (filters.leadUnit) query.leadUnit = filters.leadUnit;
  if (filters.mineOnly && page.username) query.filedBy = page.username;
  return query;
}
