// Shared plumbing for every bench: a throwaway database per run, the API and worker from dist/ as children with a
// queue prefix of their own, cleanup however the run ends, keep-alive HTTP, statistics, the common baselines,
// versions and server settings, and the result file.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Client, PoolClient } from 'pg';

export const DIST = resolve(__dirname, '..', '..');
export const ROOT = resolve(DIST, '..');
export const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
export const WORKER_MAIN = join(DIST, 'apps', 'worker', 'src', 'main.js');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

export const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
export const SUPERVISOR = { username: 'bench-supervisor', password: 'bench-password' };
export const INSPECTOR = { username: 'bench-inspector', password: 'bench-password' };

export class UsageError extends Error {}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------------------------
// Options: --name value or --name=value; numbers, comma lists and flags.

export function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
    const [flag, inline] = arg.split('=', 2);
    if (inline !== undefined) out.set(flag, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.set(flag, argv[++i]);
    else out.set(flag, true);
  }
  return out;
}

export function numberOption(args: Map<string, string | true>, flag: string, fallback: number, min = 0): number {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value) || value < min) throw new UsageError(`${flag} needs a number ≥ ${min}`);
  return value;
}

/** A whole number ≥ min. */
export function integerOption(args: Map<string, string | true>, flag: string, fallback: number, min = 0): number {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag} needs a whole number ≥ ${min}, got "${raw === true ? '' : raw}"`);
  }
  return value;
}

export function listOption(args: Map<string, string | true>, flag: string, fallback: number[]): number[] {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  if (raw === true) throw new UsageError(`${flag} needs a comma-separated list`);
  const values = raw.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new UsageError(`${flag}: bad list "${raw}"`);
  return values;
}

export function checkKnown(args: Map<string, string | true>, known: string[]): void {
  for (const flag of args.keys()) if (!known.includes(flag)) throw new UsageError(`unknown option ${flag}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

export interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** n, the named nearest-rank percentiles (in that order), max and mean; NaN for no samples. */
export type Summary<K extends string> = { n: number } & Record<K, number> & { max: number; mean: number };

export function summarize<K extends string>(samples: number[], percentiles: Record<K, number>): Summary<K> {
  const sorted = [...samples].sort((a, b) => a - b);
  const empty = sorted.length === 0;
  const at = (p: number) =>
    empty ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const out: Record<string, number> = { n: sorted.length };
  for (const [key, p] of Object.entries<number>(percentiles)) out[key] = at(p);
  out.max = empty ? NaN : sorted[sorted.length - 1];
  out.mean = empty ? NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return out as Summary<K>;
}

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats {
  return summarize(samples, { p50: 50, p90: 90, p99: 99 });
}

// The latency tables of filing-latency and timer-precision, which call the p50 `median`.
export const TABLE_KEYS = ['median', 'p90', 'p99', 'max'] as const;
export type TableStats = Summary<'median' | 'p90' | 'p99'>;
export type TableRatio = Record<(typeof TABLE_KEYS)[number], number>;

export function tableStats(samples: number[]): TableStats {
  return summarize(samples, { median: 50, p90: 90, p99: 99 });
}

export function tableRatio(a: TableStats, b: TableStats): TableRatio {
  return Object.fromEntries(TABLE_KEYS.map((key) => [key, a[key] / b[key]])) as TableRatio;
}

export function formatTable(
  rows: { label: string; stats: TableStats }[],
  ratios: { label: string; values: TableRatio }[],
  { cellWidth, digits }: { cellWidth: number; digits: number },
): string {
  const width = Math.max(...[...rows, ...ratios].map((row) => row.label.length));
  const cell = (value: string) => value.padStart(cellWidth);
  const lines = [`${''.padEnd(width)}  ${cell('n')}${TABLE_KEYS.map((key) => cell(key)).join('')}   (ms)`];
  for (const { label, stats: s } of rows) {
    lines.push(
      `${label.padEnd(width)}  ${cell(String(s.n))}${TABLE_KEYS.map((key) => cell(s[key].toFixed(digits))).join('')}`,
    );
  }
  lines.push('');
  for (const { label, values } of ratios) {
    lines.push(
      `${label.padEnd(width)}  ${cell('')}${TABLE_KEYS.map((key) => cell(`${values[key].toFixed(1)}×`)).join('')}`,
    );
  }
  return lines.join('\n');
}

export function median(values: number[]): number {
  return stats(values).p50;
}

/** A warm-up, then `repetitions` measured runs; the figure is the median of the measured ones. */
export async function repeat<T>(
  label: string,
  repetitions: number,
  once: (rep: number) => Promise<T>,
  warmup = true,
): Promise<T[]> {
  if (warmup) await once(-1);
  const out: T[] = [];
  for (let rep = 0; rep < repetitions; rep++) out.push(await once(rep));
  void label;
  return out;
}

/** Runs task(0 … count − 1) in `concurrency` lanes, each starting the next index as soon as its last is done. */
export async function inLanes<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/**
 * The PostgreSQL baseline: `count` transactions of BEGIN; INSERT one row into bench_baseline; COMMIT, one lane per
 * connection (as the service's pool gives each transaction its own); the latency of each, in ms.
 */
export async function insertTransactions(clients: PoolClient[], count: number, payload: unknown): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) {
        next++;
        const start = performance.now();
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_baseline (payload) VALUES ($1)', [payload]);
        await client.query('COMMIT');
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: children, Redis keys and the database go away however the run ends.

const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaningUp: Promise<void> | null = null;

export function onCleanup(what: string, run: () => Promise<void>): void {
  cleanups.push({ what, run });
}

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const { what, run } of cleanups.reverse()) {
      await run().catch((error: unknown) => console.error(`cleanup (${what}) failed:`, errorMessage(error)));
    }
  })();
  return cleaningUp;
}

/** Runs main(), cleans up on success, failure and Ctrl-C, exits 0 / 1 / 2 (usage). */
export function runMain(name: string, main: () => Promise<void>): void {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  main().then(
    () => cleanup().then(() => process.exit(0)),
    (error: unknown) => {
      if (interrupted) return cleanup();
      console.error(error instanceof UsageError ? `${name}: ${error.message}` : error);
      return cleanup().then(() => process.exit(error instanceof UsageError ? 2 : 1));
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

export interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

export function spawnChild(name: string, main: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const handle = { name, process: child, output, exited };
  onCleanup(`stop ${name}`, () => stopChild(handle));
  return handle;
}

export function alive(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

export async function stopChild(child: Child): Promise<void> {
  if (!alive(child)) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** Polls until check() is truthy; a dead child fails it at once with that child's last output. */
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  children: Child[],
  check: () => Promise<T | undefined>,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of children) {
      if (!alive(child)) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output.join('')}`);
    }
    const value = await check().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive.

export interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    readonly port: number,
    maxSockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    extraHeaders: http.OutgoingHttpHeaders = {},
  ): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json', ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((done, fail) => {
      const request = http.request(
        { host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed: unknown = text;
            try {
              parsed = text && text[0] !== '#' ? JSON.parse(text) : text;
            } catch {
              // not JSON: keep the text
            }
            done({ status: response.statusCode ?? 0, body: parsed });
          });
          response.on('error', fail);
        },
      );
      request.on('error', fail);
      request.end(payload);
    });
  }

  async ok(method: string, path: string, token?: string, body?: unknown): Promise<HttpResponse['body']> {
    const response = await this.request(method, path, token, body);
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Environment: a database and a queue prefix of the run's own.

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

export function requireServers(): { serverUrl: string; redisUrl: string } {
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
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  onCleanup(`drop database ${databaseName}`, async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await client.end();
  });
  onCleanup('delete Redis keys', async () => {
    await deleteKeys(redisUrl, `${queuePrefix}*`);
    await deleteKeys(redisUrl, `${baselinePrefix}*`);
  });
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  return {
    serverUrl,
    redisUrl,
    run,
    databaseName,
    databaseUrl: databaseUrl.toString(),
    queuePrefix,
    baselinePrefix,
    startedAt: new Date(),
  };
}

export function serviceEnv(env: BenchEnv, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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

export async function startApi(
  env: BenchEnv,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
  { maxSockets = 2048, healthTimeoutMs = 60_000 } = {},
) {
  const port = await freePort();
  const api = spawnChild('api', API_MAIN, serviceEnv(env, port, extra), nodeArgs);
  const client = new HttpClient(port, maxSockets);
  onCleanup('close HTTP agent', async () => client.close());
  await waitUntil('the API to answer /health', healthTimeoutMs, [api], async () =>
    (await client.request('GET', '/health')).status === 200 ? true : undefined,
  );
  return { api, client, port };
}

/** The worker without its health server (no WORKER_HEALTH_PORT), not waited for. */
export function spawnWorker(env: BenchEnv, extra: Record<string, string> = {}, nodeArgs: string[] = []): Child {
  return spawnChild('worker', WORKER_MAIN, serviceEnv(env, 0, extra), nodeArgs);
}

export async function startWorker(env: BenchEnv, extra: Record<string, string> = {}, nodeArgs: string[] = []) {
  const healthPort = await freePort();
  const worker = spawnWorker(env, { WORKER_HEALTH_PORT: String(healthPort), ...extra }, nodeArgs);
  const health = new HttpClient(healthPort, 4);
  onCleanup('close worker health agent', async () => health.close());
  await waitUntil('the worker to answer /health', 60_000, [worker], async () =>
    (await health.request('GET', '/health')).status === 200 ? true : undefined,
  );
  return { worker, health, healthPort };
}

export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The seed: a prefecture, counties with a government each, a department that takes a category everywhere, and a
// policy with an escalation, so routing computes deadlines and arms timers as in production.

export const REGIONS = [
  ['522301', '兴义市', 'xingyi-gov'],
  ['522302', '兴仁市', 'xingren-gov'],
  ['522323', '普安县', 'puan-gov'],
  ['522324', '晴隆县', 'qinglong-gov'],
  ['522325', '贞丰县', 'zhenfeng-gov'],
  ['522326', '望谟县', 'wangmo-gov'],
  ['522327', '册亨县', 'ceheng-gov'],
  ['522328', '安龙县', 'anlong-gov'],
] as const;
export const CATEGORIES = ['rural_roads', 'living_environment', 'coal_upgrade'] as const;
/** coal_upgrade goes to the energy department wherever it is; the rest to the county government. */
export function expectedUnit(category: string, regionCode: string): string {
  if (category === 'coal_upgrade') return 'energy-dept';
  return REGIONS.find(([code]) => code === regionCode)?.[2] ?? 'none';
}

/** Waits until no issue (of `ids`, when given) is still `filed`: routing has taken every one. */
export async function waitRouted(
  db: Client,
  children: Child[],
  { ids, timeoutMs = 600_000, everyMs = 100 }: { ids?: string[]; timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  await waitUntil(
    'routing to take every filed issue',
    timeoutMs,
    children,
    async () => {
      const { rows } = ids
        ? await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM issues WHERE status = 'filed' AND id = ANY($1::uuid[])`,
            [ids],
          )
        : await db.query<{ n: string }>(`SELECT count(*) AS n FROM issues WHERE status = 'filed'`);
      return Number(rows[0].n) === 0 ? true : undefined;
    },
    everyMs,
  );
}

/** The ids listed in a unit's inbox, every page. */
export async function inboxIds(client: HttpClient, token: string, unit: string, into = new Set<string>()) {
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await client.ok('GET', `/api/v1/units/${unit}/inbox?limit=500${query}`, token);
    for (const item of page.items as { id: string }[]) into.add(item.id);
    cursor = page.nextCursor;
  } while (cursor);
  return into;
}

/** Major issues: acknowledge in a day, resolve in ten, escalate at once when late; routing arms these timers. */
export const DEADLINE_POLICY = {
  severity: 'major',
  calendar: 'natural',
  acknowledgeWithin: 'P1D',
  resolveWithin: 'P10D',
  escalations: [{ after: 'PT0S', level: 1 }],
};

export async function login(client: HttpClient, user: { username: string; password: string }): Promise<string> {
  return (await client.ok('POST', '/api/v1/auth/login', undefined, user)).accessToken as string;
}

export async function seed(client: HttpClient): Promise<{ admin: string; supervisor: string; inspector: string }> {
  const admin = await login(client, ADMIN);
  const post = (path: string, body: unknown) => client.ok('POST', `/api/v1${path}`, admin, body);
  await post('/regions', { code: '522300', name: '黔西南州' });
  await post('/units', {
    code: 'bench-inspection',
    name: '州委督查室',
    kind: 'inspection_office',
    regionCode: '522300',
  });
  await post('/units', {
    code: 'energy-dept',
    name: '州能源局',
    kind: 'department',
    regionCode: '522300',
    parent: 'bench-inspection',
  });
  for (const category of CATEGORIES) await post('/categories', { code: category, name: category });
  for (const [code, name, unit] of REGIONS) {
    await post('/regions', { code, name, parent: '522300' });
    await post('/units', {
      code: unit,
      name: `${name}人民政府`,
      kind: 'government',
      regionCode: code,
      parent: 'bench-inspection',
    });
    await post('/routing-rules', { regionCode: code, leadUnit: unit });
  }
  await post('/routing-rules', { category: 'coal_upgrade', regionCode: '522300', leadUnit: 'energy-dept' });
  await post('/deadline-policies', DEADLINE_POLICY);
  await post('/users', { ...SUPERVISOR, displayName: 'Bench supervisor', role: 'supervisor' });
  await post('/users', { ...INSPECTOR, displayName: 'Bench inspector', role: 'inspector' });
  return { admin, supervisor: await login(client, SUPERVISOR), inspector: await login(client, INSPECTOR) };
}

export function issueBody(index: number) {
  const mod = (n: number) => ((index % n) + n) % n;
  const [regionCode] = REGIONS[mod(REGIONS.length)];
  const category = CATEGORIES[mod(CATEGORIES.length)];
  return {
    kind: 'supervision',
    title: `Bench issue ${index}`,
    description: 'The landslide in June cut the road; nothing has been done.',
    category,
    regionCode,
    severity: 'major',
    source: 'unannounced_visit',
    location: { township: '屯脚镇', village: '大山村', lat: 25.43, lng: 105.18 },
    evidence: [{ type: 'photo', uri: 'https://example.org/p/1.jpg', description: 'the slide' }],
  };
}

/**
 * Correctness of routing for a set of issues: each has exactly one issue.routed event, is assigned to the unit
 * its rule names, and none is missing. Returns a summary; throws nothing, the caller decides.
 */
export async function checkRouted(db: Client, ids: string[]) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    lead_unit: string | null;
    category_code: string;
    region_code: string;
    routed: string;
  }>(
    `SELECT i.id, i.status, i.lead_unit, i.category_code, i.region_code,
            (SELECT count(*) FROM issue_events e WHERE e.issue_id = i.id AND e.type IN ('issue.routed', 'issue.triaged')) AS routed
       FROM issues i WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  const found = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !found.has(id));
  const notOnce = rows.filter((row) => Number(row.routed) !== 1);
  const wrongUnit = rows.filter(
    (row) => row.status !== 'assigned' || row.lead_unit !== expectedUnit(row.category_code, row.region_code),
  );
  const duplicates = ids.length - new Set(ids).size;
  return {
    ok: missing.length === 0 && notOnce.length === 0 && wrongUnit.length === 0 && duplicates === 0,
    issues: ids.length,
    missing: missing.length,
    duplicateIds: duplicates,
    routedNotExactlyOnce: notOnce.length,
    wrongUnitOrStatus: wrongUnit.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Versions and server settings

export async function environment(databaseUrl: string, redisUrl: string) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const settings = [
    'server_version',
    'shared_buffers',
    'synchronous_commit',
    'fsync',
    'wal_level',
    'max_connections',
    'work_mem',
    'effective_cache_size',
    'commit_delay',
    'max_wal_size',
    'checkpoint_timeout',
    'jit',
  ];
  const postgres: Record<string, string> = {};
  for (const name of settings) {
    postgres[name] = (await pg.query(`SHOW ${name}`)).rows[0][name];
  }
  await pg.end();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const info = await redis.info('server');
  const redisSettings: Record<string, string> = {};
  for (const name of ['maxmemory', 'maxmemory-policy', 'appendonly', 'appendfsync', 'save', 'io-threads', 'hz']) {
    const [, value] = (await redis.config('GET', name)) as [string, string];
    redisSettings[name] = value;
  }
  redis.disconnect();
  const packageVersion = (name: string) => {
    try {
      return require(`${name}/package.json`).version as string; // eslint-disable-line @typescript-eslint/no-require-imports
    } catch {
      return 'unknown';
    }
  };
  return {
    versions: {
      node: process.version,
      postgres: postgres.server_version,
      redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
      bullmq: packageVersion('bullmq'),
      ioredis: packageVersion('ioredis'),
      pgDriver: packageVersion('pg'),
      nestjs: packageVersion('@nestjs/core'),
      typeorm: packageVersion('typeorm'),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    },
    settings: { postgres, redis: redisSettings },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Results: every bench writes bench/results/<name>-<timestamp>.json with a `summary` the runner reads.

export interface SummaryRow {
  bench: string;
  measure: string;
  target: string;
  measured: number;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  /** null: no target for this row (context only). */
  met: boolean | null;
  /** How the ratio reads: a share of the baseline (throughput) or a multiple of it (latency). */
  ratioAs?: 'percent' | 'times';
}

export function formatRatio(row: SummaryRow): string {
  if (row.ratio === null || Number.isNaN(row.ratio)) return '–';
  return row.ratioAs === 'times' ? `${row.ratio.toFixed(1)}×` : `${(row.ratio * 100).toFixed(0)} %`;
}

export interface Correctness {
  ok: boolean;
  [detail: string]: unknown;
}

/**
 * Writes bench/results/<name>-<timestamp>.json ({ benchmark, startedAt, ...body }) and any companion text files
 * (<name>-<timestamp><suffix>). The benches the runner reads without a reader of their own give `summary` and
 * `correctness`.
 */
export async function writeResult(
  name: string,
  startedAt: Date,
  body: Record<string, unknown>,
  companions: { suffix: string; text: string }[] = [],
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = join(RESULTS_DIR, `${name}-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const file = `${base}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ benchmark: name, startedAt: startedAt.toISOString(), ...body }, null, 2)}\n`,
  );
  const others: string[] = [];
  for (const { suffix, text } of companions) {
    others.push(`${base}${suffix}`);
    await writeFile(`${base}${suffix}`, text);
  }
  // The runner finds the file through this line.
  console.log(`written to ${[file, ...others].join(' and ')}`);
  return file;
}

export function printSummary(rows: SummaryRow[], correctness: Correctness): void {
  const fmt = (value: number | null, digits = 1) =>
    value === null || Number.isNaN(value) ? '–' : value.toFixed(value >= 100 ? 0 : digits);
  console.log('');
  for (const row of rows) {
    console.log(
      `${row.measure.padEnd(44)} ${fmt(row.measured).padStart(9)} ${row.unit.padEnd(9)} baseline ${fmt(row.baseline).padStart(9)}` +
        `  ratio ${formatRatio(row)}`.padEnd(14) +
        `  target ${row.target}: ${row.met === null ? '–' : row.met ? 'met' : 'MISSED'}`,
    );
  }
  console.log(`correctness: ${correctness.ok ? 'ok' : 'FAILED'} ${JSON.stringify(correctness)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// What-ifs: changes tried on the throwaway database only, to measure a proposed fix before anyone makes it.
//   no-notify  the outbox's statement trigger stops NOTIFYing (pg_notify takes a cluster-wide lock held through
//              the commit's WAL flush, so every transaction that writes an outbox row commits one at a time);
//              pair it with --env OUTBOX_POLL_INTERVAL_MS=10 where the relay's latency matters.

export const WHAT_IFS = ['no-notify'] as const;

export function parseWhatIf(raw: string | true | undefined): string[] {
  if (raw === undefined) return [];
  if (raw === true) throw new UsageError(`--what-if needs one of ${WHAT_IFS.join(', ')}`);
  const list = raw.split(',');
  for (const item of list) {
    if (!(WHAT_IFS as readonly string[]).includes(item)) throw new UsageError(`--what-if: unknown "${item}"`);
  }
  return list;
}

export async function applyWhatIf(databaseUrl: string, whatIf: string[]): Promise<void> {
  if (whatIf.length === 0) return;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    if (whatIf.includes('no-notify')) await db.query('ALTER TABLE outbox DISABLE TRIGGER outbox_after_insert');
  } finally {
    await db.end();
  }
  console.log(`what-if applied to the bench database: ${whatIf.join(', ')}`);
}
