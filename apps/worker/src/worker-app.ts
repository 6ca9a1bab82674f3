import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/platform';
import { WorkerModule } from './worker.module';

/** The worker is an application context: processors and the outbox relay, no HTTP port. */
export async function createWorkerApp(
  config: AppConfig,
  options: { logs?: boolean } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
