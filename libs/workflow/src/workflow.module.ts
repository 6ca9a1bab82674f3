import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { DeadlineService } from './deadlines/deadline.service';
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
  ],
})
export class WorkflowModule {}
