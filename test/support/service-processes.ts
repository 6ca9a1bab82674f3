import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { freePort, ManagedProcess, spawnNode, waitUntil } from '@app/devkit';
import { API, issueBody } from './factories';
import type { TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

export interface ServiceProcessesOptions {
  apis: number;
  workers: number;
  /** Added to the environment every process gets (the TestApp's database, Redis and prefix come first). */
  env?: Record<string, string>;
  apiEnv?: Record<string, string>;
}

/**
 * API and worker processes from the built dist/, as `npm run start:api` / `start:worker` run them, against the
 * TestApp's database, Redis (or Redis Cluster) and queue prefix. The TestApp's own in-process API is only used to
 * seed and to sign tokens: the JWT secret is shared, so its tokens hold on every process.
 */
export class ServiceProcesses {
  readonly apis: { process: ManagedProcess; port: number }[] = [];
  readonly workers: { process: ManagedProcess; healthPort: number }[] = [];

  private constructor(private readonly app: TestApp) {}

  static async start(app: TestApp, options: ServiceProcessesOptions): Promise<ServiceProcesses> {
    for (const main of [API_MAIN, WORKER_MAIN]) {
      if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    }
    const service = new ServiceProcesses(app);
    try {
      await Promise.all([
        ...Array.from({ length: options.apis }, () => service.startApi(options)),
        ...Array.from({ length: options.workers }, () => service.startWorker(options)),
      ]);
    } catch (error) {
      await service.stop();
      throw error;
    }
    return service;
  }

  /** What the TestApp's config says, as the variables a process reads. */
  baseEnv(): Record<string, string> {
    const { config } = this.app;
    return {
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisClusterNodes ? '' : config.redisUrl,
      REDIS_CLUSTER_NODES: (config.redisClusterNodes ?? []).map(({ host, port }) => `${host}:${port}`).join(','),
      QUEUE_PREFIX: config.queuePrefix,
      JWT_SECRET: 'test-secret-test-secret',
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_INTERVAL_MS: '200',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      RATE_LIMIT_PER_SECOND: '10000',
      DATABASE_POOL_SIZE: '8',
    };
  }

  private async startApi(options: ServiceProcessesOptions): Promise<void> {
    const port = await freePort();
    const child = spawnNode(`api-${this.apis.length + 1}`, API_MAIN, {
      detached: false,
      tailLines: 2000,
      env: { ...process.env, ...this.baseEnv(), ...options.env, ...options.apiEnv, PORT: String(port) },
    });
    this.apis.push({ process: child, port });
    await child.failIfExits(
      waitUntil(
        `API process on port ${port} to answer /health`,
        60_000,
        () =>
          fetch(`http://127.0.0.1:${port}/health`).then(
            (response) => response.status === 200,
            () => false,
          ),
        { everyMs: 200, watch: [child] },
      ),
    );
  }

  private async startWorker(options: ServiceProcessesOptions): Promise<void> {
    const healthPort = await freePort();
    const child = spawnNode(`worker-${this.workers.length + 1}`, WORKER_MAIN, {
      detached: false,
      tailLines: 2000,
      env: { ...process.env, ...this.baseEnv(), ...options.env, WORKER_HEALTH_PORT: String(healthPort) },
    });
    this.workers.push({ process: child, healthPort });
    await child.failIfExits(
      waitUntil(
        `worker with health on ${healthPort} to report ok`,
        60_000,
        () =>
          fetch(`http://127.0.0.1:${healthPort}/health`).then(
            (response) => response.status === 200,
            () => false,
          ),
        { everyMs: 200, watch: [child] },
      ),
    );
  }

  url(index: number, path: string): string {
    return `http://127.0.0.1:${this.apis[index % this.apis.length].port}${path}`;
  }

  /** A request as `username` to API process `index`. */
  async request(index: number, username: string, method: string, path: string, body?: object): Promise<Response> {
    return fetch(this.url(index, path), {
      method,
      headers: { Authorization: `Bearer ${await this.app.token(username)}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  /**
   * Files `count` issues as `supervisor`, spread round-robin over the API processes; returns the ids answered
   * 201 and every status seen.
   */
  async fileIssues(
    count: number,
    options: { concurrency?: number; overrides?: (index: number) => Record<string, unknown> } = {},
  ): Promise<{ accepted: string[]; statuses: Record<number, number>; ms: number }> {
    const accepted: string[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.concurrency ?? 8 }, async () => {
        while (next < count) {
          const index = next++;
          const response = await this.request(
            index,
            'supervisor',
            'POST',
            `${API}/issues`,
            issueBody({
              title: `Issue ${index} across processes`,
              regionCode: index % 2 === 0 ? '522301' : '522302',
              ...options.overrides?.(index),
            }),
          ).catch(() => null);
          const status = response?.status ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (response && status === 201) accepted.push(((await response.json()) as { id: string }).id);
          else await response?.text();
        }
      }),
    );
    return { accepted, statuses, ms: Date.now() - started };
  }

  /** Every process's output, for a failure message. */
  output(): string {
    return [...this.apis, ...this.workers].map(({ process }) => process.output().slice(-3000)).join('\n---\n');
  }

  /** Fails with their output if any process died. */
  assertRunning(): void {
    for (const { process } of [...this.apis, ...this.workers]) process.assertRunning();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map(({ process }) => process.stop(15_000)));
  }
}
