import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { join } from 'node:path';
import { createDatabase, dropDatabase, freePort } from '@app/devkit';
import { waitFor } from './support/test-app';

// What a person starting the service sees: no framework warnings, and logs a machine can read (one JSON object a
// line) when the output is not a terminal.

const ROOT = join(__dirname, '..');

const answers = (port: number) =>
  new Promise<boolean>((resolve) =>
    get({ host: '127.0.0.1', port, path: '/health' }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false)),
  );

const body = (port: number, path: string) =>
  new Promise<string>((resolve, reject) =>
    get({ host: '127.0.0.1', port, path }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve(text));
    }).on('error', reject),
  );

describe('start-up output', () => {
  const database = `dh_startup_${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(process.env.DATABASE_URL as string, database);
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await dropDatabase(process.env.DATABASE_URL as string, database);
  });

  it('the API and the worker start with no warning, logging JSON lines', async () => {
    const [port, healthPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      DATABASE_URL: url,
      QUEUE_PREFIX: `t-${database}`,
      PORT: String(port),
      WORKER_HEALTH_PORT: String(healthPort),
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'admin-password',
      LOG_LEVEL: 'info',
    };
    const output: Record<string, string> = { api: '', worker: '' };
    for (const [name, main] of [
      ['api', 'dist/apps/api/src/main.js'],
      ['worker', 'dist/apps/worker/src/main.js'],
    ]) {
      const child = spawn(process.execPath, [join(ROOT, main)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (chunk: Buffer) => (output[name] += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output[name] += chunk.toString('utf8')));
      children.push(child);
    }
    await waitFor(async () => (await answers(port)) && (await answers(healthPort)), 30_000, 'both to answer');
    // the worker's metrics carry each queue's depth, what an autoscaler reads (docs/DEPLOYMENT.md)
    const metrics = await body(healthPort, '/metrics');
    for (const state of ['waiting', 'delayed', 'active', 'failed']) {
      expect(metrics).toMatch(new RegExp(`^worker_queue_jobs\\{queue="routing",state="${state}"\\} \\d+$`, 'm'));
    }
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
    for (const [name, text] of Object.entries(output)) {
      const lines = text.split('\n').filter(Boolean);
      // the shutdown notice is the one plain line, written to stderr by the signal handler
      const logs = lines.filter((line) => !/^(api|worker): SIGTERM received/.test(line));
      expect({ name, notJson: logs.filter((line) => !line.startsWith('{')) }).toEqual({ name, notJson: [] });
      const warnings = logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 40);
      expect({ name, warnings }).toEqual({ name, warnings: [] });
    }
  });
});
