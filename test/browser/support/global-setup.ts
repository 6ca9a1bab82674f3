import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..', '..', '..');
const logDir = join(root, 'test-results', 'browser', 'logs');

/** What the tests need to know about the service the setup started (handed over in process.env). */
export const ENV = {
  baseUrl: 'DH_BROWSER_BASE_URL',
  apiUrl: 'DH_BROWSER_API_URL',
  adminPassword: 'DH_BROWSER_ADMIN_PASSWORD',
} as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Polls a URL until it answers 200, or fails naming the log to read; never a bare sleep. */
async function waitForHttp(url: string, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logDir}/${name}.log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${url} in ${timeoutMs} ms; see ${logDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

async function admin<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on DATABASE_URL's server, migrated and seeded with the Qianxinan demo; the built API (which
 * serves the built web app) and worker on free ports.
 * Returns the teardown: children stopped, Redis keys and the database dropped.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const name of ['DATABASE_URL', 'REDIS_URL']) {
    if (!process.env[name]) throw new Error(`${name} is not set: the browser tests run against real servers`);
  }
  for (const file of ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/web/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  mkdirSync(logDir, { recursive: true });

  const serverUrl = process.env.DATABASE_URL as string;
  const databaseName = `dh_browser_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${databaseName}`));
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  const queuePrefix = `b-${databaseName}`;
  const adminPassword = `admin-${randomBytes(12).toString('hex')}`;

  const children: ChildProcess[] = [];
  const teardown = async () => {
    await Promise.all(children.map(stop));
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: 2 });
    try {
      const keys = await redis.keys(`${queuePrefix}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  };

  try {
    // seed-demo migrates first, then adds the demo units, users, categories and rules.
    const seed = start('seed', ['dist/apps/launcher/src/seed-demo.js'], { ...process.env, DATABASE_URL: databaseUrl });
    const seeded = await exited(seed);
    if (seeded !== 0) throw new Error(`seeding failed (${seeded}); see ${logDir}/seed.log`);

    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: adminPassword,
      RATE_LIMIT_PER_SECOND: '10000',
      OUTBOX_POLL_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
    };
    const api = start('api', ['dist/apps/api/src/main.js'], { ...env, PORT: String(apiPort) });
    children.push(api);
    const worker = start('worker', ['dist/apps/worker/src/main.js'], env);
    children.push(worker);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${apiUrl}/health`, api, 'api');

    // The API serves the built app itself, under its security headers (CSP, no framing), as in production.
    const baseUrl = apiUrl;
    process.env[ENV.baseUrl] = baseUrl;
    process.env[ENV.apiUrl] = apiUrl;
    process.env[ENV.adminPassword] = adminPassword;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
