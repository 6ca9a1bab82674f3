import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  createDatabase,
  deleteKeys,
  dropDatabase,
  freePort,
  HttpClient,
  masked,
  onCleanup,
  spawnNode,
  UsageError,
  waitUntil,
} from '@app/devkit';
import { ALL_QUEUES } from '@app/messaging';
import { runMigrations } from '@app/persistence';
import { seedDemo } from '../../launcher/src/demo/demo-seed';
import { projectRoot, startLocalServices } from '../../launcher/src/local-services';
import { ADMIN } from './cast';
import { Options } from './options';

// The servers, a database of the run's own with the demo seeded, and the API and the worker from dist/ as children,
// each removed or stopped at cleanup however the run ends.

export const ROOT = projectRoot();
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const READY_TIMEOUT_MS = 60_000;

export interface Stage {
  databaseName: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** To the API, at most 16 requests in flight. */
  client: HttpClient;
  /** Rejects when the API, the worker or a local server dies before cleanup: raced against every step. */
  failed: Promise<never>;
}

export async function setStage(options: Options, timeZone: string, log: (line: string) => void): Promise<Stage> {
  for (const main of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(main)) throw new UsageError(`${main} is missing: run \`npm run build\` first`);
  }
  let fail: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => undefined);
  const dies = (died: Promise<string>) => void died.then((message) => fail(new Error(message)));
  const { serverUrl, redisUrl } = await servers(options, log, dies);

  const run = randomBytes(4).toString('hex');
  const databaseName = `dh_simulate_${run}`;
  const queuePrefix = `simulate-${run}`;
  const databaseUrl = await createDatabase(serverUrl, databaseName);
  onCleanup(`drop database ${databaseName}`, async () => {
    if (options.keep) log(`--keep: database kept at ${masked(databaseUrl)} (queue prefix ${queuePrefix})`);
    else await dropDatabase(serverUrl, databaseName);
  });
  onCleanup('delete Redis keys', async () => {
    if (!options.keep) await deleteKeys(redisUrl, `${queuePrefix}:*`);
  });
  log(`database ${databaseName} on ${masked(serverUrl)}, Redis ${masked(redisUrl)}, queue prefix ${queuePrefix}`);

  await runMigrations(databaseUrl);
  await seedDemo(databaseUrl);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: randomBytes(24).toString('hex'),
    TIME_ZONE: timeZone,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    RATE_LIMIT_PER_SECOND: '1000000',
    RECONCILE_INTERVAL_MS: String(Math.max(100, Math.round(options.dayMs / 4))),
    OUTBOX_POLL_INTERVAL_MS: String(Math.max(50, Math.round(options.dayMs / 10))),
  };
  const start = (name: string, main: string) => {
    const child = spawnNode(name, main, { env });
    onCleanup(`stop ${name}`, async () => {
      await child.stop();
    });
    dies(child.died);
  };
  start('api', API_MAIN);
  const client = new HttpClient(port, { maxSockets: 16, timeoutMs: 30_000, keepLatencies: true });
  onCleanup('close HTTP agent', async () => client.close());
  const healthy = async () => (await client.request('GET', '/health')).status === 200;
  await Promise.race([waitUntil('the API to answer /health', READY_TIMEOUT_MS, healthy, { everyMs: 100 }), failed]);
  start('worker', WORKER_MAIN);
  await Promise.race([workerReady(redisUrl, queuePrefix), failed]);
  return { databaseName, databaseUrl, redisUrl, queuePrefix, client, failed };
}

/** DATABASE_URL and REDIS_URL, or a throwaway PostgreSQL and Redis for what is unset. */
async function servers(
  options: Options,
  log: (line: string) => void,
  dies: (died: Promise<string>) => void,
): Promise<{ serverUrl: string; redisUrl: string }> {
  const serverUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (serverUrl && redisUrl) return { serverUrl, redisUrl };
  await mkdir(join(ROOT, '.data'), { recursive: true });
  const dataDir = await mkdtemp(join(ROOT, '.data', 'simulate-'));
  await chmod(dataDir, 0o711); // a root run's postgres user must pass through it
  onCleanup(`remove ${dataDir}`, async () => {
    if (options.keep) log(`--keep: the local servers' data stays in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  });
  log(
    `starting throwaway ${[!serverUrl && 'PostgreSQL', !redisUrl && 'Redis'].filter(Boolean).join(' and ')} in ${dataDir}`,
  );
  const services = await startLocalServices({
    dataDir,
    persistent: false,
    postgres: !serverUrl,
    redis: !redisUrl,
    log,
  });
  onCleanup('stop local servers', () => services.stop());
  dies(services.died);
  return {
    serverUrl: serverUrl || (services.databaseUrl as string),
    redisUrl: redisUrl || (services.redisUrl as string),
  };
}

/** The worker is ready when its BullMQ workers are connected to every queue. */
async function workerReady(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = ALL_QUEUES.map((name) => new Queue(name, { prefix, connection }));
  try {
    const connected = async () => {
      const workers = await Promise.all(queues.map((queue) => queue.getWorkers()));
      return workers.every((list) => list.length > 0);
    };
    await waitUntil('the worker to connect to its queues', READY_TIMEOUT_MS, connected, { everyMs: 100 });
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
}
