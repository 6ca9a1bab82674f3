import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, QUEUES } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { DeadlineTimerService } from '@app/workflow';
import { assertHandlersCover, dispatch, JobHandlers, startWorker } from '../job-handlers';

@Processor(QUEUES.deadlines, { autorun: false })
export class DeadlinesProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlinesProcessor.name);
  private readonly handlers: JobHandlers<typeof QUEUES.deadlines> = {
    [JOBS.fireTimer]: ({ issueId, deadlineVersion }) => this.timers.fireDue(issueId, deadlineVersion),
  };

  constructor(
    private readonly timers: DeadlineTimerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    assertHandlersCover(QUEUES.deadlines, this.handlers);
  }

  onApplicationBootstrap(): void {
    startWorker(this.worker, this.logger, this.config.deadlineConcurrency);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.close();
  }

  process(job: Job): Promise<unknown> {
    return dispatch(this.logger, QUEUES.deadlines, this.handlers, job);
  }
}
