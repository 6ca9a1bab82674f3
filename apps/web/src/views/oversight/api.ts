import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type { ExtensionRequest, Issue, IssuePage, IssueKind, IssueStatus, Page } from '@/api/types';
import type { BoardColour, BoardItem } from './board';

export type UnitSummary = components['schemas']['UnitSummaryDto'];
export type AssessmentRow = components['schemas']['AssessmentRowDto'];
export type TrendWeek = components['schemas']['WeekCountDto'];

export interface BoardFilters {
  leadUnit?: string;
  regionCode?: string;
  minLevel?: number;
}

interface Paging {
  limit: number;
  cursor?: string;
}

/** GET /oversight/overdue: overdue open issues, most overdue first (the red light); `asOf`: as they stood then. */
export function listOverdue(query: BoardFilters & Paging & { asOf?: string }): Promise<Page<BoardItem>> {
  return call(api.GET('/oversight/overdue', { params: { query } }));
}

/** GET /oversight/board?colour=: one light of the board. */
export function listBoard(colour: BoardColour, query: BoardFilters & Paging): Promise<Page<BoardItem>> {
  return call(api.GET('/oversight/board', { params: { query: { ...query, colour } } }));
}

/** GET /oversight/summary: per unit, open, overdue, key, and how many sit at each escalation level. */
export async function loadSummary(): Promise<UnitSummary[]> {
  return (await call(api.GET('/oversight/summary'))).items;
}

export interface IssueListQuery extends Paging {
  status?: IssueStatus;
  kind?: IssueKind;
  isKey?: boolean;
}

/** GET /issues with server-side filters. */
export function listIssues(query: IssueListQuery): Promise<IssuePage> {
  return call(api.GET('/issues', { params: { query } }));
}

export function getIssue(id: string): Promise<Issue> {
  return call(api.GET('/issues/{id}', { params: { path: { id } } }));
}

const ifMatch = (version: number) => ({ 'if-match': String(version) });

/** POST /issues/:id/assign (交办), guarded by the version the page showed. */
export function assignIssue(
  issue: Pick<Issue, 'id' | 'version'>,
  body: { leadUnit: string; coUnits: string[]; reason: string },
): Promise<Issue> {
  return call(
    api.POST('/issues/{id}/assign', { params: { path: { id: issue.id }, header: ifMatch(issue.version) }, body }),
  );
}

/** GET /extension-requests?status=pending: the decisions to make, oldest first. */
export function listExtensionRequests(query: Paging & { status?: ExtensionRequest['status'] }) {
  return call(api.GET('/extension-requests', { params: { query } }));
}

/** POST /issues/:id/extension-requests/:requestId/decision, guarded by the issue's version. */
export function decideExtension(
  issue: Pick<Issue, 'id' | 'version'>,
  requestId: string,
  body: { approved: boolean; comment?: string },
): Promise<unknown> {
  return call(
    api.POST('/issues/{id}/extension-requests/{requestId}/decision', {
      params: { path: { id: issue.id, requestId }, header: ifMatch(issue.version) },
      body,
    }),
  );
}

/** POST /issues/:id/supervision-notices (督办通知). */
export function sendSupervisionNotice(issue: Pick<Issue, 'id' | 'version'>, note: string): Promise<Issue> {
  return call(
    api.POST('/issues/{id}/supervision-notices', {
      params: { path: { id: issue.id }, header: ifMatch(issue.version) },
      body: { note },
    }),
  );
}

/** GET /assessment/units for a period (the stats page's on-time closure ranking). */
export async function loadAssessment(from: string, to: string): Promise<AssessmentRow[]> {
  return (await call(api.GET('/assessment/units', { params: { query: { from, to } } }))).items;
}

/** GET /oversight/trend?weeks=: filings and closures per week (Monday to Sunday in TIME_ZONE), oldest first. */
export async function loadTrend(weeks: number): Promise<TrendWeek[]> {
  return (await call(api.GET('/oversight/trend', { params: { query: { weeks } } }))).items;
}
