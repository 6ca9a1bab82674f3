import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { deleteKeys } from '@app/devkit';
import { runMigrations } from '@app/persistence';
import { AppConfig, loadConfig } from '@app/platform';
import { createApiApp } from '../../apps/api/src/api-app';
import { createWorkerApp } from '../../apps/worker/src/worker-app';

export interface TestAppOptions {
  /** Run the worker in this process (default true). */
  worker?: boolean;
  env?: Record<string, string>;
  /** The PostgreSQL server to make the database on (default DATABASE_URL's). */
  serverUrl?: string;
  /** A streaming standby of that server: reads go to it (DATABASE_READ_URL), as a deployment with a replica has. */
  standbyUrl?: string;
}

/** One database and one Redis prefix per test file, so files run in parallel without seeing each other. */
export class TestApp {
  private tokens = new Map<string, string>();

  private constructor(
    readonly config: AppConfig,
    readonly api: NestExpressApplication,
    private worker: INestApplicationContext | null,
    readonly databaseName: string,
    readonly db: Client,
    private readonly serverUrl: string,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const databaseName = `dh_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const serverUrl = options.serverUrl ?? (process.env.DATABASE_URL as string);
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const inDatabase = (server: string) => {
      const url = new URL(server);
      url.pathname = `/${databaseName}`;
      return url.toString();
    };
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: inDatabase(serverUrl),
      ...(options.standbyUrl ? { DATABASE_READ_URL: inDatabase(options.standbyUrl) } : {}),
      QUEUE_PREFIX: `t-${databaseName}`,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'admin-password',
      JWT_SECRET: 'test-secret-test-secret',
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_INTERVAL_MS: '200',
      RATE_LIMIT_PER_SECOND: '10000',
      ...options.env,
    });
    await runMigrations(config.databaseUrl);
    const api = await createApiApp(config, { logs: false });
    await api.init();
    const worker = options.worker === false ? null : await createWorkerApp(config, { logs: false });
    const db = new Client({ connectionString: config.databaseUrl });
    await db.connect();
    return new TestApp(config, api, worker, databaseName, db, serverUrl);
  }

  /** The in-process worker's application context, to reach its services directly (e.g. run a reconciler sweep). */
  get workerContext(): INestApplicationContext {
    if (!this.worker) throw new Error('this TestApp runs no worker');
    return this.worker;
  }

  get http() {
    return request(this.api.getHttpServer());
  }

  async startWorker(): Promise<void> {
    this.worker ??= await createWorkerApp(this.config, { logs: false });
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  async token(username: string, password = 'test-password'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await this.http
      .post('/api/v1/auth/login')
      .send({ username, password: username === 'admin' ? 'admin-password' : password });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    this.tokens.set(username, response.body.accessToken);
    return response.body.accessToken;
  }

  /** A request as this user. */
  async as(username: string) {
    const auth = `Bearer ${await this.token(username)}`;
    const http = this.http;
    return {
      get: (path: string) => http.get(path).set('Authorization', auth),
      post: (path: string, body?: object) =>
        http
          .post(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      put: (path: string, body?: object) =>
        http
          .put(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      patch: (path: string, body?: object) =>
        http
          .patch(path)
          .set('Authorization', auth)
          .send(body ?? {}),
      delete: (path: string) => http.delete(path).set('Authorization', auth),
    };
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.api.close();
    await this.db.end();
    await deleteKeys(this.config.redisUrl, `${this.config.queuePrefix}*`, this.config.redisClusterNodes);
    const admin = new Client({ connectionString: this.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    await admin.end();
  }
}

/** Polls until the check returns a value other than undefined/false, or fails after the timeout. Never a bare sleep. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
