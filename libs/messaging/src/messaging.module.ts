import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { OutboxWriter } from './outbox.writer';
import { DEFAULT_JOB_OPTIONS } from './queue-options';
import { ALL_QUEUES, QUEUES } from './queues';
import { redisConnectionOptions } from './redis-connection';

const OWN_OPTIONS = new Set<string>([QUEUES.webhooks, QUEUES.channelEmail, QUEUES.channelSms]);

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
    BullModule.registerQueue(...ALL_QUEUES.filter((name) => !OWN_OPTIONS.has(name)).map((name) => ({ name }))),
    // Webhook receivers may be away for a day: their own attempts, with the worker's capped doubling backoff.
    BullModule.registerQueueAsync({
      name: QUEUES.webhooks,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        defaultJobOptions: {
          ...DEFAULT_JOB_OPTIONS,
          attempts: config.webhookMaxAttempts,
          backoff: { type: 'custom' },
        },
      }),
    }),
    // Notification channels: their own attempts and capped doubling backoff (CHANNEL_*).
    ...[QUEUES.channelEmail, QUEUES.channelSms].map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          defaultJobOptions: {
            ...DEFAULT_JOB_OPTIONS,
            attempts: config.channels.maxAttempts,
            backoff: { type: 'custom' },
          },
        }),
      }),
    ),
  ],
  providers: [OutboxWriter],
  exports: [OutboxWriter, BullModule],
})
export class MessagingModule {}
