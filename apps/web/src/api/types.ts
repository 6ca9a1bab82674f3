import type { components } from './schema';

// Names for the schemas pages use, so a feature imports `Issue` rather than reaching into the generated file.
type Schemas = components['schemas'];
export type Issue = Schemas['IssueDto'];
export type IssuePage = Schemas['IssuePageDto'];
export type Me = Schemas['MeDto'];
export type FileIssueBody = Schemas['FileIssueDto'];
export type Evidence = Schemas['EvidenceDto'];
export type Location = Schemas['LocationDto'];
export type TimelineItem = Schemas['TimelineItemDto'];
export type ExtensionRequest = Schemas['ExtensionRequestViewDto'];
export type Notification = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPage'];
export type AppInfo = Schemas['AppInfoDto'];
export type Unit = Schemas['UnitDto'];

export type Role = Me['role'];
export type IssueStatus = Issue['status'];
export type Severity = Issue['severity'];
export type IssueSource = Issue['source'];
export type IssueKind = Issue['kind'];
export type EvidenceType = Evidence['type'];
export type ReturnReasonCode = NonNullable<Schemas['ReturnIssueDto']['reasonCode']>;
export type Satisfaction = NonNullable<Schemas['VerificationDto']['satisfaction']>;

/** One page of any list: `{ items, nextCursor }` (API.md, Conventions). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
