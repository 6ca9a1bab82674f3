// `npm run simulate [-- --days 30 --day-ms 1000 --seed 42 --keep]`: a month of the demo prefecture at accelerated
// time, ending with the assessment table it produces.
//
// With DATABASE_URL / REDIS_URL unset it starts a throwaway PostgreSQL and Redis (data in a fresh .data/simulate-*
// folder, removed afterwards); with them set it creates a database dh_simulate_<random> on that server (dropped at
// the end unless --keep; the URL must be allowed to create databases) and uses its own Redis key prefix. It migrates,
// seeds the Qianxinan demo, replaces the deadline policies with accelerated ones on the natural calendar (one
// simulated day = --day-ms milliseconds), runs the API and the worker from dist/, and then lets simulated people use
// the HTTP API for --days days: supervisors file issues and proposals, unit handlers of different diligence (chosen
// by --seed) acknowledge, return misrouted issues, report progress, submit rectification or let issues go overdue,
// filers verify, the inspector routes triage, decides extensions, marks key proposals, sends supervision notices
// and, at the end, records democratic evaluations. Then it waits for the timers due within the month to fire and
// prints the totals, the assessment table and the proposal report, and writes everything to
// bench/results/simulate-<timestamp>.json.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { ALL_QUEUES, QUEUES } from '@app/messaging';
import { runMigrations } from '@app/persistence';
import { DEMO_USERS, seedDemo } from './demo/demo-seed';
import { LocalServices, projectRoot, startLocalServices } from './local-services';
import { ApiClient } from './simulate/http';
import { Column, formatTable, percent, stats } from './simulate/report';
import { POLICY_DAYS, PREFECTURE, VERIFY_WITHIN_DAYS } from './simulate/scenario';
import { Cast, Simulation, SimulationResult, Unit } from './simulate/simulation';

const ROOT = projectRoot();
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const SETTLE_TIMEOUT_MS = 60_000;

const ADMIN = { username: 'sim-admin', password: `sim-${randomBytes(9).toString('base64url')}` };
const USER_PASSWORD = 'simulate-password';
const DEMO_PASSWORD = DEMO_USERS[0]?.password ?? 'demo-password';

/** More supervisors beside the demo's `supervisor`; the CPPCC members among them also file proposals. */
const EXTRA_SUPERVISORS = [
  { username: 'li-supervisor', displayName: '李建华（州政协委员）', proposer: true },
  { username: 'chen-supervisor', displayName: '陈晓梅（州政协委员）', proposer: true },
  { username: 'zhao-supervisor', displayName: '赵国强（民主监督组组长）', proposer: false },
];

interface Options {
  days: number;
  dayMs: number;
  seed: number;
  keep: boolean;
}

class UsageError extends Error {}

const USAGE = 'usage: npm run simulate -- [--days 30] [--day-ms 1000] [--seed 42] [--keep]';

function parseOptions(argv: string[]): Options {
  const options: Options = { days: 30, dayMs: 1000, seed: 42, keep: false };
  const limits: Record<string, [keyof Options, number, number]> = {
    '--days': ['days', 1, 366],
    '--day-ms': ['dayMs', 100, 86_400_000],
    '--seed': ['seed', 0, 2 ** 32 - 1],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    const limit = limits[flag];
    if (!limit) throw new UsageError(`unknown option ${argv[i]}\n${USAGE}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < limit[1] || value > limit[2]) {
      throw new UsageError(`${flag} needs a whole number from ${limit[1]} to ${limit[2]}, got "${raw}"`);
    }
    (options as unknown as Record<string, number>)[limit[0]] = value;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: children, Redis keys, the database and local servers go away however the run ends.

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

const children: Child[] = [];
let failure: ((error: Error) => void) | null = null;
/** Rejects when a child or a local server dies before cleanup began: raced against the run. */
const failed = new Promise<never>((_, reject) => {
  failure = reject;
});
failed.catch(() => undefined);

function spawnChild(name: string, main: string, env: NodeJS.ProcessEnv): Child {
  // Own process group: a Ctrl-C on the terminal reaches only us, and we stop the children in order.
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const handle = { name, process: child, output, exited };
  child.once('exit', (code, signal) => {
    if (!cleaningUp)
      failure?.(new Error(`${name} exited unexpectedly (${signal ?? `code ${code}`}):\n${output.join('')}`));
  });
  children.push(handle);
  onCleanup(`stop ${name}`, () => stopChild(handle));
  return handle;
}

function alive(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

async function stopChild(child: Child): Promise<void> {
  if (!alive(child)) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 15_000);
  await child.exited;
  clearTimeout(timer);
}

process.on('exit', () => {
  for (const child of children) if (alive(child)) child.process.kill('SIGKILL');
});

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

async function waitUntil<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.race([check().catch(() => undefined), failed]);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Servers and database

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

function masked(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The seconds of `days` simulated days as an ISO-8601 duration: PT1S, PT0.25S, PT0S. */
function accelerated(days: number, dayMs: number): string {
  const seconds = Number(((days * dayMs) / 1000).toFixed(3));
  return `PT${seconds}S`;
}

function yearIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

/**
 * Waits until what was due within the month has happened: every issue routed, every timer due by the month's end
 * fired, every outbox row written until now relayed and the routing and deadline queues idle. Timers due after the
 * month keep firing meanwhile (the service does not stop), so this is quick on purpose.
 */
async function settle(databaseUrl: string, redisUrl: string, prefix: string, simEnd: Date): Promise<string> {
  const started = new Date();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = [QUEUES.routing, QUEUES.deadlines].map((name) => new Queue(name, { prefix, connection }));
  let last = '';
  try {
    while (Date.now() - started.getTime() < SETTLE_TIMEOUT_MS) {
      const { rows } = await db.query<{ outbox: number; timers: number; unrouted: number }>(
        `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL AND created_at <= $2)::int AS outbox,
                (SELECT count(*) FROM issues WHERE next_timer_at <= $1)::int AS timers,
                (SELECT count(*) FROM issues WHERE status = 'filed')::int AS unrouted`,
        [simEnd, started],
      );
      let busy = 0;
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
      }
      const { outbox, timers, unrouted } = rows[0];
      last =
        `${outbox} outbox rows unpublished, ${timers} issues with a timer due by the month's end, ` +
        `${unrouted} unrouted, ${busy} routing/deadline jobs waiting or active`;
      if (outbox === 0 && timers === 0 && unrouted === 0 && busy === 0) {
        return `settled in ${Date.now() - started.getTime()} ms`;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    return `not settled after ${SETTLE_TIMEOUT_MS} ms: ${last}`;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Setting the stage through the API

async function prepare(client: ApiClient, options: Options, log: (line: string) => void): Promise<Cast> {
  const login = async (username: string, password: string) =>
    (await client.ok('POST', '/api/v1/auth/login', undefined, { username, password })).accessToken as string;
  const admin = await login(ADMIN.username, ADMIN.password);
  const api = (method: string, path: string, body?: unknown) => client.ok(method, `/api/v1${path}`, admin, body);

  // Accelerated deadline policies on the natural calendar: one simulated day = dayMs.
  const d = (days: number) => accelerated(days, options.dayMs);
  for (const [severity, policy] of Object.entries(POLICY_DAYS)) {
    await api('POST', '/deadline-policies', {
      severity,
      calendar: 'natural',
      acknowledgeWithin: d(policy.acknowledge),
      resolveWithin: d(policy.resolve),
      remindAt: [0.5, 0.8],
      escalations: policy.escalations.map((after, index) => ({ after: d(after), level: index + 1 })),
      verifyWithin: d(VERIFY_WITHIN_DAYS),
      maxReturns: 2,
    });
  }
  const policies: { severity: string; category: string | null; acknowledgeWithin: string; resolveWithin: string }[] = (
    await api('GET', '/deadline-policies')
  ).items;
  log(
    `deadline policies: ${policies
      .map((p) => `${p.severity}${p.category ? `/${p.category}` : ''} ${p.acknowledgeWithin}/${p.resolveWithin}`)
      .join(', ')}`,
  );

  const units = new Map<string, Unit>();
  for (const unit of await client.all<Unit>('/api/v1/units', admin)) units.set(unit.code, unit);
  const categories = new Set((await client.all<{ code: string }>('/api/v1/categories', admin)).map((c) => c.code));
  const categoryDepartment = new Map<string, string>();
  for (const rule of await client.all<{ category: string | null; regionCode: string | null; leadUnit: string }>(
    '/api/v1/routing-rules',
    admin,
  )) {
    if (rule.category && rule.regionCode === PREFECTURE) categoryDepartment.set(rule.category, rule.leadUnit);
  }

  // A handler for every unit that works issues and has none; more supervisors.
  const users = await client.all<{ username: string; role: string; unit: string | null }>('/api/v1/users', admin);
  const handlers = new Map<string, string>();
  for (const user of users)
    if (user.role === 'handler' && user.unit && !handlers.has(user.unit)) handlers.set(user.unit, user.username);
  const passwords = new Map<string, string>();
  for (const user of DEMO_USERS) passwords.set(user.username, DEMO_PASSWORD);
  let created = 0;
  for (const unit of [...units.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (unit.kind === 'inspection_office' || handlers.has(unit.code)) continue;
    const username = `${unit.code}-handler`;
    await api('POST', '/users', {
      username,
      password: USER_PASSWORD,
      displayName: `${unit.name} 承办员`,
      role: 'handler',
      unit: unit.code,
    });
    handlers.set(unit.code, username);
    passwords.set(username, USER_PASSWORD);
    created += 1;
  }
  const existing = new Set(users.map((user) => user.username));
  const supervisors = users.filter((user) => user.role === 'supervisor').map((user) => user.username);
  const proposers: string[] = [];
  for (const extra of EXTRA_SUPERVISORS) {
    if (!existing.has(extra.username)) {
      await api('POST', '/users', {
        username: extra.username,
        password: USER_PASSWORD,
        displayName: extra.displayName,
        role: 'supervisor',
      });
      created += 1;
      supervisors.push(extra.username);
    }
    passwords.set(extra.username, USER_PASSWORD);
    if (extra.proposer) proposers.push(extra.username);
  }
  const inspector = users.find((user) => user.role === 'inspector')?.username;
  if (!inspector) throw new Error('the demo seed has no inspector');
  if (supervisors.length === 0) throw new Error('no supervisors');
  log(
    `cast: ${supervisors.length} supervisors (${proposers.length} file proposals), ${handlers.size} unit handlers, ` +
      `inspector ${inspector}; ${created} users created via POST /users`,
  );

  const tokens = new Map<string, string>();
  const everyone = [inspector, ...supervisors, ...handlers.values()];
  await Promise.all(
    everyone.map(async (username) => {
      const password = passwords.get(username);
      if (!password) throw new Error(`no password known for ${username}`);
      tokens.set(username, await login(username, password));
    }),
  );
  return {
    client,
    tokens,
    inspector,
    supervisors: supervisors.sort(),
    proposers: proposers.sort(),
    handlers,
    units,
    categories,
    categoryDepartment,
    log,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Results

interface AssessmentRow {
  unit: string;
  unitName: string;
  assigned: number;
  acknowledgedOnTime: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  reopened: number;
  returned: number;
  escalations: number;
  satisfaction: number | null;
  score: number;
  rank: number | null;
}

interface TimelineItem {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

async function inLanes<T, R>(items: T[], lanes: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
}

async function collect(client: ApiClient, inspectorToken: string, year: number) {
  const latencyMark = client.latencies.length;
  const issues = await client.all<{
    id: string;
    kind: string;
    status: string;
    overdue: boolean;
    escalationLevel: number;
    isKey: boolean;
  }>('/api/v1/issues', inspectorToken);
  const byStatus: Record<string, number> = {};
  for (const issue of issues) byStatus[issue.status] = (byStatus[issue.status] ?? 0) + 1;

  const events: Record<string, number> = {};
  const escalationsByLevel: Record<string, number> = {};
  const wentOverdue = new Set<string>();
  const ackLate = new Set<string>();
  const timerLagMs: number[] = [];
  let autoAccepted = 0;
  await inLanes(issues, 16, async (issue) => {
    const timeline: { items: TimelineItem[] } = await client.ok(
      'GET',
      `/api/v1/issues/${issue.id}/timeline`,
      inspectorToken,
    );
    for (const event of timeline.items) {
      events[event.type] = (events[event.type] ?? 0) + 1;
      if (event.type === 'issue.escalated') {
        const level = String(event.data.level);
        escalationsByLevel[level] = (escalationsByLevel[level] ?? 0) + 1;
      }
      if (event.type === 'issue.overdue') wentOverdue.add(issue.id);
      if (event.type === 'issue.acknowledge_overdue') ackLate.add(issue.id);
      if (event.type === 'issue.accepted' && event.data.automatic === true) autoAccepted += 1;
      if (typeof event.data.scheduledAt === 'string') {
        timerLagMs.push(Date.parse(event.occurredAt) - Date.parse(event.data.scheduledAt));
      }
    }
  });
  const range = `from=${year}-01-01&to=${year}-12-31`;
  const assessment: { from: string; to: string; items: AssessmentRow[] } = await client.ok(
    'GET',
    `/api/v1/assessment/units?${range}`,
    inspectorToken,
  );
  const proposals = await client.ok('GET', `/api/v1/reports/proposals?year=${year}`, inspectorToken);
  const oversight = await client.ok('GET', '/api/v1/oversight/summary', inspectorToken);
  // Up to here: the simulated month's requests, not the ones collecting the results.
  const apiLatencyMs = client.latencies.slice(0, latencyMark);
  const open = issues.filter((issue) => !['closed', 'withdrawn'].includes(issue.status));
  return {
    totals: {
      filed: issues.length,
      supervision: issues.filter((issue) => issue.kind === 'supervision').length,
      proposals: issues.filter((issue) => issue.kind === 'proposal').length,
      byStatus,
      closed: byStatus.closed ?? 0,
      autoAccepted,
      withdrawn: byStatus.withdrawn ?? 0,
      open: open.length,
      openOverdueNow: open.filter((issue) => issue.overdue).length,
      openByEscalationLevel: open.reduce<Record<string, number>>((acc, issue) => {
        if (issue.escalationLevel > 0) acc[issue.escalationLevel] = (acc[issue.escalationLevel] ?? 0) + 1;
        return acc;
      }, {}),
      issuesThatWentOverdue: wentOverdue.size,
      overdueEvents: events['issue.overdue'] ?? 0,
      issuesAcknowledgedLate: ackLate.size,
      escalationsByLevel,
      returned: events['issue.returned'] ?? 0,
      reopened: events['issue.reopened'] ?? 0,
      supervisionNotices: events['issue.supervision_notice'] ?? 0,
      extensionsApproved: events['issue.extension_approved'] ?? 0,
      extensionsRejected: events['issue.extension_rejected'] ?? 0,
      keyIssues: issues.filter((issue) => issue.isKey).length,
    },
    events,
    timerLagMs: stats(timerLagMs),
    apiLatencyMs,
    assessment,
    proposals,
    oversight,
  };
}

const COLUMNS: Column<AssessmentRow>[] = [
  { header: 'unit', value: (r) => r.unit },
  { header: 'unitName', value: (r) => r.unitName },
  { header: 'assigned', value: (r) => String(r.assigned), right: true },
  { header: 'acknowledgedOnTime', value: (r) => String(r.acknowledgedOnTime), right: true },
  { header: 'closed', value: (r) => String(r.closed), right: true },
  { header: 'closedOnTime', value: (r) => String(r.closedOnTime), right: true },
  { header: 'overdue', value: (r) => String(r.overdue), right: true },
  { header: 'reopened', value: (r) => String(r.reopened), right: true },
  { header: 'returned', value: (r) => String(r.returned), right: true },
  { header: 'escalations', value: (r) => String(r.escalations), right: true },
  { header: 'satisfaction', value: (r) => percent(r.satisfaction), right: true },
  { header: 'score', value: (r) => r.score.toFixed(2), right: true },
  { header: 'rank', value: (r) => (r.rank === null ? '—' : String(r.rank)), right: true },
];

function printReport(
  result: SimulationResult,
  collected: Awaited<ReturnType<typeof collect>>,
  settled: string,
  options: Options,
): void {
  const t = collected.totals;
  const levels = Object.entries(t.escalationsByLevel)
    .sort()
    .map(([level, n]) => `level ${level}: ${n}`)
    .join(', ');
  const lag = stats(result.lagMs);
  const timer = collected.timerLagMs;
  console.log('');
  console.log(
    `==================== ${options.days} simulated days (1 day = ${options.dayMs} ms, seed ${options.seed}) ====================`,
  );
  console.log(`queues: ${settled}`);
  console.log(
    `filed        ${t.filed} (${t.supervision} supervision issues, ${t.proposals} proposals)\n` +
      `closed       ${t.closed} (${t.autoAccepted} accepted automatically after verifyWithin)   withdrawn ${t.withdrawn}\n` +
      `still open   ${t.open} (${Object.entries(t.byStatus)
        .filter(([status]) => !['closed', 'withdrawn'].includes(status))
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')}), overdue now ${t.openOverdueNow}\n` +
      `overdue      ${t.issuesThatWentOverdue} issues went overdue (${t.overdueEvents} overdue events), ` +
      `${t.issuesAcknowledgedLate} acknowledged late\n` +
      `escalations  ${levels || 'none'}\n` +
      `returned ${t.returned}, reopened ${t.reopened}, extensions approved ${t.extensionsApproved} / rejected ` +
      `${t.extensionsRejected}, supervision notices ${t.supervisionNotices}, key issues/proposals ${t.keyIssues}`,
  );
  if (timer) {
    console.log(
      `timers       ${timer.n} fired; late by median ${timer.median} ms, p99 ${timer.p99} ms, max ${timer.max} ms`,
    );
  }
  if (lag) {
    console.log(
      `simulation   actions late by median ${lag.median} ms, p99 ${lag.p99} ms, max ${lag.max} ms (of ${lag.n})`,
    );
  }
  const latency = stats(collected.apiLatencyMs);
  if (latency) {
    console.log(
      `API          ${latency.n} requests answered in median ${latency.median} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    );
  }
  const stale = Object.entries(result.stale)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  console.log(`stale        ${stale || 'none'} (the issue had moved on: 403/404/409)`);
  console.log(`errors       ${result.errorCount}`);
  for (const error of result.errors.slice(0, 10)) console.log(`  ${error.what}: ${error.message}`);

  const rows = [...collected.assessment.items].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      b.assigned - a.assigned ||
      a.unit.localeCompare(b.unit),
  );
  console.log('');
  console.log(`GET /api/v1/assessment/units?from=${collected.assessment.from}&to=${collected.assessment.to}`);
  console.log(formatTable(rows, COLUMNS));
  const byProfile = new Map<string, string[]>();
  for (const [unit, profile] of Object.entries(result.profiles)) {
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), unit]);
  }
  console.log('');
  console.log('simulated diligence:');
  for (const [profile, units] of byProfile) console.log(`  ${profile.padEnd(10)} ${units.join(', ')}`);
  if (result.evaluations.length) {
    const evaluations = result.evaluations as { unit: string; score: number; points: number }[];
    console.log(
      `democratic evaluations: ${evaluations.map((e) => `${e.unit} ${e.score} (${e.points} points)`).join(', ')}`,
    );
  }
  console.log('');
  console.log(`GET /api/v1/reports/proposals?year=${(collected.proposals as { year: number }).year}`);
  console.log(JSON.stringify(collected.proposals, null, 2));
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const main of [API_MAIN, WORKER_MAIN]) {
    if (!existsSync(main)) throw new UsageError(`${main} is missing: run \`npm run build\` first`);
  }
  const log = (line: string) => console.log(line);
  const run = randomBytes(4).toString('hex');
  const startedAt = new Date();
  let serverUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;

  if (!serverUrl || !redisUrl) {
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
    const services: LocalServices = await startLocalServices({
      dataDir,
      persistent: false,
      postgres: !serverUrl,
      redis: !redisUrl,
      log,
    });
    onCleanup('stop local servers', () => services.stop());
    void services.died.then((message) => failure?.(new Error(message)));
    serverUrl ||= services.databaseUrl as string;
    redisUrl ||= services.redisUrl as string;
  }

  const databaseName = `dh_simulate_${run}`;
  const queuePrefix = `simulate-${run}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${databaseName}`;
  onCleanup(`drop database ${databaseName}`, async () => {
    if (options.keep) {
      log(`--keep: database kept at ${masked(databaseUrl.toString())} (queue prefix ${queuePrefix})`);
      return;
    }
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  onCleanup('delete Redis keys', async () => {
    if (!options.keep) await deleteKeys(redisUrl as string, `${queuePrefix}:*`);
  });
  log(`database ${databaseName} on ${masked(serverUrl)}, Redis ${masked(redisUrl)}, queue prefix ${queuePrefix}`);

  await runMigrations(databaseUrl.toString());
  await seedDemo(databaseUrl.toString());

  const port = await freePort();
  const timeZone = process.env.TIME_ZONE || 'Asia/Shanghai';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
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
  const api = spawnChild('api', API_MAIN, env);
  const client = new ApiClient(port, 16);
  onCleanup('close HTTP agent', async () => client.close());
  await waitUntil('the API to answer /health', 60_000, async () =>
    alive(api) && (await client.request('GET', '/health')).status === 200 ? true : undefined,
  );
  spawnChild('worker', WORKER_MAIN, env);
  // The worker is ready when its BullMQ workers are connected to every queue.
  {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queues = ALL_QUEUES.map((name) => new Queue(name, { prefix: queuePrefix, connection }));
    try {
      await waitUntil('the worker to connect to its queues', 60_000, async () => {
        const workers = await Promise.all(queues.map((queue) => queue.getWorkers()));
        return workers.every((list) => list.length > 0) ? true : undefined;
      });
    } finally {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    }
  }

  const cast = await Promise.race([prepare(client, options, log), failed]);
  // How fast the API answers on this machine right now: a month at --day-ms needs roughly 150 requests a day.
  const probe: number[] = [];
  const inspectorToken = cast.tokens.get(cast.inspector) as string;
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await client.ok('GET', '/api/v1/oversight/summary', inspectorToken);
    probe.push(performance.now() - started);
  }
  const probeStats = stats(probe);
  log(`API round trip before the run: median ${probeStats?.median} ms, p90 ${probeStats?.p90} ms (one at a time)`);
  if (probeStats && probeStats.median * 150 > options.dayMs * 2) {
    log(
      `warning: at this speed the API may not keep up with one simulated day per ${options.dayMs} ms; late actions ` +
        'then make more issues overdue than the profiles intend. A larger --day-ms gives a truer month.',
    );
  }
  const year = yearIn(timeZone, new Date());
  log(`simulating ${options.days} days, one every ${options.dayMs} ms ...`);
  const simulation = new Simulation(cast, { days: options.days, dayMs: options.dayMs, seed: options.seed, year });
  const result = await Promise.race([simulation.run(), failed]);

  log('waiting for the timers due within the month to fire ...');
  const settled = await Promise.race([settle(databaseUrl.toString(), redisUrl, queuePrefix, result.simEnd), failed]);
  const collected = await Promise.race([collect(client, inspectorToken, year), failed]);
  printReport(result, collected, settled, options);

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `simulate-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const output = {
    simulation: 'simulate',
    startedAt: startedAt.toISOString(),
    options,
    database: { name: databaseName, kept: options.keep, queuePrefix },
    policies: POLICY_DAYS,
    settled,
    profiles: result.profiles,
    totals: collected.totals,
    events: collected.events,
    timerLagMs: collected.timerLagMs,
    apiProbeMs: probeStats,
    simulationLagMs: stats(result.lagMs),
    latencyByRequestMs: Object.fromEntries(
      Object.entries(result.latency)
        .sort()
        .map(([label, samples]) => [label, stats(samples)]),
    ),
    apiLatencyMs: stats(collected.apiLatencyMs),
    actions: result.counters,
    stale: result.stale,
    errors: { count: result.errorCount, samples: result.errors },
    daily: result.daily,
    evaluations: result.evaluations,
    assessment: collected.assessment,
    proposals: collected.proposals,
    oversight: collected.oversight,
  };
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log('');
  console.log(`written to ${file}`);
}

// Output piped into `head` or a closed terminal must not end the run before it has cleaned up.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
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
    console.error(error instanceof UsageError ? error.message : error);
    return cleanup().then(() => process.exit(error instanceof UsageError ? 2 : 1));
  },
);
