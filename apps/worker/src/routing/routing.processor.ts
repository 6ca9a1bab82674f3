import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { RoutingService } from '@app/workflow';
import { assertHandlersCover, dispatch, JobHandlers, startWorker } from '../job-handlers';

@Processor(QUEUES.routing, { autorun: false })
export class RoutingProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RoutingProcessor.name);
  private readonly handlers: JobHandlers<typeof QUEUES.routing> = {
    [JOBS.routeIssue]: ({ issueId }) => this.routing.routeFiledIssue(issueId),
  };

  constructor(
    private readonly routing: RoutingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    assertHandlersCover(QUEUES.routing, this.handlers);
  }

  onApplicationBootstrap(): void {
    startWorker(this.worker, this.logger, this.config.routingConcurrency);
  }

  // Before any connection closes: active jobs finish, nothing new is taken.
  beforeApplicationShutdown(): Promise<void> {
    return this.worker.close();
  }

  process(job: Job): Promise<unknown> {
    return dispatch(this.logger, QUEUES.routing, this.handlers, job);
  }
}
