import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MessagingModule } from '@app/messaging';
import { AssessmentLedgerWriter } from './assessment/assessment-ledger.writer';
import { AttachmentStore, PostgresAttachmentStore } from './attachments/attachment-store';
import { AttachmentsService } from './attachments/attachments.service';
import { AuditLog } from './audit/audit-log';
import { AssessmentService } from './assessment/assessment.service';
import { ProposalReportService } from './assessment/proposal-report.service';
import { BulletinsService } from './bulletins/bulletins.service';
import { WorkingCalendar } from './calendar/working-calendar.service';
import { DeadlineTimerService } from './deadlines/deadline-timer.service';
import { DeadlineService } from './deadlines/deadline.service';
import { EventLog } from './issue-record/event-log';
import { IssueCommandRunner } from './issues/commands/command-runner';
import { ExtensionCommands } from './issues/commands/extension.commands';
import { FilingCommands } from './issues/commands/filing.commands';
import { HandlingCommands } from './issues/commands/handling.commands';
import { InspectorCommands } from './issues/commands/inspector.commands';
import { VerificationCommands } from './issues/commands/verification.commands';
import { IssueQueriesService } from './issues/issue-queries.service';
import { ChannelDeliveries } from './notifications/channels/channel-deliveries.service';
import { MailTransport } from './notifications/channels/mail-transport';
import { SmsTransport } from './notifications/channels/sms-transport';
import { NotificationService } from './notifications/notification.service';
import { LogNotifier, Notifier } from './notifications/notifier';
import { BoardHistory } from './oversight/board-history';
import { OversightService } from './oversight/oversight.service';
import { Reconciler } from './reconciler/reconciler.service';
import { CalendarDaysService } from './calendar/calendar-days.service';
import { CategoriesService } from './reference/categories.service';
import { DeadlinePoliciesService } from './reference/deadline-policies.service';
import { RegionsService } from './reference/regions.service';
import { RoutingRulesService } from './reference/routing-rules.service';
import { UnitsService } from './reference/units.service';
import { RoutingService } from './routing/routing.service';
import { StreamPublisher } from './stream/stream-publisher';
import { UserAccessChanges, UsersService } from './users/users.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookService } from './webhooks/webhook.service';

// Listed from the bottom layer up: the issue record, then the features that write through it.
const COMMAND_SERVICES = [FilingCommands, HandlingCommands, VerificationCommands, ExtensionCommands, InspectorCommands];
const REFERENCE_SERVICES = [
  RegionsService,
  UnitsService,
  CategoriesService,
  RoutingRulesService,
  DeadlinePoliciesService,
  CalendarDaysService,
];

@Module({
  imports: [MessagingModule, DiscoveryModule],
  providers: [
    AuditLog,
    EventLog,
    { provide: AttachmentStore, useClass: PostgresAttachmentStore },
    AttachmentsService,
    WorkingCalendar,
    AssessmentLedgerWriter,
    WebhookDispatcher,
    StreamPublisher,
    WebhookService,
    AssessmentService,
    ProposalReportService,
    BulletinsService,
    { provide: Notifier, useClass: LogNotifier },
    MailTransport,
    SmsTransport,
    ChannelDeliveries,
    NotificationService,
    DeadlineService,
    DeadlineTimerService,
    RoutingService,
    IssueCommandRunner,
    ...COMMAND_SERVICES,
    IssueQueriesService,
    Reconciler,
    OversightService,
    BoardHistory,
    ...REFERENCE_SERVICES,
    UserAccessChanges,
    UsersService,
  ],
  exports: [
    UserAccessChanges,
    AuditLog,
    AttachmentsService,
    ...COMMAND_SERVICES,
    IssueQueriesService,
    ...REFERENCE_SERVICES,
    UsersService,
    NotificationService,
    ChannelDeliveries,
    OversightService,
    BoardHistory,
    AssessmentService,
    ProposalReportService,
    BulletinsService,
    WebhookService,
    Reconciler,
  ],
})
export class WorkflowModule {}
