export { WorkflowModule } from './workflow.module';
export { Actor, SYSTEM_ACTOR } from './actor';
export * from './errors';
export { Page } from './pagination';
export { IssueView, TimelineItemView, toIssueView } from './issues/issue-view';
export {
  IssueCommandsService,
  FileIssueInput,
  VerificationInput,
  CommandOptions,
} from './issues/issue-commands.service';
export { IssueQueriesService, IssueFilter } from './issues/issue-queries.service';
export { ReferenceDataService, DeadlinePolicyInput } from './reference/reference-data.service';
export { RoutingService } from './routing/routing.service';
export { DeadlineService } from './deadlines/deadline.service';
export { UsersService, UserView, toUserView } from './users/users.service';
export { DeadlineTimerService, FireOutcome } from './deadlines/deadline-timer.service';
export { DeadlineReconciler, SweepResult } from './deadlines/deadline-reconciler.service';
export { NotificationService, NotificationView } from './notifications/notification.service';
export { Notifier, LogNotifier } from './notifications/notifier';
export { OversightService, OverdueFilter } from './oversight/oversight.service';
export { ExtensionRequestView } from './issues/issue-view';
export { AssessmentService, AssessmentRow, LedgerItem, Range } from './assessment/assessment.service';
export {
  WebhookService,
  WebhookView,
  DeliveryView,
  WEBHOOK_EVENT_TYPES,
  DeliveryFailedError,
} from './webhooks/webhook.service';
