import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { HttpClient, isPortFree, ManagedProcess, masked, spawnNode, waitUntil } from '@app/devkit';
import { runMigrations } from '@app/persistence';
import { DEMO_USERS, seedDemo } from './demo/demo-seed';
import { LocalServices, projectRoot, startLocalServices } from './local-services';

// `npm start`: the whole service on one machine. Without DATABASE_URL / REDIS_URL it runs its own PostgreSQL
// and Redis with data under .data/; then it migrates, seeds an empty embedded database, and runs api + worker:
// API_PROCESSES API processes sharing PORT (node:cluster, see api-cluster.ts) and WORKER_PROCESSES workers.

const CHILD_STOP_TIMEOUT_MS = 15_000;
const API_READY_TIMEOUT_MS = 60_000;
const DEFAULT_ADMIN = { username: 'admin', password: 'admin-password-change-me' };

const root = projectRoot();
const dataDir = join(root, '.data');
const children = new Map<string, ManagedProcess>();
let servicesStarting: Promise<LocalServices> | undefined;
let shuttingDown: Promise<void> | undefined;

function shutdown(code: number, reason: string): Promise<void> {
  shuttingDown ??= (async () => {
    console.log(`\n${reason}: shutting down ...`);
    await Promise.all([...children.entries()].map(([name, child]) => stopChild(name, child)));
    // Services still starting are stopped once they are up, so nothing is left behind.
    const services = await servicesStarting?.catch(() => undefined);
    await services?.stop();
    console.log('Stopped.');
    process.exit(code);
  })();
  return shuttingDown;
}

async function stopChild(name: string, child: ManagedProcess): Promise<void> {
  const { forced } = await child.stop();
  if (forced) console.log(`${name} did not stop within ${CHILD_STOP_TIMEOUT_MS / 1000} s; killed it.`);
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): void {
  // Own process group: a Ctrl-C on the terminal reaches only us, and each child gets exactly one SIGTERM.
  const child = spawnNode(name, join(root, script), { env, stdio: 'inherit', stopTimeoutMs: CHILD_STOP_TIMEOUT_MS });
  children.set(name, child);
  void child.died.then((message) => shutdown(1, message));
}

/** API_PROCESSES / WORKER_PROCESSES: 1 each by default. */
function processCount(env: NodeJS.ProcessEnv, name: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`configuration error: ${name} must be an integer from 1 to 64, got "${raw}"`);
    process.exit(1); // nothing has started yet
  }
  return count;
}

/** The line to print when PORT or WORKER_HEALTH_PORT is taken: checked before anything starts. */
async function portConflict(ports: Record<string, string>): Promise<string | undefined> {
  for (const [variable, value] of Object.entries(ports)) {
    const port = Number(value);
    // A value that is no port at all is left to the API's configuration check, which names it.
    if (Number.isInteger(port) && port > 0 && port < 65536 && !(await isPortFree(port))) {
      return `port ${port} is in use: set ${variable} to a free port`;
    }
  }
  return undefined;
}

async function jwtSecret(): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing.length >= 16) return existing;
  const secret = randomBytes(32).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

async function hasUnits(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>('SELECT EXISTS (SELECT 1 FROM units) AS present');
    return rows[0].present;
  } finally {
    await client.end();
  }
}

/** Resolves once the API answers HTTP on /health (any status), or after a timeout. */
async function waitForApi(port: string): Promise<boolean> {
  const client = new HttpClient(Number(port), { maxSockets: 1, timeoutMs: 2000 });
  const answers = async () => shuttingDown !== undefined || (await client.request('GET', '/health')) !== undefined;
  try {
    await waitUntil('the API to answer', API_READY_TIMEOUT_MS, answers, { everyMs: 250 });
    return !shuttingDown;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, `Received ${signal}`));
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  const apiProcesses = processCount(env, 'API_PROCESSES');
  const workerProcesses = processCount(env, 'WORKER_PROCESSES');
  const port = env.PORT || '3000';
  // The worker's health and metrics sit one port above the API's unless told otherwise; further workers take
  // the ports above that.
  env.WORKER_HEALTH_PORT ||= String(Number(port) + 1);
  const workerHealthPorts = Array.from({ length: workerProcesses }, (_, i) =>
    String(Number(env.WORKER_HEALTH_PORT) + i),
  );
  const conflict = await portConflict({
    PORT: port,
    ...Object.fromEntries(
      workerHealthPorts.map((value, i) => [
        i === 0 ? 'WORKER_HEALTH_PORT' : `WORKER_HEALTH_PORT (+${i}, worker ${i + 1})`,
        value,
      ]),
    ),
  });
  if (conflict) {
    console.error(conflict);
    process.exit(1); // nothing has started yet
  }
  const embeddedDatabase = !env.DATABASE_URL;
  // A cluster (REDIS_CLUSTER_NODES) stands in for REDIS_URL: no local Redis then.
  const embeddedRedis = !env.REDIS_URL && !env.REDIS_CLUSTER_NODES;
  if (embeddedDatabase || embeddedRedis) {
    servicesStarting = startLocalServices({
      dataDir,
      persistent: true,
      postgres: embeddedDatabase,
      redis: embeddedRedis,
    });
    const services = await servicesStarting;
    void services.died.then((message) => shutdown(1, message));
    env.DATABASE_URL ||= services.databaseUrl;
    env.REDIS_URL ||= services.redisUrl;
  }
  const databaseUrl = env.DATABASE_URL as string;
  env.JWT_SECRET ||= await jwtSecret();
  if (embeddedDatabase) {
    env.ADMIN_USERNAME ||= DEFAULT_ADMIN.username;
    env.ADMIN_PASSWORD ||= DEFAULT_ADMIN.password;
    // The login page then offers the demo's accounts.
    env.DEMO_PASSWORD ||= DEMO_USERS[0]?.password;
  }

  await runMigrations(databaseUrl);
  const seeded = embeddedDatabase && !(await hasUnits(databaseUrl));
  if (seeded) await seedDemo(databaseUrl);
  if (shuttingDown) return;

  if (apiProcesses === 1) startChild('api', 'dist/apps/api/src/main.js', env);
  else startChild('api', 'dist/apps/launcher/src/api-cluster.js', { ...env, API_PROCESSES: String(apiProcesses) });
  workerHealthPorts.forEach((healthPort, i) =>
    startChild(workerProcesses === 1 ? 'worker' : `worker-${i + 1}`, 'dist/apps/worker/src/main.js', {
      ...env,
      WORKER_HEALTH_PORT: healthPort,
    }),
  );
  const ready = await waitForApi(port);
  if (shuttingDown) return;

  const lines = [
    '',
    '==================== direct-handling ====================',
    `PostgreSQL: ${embeddedDatabase ? `${databaseUrl}  (embedded, data in .data/postgres)` : masked(databaseUrl)}`,
    `Redis:      ${
      env.REDIS_CLUSTER_NODES
        ? `cluster ${env.REDIS_CLUSTER_NODES}`
        : embeddedRedis
          ? `${env.REDIS_URL}  (local redis-server)`
          : masked(env.REDIS_URL as string)
    }`,
    `API:        http://localhost:${port}/api/v1${ready ? '' : '  (not answering yet)'}${
      apiProcesses > 1 ? `  (${apiProcesses} processes on one port)` : ''
    }`,
    `API docs:   http://localhost:${port}/docs`,
    `Queues:     http://localhost:${port}/queues?token=<an admin's accessToken>`,
    workerProcesses === 1
      ? `Worker:     http://localhost:${env.WORKER_HEALTH_PORT}/health and /metrics`
      : `Workers:    ${workerProcesses}, health and metrics on ports ${workerHealthPorts.join(', ')}`,
  ];
  if (env.ADMIN_USERNAME && env.ADMIN_PASSWORD) {
    const shown = env.ADMIN_PASSWORD === DEFAULT_ADMIN.password ? env.ADMIN_PASSWORD : '(from ADMIN_PASSWORD)';
    lines.push(`Admin:      ${env.ADMIN_USERNAME} / ${shown}  (created at first start if no admin exists)`);
  } else {
    lines.push('Admin:      none configured (set ADMIN_USERNAME and ADMIN_PASSWORD)');
  }
  if (embeddedDatabase) {
    lines.push(`Demo users${seeded ? ' (just seeded)' : ''}:`);
    for (const u of DEMO_USERS)
      lines.push(`  ${u.username} / ${u.password}  (${u.role}${u.unit ? `, ${u.unit}` : ''})`);
  }
  const login = embeddedDatabase
    ? { username: 'supervisor', password: 'demo-password' }
    : { username: env.ADMIN_USERNAME ?? 'admin', password: '<password>' };
  lines.push(
    `Log in:     curl -X POST http://localhost:${port}/api/v1/auth/login -H 'Content-Type: application/json' \\`,
    `              -d '{"username":"${login.username}","password":"${login.password}"}'`,
    '            then send the accessToken as "Authorization: Bearer <token>".',
    'Press Ctrl-C to stop.',
    '=========================================================',
    '',
  );
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  if (!shuttingDown) console.error(err);
  void shutdown(1, 'Start-up failed');
});
