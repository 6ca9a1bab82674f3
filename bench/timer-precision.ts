// Escalation timer precision and worker memory with many pending timers (issue #3), next to a raw BullMQ baseline
// measured in the same run on the same Redis.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/timer-precision.js [--pending 100000] [--due 10000] [--window 60] [--lead 5] [--quick]
//
// --quick is --pending 20000 --due 2000 --window 20 (explicit options still win).
//
// DATABASE_URL must be a superuser (or CREATEDB) URL: the bench creates a database dh_bench_<random>, migrates it,
// runs the worker from dist/ against it with a queue prefix of its own, and drops it and the prefix's Redis keys
// at the end, also on failure or Ctrl-C.
//
// How the pending timers are made. Filing 100,000 issues through HTTP would take longer than the bench, so issues
// are written straight into PostgreSQL in the shape DeadlineService.syncTimers gives them under the seeded policy
// (natural calendar, resolve P10D, no reminders, one escalation PT24H after the due time): status `assigned`, the
// due time a day past (`due` already in timers_fired, overdue), one pending step `escalate-1` at the planned
// instant, deadline version 1, and one outbox row per issue (queue `deadlines`, job `fire-timer`, the deterministic
// job id) exactly as the command would write it. A plan that matches the policy matters: when fireDue recomputes
// the plan it finds nothing changed, so no new version and no extra jobs are made, and the reconciler's re-arm
// only re-adds the same job ids. Each issue therefore has exactly one pending timer in Redis.
//
// Order and fairness. The worker starts on an empty database (its idle RSS is the memory baseline). The
// far-future timers (pending − due, 2–10 hours ahead) go in first and the relay publishes them; when the outbox is
// drained, the `due` timers are written with instants spread evenly over [T0, T0 + window], T0 = now + lead. The
// relay must publish those inside the lead; any it publishes late count against the service (the figure
// "window rows published" says when it finished). The baseline gets the same treatment: the same number of
// far-future delayed jobs, then the same spread from its own T0 = now + lead, on a plain queue with its own prefix,
// processed by a trivial Worker with the same concurrency, while the service is stopped. Lateness:
//   service: issue_events.occurred_at − data.scheduledAt of `issue.escalated` (the issue's definition), and from
//            the job hashes BullMQ keeps (removeOnComplete by count), processedOn − (timestamp + delay), the same
//            formula as the baseline, plus finishedOn (the transaction committed) − planned instant;
//   baseline: processedOn − (timestamp + delay).
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { redisConnectionOptions } from '@app/messaging';
import { runMigrations } from '@app/persistence';

const DIST = resolve(__dirname, '..');
const ROOT = resolve(DIST, '..');
const WORKER_MAIN = join(DIST, 'apps', 'worker', 'src', 'main.js');
const RESULTS_DIR = join(ROOT, 'bench', 'results');

const UNIT = 'bench-gov';
/** The service's default DEADLINE_CONCURRENCY; the baseline worker gets the same. */
const DEFAULT_CONCURRENCY = 16;
const TARGET_P99_MS = 1000;
const TARGET_RSS_MB = 300;

interface Options {
  pending: number;
  due: number;
  window: number;
  lead: number;
  concurrency: number;
  quick: boolean;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const options: Options = quick
    ? { pending: 20_000, due: 2_000, window: 20, lead: 5, concurrency: DEFAULT_CONCURRENCY, quick }
    : { pending: 100_000, due: 10_000, window: 60, lead: 5, concurrency: DEFAULT_CONCURRENCY, quick };
  const names: Record<string, keyof Omit<Options, 'quick'>> = {
    '--pending': 'pending',
    '--due': 'due',
    '--window': 'window',
    '--lead': 'lead',
    '--concurrency': 'concurrency',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') continue;
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    if (!key) throw new UsageError(`unknown option ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new UsageError(`${flag} needs a positive whole number, got "${raw}"`);
    options[key] = value;
  }
  if (options.due > options.pending) throw new UsageError('--due cannot exceed --pending');
  return options;
}

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

/** Nearest-rank percentiles. */
function stats(samples: number[]): Stats {
  if (samples.length === 0) return { n: 0, median: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
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
type Ratio = Record<(typeof STAT_KEYS)[number], number>;

function ratio(a: Stats, b: Stats): Ratio {
  return Object.fromEntries(STAT_KEYS.map((key) => [key, a[key] / b[key]])) as Ratio;
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
// Child process

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

async function waitUntil<T>(what: string, timeoutMs: number, children: Child[], check: () => Promise<T | undefined>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of children) {
      if (!alive(child)) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output.join('')}`);
    }
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

interface RssSample {
  atMs: number;
  phase: string;
  rssMb: number;
  /** The machine's 1-minute load average: the machine is shared, and lateness follows it. */
  load1: number;
}

/** Samples a process's RSS every second, tagging each sample with the phase the bench is in. */
class RssSampler {
  readonly samples: RssSample[] = [];
  phase = 'boot';
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    private readonly origin: number,
  ) {
    this.timer = setInterval(() => this.sample(), 1000);
    onCleanup('stop RSS sampler', async () => this.stop());
  }

  sample(): void {
    const value = rssMb(this.pid);
    if (value !== null) {
      this.samples.push({ atMs: Date.now() - this.origin, phase: this.phase, rssMb: value, load1: os.loadavg()[0] });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  of(...phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.rssMb);
  }

  load(...phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.load1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data: reference rows and timers written as the service would write them

const ISO = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

async function seedReference(db: Client): Promise<void> {
  await db.query(`
    INSERT INTO regions (code, name, parent_code) VALUES ('522300', '黔西南州', NULL), ('522301', '兴义市', '522300');
    INSERT INTO categories (code, name) VALUES ('rural_roads', '农村公路管护');
    INSERT INTO units (code, name, kind, region_code, parent_code) VALUES
      ('bench-inspection', '州委督查室', 'inspection_office', '522300', NULL),
      ('bench-party', '中共兴义市委', 'party_committee', '522301', 'bench-inspection'),
      ('${UNIT}', '兴义市人民政府', 'government', '522301', 'bench-party');
    INSERT INTO routing_rules (region_code, lead_unit) VALUES ('522301', '${UNIT}');
    -- no reminders and one escalation a day after the due time: each seeded issue has one pending timer
    INSERT INTO deadline_policies (severity, calendar, acknowledge_within, resolve_within, remind_at, escalations)
      VALUES ('major', 'natural', 'P1D', 'P10D', '{}', '[{"after": "PT24H", "level": 1}]');
  `);
}

/**
 * Writes `count` assigned issues whose only pending timer is `escalate-1`, at firstMs + i·spacingMs, and the
 * outbox row for each, in one transaction (one NOTIFY wakes the relay).
 */
async function insertTimers(db: Client, tag: string, count: number, firstMs: number, spacingMs: number) {
  await db.query(
    `WITH gen AS (
       SELECT g, 'epoch'::timestamptz + ($3::bigint + floor((g - 1) * $4::float8)::bigint) * interval '1 millisecond' AS at
         FROM generate_series(1, $2::int) g
     ), ins AS (
       INSERT INTO issues (reference_no, kind, title, description, category_code, region_code, severity, source,
                           status, lead_unit, filed_by, filed_at, assigned_at, acknowledge_due_at, due_at,
                           original_due_at, clock_started_at, overdue, escalation_level, timer_plan, timers_fired,
                           next_timer_at, deadline_version)
       SELECT $1 || '-' || g, 'supervision', 'Timer bench ' || g, 'The landslide in June cut the road.',
              'rural_roads', '522301', 'major', 'unannounced_visit', 'assigned', '${UNIT}', 'bench-supervisor',
              at - interval '11 days', at - interval '11 days', NULL, at - interval '24 hours',
              at - interval '24 hours', at - interval '11 days', true, 0,
              jsonb_build_array(jsonb_build_object('step', 'due', 'at', ${ISO(`at - interval '24 hours'`)}),
                                jsonb_build_object('step', 'escalate-1', 'at', ${ISO('at')})),
              '{due}', at, 1
         FROM gen
       RETURNING id, next_timer_at
     )
     INSERT INTO outbox (queue, job_name, payload, delay_until)
     SELECT 'deadlines', 'fire-timer',
            jsonb_build_object('issueId', id, 'deadlineVersion', 1, 'step', 'escalate-1',
                               'jobId', 'deadline-' || id || '-1-escalate-1'),
            next_timer_at
       FROM ins`,
    [tag, count, firstMs, spacingMs],
  );
}

async function unpublished(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
  return Number(rows[0].n);
}

// ---------------------------------------------------------------------------------------------------------------
// Redis

/** The service's own connection options, so the baseline talks to Redis exactly as the worker does. */
function connection(redisUrl: string) {
  return redisConnectionOptions(redisUrl);
}

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

interface JobTimes {
  processedOn: number;
  finishedOn: number;
  scheduled: number;
  fired: boolean;
}

/** processedOn / finishedOn / timestamp + delay of completed jobs, from the hashes BullMQ keeps. */
async function jobTimes(redis: Redis, keys: string[]): Promise<JobTimes[]> {
  const out: JobTimes[] = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const pipeline = redis.pipeline();
    for (const key of keys.slice(i, i + 1000))
      pipeline.hmget(key, 'processedOn', 'finishedOn', 'timestamp', 'opts', 'returnvalue');
    for (const [error, value] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      const [processedOn, finishedOn, timestamp, opts, returnvalue] = value as (string | null)[];
      if (!processedOn || !finishedOn || !timestamp) continue;
      // The hash's own `delay` field is zeroed when the job is promoted; the options keep the one it was added with.
      const delay = Number((opts ? JSON.parse(opts).delay : 0) ?? 0);
      out.push({
        processedOn: Number(processedOn),
        finishedOn: Number(finishedOn),
        scheduled: Number(timestamp) + delay,
        fired: (returnvalue ?? '').includes('escalate-1'),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Baseline: raw BullMQ delayed jobs, same counts and spread, its own prefix, a trivial worker

async function bullmqBaseline(redisUrl: string, prefix: string, options: Options) {
  const queue = new Queue('baseline-timers', { prefix, connection: connection(redisUrl) });
  onCleanup('close the baseline queue', () => queue.close());
  await queue.waitUntilReady();
  const far = options.pending - options.due;
  const farStart = Date.now() + 2 * 3600_000;
  const farSpacing = (8 * 3600_000) / Math.max(1, far);
  const addStarted = Date.now();
  for (let i = 0; i < far; i += 1000) {
    const now = Date.now();
    await queue.addBulk(
      Array.from({ length: Math.min(1000, far - i) }, (_, j) => ({
        name: 'fire',
        data: { n: i + j },
        opts: {
          jobId: `far-${i + j}`,
          delay: Math.max(0, Math.round(farStart + (i + j) * farSpacing) - now),
          removeOnComplete: true,
        },
      })),
    );
  }
  const farAddedS = (Date.now() - addStarted) / 1000;

  const lateness: number[] = [];
  const worker = new Worker(
    'baseline-timers',
    async (job: Job) => {
      lateness.push((job.processedOn ?? Date.now()) - (job.timestamp + (job.opts.delay ?? 0)));
    },
    { prefix, connection: connection(redisUrl), concurrency: options.concurrency },
  );
  onCleanup('close the baseline worker', () => worker.close());
  await worker.waitUntilReady();

  const t0 = Date.now() + options.lead * 1000;
  const spacing = (options.window * 1000) / options.due;
  const windowAddStarted = Date.now();
  for (let i = 0; i < options.due; i += 1000) {
    const now = Date.now();
    await queue.addBulk(
      Array.from({ length: Math.min(1000, options.due - i) }, (_, j) => ({
        name: 'fire',
        data: { n: i + j },
        opts: { jobId: `due-${i + j}`, delay: Math.max(0, Math.floor(t0 + (i + j) * spacing) - now) },
      })),
    );
  }
  const windowAddedMs = Date.now() - windowAddStarted;
  const delayedAtT0 = await queue.getDelayedCount();
  const end = t0 + options.window * 1000 + 30_000;
  while (lateness.length < options.due && Date.now() < end) await sleep(200);
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  return { lateness, farAddedS, windowAddedMs, delayedAtT0, missed: options.due - lateness.length };
}

// ---------------------------------------------------------------------------------------------------------------

async function versions(databaseUrl: string, redisUrl: string) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const { rows } = await pg.query<{ server_version: string }>('SHOW server_version');
  await pg.end();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const info = await redis.info('server');
  // Redis checks blocked clients' timeouts `hz` times a second: the grain of a blocking wait for a delayed job.
  const hz = await redis
    .config('GET', 'hz')
    .then((reply) => Number((reply as string[])[1]))
    .catch(() => null);
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
    redisHz: hz,
    bullmq: packageVersion('bullmq'),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  };
}

function formatTable(rows: { label: string; stats: Stats }[], ratios: { label: string; values: Ratio }[]) {
  const width = Math.max(...[...rows, ...ratios].map((row) => row.label.length));
  const cell = (value: string) => value.padStart(10);
  const lines = [`${''.padEnd(width)}  ${cell('n')}${STAT_KEYS.map((key) => cell(key)).join('')}   (ms)`];
  for (const { label, stats: s } of rows) {
    lines.push(
      `${label.padEnd(width)}  ${cell(String(s.n))}${STAT_KEYS.map((key) => cell(s[key].toFixed(1))).join('')}`,
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
  if (!existsSync(WORKER_MAIN)) throw new UsageError(`${WORKER_MAIN} is missing: run \`npm run build\` first`);
  if (!existsSync('/proc/self/status')) throw new UsageError('RSS is read from /proc: this bench needs Linux');
  const serverUrl = process.env.DATABASE_URL as string;
  const redisUrl = process.env.REDIS_URL as string;
  const run = randomBytes(4).toString('hex');
  const databaseName = `dh_bench_${run}`;
  const queuePrefix = `bench-${run}`;
  const baselinePrefix = `bench-${run}-baseline`;
  const startedAt = new Date();
  const origin = Date.now();
  const far = options.pending - options.due;

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
  console.log(`database ${databaseName}, queue prefix ${queuePrefix}`);
  await runMigrations(databaseUrl.toString());

  const db = new Client({ connectionString: databaseUrl.toString() });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  await seedReference(db);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    PORT: '0',
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    DEADLINE_CONCURRENCY: String(options.concurrency),
  };
  const worker = spawnChild('worker', WORKER_MAIN, env);
  const pid = worker.process.pid as number;
  const rss = new RssSampler(pid, origin);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  onCleanup('close Redis', async () => redis.disconnect());
  const deadlines = new Queue('deadlines', { prefix: queuePrefix, connection: connection(redisUrl) });
  onCleanup('close the deadlines queue handle', () => deadlines.close());
  await waitUntil('the worker to listen on the deadlines queue', 60_000, [worker], async () =>
    (await deadlines.getWorkersCount()) > 0 ? true : undefined,
  );
  rss.phase = 'idle';
  await sleep(5000);

  console.log(`writing ${far} far-future timers (2–10 h ahead) and letting the relay publish them`);
  rss.phase = 'publishing';
  const farStarted = Date.now();
  await insertTimers(db, `far-${run}`, far, Date.now() + 2 * 3600_000, (8 * 3600_000) / Math.max(1, far));
  const farInsertedS = (Date.now() - farStarted) / 1000;
  await waitUntil('the relay to publish the far-future timers', 600_000, [worker], async () =>
    (await unpublished(db)) === 0 ? true : undefined,
  );
  const farPublishedS = (Date.now() - farStarted) / 1000;
  const delayedAfterFar = await deadlines.getDelayedCount();
  rss.phase = 'far-pending';
  await sleep(3000);

  const spacing = (options.window * 1000) / options.due;
  const t0 = Date.now() + options.lead * 1000;
  console.log(`writing ${options.due} timers spread over ${options.window} s from T0 = now + ${options.lead} s`);
  rss.phase = 'window';
  const windowStarted = Date.now();
  await insertTimers(db, `due-${run}`, options.due, t0, spacing);
  const windowInsertedMs = Date.now() - windowStarted;
  await sleep(Math.max(0, t0 - Date.now()));
  const delayedAtT0 = await deadlines.getDelayedCount();
  const { rows: published } = await db.query<{ unpublished: string; last: Date | null }>(
    `SELECT count(*) FILTER (WHERE published_at IS NULL) AS unpublished, max(published_at) AS last FROM outbox
      WHERE payload->>'issueId' IN (SELECT id::text FROM issues WHERE reference_no LIKE $1)`,
    [`due-${run}-%`],
  );
  const escalated = async () =>
    Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM issue_events WHERE type = 'issue.escalated'`)).rows[0]
        .n,
    );
  const end = t0 + options.window * 1000 + 30_000;
  let fired = 0;
  while ((fired = await escalated()) < options.due && Date.now() < end) {
    if (!alive(worker)) throw new Error(`worker died:\n${worker.output.join('')}`);
    await sleep(250);
  }
  const windowPublishedMs = published[0].last ? published[0].last.getTime() - t0 : NaN;
  rss.phase = 'after';
  await sleep(2000);
  rss.sample();
  rss.stop();

  const { rows: events } = await db.query<{ issue_id: string; ms: string }>(
    `SELECT issue_id, extract(epoch FROM occurred_at - (data->>'scheduledAt')::timestamptz) * 1000 AS ms
       FROM issue_events WHERE type = 'issue.escalated'`,
  );
  const { rows: windowIds } = await db.query<{ id: string }>('SELECT id FROM issues WHERE reference_no LIKE $1', [
    `due-${run}-%`,
  ]);
  const times = await jobTimes(
    redis,
    windowIds.map(({ id }) => `${queuePrefix}:deadlines:deadline-${id}-1-escalate-1`),
  );
  const { rows: windowOutbox } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox WHERE payload->>'step' = 'escalate-1'
        AND payload->>'issueId' IN (SELECT id::text FROM issues WHERE reference_no LIKE $1)`,
    [`due-${run}-%`],
  );
  const { rows: notifications } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM notifications`);
  await stopChild(worker);

  console.log('baseline: raw BullMQ delayed jobs on their own prefix, trivial worker');
  const baseline = await bullmqBaseline(redisUrl, baselinePrefix, options);

  const service = {
    eventLateness: stats(events.map((row) => Number(row.ms))),
    bullmqPickupLateness: stats(times.map((t) => t.processedOn - t.scheduled)),
    committedLateness: stats(times.map((t) => t.finishedOn - t.scheduled)),
  };
  const serviceRss = {
    idle: stats(rss.of('idle')),
    publishing: stats(rss.of('publishing')),
    farPending: stats(rss.of('far-pending')),
    window: stats(rss.of('window')),
    peak: Math.max(...rss.samples.map((s) => s.rssMb)),
  };
  const baselineStats = stats(baseline.lateness);
  const result = {
    benchmark: 'timer-precision',
    startedAt: startedAt.toISOString(),
    options,
    versions: await versions(databaseUrl.toString(), redisUrl),
    method:
      'service: issues written in bulk in the shape syncTimers gives them (one pending escalate-1 each) with their ' +
      'outbox rows; far-future ones first, published by the relay; then `due` timers spread evenly over the ' +
      'window from T0 = insert + lead. Lateness = issue_events.occurred_at − data.scheduledAt (issue.escalated); ' +
      'also processedOn − (timestamp + delay) and finishedOn − (timestamp + delay) from the BullMQ job hashes. ' +
      'baseline: the same counts and spread as raw BullMQ delayed jobs on their own prefix, trivial Worker with ' +
      'the same concurrency, run after the service stopped; processedOn − (timestamp + delay). ' +
      'RSS: VmRSS of the worker process every second.',
    targets: { p99LatenessMs: TARGET_P99_MS, rssMb: TARGET_RSS_MB },
    service: {
      ...service,
      escalationsFired: fired,
      missed: options.due - fired,
      firedByTheirOwnJob: times.filter((t) => t.fired).length,
      windowJobHashesFound: times.length,
      delayedInRedisAfterFarPublish: delayedAfterFar,
      delayedInRedisAtT0: delayedAtT0,
      farInsertSeconds: farInsertedS,
      farPublishedSeconds: farPublishedS,
      relayThroughputPerSecond: far / farPublishedS,
      windowInsertMs: windowInsertedMs,
      windowRowsPublishedRelativeToT0Ms: windowPublishedMs,
      windowRowsUnpublishedAtT0: Number(published[0].unpublished),
      outboxRowsForWindowTimers: Number(windowOutbox[0].n),
      notificationsWritten: Number(notifications[0].n),
    },
    rss: serviceRss,
    loadAverageDuringWindow: stats(rss.load('window')),
    baseline: {
      lateness: baselineStats,
      missed: baseline.missed,
      delayedInRedisAtT0: baseline.delayedAtT0,
      farAddSeconds: baseline.farAddedS,
      windowAddMs: baseline.windowAddedMs,
    },
    ratios: {
      'service event / baseline': ratio(service.eventLateness, baselineStats),
      'service pickup / baseline': ratio(service.bullmqPickupLateness, baselineStats),
      'rss window median / idle median': serviceRss.window.median / serviceRss.idle.median,
    },
    verdict: {
      p99Within1s: service.eventLateness.p99 < TARGET_P99_MS && options.due === fired,
      rssUnder300MB: serviceRss.peak < TARGET_RSS_MB,
    },
    rssSamples: rss.samples,
    samples: { serviceEventMs: events.map((row) => Number(row.ms)), baselineMs: baseline.lateness },
  };

  console.log('');
  console.log(
    formatTable(
      [
        { label: 'service: occurred_at − scheduledAt', stats: service.eventLateness },
        { label: '  BullMQ processedOn − scheduled', stats: service.bullmqPickupLateness },
        { label: '  BullMQ finishedOn − scheduled', stats: service.committedLateness },
        { label: 'baseline: raw BullMQ processedOn − sched.', stats: baselineStats },
      ],
      [
        { label: 'ratio service event / baseline', values: result.ratios['service event / baseline'] },
        { label: 'ratio service pickup / baseline', values: result.ratios['service pickup / baseline'] },
      ],
    ),
  );
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  console.log('');
  console.log(
    `worker RSS: idle ${mb(serviceRss.idle.median)}, ${far} pending ${mb(serviceRss.farPending.median)}, ` +
      `window median ${mb(serviceRss.window.median)} (${result.ratios['rss window median / idle median'].toFixed(2)}× idle), ` +
      `peak ${mb(serviceRss.peak)} (target < ${TARGET_RSS_MB} MB)`,
  );
  console.log(
    `Redis delayed at T0: service ${delayedAtT0}, baseline ${baseline.delayedAtT0}; ` +
      `relay published ${far} rows in ${farPublishedS.toFixed(1)} s (${result.service.relayThroughputPerSecond.toFixed(0)}/s), ` +
      `window rows done ${(windowPublishedMs / 1000).toFixed(2)} s relative to T0`,
  );
  console.log(
    `fired ${fired}/${options.due} (by their own job ${result.service.firedByTheirOwnJob}), baseline missed ${baseline.missed}; ` +
      `p99 < ${TARGET_P99_MS} ms: ${result.verdict.p99Within1s ? 'met' : 'MISSED'}, ` +
      `RSS < ${TARGET_RSS_MB} MB: ${result.verdict.rssUnder300MB ? 'met' : 'MISSED'}`,
  );
  console.log(
    `node ${result.versions.node}, PostgreSQL ${result.versions.postgres}, Redis ${result.versions.redis} ` +
      `(hz ${result.versions.redisHz}); load average during the window: median ` +
      `${result.loadAverageDuringWindow.median.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `timer-precision-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
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
    if (interrupted) return cleanup();
    console.error(error instanceof UsageError ? `timer-precision: ${error.message}` : error);
    return cleanup().then(() => process.exit(error instanceof UsageError ? 2 : 1));
  },
);
