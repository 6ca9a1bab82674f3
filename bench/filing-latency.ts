// Filing → visible-in-unit-inbox latency of the built service, next to two raw baselines on the same servers:
// a BullMQ add → processor hop and a one-row INSERT transaction in PostgreSQL.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/filing-latency.js [--issues 1000] [--concurrency 1] [--warmup 50] [--poll-ms 1]
//
// DATABASE_URL must be a superuser (or CREATEDB) URL: the bench creates a database dh_bench_<random>, runs the API
// and the worker from dist/ against it with a queue prefix of their own, and drops it at the end, also on failure
// or Ctrl-C.
//
// What is measured, per issue: from just before POST /api/v1/issues is sent until a response shows the issue to
// the lead unit's handler. The handler polls GET /api/v1/issues/:id, which is scoped to the unit (200 only once
// routing has committed the issue to it) and costs one indexed row, where GET /units/:code/inbox would grow with
// the inbox and make later issues slower to see for reasons that are not routing. One poll is in flight per issue,
// the next sent as soon as the last answered (at most one per --poll-ms), so the figure overstates the truth by at
// most one poll round trip (reported as "poll round trip"). The server's own clocks (filed_at in the filing
// transaction → occurred_at of issue.routed) give a figure with no polling in it at all. At the end every measured
// issue is checked to be in GET /units/:code/inbox, so the two views agree.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Client, Pool } from 'pg';

const DIST = resolve(__dirname, '..');
const ROOT = resolve(DIST, '..');
const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(DIST, 'apps', 'worker', 'src', 'main.js');
const RESULTS_DIR = join(ROOT, 'bench', 'results');

const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const SUPERVISOR = { username: 'bench-supervisor', password: 'bench-password' };
const HANDLER = { username: 'bench-handler', password: 'bench-password' };
const UNIT = 'bench-gov';

interface Options {
  issues: number;
  concurrency: number;
  warmup: number;
  pollMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { issues: 1000, concurrency: 1, warmup: 50, pollMs: 1 };
  const names: Record<string, keyof Options> = {
    '--issues': 'issues',
    '--concurrency': 'concurrency',
    '--warmup': 'warmup',
    '--poll-ms': 'pollMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    if (!key) throw new UsageError(`unknown option ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < (key === 'warmup' || key === 'pollMs' ? 0 : 1)) {
      throw new UsageError(`${flag} needs a whole number, got "${raw}"`);
    }
    options[key] = value;
  }
  return options;
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

interface Stats {
  n: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in milliseconds. */
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    median: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

const STAT_KEYS = ['median', 'p90', 'p99', 'max'] as const;

function ratio(a: Stats, b: Stats): Record<(typeof STAT_KEYS)[number], number> {
  return Object.fromEntries(STAT_KEYS.map((key) => [key, a[key] / b[key]])) as Record<
    (typeof STAT_KEYS)[number],
    number
  >;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: children, Redis keys and the database go away however the run ends.

const cleanups: { what: string; run: () => Promise<void> }[] = [];
let cleaningUp: Promise<void> | null = null;

function onCleanup(what: string, run: () => Promise<void>): void {
  cleanups.push({ what, run });
}

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const { what, run } of cleanups.reverse()) {
      await run().catch((error: unknown) => console.error(`cleanup (${what}) failed:`, errorMessage(error)));
    }
  })();
  return cleaningUp;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes

interface Child {
  name: string;
  process: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

function spawnChild(name: string, main: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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

function alive(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

async function stopChild(child: Child): Promise<void> {
  if (!alive(child)) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
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
async function waitUntil<T>(what: string, timeoutMs: number, children: Child[], check: () => Promise<T | undefined>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of children) {
      if (!alive(child)) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output.join('')}`);
    }
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive, which costs far less per request than fetch and so adds less to each poll.

interface HttpResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly port: number) {}

  request(method: string, path: string, token?: string, body?: unknown): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
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
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text for the error message
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
// The service

async function seed(client: HttpClient): Promise<{ supervisor: string; handler: string }> {
  const login = async (user: { username: string; password: string }) =>
    (await client.ok('POST', '/api/v1/auth/login', undefined, user)).accessToken as string;
  const admin = await login(ADMIN);
  const post = (path: string, body: unknown) => client.ok('POST', `/api/v1${path}`, admin, body);
  await post('/regions', { code: '522300', name: '黔西南州' });
  await post('/regions', { code: '522301', name: '兴义市', parent: '522300' });
  await post('/categories', { code: 'rural_roads', name: '农村公路管护' });
  await post('/units', {
    code: 'bench-inspection',
    name: '州委督查室',
    kind: 'inspection_office',
    regionCode: '522300',
  });
  await post('/units', {
    code: UNIT,
    name: '兴义市人民政府',
    kind: 'government',
    regionCode: '522301',
    parent: 'bench-inspection',
  });
  await post('/routing-rules', { regionCode: '522301', leadUnit: UNIT });
  // Routing computes deadlines as it would in production.
  await post('/deadline-policies', {
    severity: 'major',
    calendar: 'natural',
    acknowledgeWithin: 'P1D',
    resolveWithin: 'P10D',
    escalations: [{ after: 'PT0S', level: 1 }],
  });
  await post('/users', { ...SUPERVISOR, displayName: 'Bench supervisor', role: 'supervisor' });
  await post('/users', { ...HANDLER, displayName: 'Bench handler', role: 'handler', unit: UNIT });
  return { supervisor: await login(SUPERVISOR), handler: await login(HANDLER) };
}

interface FilingSample {
  id: string;
  /** POST sent → the handler's poll answered 200. */
  visibleMs: number;
  /** POST sent → 201 received. */
  postMs: number;
  /** POST sent → the successful poll was sent: a lower bound of when the issue became visible. */
  visibleLowerMs: number;
  polls: number;
}

function issueBody(index: number) {
  return {
    kind: 'supervision',
    title: `Bench issue ${index}`,
    description: 'The landslide in June cut the road; nothing has been done.',
    category: 'rural_roads',
    regionCode: '522301',
    severity: 'major',
    source: 'unannounced_visit',
    location: { township: '屯脚镇', village: '大山村', lat: 25.43, lng: 105.18 },
    evidence: [{ type: 'photo', uri: 'https://example.org/p/1.jpg', description: 'the slide' }],
  };
}

async function fileAndWatch(
  client: HttpClient,
  tokens: { supervisor: string; handler: string },
  index: number,
  pollMs: number,
  timeoutMs: number,
): Promise<FilingSample> {
  const start = performance.now();
  const filed = await client.request('POST', '/api/v1/issues', tokens.supervisor, issueBody(index));
  const posted = performance.now();
  if (filed.status !== 201) throw new Error(`POST /issues: ${filed.status} ${JSON.stringify(filed.body)}`);
  const id = filed.body.id as string;
  let polls = 0;
  for (;;) {
    const sent = performance.now();
    const seen = await client.request('GET', `/api/v1/issues/${id}`, tokens.handler);
    const answered = performance.now();
    polls++;
    if (seen.status === 200) {
      if (seen.body.leadUnit !== UNIT)
        throw new Error(`issue ${id} visible to ${UNIT} but led by ${seen.body.leadUnit}`);
      return { id, visibleMs: answered - start, postMs: posted - start, visibleLowerMs: sent - start, polls };
    }
    if (seen.status !== 404) throw new Error(`GET /issues/${id}: ${seen.status} ${JSON.stringify(seen.body)}`);
    if (answered - start > timeoutMs) throw new Error(`issue ${id} not visible to ${UNIT} after ${timeoutMs} ms`);
    const wait = pollMs - (answered - sent);
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }
}

async function inLanes<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
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

/** Every measured issue must be in the unit's inbox: the poll and the inbox see the same thing. */
async function checkInbox(client: HttpClient, handler: string, ids: string[]): Promise<void> {
  const inInbox = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await client.ok('GET', `/api/v1/units/${UNIT}/inbox?limit=500${query}`, handler);
    for (const item of page.items as { id: string }[]) inInbox.add(item.id);
    cursor = page.nextCursor;
  } while (cursor);
  const missing = ids.filter((id) => !inInbox.has(id));
  if (missing.length) throw new Error(`${missing.length} measured issues are missing from the ${UNIT} inbox`);
}

// ---------------------------------------------------------------------------------------------------------------
// Baselines

async function bullmqBaseline(redisUrl: string, prefix: string, options: Options): Promise<number[]> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('baseline', { prefix, connection });
  const waiting = new Map<string, (at: number) => void>();
  const worker = new Worker(
    'baseline',
    async (job: Job) => {
      waiting.get(job.id as string)?.(performance.now());
    },
    { prefix, connection, concurrency: options.concurrency },
  );
  onCleanup('close the baseline queue', async () => {
    await worker.close();
    await queue.close();
  });
  await worker.waitUntilReady();
  await queue.waitUntilReady();
  let sequence = 0;
  const once = async () => {
    const jobId = `ping-${++sequence}`;
    const processed = new Promise<number>((done) => waiting.set(jobId, done));
    const start = performance.now();
    await queue.add('ping', { at: Date.now() }, { jobId, removeOnComplete: true, removeOnFail: true });
    const at = await processed;
    waiting.delete(jobId);
    return at - start;
  };
  await inLanes(options.warmup, options.concurrency, once);
  return inLanes(options.issues, options.concurrency, once);
}

async function postgresBaseline(databaseUrl: string, options: Options): Promise<number[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: options.concurrency });
  onCleanup('close the baseline pool', () => pool.end());
  await pool.query(
    'CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  const clients = await Promise.all(Array.from({ length: options.concurrency }, () => pool.connect()));
  // One lane per connection, as the service's pool gives each transaction its own.
  const run = async (count: number) => {
    const samples: number[] = [];
    let next = 0;
    await Promise.all(
      clients.map(async (client) => {
        while (next < count) {
          next++;
          const start = performance.now();
          await client.query('BEGIN');
          await client.query('INSERT INTO bench_baseline (payload) VALUES ($1)', [{ title: 'baseline' }]);
          await client.query('COMMIT');
          samples.push(performance.now() - start);
        }
      }),
    );
    return samples;
  };
  await run(options.warmup);
  const samples = await run(options.issues);
  for (const client of clients) client.release();
  return samples;
}

// ---------------------------------------------------------------------------------------------------------------

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
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

async function versions(databaseUrl: string, redisUrl: string) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const { rows } = await pg.query<{ server_version: string }>('SHOW server_version');
  await pg.end();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const info = await redis.info('server');
  redis.disconnect();
  const packageVersion = (name: string) => {
    try {
      return require(`${name}/package.json`).version as string; // eslint-disable-line @typescript-eslint/no-require-imports
    } catch {
      return 'unknown';
    }
  };
  return {
    node: process.version,
    postgres: rows[0].server_version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    bullmq: packageVersion('bullmq'),
    pgDriver: packageVersion('pg'),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  };
}

function formatTable(
  rows: { label: string; stats: Stats }[],
  ratios: { label: string; values: Record<string, number> }[],
) {
  const width = Math.max(...[...rows, ...ratios].map((row) => row.label.length));
  const cell = (value: string) => value.padStart(9);
  const lines = [`${''.padEnd(width)}  ${cell('n')}${STAT_KEYS.map((key) => cell(key)).join('')}   (ms)`];
  for (const { label, stats: s } of rows) {
    lines.push(
      `${label.padEnd(width)}  ${cell(String(s.n))}${STAT_KEYS.map((key) => cell(s[key].toFixed(2))).join('')}`,
    );
  }
  lines.push('');
  for (const { label, values } of ratios) {
    lines.push(
      `${label.padEnd(width)}  ${cell('')}${STAT_KEYS.map((key) => cell(`${values[key].toFixed(1)}×`)).join('')}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const name of ['DATABASE_URL', 'REDIS_URL']) {
    if (!process.env[name]) throw new UsageError(`${name} is required (a superuser PostgreSQL URL / a Redis URL)`);
  }
  for (const main of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(main)) throw new UsageError(`${main} is missing: run \`npm run build\` first`);
  }
  const serverUrl = process.env.DATABASE_URL as string;
  const redisUrl = process.env.REDIS_URL as string;
  const run = randomBytes(4).toString('hex');
  const databaseName = `dh_bench_${run}`;
  const queuePrefix = `bench-${run}`;
  const baselinePrefix = `bench-${run}-baseline`;
  const startedAt = new Date();

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
    await deleteKeys(redisUrl, `${queuePrefix}:*`);
    await deleteKeys(redisUrl, `${baselinePrefix}:*`);
  });
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    // The handler polls hundreds of times a second; the limit is not what is being measured.
    RATE_LIMIT_PER_SECOND: '1000000',
  };
  console.log(`database ${databaseName}, queue prefix ${queuePrefix}, API on port ${port}`);
  // The API first: both run migrations at start-up, and one at a time is the ordinary way to deploy.
  const api = spawnChild('api', API_MAIN, env);
  const client = new HttpClient(port);
  onCleanup('close HTTP agent', async () => client.close());
  await waitUntil('the API to answer /health', 60_000, [api], async () =>
    (await client.request('GET', '/health')).status === 200 ? true : undefined,
  );
  const worker = spawnChild('worker', WORKER_MAIN, env);
  const tokens = await seed(client);

  // The first issue also waits for the worker to boot; the warm-up lets both processes settle (JIT, pools).
  await waitUntil('the worker to route a first issue', 60_000, [api, worker], async () =>
    fileAndWatch(client, tokens, -1, options.pollMs, 60_000),
  );
  console.log(`warm-up: ${options.warmup} issues`);
  await inLanes(options.warmup, options.concurrency, (index) =>
    fileAndWatch(client, tokens, index, options.pollMs, 30_000),
  );

  console.log(
    `measuring: ${options.issues} issues, concurrency ${options.concurrency}, polls every ≥${options.pollMs} ms`,
  );
  const measuredAt = performance.now();
  const samples = await inLanes(options.issues, options.concurrency, (index) =>
    fileAndWatch(client, tokens, options.warmup + index, options.pollMs, 30_000),
  );
  const elapsedS = (performance.now() - measuredAt) / 1000;
  for (const child of [api, worker])
    if (!alive(child)) throw new Error(`${child.name} died:\n${child.output.join('')}`);
  await checkInbox(
    client,
    tokens.handler,
    samples.map((sample) => sample.id),
  );

  const db = new Client({ connectionString: databaseUrl.toString() });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const { rows: serverRows } = await db.query<{ ms: number }>(
    `SELECT extract(epoch FROM e.occurred_at - i.filed_at) * 1000 AS ms
       FROM issues i JOIN issue_events e ON e.issue_id = i.id AND e.type = 'issue.routed'
      WHERE i.id = ANY($1::uuid[])`,
    [samples.map((sample) => sample.id)],
  );

  // Stop the service before the baselines, so they run on quiet servers as the service did.
  await stopChild(worker);
  await stopChild(api);

  console.log('baselines: BullMQ add → processor, PostgreSQL INSERT transaction');
  const bullmq = await bullmqBaseline(redisUrl, baselinePrefix, options);
  const postgres = await postgresBaseline(databaseUrl.toString(), options);

  const result = {
    benchmark: 'filing-latency',
    startedAt: startedAt.toISOString(),
    options,
    versions: await versions(databaseUrl.toString(), redisUrl),
    method:
      'service: POST /api/v1/issues sent → GET /api/v1/issues/:id as the lead unit handler answers 200 ' +
      '(one poll in flight per issue, next poll sent when the last answered, at most one per pollMs); ' +
      'visibleLower: the send time of that successful poll; server: issue.routed occurred_at − filed_at; ' +
      'bullmq: queue.add called → processor invoked, own prefix, same Redis; postgres: BEGIN; INSERT one row; COMMIT.',
    throughputIssuesPerSecond: options.issues / elapsedS,
    service: {
      visible: stats(samples.map((s) => s.visibleMs)),
      visibleLowerBound: stats(samples.map((s) => s.visibleLowerMs)),
      post: stats(samples.map((s) => s.postMs)),
      pollRoundTrip: stats(samples.map((s) => s.visibleMs - s.visibleLowerMs)),
      serverClocks: stats(serverRows.map((row) => Number(row.ms))),
      pollsPerIssue: stats(samples.map((s) => s.polls)),
    },
    baselines: { bullmq: stats(bullmq), postgres: stats(postgres) },
    ratios: {} as Record<string, Record<string, number>>,
    samples: {
      visibleMs: samples.map((s) => s.visibleMs),
      postMs: samples.map((s) => s.postMs),
      bullmqMs: bullmq,
      postgresMs: postgres,
    },
  };
  result.ratios = {
    'service / bullmq': ratio(result.service.visible, result.baselines.bullmq),
    'service / postgres': ratio(result.service.visible, result.baselines.postgres),
  };

  console.log('');
  console.log(
    formatTable(
      [
        { label: 'service: POST → visible to unit', stats: result.service.visible },
        { label: '  lower bound (successful poll sent)', stats: result.service.visibleLowerBound },
        { label: '  of which POST → 201', stats: result.service.post },
        { label: '  poll round trip (overstatement bound)', stats: result.service.pollRoundTrip },
        { label: '  server clocks: filed_at → routed', stats: result.service.serverClocks },
        { label: 'baseline: BullMQ add → processor', stats: result.baselines.bullmq },
        { label: 'baseline: PostgreSQL INSERT tx', stats: result.baselines.postgres },
      ],
      Object.entries(result.ratios).map(([label, values]) => ({ label: `ratio ${label}`, values })),
    ),
  );
  console.log('');
  console.log(
    `${options.issues} issues in ${elapsedS.toFixed(1)} s (${result.throughputIssuesPerSecond.toFixed(0)}/s), ` +
      `median ${result.service.pollsPerIssue.median} polls per issue; ` +
      `node ${result.versions.node}, PostgreSQL ${result.versions.postgres}, Redis ${result.versions.redis}`,
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `filing-latency-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${file}`);
}

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
    // After Ctrl-C the run fails as its children go away; that error says nothing new.
    if (interrupted) return cleanup();
    console.error(error instanceof UsageError ? `filing-latency: ${error.message}` : error);
    return cleanup().then(() => process.exit(error instanceof UsageError ? 2 : 1));
  },
);
