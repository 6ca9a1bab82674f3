import { getQueueToken } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { ALL_QUEUES } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { QUEUE_PROCESSORS } from '../jobs/queue-processor';
import { measureQueueDepth, workerMetrics } from '../jobs/worker-metrics';

/**
 * The worker has no HTTP API, only this: `/health` (PostgreSQL, Redis, and a running worker on every queue) and
 * `/metrics` (with each queue's depth), on WORKER_HEALTH_PORT when set. It also warns at start-up when Redis may evict queue keys.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server: Server | null = null;
  private stopMeasuring: () => void = () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.checkEvictionPolicy();
    if (this.config.workerHealthPort === null) return;
    this.stopMeasuring = measureQueueDepth(
      ALL_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
    );
    this.server = createServer((request, response) => {
      const send = (status: number, type: string, body: string) => {
        response.writeHead(status, { 'Content-Type': type });
        response.end(body);
      };
      if (request.url === '/metrics') {
        workerMetrics.metrics().then(
          (text) => send(200, workerMetrics.contentType, text),
          (error: Error) => send(503, 'text/plain', `metrics unavailable: ${error.message}`),
        );
      } else if (request.url === '/health') {
        this.health().then((health) =>
          send(health.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(health)),
        );
      } else {
        send(404, 'application/json', JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'try /health' }));
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(this.config.workerHealthPort as number, resolve));
    this.logger.log({ port: this.config.workerHealthPort }, 'worker health endpoint listening');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopMeasuring();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private async health() {
    const check = (promise: Promise<unknown>) =>
      promise.then(
        () => ({ status: 'up' }),
        (error: Error) => ({ status: 'down', error: error.message }),
      );
    const queue = this.moduleRef.get<Queue>(getQueueToken(ALL_QUEUES[0]), { strict: false });
    const [postgres, redis] = await Promise.all([
      check(this.dataSource.query('SELECT 1')),
      // A keyed read, not PING: on a cluster it asks the master that holds the queues' slot, not any node.
      check(queue.client.then((client) => (client as unknown as Redis).exists(queue.toKey('health')))),
    ]);
    const workers = Object.fromEntries(
      QUEUE_PROCESSORS.map((type) => this.moduleRef.get(type, { strict: false }).worker).map((worker) => [
        worker.name,
        worker.isRunning() ? 'running' : 'stopped',
      ]),
    );
    const ok =
      postgres.status === 'up' && redis.status === 'up' && Object.values(workers).every((w) => w === 'running');
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis, workers } };
  }

  /** BullMQ needs `noeviction`: with any other policy a full Redis silently drops jobs. */
  private async checkEvictionPolicy(): Promise<void> {
    try {
      const client = (await this.moduleRef.get<Queue>(getQueueToken(ALL_QUEUES[0]), { strict: false })
        .client) as unknown as Redis;
      const [, policy] = (await client.config('GET', 'maxmemory-policy')) as [string, string];
      if (policy !== 'noeviction') {
        this.logger.warn(
          { policy },
          'Redis maxmemory-policy should be noeviction: jobs may be evicted under memory pressure',
        );
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the Redis eviction policy');
    }
  }
}
