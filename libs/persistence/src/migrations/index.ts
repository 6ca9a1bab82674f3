import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { DeadlinesAndNotifications1764400000000 } from './1764400000000-deadlines-and-notifications';
import { AssessmentAndWebhooks1764500000000 } from './1764500000000-assessment-and-webhooks';
import { InboxKeyOrder1764600000000 } from './1764600000000-inbox-key-order';
import { AssessmentConstraints1764700000000 } from './1764700000000-assessment-constraints';
import { OversightReadPaths1764800000000 } from './1764800000000-oversight-read-paths';
import { PendingDeliveries1764900000000 } from './1764900000000-pending-deliveries';
import { AccountsAndAttachments1765000000000 } from './1765000000000-accounts-and-attachments';
import { UserListFilters1765050000000 } from './1765050000000-user-list-filters';
import { Bulletins1765100000000 } from './1765100000000-bulletins';
import { NotificationDeliveries1765200000000 } from './1765200000000-notification-deliveries';

/** Every migration, in order. A committed migration is never edited: add a new one. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  DeadlinesAndNotifications1764400000000,
  AssessmentAndWebhooks1764500000000,
  InboxKeyOrder1764600000000,
  AssessmentConstraints1764700000000,
  OversightReadPaths1764800000000,
  PendingDeliveries1764900000000,
  AccountsAndAttachments1765000000000,
  UserListFilters1765050000000,
  Bulletins1765100000000,
  NotificationDeliveries1765200000000,
];
