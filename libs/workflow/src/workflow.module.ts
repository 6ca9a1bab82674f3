import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { AssessmentLedgerWriter } from './assessment/assessment-ledger.writer';
import { AssessmentService } from './assessment/assessment.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookService } from './webhooks/webhook.service';
import { DeadlineReconciler } from './deadlines/deadline-reconciler.service';
import { DeadlineTimerService } from './deadlines/deadline-timer.service';
import { DeadlineService } from './deadlines/deadline.service';
import { NotificationService } from './notifications/notification.service';
import { LogNotifier, Notifier } from './notifications/notifier';
import { OversightService } from './oversight/oversight.service';
import { EventLog } from './issues/event-log';
import { IssueCommandsService } from './issues/issue-commands.service';
import { IssueQueriesService } from './issues/issue-queries.service';
import { ReferenceDataService } from './reference/reference-data.service';
import { RoutingService } from './routing/routing.service';
import { UsersService } from './users/users.service';

@Module({
  imports: [MessagingModule],
  providers: [
    AssessmentLedgerWriter,
    AssessmentService,
    WebhookDispatcher,
    WebhookService,
    DeadlineService,
    DeadlineTimerService,
    DeadlineReconciler,
    NotificationService,
    OversightService,
    { provide: Notifier, useClass: LogNotifier },
    EventLog,
    IssueCommandsService,
    IssueQueriesService,
    ReferenceDataService,
    RoutingService,
    UsersService,
  ],
  exports: [
    IssueCommandsService,
    IssueQueriesService,
    ReferenceDataService,
    RoutingService,
    UsersService,
    DeadlineService,
    DeadlineTimerService,
    DeadlineReconciler,
    NotificationService,
    OversightService,
    AssessmentService,
    WebhookService,
  ],
})
export class WorkflowModule {}
