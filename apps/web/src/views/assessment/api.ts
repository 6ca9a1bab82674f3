import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type { Period } from './period';

export type AssessmentRow = components['schemas']['AssessmentRowDto'];
export type AssessmentTable = components['schemas']['AssessmentTableDto'];
export type AssessmentUnit = components['schemas']['AssessmentUnitDto'];
export type LedgerItem = components['schemas']['LedgerItemDto'];
export type ProposalReport = components['schemas']['ProposalReportDto'];

/** GET /assessment/units?from&to: every unit's figures for the period (one page: the table is small). */
export function loadTable(period: Period): Promise<AssessmentTable> {
  return call(api.GET('/assessment/units', { params: { query: { ...period } } }));
}

/** GET /assessment/units/:code?from&to: one unit's figures and every ledger row behind its score. */
export function loadUnit(code: string, period: Period): Promise<AssessmentUnit> {
  return call(api.GET('/assessment/units/{code}', { params: { path: { code }, query: { ...period } } }));
}

/** GET /reports/proposals?year=: the proposals report. */
export function loadProposals(year: number): Promise<ProposalReport> {
  return call(api.GET('/reports/proposals', { params: { query: { year } } }));
}

/** The name a download is saved under: RFC 6266 `filename*` (UTF-8) first, then `filename`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // a malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name || fallback;
}

/** GET /assessment/export?format=csv for the period, through the client (the token rides along) as a blob. */
export async function exportCsv(period: Period): Promise<{ blob: Blob; filename: string }> {
  const { data, response } = await api.GET('/assessment/export', {
    params: { query: { ...period, format: 'csv' } },
    parseAs: 'blob',
  });
  const filename = filenameFrom(
    response.headers.get('Content-Disposition'),
    `assessment-${period.from}-${period.to}.csv`,
  );
  return { blob: data as Blob, filename };
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** At most this many issues are named per ledger; the rest link without a reference number. */
export const MAX_NAMED_ISSUES = 100;

/**
 * The reference numbers of the issues behind ledger rows (GET /issues/:id, four at a time). An issue the
 * caller may no longer see (a handler's issue since routed elsewhere) is left out: its row still links.
 */
export async function loadReferences(issueIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(issueIds)].slice(0, MAX_NAMED_ISSUES);
  const names = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        const issue = await call(api.GET('/issues/{id}', { params: { path: { id } } }));
        names.set(id, issue.referenceNo);
      } catch {
        // not visible any more: the row keeps its plain link
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
  return names;
}
