import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { MessagingModule, OutboxRelay } from '@app/messaging';
import { PersistenceModule } from '@app/persistence';
import { AppConfig, loggerParams, PlatformModule } from '@app/platform';
import { WorkflowModule } from '@app/workflow';
import { JobHandlerRegistry } from './jobs/job-handler-registry';
import { QUEUE_PROCESSORS } from './jobs/queue-processor';
import { WorkerHealthServer } from './operations/worker-health.server';
import { ReconcilerScheduler } from './reconciler/reconciler.scheduler';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        PersistenceModule,
        MessagingModule,
        WorkflowModule,
        DiscoveryModule,
      ],
      providers: [OutboxRelay, JobHandlerRegistry, ...QUEUE_PROCESSORS, ReconcilerScheduler, WorkerHealthServer],
    };
  }
}
