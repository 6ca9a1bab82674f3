import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { redisConnectionOptions } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';

/** The API's own Redis connection: login throttling and health checks. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Login throttling fails open, so a silent Redis must not hold a request: answer or give up within 500 ms.
    super({
      ...redisConnectionOptions(config.redisUrl),
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      keyPrefix: `${config.queuePrefix}:api:`,
    });
    // Connection errors surface as failed commands (and 503 from /health); don't crash on the event.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}
