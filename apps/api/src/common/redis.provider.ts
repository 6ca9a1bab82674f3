import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConnectionOptions } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';

/** The API's own Redis connection: login throttling and health checks. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      ...redisConnectionOptions(config.redisUrl),
      maxRetriesPerRequest: 1,
      keyPrefix: `${config.queuePrefix}:api:`,
    });
    // Connection errors surface as failed commands (and 503 from /health); don't crash on the event.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}
