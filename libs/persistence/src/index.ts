export { PersistenceModule } from './persistence.module';
export { dataSourceOptions, runMigrations } from './data-source';
export { InjectReads, READ_DATA_SOURCE } from './read-data-source';
export { ENTITIES } from './entities';
export { RegionEntity } from './reference/region.entity';
export { UnitEntity } from './reference/unit.entity';
export { CategoryEntity } from './reference/category.entity';
export { RoutingRuleEntity } from './reference/routing-rule.entity';
export { DeadlinePolicyEntity, EscalationStep, PolicyTerms } from './reference/deadline-policy.entity';
export { CalendarDayEntity } from './reference/calendar-day.entity';
export { UserEntity } from './users/user.entity';
export { IssueEntity, IssueLocation, EvidenceItem } from './issues/issue.entity';
export { IssueEventEntity } from './issues/issue-event.entity';
export { IdempotencyKeyEntity } from './issues/idempotency-key.entity';
export { OutboxMessageEntity } from './outbox/outbox-message.entity';
export { ExtensionRequestEntity, ExtensionStatus } from './issues/extension-request.entity';
export { NotificationEntity, NotificationType, NOTIFICATION_TYPES } from './notifications/notification.entity';
export {
  Channel,
  CHANNELS,
  ChannelDeliveryStatus,
  NotificationDeliveryEntity,
} from './notifications/notification-delivery.entity';
export { AssessmentRuleSetEntity } from './assessment/assessment-rule-set.entity';
export { AssessmentEvaluationEntity } from './assessment/assessment-evaluation.entity';
export { AssessmentLedgerEntity } from './assessment/assessment-ledger.entity';
export { WebhookEntity } from './webhooks/webhook.entity';
export { WebhookDeliveryEntity, DeliveryStatus } from './webhooks/webhook-delivery.entity';
export { AttachmentEntity } from './attachments/attachment.entity';
export { AuditEntryEntity } from './audit/audit-entry.entity';
export { BulletinEntity } from './bulletins/bulletin.entity';
export { PgListener } from './notify/pg-listener';
