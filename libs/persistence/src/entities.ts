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
];
