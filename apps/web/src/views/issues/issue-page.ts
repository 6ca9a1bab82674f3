import type { ExtensionRequest, Issue } from '@/api/types';
import { issueActions, type ActionUser, type IssueAction } from '@/domain/issue-actions';
import type { EventEvidence, TimelineEntry } from './timeline';

export const STEPS = ['filed', 'assigned', 'acknowledged', 'rectifying', 'verifying', 'closed'] as const;
export type StepName = (typeof STEPS)[number];
export type StepStatus = 'wait' | 'process' | 'finish' | 'success' | 'error';

export interface Step {
  name: StepName;
  status: StepStatus;
  /** What the step says besides its name: 待分拨 while the inspection office routes it, 已撤回 where it stopped. */
  note: 'triage' | 'routing' | 'withdrawn' | 'reopened' | null;
}

type StepFields = Pick<Issue, 'status' | 'assignedAt' | 'acknowledgedAt' | 'closedAt' | 'reopenCount'>;

/** How far the issue has come: 提交 → 交办 → 签收 → 整改 → 核查 → 办结, where it is now, where it stopped. */
export function stepsOf(issue: StepFields): Step[] {
  // The step the issue is at (the first not yet done).
  const at: Record<Issue['status'], number> = {
    filed: 1,
    triage: 1,
    assigned: 2,
    in_progress: 3,
    rectification_submitted: 4,
    closed: 6,
    withdrawn: issue.acknowledgedAt ? 3 : issue.assignedAt ? 2 : 1,
  };
  const current = at[issue.status];
  return STEPS.map((name, index) => {
    let status: StepStatus = index < current ? 'finish' : index === current ? 'process' : 'wait';
    let note: Step['note'] = null;
    if (issue.status === 'closed') status = 'success';
    if (issue.status === 'withdrawn' && index === current) {
      status = 'error';
      note = 'withdrawn';
    }
    if (index === 1 && issue.status === 'triage') note = 'triage';
    if (index === 1 && issue.status === 'filed') note = 'routing';
    if (index === 3 && issue.status === 'in_progress' && issue.reopenCount > 0) note = 'reopened';
    return { name, status, note };
  });
}

/** The active step for el-steps (the one in process, or past the last when closed). */
export function activeStep(steps: readonly Step[]): number {
  const index = steps.findIndex((step) => step.status === 'process' || step.status === 'error');
  return index === -1 ? steps.length : index;
}

/**
 * The buttons of the issue page: what issueActions allows, narrowed by the extension requests the page read. A
 * decision needs a pending request; a second request while one is pending is refused by the API (409).
 */
export function pageActions(
  user: ActionUser | null,
  issue: Issue,
  requests: readonly Pick<ExtensionRequest, 'status'>[],
): IssueAction[] {
  if (!user) return [];
  const pending = requests.some((request) => request.status === 'pending');
  return issueActions(user, issue).filter((action) => {
    if (action === 'decideExtension') return pending;
    if (action === 'requestExtension') return !pending && issue.dueAt !== null;
    return true;
  });
}

export function pendingRequest(requests: readonly ExtensionRequest[]): ExtensionRequest | null {
  return requests.find((request) => request.status === 'pending') ?? null;
}

/** One file or link of the evidence gallery. */
export interface GalleryItem {
  key: string;
  /** filing: cited when filed; rectification: with a rectification (the seq of its event). */
  source: 'filing' | 'rectification';
  seq: number | null;
  display: 'image' | 'file' | 'link' | 'note';
  attachmentId: string | null;
  name: string;
  description: string | null;
  /** http(s) only; anything else is shown as text, never a link. */
  href: string | null;
  size: number | null;
}

const SAFE_LINK = /^https?:\/\//i;
const IMAGE_TYPE = /^image\/(jpeg|png|webp)$/;

function galleryItem(
  item: EventEvidence,
  source: GalleryItem['source'],
  seq: number | null,
  index: number,
): GalleryItem {
  const attachmentId = item.attachmentId ?? null;
  const image =
    attachmentId !== null && (IMAGE_TYPE.test(item.contentType ?? '') || (!item.contentType && item.type === 'photo'));
  const href = !attachmentId && item.uri && SAFE_LINK.test(item.uri) ? item.uri : null;
  return {
    key: `${source}-${seq ?? 0}-${index}`,
    source,
    seq,
    display: image ? 'image' : attachmentId ? 'file' : href ? 'link' : 'note',
    attachmentId,
    name: item.filename ?? item.description ?? item.uri ?? '',
    description: item.description && item.description !== item.filename ? item.description : null,
    href,
    size: typeof item.size === 'number' ? item.size : null,
  };
}

/** The filing's evidence, then each rectification's, oldest first. */
export function galleryOf(issue: Pick<Issue, 'evidence'>, timeline: readonly TimelineEntry[]): GalleryItem[] {
  const filed = issue.evidence.map((item, index) => galleryItem(item as EventEvidence, 'filing', null, index));
  const rectified = timeline.flatMap((entry) =>
    entry.evidence.map((item, index) => galleryItem(item, 'rectification', entry.seq, index)),
  );
  return [...filed, ...rectified];
}
