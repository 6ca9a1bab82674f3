import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import type {
  Evidence,
  ExtensionRequest,
  FileIssueBody,
  Issue,
  IssueKind,
  IssuePage,
  IssueStatus,
  ReturnReasonCode,
  Satisfaction,
  Severity,
  TimelineItem,
} from '@/api/types';
import { filenameFrom } from '@/views/assessment/api';
import { MAX_LIMIT, readAll, type Category } from '@/views/oversight/reference';

export type Attachment = components['schemas']['AttachmentDto'];
export type IssueSort = 'filedAt' | '-filedAt' | 'dueAt' | '-dueAt';

export interface IssueListQuery {
  limit: number;
  cursor?: string;
  sort?: IssueSort;
  q?: string;
  status?: IssueStatus;
  kind?: IssueKind;
  severity?: Severity;
  isKey?: boolean;
  overdue?: boolean;
  leadUnit?: string;
  filedBy?: string;
}

/** The categories that take filings (filing under a retired one is refused). */
export async function listActiveCategories(): Promise<Category[]> {
  const { items } = await readAll((cursor) =>
    call(api.GET('/categories', { params: { query: { active: true, limit: MAX_LIMIT, cursor } } })),
  );
  return items;
}

/** GET /issues: scoped by the API to what the caller may see (a supervisor: what it filed). */
export function listIssues(query: IssueListQuery): Promise<IssuePage> {
  return call(api.GET('/issues', { params: { query } }));
}

/** POST /issues with the form's Idempotency-Key: a second tap (or a retry) answers the same issue. */
export function fileIssue(body: FileIssueBody, idempotencyKey: string): Promise<Issue> {
  return call(api.POST('/issues', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export function getIssue(id: string): Promise<Issue> {
  return call(api.GET('/issues/{id}', { params: { path: { id } } }));
}

export async function getTimeline(id: string): Promise<TimelineItem[]> {
  return (await call(api.GET('/issues/{id}/timeline', { params: { path: { id } } }))).items;
}

export async function getExtensionRequests(id: string): Promise<ExtensionRequest[]> {
  return (await call(api.GET('/issues/{id}/extension-requests', { params: { path: { id } } }))).items;
}

/** POST /attachments: one multipart part named `file`. */
export function uploadAttachment(file: File): Promise<Attachment> {
  return call(
    api.POST('/attachments', {
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

/** GET /attachments/:id through the client (the token rides along), as a blob and its name. */
export async function downloadAttachment(id: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const { data, response } = await api.GET('/attachments/{id}', { params: { path: { id } }, parseAs: 'blob' });
  return {
    blob: data as unknown as Blob,
    filename: filenameFrom(response.headers.get('Content-Disposition'), fallbackName),
  };
}

type Versioned = Pick<Issue, 'id' | 'version'>;
const guarded = (issue: Versioned) => ({ path: { id: issue.id }, header: { 'if-match': String(issue.version) } });

/** The bodies of the commands the issue page sends itself (assign, notices and decisions: views/oversight). */
export interface CommandBodies {
  acknowledge: Record<string, never>;
  return: { reason: string; reasonCode: ReturnReasonCode };
  progress: { note: string };
  rectification: { summary: string; evidence: Evidence[] };
  verification: {
    outcome: 'accepted' | 'rejected';
    comment?: string;
    satisfaction?: Satisfaction;
    dueAt?: string;
  };
  requestExtension: { requestedDueAt: string; reason: string };
  key: { isKey: boolean };
  withdraw: { reason: string };
}
export type PageCommand = keyof CommandBodies;

/** Sends one command with `If-Match: <version>`; answers the issue as it now is (null: read it again). */
export async function runCommand<C extends PageCommand>(
  command: C,
  issue: Versioned,
  body: CommandBodies[C],
): Promise<Issue | null> {
  const params = guarded(issue);
  switch (command) {
    case 'acknowledge':
      return call(api.POST('/issues/{id}/acknowledge', { params, body: {} }));
    case 'return':
      return call(api.POST('/issues/{id}/return', { params, body: body as CommandBodies['return'] }));
    case 'progress':
      return call(api.POST('/issues/{id}/progress', { params, body: body as CommandBodies['progress'] }));
    case 'rectification':
      return call(api.POST('/issues/{id}/rectification', { params, body: body as CommandBodies['rectification'] }));
    case 'verification':
      return call(api.POST('/issues/{id}/verification', { params, body: body as CommandBodies['verification'] }));
    case 'requestExtension':
      await call(
        api.POST('/issues/{id}/extension-requests', { params, body: body as CommandBodies['requestExtension'] }),
      );
      return null;
    case 'key':
      return call(api.POST('/issues/{id}/key', { params, body: body as CommandBodies['key'] }));
    case 'withdraw':
      return call(api.POST('/issues/{id}/withdraw', { params, body: body as CommandBodies['withdraw'] }));
    default:
      throw new Error(`unknown command ${String(command)}`);
  }
}
