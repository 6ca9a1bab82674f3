import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
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
  ],
})
export class WorkflowModule {}
