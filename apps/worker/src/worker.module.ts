import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { MessagingModule, OutboxRelay } from '@app/messaging';
import { PersistenceModule } from '@app/persistence';
import { AppConfig, PlatformModule } from '@app/platform';
import { WorkflowModule } from '@app/workflow';
import { DeadlinesProcessor } from './deadlines/deadlines.processor';
import { ReconcilerScheduler } from './deadlines/reconciler.scheduler';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { RoutingProcessor } from './routing/routing.processor';
import { WorkerHealthServer } from './operations/worker-health.server';
import { WebhooksProcessor } from './webhooks/webhooks.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        PersistenceModule,
        MessagingModule,
        WorkflowModule,
      ],
      providers: [
        OutboxRelay,
        RoutingProcessor,
        DeadlinesProcessor,
        NotificationsProcessor,
        WebhooksProcessor,
        ReconcilerScheduler,
        WorkerHealthServer,
      ],
    };
  }
}
