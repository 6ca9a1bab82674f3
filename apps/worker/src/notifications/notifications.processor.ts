import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '@app/messaging';
import { NotificationService } from '@app/workflow';
import { assertHandlersCover, dispatch, JobHandlers, startWorker } from '../job-handlers';

@Processor(QUEUES.notifications, { concurrency: 8, autorun: false })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly handlers: JobHandlers<typeof QUEUES.notifications> = {
    [JOBS.deliverNotification]: ({ notificationId }) => this.notifications.deliver(notificationId),
  };

  constructor(private readonly notifications: NotificationService) {
    super();
    assertHandlersCover(QUEUES.notifications, this.handlers);
  }

  onApplicationBootstrap(): void {
    startWorker(this.worker, this.logger);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.close();
  }

  process(job: Job): Promise<unknown> {
    return dispatch(this.logger, QUEUES.notifications, this.handlers, job);
  }
}
