import { BullModule, getQueueToken, RegisterQueueOptions } from '@nestjs/bullmq';
import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { OutboxWriter } from './outbox.writer';
import { DEFAULT_JOB_OPTIONS } from './queue-options';
import { ALL_QUEUES, QUEUES, QueueName } from './queues';
import { createRedisClient, queueConnection, redisConnectionOptions } from './redis-connection';

/**
 * Webhook receivers may be away for a day, and mail servers and SMS gateways for hours: their queues have their
 * own attempts (WEBHOOK_MAX_ATTEMPTS, CHANNEL_MAX_ATTEMPTS), with the worker's capped doubling backoff.
 */
function queueSettings(name: QueueName, config: AppConfig): RegisterQueueOptions {
  const attempts: Partial<Record<QueueName, number>> = {
    [QUEUES.webhooks]: config.webhookMaxAttempts,
    [QUEUES.channelEmail]: config.channels.maxAttempts,
    [QUEUES.channelSms]: config.channels.maxAttempts,
  };
  const own = attempts[name];
  if (own === undefined) return {};
  return { defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: own, backoff: { type: 'custom' } } };
}

/** On a cluster each queue brings a client of its own: BullMQ takes no cluster options, only a client. */
function connectionSettings(config: AppConfig): RegisterQueueOptions {
  if (!config.redisClusterNodes) return {};
  return { connection: queueConnection(config) };
}

/**
 * BullMQ never closes a client it was given, and @nestjs/bullmq's `forceDisconnectOnShutdown` finds the queue
 * already closed: on a cluster the queues' clients are closed here, each after its queue (closing twice is
 * harmless; the workers bound to them have stopped in beforeApplicationShutdown).
 */
@Injectable()
class QueueClientCloser implements OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.config.redisClusterNodes) return;
    await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        await queue.close().catch(() => undefined);
        (await queue.client.catch(() => null))?.disconnect();
      }),
    );
  }
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
  providers: [OutboxWriter, QueueClientCloser],
  exports: [OutboxWriter, BullModule],
})
export class MessagingModule {}
