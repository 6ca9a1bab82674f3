import { BullModule, RegisterQueueOptions } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { OutboxWriter } from './outbox.writer';
import { DEFAULT_JOB_OPTIONS } from './queue-options';
import { ALL_QUEUES, QUEUES, QueueName } from './queues';
import { createRedisClient, queueConnection, redisConnectionOptions } from './redis-connection';

/** Webhook receivers may be away for a day: their own attempts, with the worker's capped doubling backoff. */
function queueSettings(name: QueueName, config: AppConfig): RegisterQueueOptions {
  if (name !== QUEUES.webhooks) return {};
  return {
    defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: config.webhookMaxAttempts, backoff: { type: 'custom' } },
  };
}

/**
 * On a cluster each queue brings a client of its own (BullMQ takes no cluster options, only a client) and closes it
 * when it shuts down, after the workers bound to it have stopped (they stop in beforeApplicationShutdown).
 */
function connectionSettings(config: AppConfig): RegisterQueueOptions {
  if (!config.redisClusterNodes) return {};
  return { connection: queueConnection(config), forceDisconnectOnShutdown: true };
}

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A queue registered elsewhere without a connection of its own gets this one: on a cluster, a client that
        // connects only when such a queue uses it.
        connection: config.redisClusterNodes
          ? createRedisClient(config, { lazyConnect: true })
          : redisConnectionOptions(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...ALL_QUEUES.map((name) =>
      BullModule.registerQueueAsync({
        name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({ ...queueSettings(name, config), ...connectionSettings(config) }),
      }),
    ),
  ],
  providers: [OutboxWriter],
  exports: [OutboxWriter, BullModule],
})
export class MessagingModule {}
