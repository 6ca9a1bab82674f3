import { CalendarDayEntity } from './reference/calendar-day.entity';
import { CategoryEntity } from './reference/category.entity';
import { DeadlinePolicyEntity } from './reference/deadline-policy.entity';
import { RegionEntity } from './reference/region.entity';
import { RoutingRuleEntity } from './reference/routing-rule.entity';
import { UnitEntity } from './reference/unit.entity';
import { IdempotencyKeyEntity } from './issues/idempotency-key.entity';
import { IssueEventEntity } from './issues/issue-event.entity';
import { IssueEntity } from './issues/issue.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { UserEntity } from './users/user.entity';
import { ExtensionRequestEntity } from './issues/extension-request.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { NotificationDeliveryEntity } from './notifications/notification-delivery.entity';
import { AssessmentEvaluationEntity } from './assessment/assessment-evaluation.entity';
import { AssessmentLedgerEntity } from './assessment/assessment-ledger.entity';
import { AssessmentRuleSetEntity } from './assessment/assessment-rule-set.entity';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookEntity } from './webhooks/webhook.entity';
import { AttachmentEntity } from './attachments/attachment.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { BulletinEntity } from './bulletins/bulletin.entity';

export const ENTITIES = [
  RegionEntity,
  UnitEntity,
  CategoryEntity,
  RoutingRuleEntity,
  DeadlinePolicyEntity,
  CalendarDayEntity,
  UserEntity,
  IssueEntity,
  IssueEventEntity,
  IdempotencyKeyEntity,
  OutboxMessageEntity,
  ExtensionRequestEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  AssessmentRuleSetEntity,
  AssessmentEvaluationEntity,
  AssessmentLedgerEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  AttachmentEntity,
  AuditEntryEntity,
  BulletinEntity,
];
