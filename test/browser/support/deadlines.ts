import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import type { ServiceApi } from './fixtures';

export interface IssueView {
  id: string;
  referenceNo: string;
  title: string;
  status: string;
  leadUnit: string | null;
  dueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  version: number;
}

/**
 * A category of its own, routed to `leadUnit`, whose urgent issues must be acknowledged within a second and
 * resolved within two, escalating to level 1 the moment they are late: arranged by the admin, as an admin
 * would, so an issue filed in it turns overdue while a person watches. Its own category keeps the short
 * deadlines away from every other test.
 */
export async function fastDeadlineCategory(service: ServiceApi, leadUnit: string): Promise<string> {
  const code = `fast_${randomBytes(4).toString('hex')}`;
  await service.post('admin', '/categories', { code, name: `快速期限 ${code}` });
  await service.post('admin', '/routing-rules', { category: code, regionCode: '522300', leadUnit });
  await service.post('admin', '/deadline-policies', {
    severity: 'urgent',
    category: code,
    calendar: 'natural',
    acknowledgeWithin: 'PT1S',
    resolveWithin: 'PT2S',
    escalations: [{ after: 'PT0S', level: 1 }],
  });
  return code;
}

/** The supervisor files an issue; resolves once routing has given it a lead unit (or sent it to triage). */
export async function fileIssue(
  service: ServiceApi,
  fields: { title: string; category: string; regionCode: string; severity?: string },
): Promise<IssueView> {
  const filed = await service.post<IssueView>('supervisor', '/issues', {
    description: '督查中发现，请尽快处理。',
    severity: 'general',
    source: 'unannounced_visit',
    ...fields,
  });
  await expect
    .poll(async () => (await service.get<IssueView>('inspector', `/issues/${filed.id}`)).status)
    .not.toBe('filed');
  return service.get<IssueView>('inspector', `/issues/${filed.id}`);
}

/** A title no other test (or earlier run on the same seed) has used. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${randomBytes(3).toString('hex')}`;
}
