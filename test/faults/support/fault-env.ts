import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { delay, freePort } from '@app/devkit';
import { API, issueBody, seedReference } from '../../support/factories';
import { TestApp, waitFor } from '../../support/test-app';
import { PrivateRedis, TcpProxy, WorkerProcess } from './processes';

/** `FAULTS=full` runs the slow tier (full sizes, 30 s outages); anything else the fast tier that CI runs. */
export const FULL = process.env.FAULTS === 'full';
export const tier = <T>(fast: T, full: T): T => (FULL ? full : fast);
/** `it` in the fast tier; in the slow tier only when FAULTS=full. */
export const slowIt = FULL ? it : it.skip;

export interface FaultEnvOptions {
  /** Put a TCP proxy between everything and the private Redis (for partitions). */
  redisProxy?: boolean;
  /** Put a TCP proxy between the API/workers and PostgreSQL (for a PostgreSQL outage). */
  postgresProxy?: boolean;
  redisArgs?: string[];
  apiEnv?: Record<string, string>;
}

/** Timer settings every worker gets unless a test overrides them. */
export const RECONCILE_INTERVAL_MS = 1000;
export const ROUTING_GRACE_MS = 2000;

/**
 * One test file's world: its own database (via TestApp, API in-process), its own redis-server, optional TCP
 * proxies for partitions, and worker child processes spawned from the built worker.
 */
export class FaultEnv {
  readonly workers: WorkerProcess[] = [];
  /** What the in-process API logged as unhandled (its 5xx answers): the API runs with logs off. */
  static readonly serverErrors: string[] = [];
  private readonly queues = new Map<string, Queue>();

  private constructor(
    readonly app: TestApp,
    readonly redis: PrivateRedis,
    readonly redisProxy: TcpProxy | null,
    readonly postgresProxy: TcpProxy | null,
    /** Straight to PostgreSQL, never through the proxy: the checker reads through it during outages. */
    readonly db: Client,
  ) {}

  static async start(options: FaultEnvOptions = {}): Promise<FaultEnv> {
    const original = Logger.prototype.error;
    jest.spyOn(Logger.prototype, 'error').mockImplementation(function (this: Logger, ...args: unknown[]) {
      const [first] = args as [{ err?: Error } | string];
      const err = typeof first === 'object' && first?.err;
      FaultEnv.serverErrors.push(err ? `${err.name}: ${err.message}` : JSON.stringify(args).slice(0, 500));
      return original.apply(this, args as never);
    });
    const redis = await PrivateRedis.start(options.redisArgs);
    const redisProxy = options.redisProxy ? await TcpProxy.start({ host: '127.0.0.1', port: redis.port }) : null;
    const realUrl = process.env.DATABASE_URL as string;
    const real = new URL(realUrl);
    const postgresProxy = options.postgresProxy
      ? await TcpProxy.start({ host: real.hostname, port: Number(real.port || 5432) })
      : null;
    let app: TestApp;
    try {
      if (postgresProxy) {
        // TestApp derives everything from DATABASE_URL: pointed at the proxy, the API's pool goes through it.
        const proxied = new URL(realUrl);
        proxied.hostname = '127.0.0.1';
        proxied.port = String(postgresProxy.port);
        process.env.DATABASE_URL = proxied.toString();
      }
      app = await TestApp.start({
        worker: false,
        env: {
          REDIS_URL: `redis://127.0.0.1:${redisProxy?.port ?? redis.port}`,
          WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
          ...options.apiEnv,
        },
      });
    } finally {
      process.env.DATABASE_URL = realUrl;
    }
    // The TestApp's own client may be cut by a fault; it must not crash the test process.
    app.db.on('error', () => undefined);
    const direct = new URL(realUrl);
    direct.pathname = `/${app.databaseName}`;
    const db = new Client({ connectionString: direct.toString() });
    await db.connect();
    await seedReference(app);
    return new FaultEnv(app, redis, redisProxy, postgresProxy, db);
  }

  get redisUrl(): string {
    return this.app.config.redisUrl;
  }

  get prefix(): string {
    return this.app.config.queuePrefix;
  }

  workerEnv(env: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.app.config.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.prefix,
      OUTBOX_POLL_INTERVAL_MS: '200',
      RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
      ROUTING_GRACE_MS: String(ROUTING_GRACE_MS),
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_TIMEOUT_MS: '1000',
      DATABASE_POOL_SIZE: '10',
      ...env,
    };
  }

  /** Starts a worker and waits until it has relayed once (its outbox listener and queues are up). */
  async startWorker(env: Record<string, string> = {}, { ready = true } = {}): Promise<WorkerProcess> {
    const healthPort = await freePort();
    const worker = WorkerProcess.start(this.workerEnv({ WORKER_HEALTH_PORT: String(healthPort), ...env }));
    this.workers.push(worker);
    if (ready) {
      // Its health endpoint answers once every provider has booted; main.ts installs the signal handlers
      // right after, so a moment later a SIGTERM is a clean stop (before that, see RELIABILITY.md B4).
      await waitFor(
        async () => {
          worker.assertRunning();
          return fetch(`http://127.0.0.1:${healthPort}/health`).then(
            () => true,
            () => false,
          );
        },
        30_000,
        'the worker to start',
      );
      await delay(200);
    }
    return worker;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: { host: '127.0.0.1', port: this.redis.port, maxRetriesPerRequest: null },
        prefix: this.prefix,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Files `count` issues through the HTTP API; returns the ids acknowledged with 201 and every status seen. */
  async fileIssues(
    count: number,
    options: { concurrency?: number; overrides?: (index: number) => Record<string, unknown>; user?: string } = {},
  ): Promise<{ accepted: string[]; statuses: Record<number, number>; ms: number }> {
    const client = await this.app.as(options.user ?? 'supervisor');
    const accepted: string[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.concurrency ?? 12 }, async () => {
        while (next < count) {
          const index = next++;
          const response = await client.post(
            `${API}/issues`,
            issueBody({
              title: `Fault issue ${index}`,
              regionCode: index % 2 === 0 ? '522301' : '522302',
              ...options.overrides?.(index),
            }),
          );
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status === 201) accepted.push(response.body.id);
        }
      }),
    );
    return { accepted, statuses, ms: Date.now() - started };
  }

  /** Sets the policy for `urgent` issues on the natural calendar, in seconds, so timers fall due in the test. */
  async fastPolicy(ackSeconds: number, resolveSeconds: number, escalateAfterSeconds = 0): Promise<void> {
    const admin = await this.app.as('admin');
    const response = await admin.post(`${API}/deadline-policies`, {
      severity: 'urgent',
      calendar: 'natural',
      acknowledgeWithin: `PT${ackSeconds}S`,
      resolveWithin: `PT${resolveSeconds}S`,
      remindAt: [],
      escalations: [{ after: `PT${escalateAfterSeconds}S`, level: 1 }],
      verifyWithin: 'PT60S',
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`policy: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.db.query(sql, params);
    return Number(rows[0].n);
  }

  /**
   * Waits until every (second-scale, `urgent`) deadline of the issues filed since `since` is `extraMs` past:
   * longer than the checker's bound (interval + slack), or a step not yet fired is not yet counted as missed.
   */
  async waitPastDeadlines(since: Date, extraMs = 5000, timeoutMs = 300_000): Promise<void> {
    await waitFor(
      async () => {
        const { rows } = await this.db.query(
          `SELECT count(*) FILTER (WHERE status = 'filed')::int AS filed, max(due_at) FILTER (WHERE severity = 'urgent') AS due
             FROM issues WHERE filed_at >= $1`,
          [since],
        );
        return rows[0].filed === 0 && rows[0].due && Date.now() > new Date(rows[0].due).getTime() + extraMs;
      },
      timeoutMs,
      'every deadline to pass',
    );
  }

  async countFiled(): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM issues WHERE status = 'filed'`);
  }

  async pendingOutbox(): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
  }

  /** SIGTERMs every running worker and returns how each ended. */
  async stopWorkers(): Promise<{ exit: unknown; ms: number }[]> {
    const results = [];
    for (const worker of this.workers) if (worker.running) results.push(await worker.terminate());
    return results;
  }

  /** After a failed test: no worker of it lives on into the next one. */
  async crashWorkers(): Promise<void> {
    for (const worker of this.workers) if (worker.running) await worker.crash();
  }

  async close(): Promise<void> {
    if (FaultEnv.serverErrors.length) {
      const counts = new Map<string, number>();
      for (const error of FaultEnv.serverErrors) counts.set(error, (counts.get(error) ?? 0) + 1);
      console.info(`[fault] the API answered 5xx for: ${JSON.stringify([...counts])}`);
      FaultEnv.serverErrors.length = 0;
    }
    await this.crashWorkers();
    for (const queue of this.queues.values()) await queue.close().catch(() => undefined);
    await this.redisProxy?.open().catch(() => undefined);
    await this.postgresProxy?.open().catch(() => undefined);
    await this.db.end().catch(() => undefined);
    await Promise.race([
      this.app.close().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 20_000).unref()),
    ]);
    await this.redisProxy?.close();
    await this.postgresProxy?.close();
    await this.redis.stop('SIGKILL');
  }
}
