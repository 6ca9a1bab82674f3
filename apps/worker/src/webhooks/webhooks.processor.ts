import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { WebhookService } from '@app/workflow';
import { assertHandlersCover, dispatch, JobHandlers, startWorker } from '../job-handlers';

@Processor(QUEUES.webhooks, { concurrency: 16, autorun: false })
export class WebhooksProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhooksProcessor.name);
  private readonly handlers: JobHandlers<typeof QUEUES.webhooks> = {
    [JOBS.deliverWebhook]: ({ deliveryId }, job) =>
      this.webhooks.deliver(deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
  };

  constructor(
    private readonly webhooks: WebhookService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    assertHandlersCover(QUEUES.webhooks, this.handlers);
  }

  onApplicationBootstrap(): void {
    // Doubling from the base up to the cap: with the default 40 attempts, more than a day of retries.
    const { webhookRetryBaseMs: base, webhookRetryMaxMs: max } = this.config;
    this.worker.opts.settings = {
      ...this.worker.opts.settings,
      backoffStrategy: (attemptsMade: number) => Math.min(max, base * 2 ** Math.max(0, attemptsMade - 1)),
    };
    startWorker(this.worker, this.logger);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.close();
  }

  process(job: Job): Promise<unknown> {
    return dispatch(this.logger, QUEUES.webhooks, this.handlers, job);
  }
}
