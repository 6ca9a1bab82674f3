import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDatabase, deleteKeys, dropDatabase, freePort, ManagedProcess, spawnNode } from '@app/devkit';
import { waitFor } from './support/test-app';

// `API_PROCESSES=2 WORKER_PROCESSES=2 npm start`: one URL served by two API processes, two workers with a health
// port each, and one Ctrl-C (SIGTERM) stopping all of them cleanly.

const LAUNCHER = join(__dirname, '..', 'dist', 'apps', 'launcher', 'src', 'main.js');

/** The command lines of a process's children, from /proc. */
function children(pid: number): { pid: number; cmd: string }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
        return parent === pid ? { pid: Number(entry), cmd } : null;
      } catch {
        return null;
      }
    })
    .filter((child): child is { pid: number; cmd: string } => child !== null);
}

const status = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => 0,
  );

describe('npm start with API_PROCESSES and WORKER_PROCESSES', () => {
  const database = `dh_launch_${randomBytes(4).toString('hex')}`;
  const prefix = `t-${database}`;
  let launcher: ManagedProcess | undefined;

  afterAll(async () => {
    await launcher?.stop(20_000);
    await dropDatabase(process.env.DATABASE_URL as string, database);
    await deleteKeys(process.env.REDIS_URL as string, `${prefix}*`);
  });

  it('runs two API processes on one port and two workers, and stops them all on SIGTERM', async () => {
    const url = await createDatabase(process.env.DATABASE_URL as string, database);
    const port = await freePort();
    const healthPort = await freePort();
    launcher = spawnNode('launcher', LAUNCHER, {
      detached: false,
      tailLines: 500,
      env: {
        ...process.env,
        DATABASE_URL: url,
        QUEUE_PREFIX: prefix,
        PORT: String(port),
        WORKER_HEALTH_PORT: String(healthPort),
        API_PROCESSES: '2',
        WORKER_PROCESSES: '2',
        ADMIN_USERNAME: 'admin',
        ADMIN_PASSWORD: 'admin-password',
        JWT_SECRET: 'test-secret-test-secret',
        LOG_LEVEL: 'warn',
      },
    });
    const started = launcher;
    await started.failIfExits(
      waitFor(
        async () =>
          (await status(`http://127.0.0.1:${port}/health`)) === 200 &&
          (await status(`http://127.0.0.1:${healthPort}/health`)) === 200 &&
          (await status(`http://127.0.0.1:${healthPort + 1}/health`)) === 200,
        60_000,
        'the API and both workers to answer',
      ),
    );
    const launched = children(started.pid as number);
    const primary = launched.find((child) => child.cmd.includes('api-cluster.js'));
    expect(primary).toBeDefined();
    expect(launched.filter((child) => child.cmd.includes('worker/src/main.js'))).toHaveLength(2);
    const apis = children(primary?.pid as number).filter((child) => child.cmd.includes('api/src/main.js'));
    expect(apis).toHaveLength(2);
    // Both serve the one port: a login through it works (tokens are shared through JWT_SECRET).
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-password' }),
    });
    expect(login.status).toBe(200);

    const { exit, forced } = await started.stop(20_000);
    expect({ exit, forced }).toEqual({ exit: { code: 0, signal: null }, forced: false });
    for (const { pid } of [...launched, ...apis]) expect(() => process.kill(pid, 0)).toThrow();
  });
});
