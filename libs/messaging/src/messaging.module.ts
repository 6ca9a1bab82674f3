import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { OutboxWriter } from './outbox.writer';
import { DEFAULT_JOB_OPTIONS } from './queue-options';
import { ALL_QUEUES } from './queues';
import { redisConnectionOptions } from './redis-connection';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [OutboxWriter],
  exports: [OutboxWriter, BullModule],
})
export class MessagingModule {}
