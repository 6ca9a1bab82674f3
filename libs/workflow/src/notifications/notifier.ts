import { Injectable, Logger } from '@nestjs/common';
import type { NotificationEntity } from '@app/persistence';

/**
 * Delivers a stored notification to people. The log implementation is the default; an SMS or e-mail adapter
 * is another provider of this class, with no change to the processors.
 */
export abstract class Notifier {
  abstract deliver(notification: NotificationEntity): Promise<void>;
}

@Injectable()
export class LogNotifier extends Notifier {
  private readonly logger = new Logger('Notifier');

  async deliver(notification: NotificationEntity): Promise<void> {
    this.logger.log(
      {
        notificationId: notification.id,
        type: notification.type,
        issueId: notification.issueId,
        unit: notification.unit,
        username: notification.username,
        level: notification.level,
      },
      'notification delivered',
    );
  }
}
