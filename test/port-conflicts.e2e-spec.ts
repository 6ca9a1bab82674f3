import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, deleteKeys, dropDatabase, Exit, freePort, isPortFree, spawnNode } from '@app/devkit';

// A port that is taken stops the start with one line naming the variable to set, and leaves nothing running.
// These run the built launcher and worker (`npm test` builds first), each against a database of its own.

const DIST = join(__dirname, '..', 'dist', 'apps');
const LAUNCHER = join(DIST, 'launcher', 'src', 'main.js');
const WORKER = join(DIST, 'worker', 'src', 'main.js');
const API = join(DIST, 'api', 'src', 'main.js');
const EXIT_TIMEOUT_MS = 45_000;

const servers: Server[] = [];
const databases: string[] = [];
const prefixes: string[] = [];

/** Something else listening on a free port, on every address, as the API and the worker's health server do. */
async function occupiedPort(): Promise<number> {
  const port = await freePort();
  // It hangs up on whoever connects, so that closing it never waits for a connection.
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((done) => server.listen(port, done));
  return port;
}

/** The environment of a start against a fresh database and a queue prefix of its own. */
async function freshEnv(ports: Record<string, number>): Promise<Record<string, string>> {
  const name = `dh_test_ports_${randomBytes(4).toString('hex')}`;
  databases.push(name);
  const prefix = `t-${name}`;
  prefixes.push(prefix);
  return {
    DATABASE_URL: await createDatabase(process.env.DATABASE_URL as string, name),
    REDIS_URL: process.env.REDIS_URL as string,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: 'test-secret-test-secret',
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
  };
}

async function run(script: string, env: Record<string, string>): Promise<{ exit: Exit; output: string }> {
  const child = spawnNode('start', script, { env: { ...process.env, ...env }, detached: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`still running after ${EXIT_TIMEOUT_MS} ms:\n${child.output()}`)),
      EXIT_TIMEOUT_MS,
    );
  });
  try {
    return { exit: await Promise.race([child.exited, timeout]), output: child.output() };
  } finally {
    clearTimeout(timer);
    await child.stop();
  }
}

async function tables(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    return rows[0].n;
  } finally {
    await db.end();
  }
}

function expectOneLine(output: string, port: number, variable: string): void {
  const line = `port ${port} is in use: set ${variable} to a free port`;
  expect(output.split('\n').filter((each) => each.includes('is in use'))).toEqual([line]);
  expect(output).not.toMatch(/^ {4}at /m);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  for (const name of databases.splice(0)) await dropDatabase(process.env.DATABASE_URL as string, name);
  for (const prefix of prefixes.splice(0)) await deleteKeys(process.env.REDIS_URL as string, `${prefix}*`);
});

describe('npm start with a port taken', () => {
  it('names PORT, starts nothing and leaves the worker port free', async () => {
    const port = await occupiedPort();
    const workerPort = await freePort();
    const env = await freshEnv({ PORT: port, WORKER_HEALTH_PORT: workerPort });

    const { exit, output } = await run(LAUNCHER, env);

    expect(exit.code).not.toBe(0);
    expectOneLine(output, port, 'PORT');
    expect(await isPortFree(workerPort)).toBe(true);
    // Checked before anything started: not even the migrations ran.
    expect(await tables(env.DATABASE_URL)).toBe(0);
  });

  it('names WORKER_HEALTH_PORT, starts nothing and leaves the API port free', async () => {
    const port = await freePort();
    const workerPort = await occupiedPort();
    const env = await freshEnv({ PORT: port, WORKER_HEALTH_PORT: workerPort });

    const { exit, output } = await run(LAUNCHER, env);

    expect(exit.code).not.toBe(0);
    expectOneLine(output, workerPort, 'WORKER_HEALTH_PORT');
    expect(await isPortFree(port)).toBe(true);
    expect(await tables(env.DATABASE_URL)).toBe(0);
  });
});

describe('npm run start:worker with WORKER_HEALTH_PORT taken', () => {
  it('exits 1 with one line naming WORKER_HEALTH_PORT', async () => {
    const workerPort = await occupiedPort();
    const env = await freshEnv({ WORKER_HEALTH_PORT: workerPort });

    const { exit, output } = await run(WORKER, env);

    expect(exit).toEqual({ code: 1, signal: null });
    expectOneLine(output, workerPort, 'WORKER_HEALTH_PORT');
  });
});

describe('npm run start:api with PORT taken', () => {
  it('exits 1 with one line naming PORT', async () => {
    const port = await occupiedPort();
    const env = await freshEnv({ PORT: port });

    const { exit, output } = await run(API, env);

    expect(exit).toEqual({ code: 1, signal: null });
    expectOneLine(output, port, 'PORT');
  });
});
