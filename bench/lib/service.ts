import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createDatabase,
  deleteKeys,
  dropDatabase,
  freePort,
  HttpClient,
  ManagedProcess,
  onCleanup,
  spawnNode,
  UsageError,
  waitUntil,
} from '@app/devkit';

// The service under measurement: a throwaway database and a queue prefix of the run's own, and the API and the
// worker from dist/ as children, stopped at cleanup however the run ends.

export const DIST = resolve(__dirname, '..', '..');
const ROOT = resolve(DIST, '..');
const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(DIST, 'apps', 'worker', 'src', 'main.js');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

export const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

export interface BenchEnv {
  serverUrl: string;
  redisUrl: string;
  run: string;
  databaseName: string;
  databaseUrl: string;
  queuePrefix: string;
  baselinePrefix: string;
  startedAt: Date;
}

function requireServers(): { serverUrl: string; redisUrl: string } {
  for (const name of ['DATABASE_URL', 'REDIS_URL']) {
    if (!process.env[name]) throw new UsageError(`${name} is required (a superuser PostgreSQL URL / a Redis URL)`);
  }
  for (const main of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(main)) throw new UsageError(`${main} is missing: run \`npm run build\` first`);
  }
  return { serverUrl: process.env.DATABASE_URL as string, redisUrl: process.env.REDIS_URL as string };
}

export async function createBenchEnv(): Promise<BenchEnv> {
  const { serverUrl, redisUrl } = requireServers();
  const run = randomBytes(4).toString('hex');
  const databaseName = `dh_bench_${run}`;
  const queuePrefix = `bench-${run}`;
  const baselinePrefix = `bench-${run}-baseline`;
  const databaseUrl = await createDatabase(serverUrl, databaseName);
  onCleanup(`drop database ${databaseName}`, () => dropDatabase(serverUrl, databaseName));
  onCleanup('delete Redis keys', async () => {
    await deleteKeys(redisUrl, `${queuePrefix}*`);
    await deleteKeys(redisUrl, `${baselinePrefix}*`);
  });
  return { serverUrl, redisUrl, run, databaseName, databaseUrl, queuePrefix, baselinePrefix, startedAt: new Date() };
}

function serviceEnv(env: BenchEnv, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    PORT: String(port),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: `bench-${env.run}-${randomBytes(12).toString('hex')}`,
    LOG_LEVEL: 'warn',
    // The benches send hundreds of requests a second as one user; the limit is not what is being measured.
    RATE_LIMIT_PER_SECOND: '1000000',
    ...extra,
  };
}

/** A child of the run, stopped at cleanup; SIGKILL when SIGTERM has not stopped it within 10 s. */
function spawnService(name: string, main: string, env: NodeJS.ProcessEnv, nodeArgs: string[]): ManagedProcess {
  const child = spawnNode(name, main, { env, nodeArgs, stopTimeoutMs: 10_000 });
  onCleanup(`stop ${name}`, async () => {
    await child.stop();
  });
  return child;
}

/** Until GET /health answers 200; the child exiting meanwhile fails it at once. */
function healthy(client: HttpClient, child: ManagedProcess, timeoutMs: number): Promise<boolean> {
  const check = async () => (await client.request('GET', '/health')).status === 200;
  return waitUntil(`the ${child.name} to answer /health`, timeoutMs, check, { watch: [child] });
}

export async function startApi(
  env: BenchEnv,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
  { maxSockets = 2048, healthTimeoutMs = 60_000 } = {},
) {
  const port = await freePort();
  const api = spawnService('api', API_MAIN, serviceEnv(env, port, extra), nodeArgs);
  const client = new HttpClient(port, { maxSockets });
  onCleanup('close HTTP agent', async () => client.close());
  await healthy(client, api, healthTimeoutMs);
  return { api, client, port };
}

/** The worker without its health server (no WORKER_HEALTH_PORT), not waited for. */
export function spawnWorker(
  env: BenchEnv,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
): ManagedProcess {
  return spawnService('worker', WORKER_MAIN, serviceEnv(env, 0, extra), nodeArgs);
}

export async function startWorker(env: BenchEnv, extra: Record<string, string> = {}, nodeArgs: string[] = []) {
  const healthPort = await freePort();
  const worker = spawnWorker(env, { WORKER_HEALTH_PORT: String(healthPort), ...extra }, nodeArgs);
  const health = new HttpClient(healthPort, { maxSockets: 4 });
  onCleanup('close worker health agent', async () => health.close());
  await healthy(health, worker, 60_000);
  return { worker, health, healthPort };
}
