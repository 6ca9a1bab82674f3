export { WorkflowModule } from './workflow.module';
export { Actor, SYSTEM_ACTOR } from './common/actor';
export * from './common/errors';
export { Page } from './common/pagination';
export { ExportFile } from './common/csv';
export { IssueView, TimelineItemView, ExtensionRequestView, toIssueView } from './issue-record/issue-view';
export { maySeeIssue } from './issue-record/issue-access';
export { CommandOptions } from './issues/commands/command-runner';
export { FilingCommands, FileIssueInput } from './issues/commands/filing.commands';
export { HandlingCommands } from './issues/commands/handling.commands';
export { VerificationCommands, VerificationInput } from './issues/commands/verification.commands';
export { ExtensionCommands } from './issues/commands/extension.commands';
export { InspectorCommands } from './issues/commands/inspector.commands';
export { IssueQueriesService, IssueFilter, ISSUE_SORTS, IssueSort } from './issues/issue-queries.service';
export { CalendarDaysService, CalendarDayView } from './calendar/calendar-days.service';
export { CategoriesService } from './reference/categories.service';
export { DeadlinePoliciesService, DeadlinePolicyInput } from './reference/deadline-policies.service';
export { RegionsService } from './reference/regions.service';
export { RoutingExplanation, RoutingRuleInput, RoutingRulesService } from './reference/routing-rules.service';
export { UnitChanges, UnitsService } from './reference/units.service';
export {
  AccessState,
  USER_ACCESS_CHANNEL,
  UserAccessChanges,
  UserChanges,
  UsersService,
  UserView,
  toUserView,
} from './users/users.service';
export { AuditEntryView, AuditFilter, AuditLog } from './audit/audit-log';
export { Reconciler, SweepOptions, SweepResult } from './reconciler/reconciler.service';
export { NotificationService, NotificationView } from './notifications/notification.service';
export { Notifier, LogNotifier } from './notifications/notifier';
export {
  ChannelDeliveries,
  ChannelDeliveryFilter,
  ChannelDeliveryView,
  SendOutcome,
} from './notifications/channels/channel-deliveries.service';
export { OversightService, OverdueFilter } from './oversight/oversight.service';
export { BoardHistory } from './oversight/board-history';
export { AssessmentService, AssessmentRow, LedgerItem, Range } from './assessment/assessment.service';
export { ProposalReportService, ProposalFigures, ProposalUnitFigures } from './assessment/proposal-report.service';
export { BulletinsService, BulletinFormat, MakeBulletinInput } from './bulletins/bulletins.service';
export {
  BulletinContent,
  BulletinEscalationRow,
  BulletinKeyItem,
  BulletinOverdueItem,
  BulletinSummary,
  BulletinView,
} from './bulletins/bulletin-content';
export {
  WebhookService,
  WebhookView,
  DeliveryView,
  WEBHOOK_EVENT_TYPES,
  DeliveryFailedError,
} from './webhooks/webhook.service';
export { IssueStreamMessage, NotificationStreamMessage, STREAM_CHANNELS } from './stream/stream-channels';
export { AttachmentStore } from './attachments/attachment-store';
export { AttachmentsService, AttachmentView, EvidenceInput } from './attachments/attachments.service';
