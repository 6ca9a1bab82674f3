import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Cluster } from 'ioredis';
import { closeRedisClient, createRedisClient, RedisTarget } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';

/**
 * The API's own Redis connection (one server, or the cluster of REDIS_CLUSTER_NODES): login throttling, the
 * per-user rate limit and health checks. Its keys sit under the queue prefix's hash tag, `{dh}:api:…` on a cluster.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly connection: RedisTarget;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Login throttling and the rate limit fail open, so a silent Redis must not hold a request: answer or give up
    // within 500 ms.
    this.connection = createRedisClient(config, {
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      keyPrefix: `${config.queuePrefix}:api:`,
    });
    // Connection errors surface as failed commands (and 503 from /health); don't crash on the event.
    this.connection.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedisClient(this.connection);
  }
}

const WARN_EVERY_MS = 10_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The per-user request budget, counted in Redis so every API process draws on the same one. With Redis away the
 * budget is counted in this process alone until it answers again: requests go on being limited, never refused
 * for want of a counter.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(SharedThrottlerStorage.name);
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private warnedAt = 0;

  constructor(private readonly redis: RedisClient) {
    const { connection } = redis;
    // Overloads for each kind of client, none for the union; it takes either.
    this.shared =
      connection instanceof Cluster
        ? new ThrottlerStorageRedisService(connection)
        : new ThrottlerStorageRedisService(connection);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      // Not connected (Redis down, a cluster re-forming): count here at once rather than make every request wait
      // out the command timeout.
      if (this.redis.connection.status !== 'ready') throw new Error(`Redis is ${this.redis.connection.status}`);
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.warnedAt > WARN_EVERY_MS) {
        this.warnedAt = Date.now();
        this.logger.warn({ err: error }, 'rate limit counted in this process: Redis did not answer');
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}

@Module({ providers: [RedisClient, SharedThrottlerStorage], exports: [RedisClient, SharedThrottlerStorage] })
export class ApiRedisModule {}
