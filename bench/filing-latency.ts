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
import { performance } from 'node:perf_hooks';
import { Job, Queue, Worker } from 'bullmq';
import { Client, Pool } from 'pg';
import {
  ADMIN,
  checkKnown,
  createBenchEnv,
  DEADLINE_POLICY,
  delay,
  environment,
  formatTable,
  HttpClient,
  inboxIds,
  INSPECTION_OFFICE,
  inLanes,
  insertTransactions,
  integerOption,
  issueBody,
  login,
  onCleanup,
  parseArgs,
  runMain,
  spawnWorker,
  startApi,
  SUPERVISOR,
  tableRatio,
  tableStats,
  waitUntil,
  writeResult,
} from './lib/harness';

const HANDLER = { username: 'bench-handler', password: 'bench-password' };
const UNIT = 'bench-gov';

interface Options {
  issues: number;
  concurrency: number;
  warmup: number;
  pollMs: number;
}

function parseOptions(argv: string[]): Options {
  const args = parseArgs(argv);
  checkKnown(args, ['--issues', '--concurrency', '--warmup', '--poll-ms']);
  return {
    issues: integerOption(args, '--issues', 1000, 1),
    concurrency: integerOption(args, '--concurrency', 1, 1),
    warmup: integerOption(args, '--warmup', 50, 0),
    pollMs: integerOption(args, '--poll-ms', 1, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The service: one county, one government that its rule names, and that government's handler.

async function seed(client: HttpClient): Promise<{ supervisor: string; handler: string }> {
  const admin = await login(client, ADMIN);
  const post = (path: string, body: unknown) => client.ok('POST', `/api/v1${path}`, admin, body);
  await post('/regions', { code: '522300', name: '黔西南州' });
  await post('/regions', { code: '522301', name: '兴义市', parent: '522300' });
  await post('/categories', { code: 'rural_roads', name: '农村公路管护' });
  await post('/units', INSPECTION_OFFICE);
  await post('/units', {
    code: UNIT,
    name: '兴义市人民政府',
    kind: 'government',
    regionCode: '522301',
    parent: 'bench-inspection',
  });
  await post('/routing-rules', { regionCode: '522301', leadUnit: UNIT });
  // Routing computes deadlines as it would in production.
  await post('/deadline-policies', DEADLINE_POLICY);
  await post('/users', { ...SUPERVISOR, displayName: 'Bench supervisor', role: 'supervisor' });
  await post('/users', { ...HANDLER, displayName: 'Bench handler', role: 'handler', unit: UNIT });
  return { supervisor: await login(client, SUPERVISOR), handler: await login(client, HANDLER) };
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

async function fileAndWatch(
  client: HttpClient,
  tokens: { supervisor: string; handler: string },
  index: number,
  pollMs: number,
  timeoutMs: number,
): Promise<FilingSample> {
  const body = { ...issueBody(index), category: 'rural_roads', regionCode: '522301' };
  const start = performance.now();
  const filed = await client.request('POST', '/api/v1/issues', tokens.supervisor, body);
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
    if (wait > 0) await delay(wait);
  }
}

/** Every measured issue must be in the unit's inbox: the poll and the inbox see the same thing. */
async function checkInbox(client: HttpClient, handler: string, ids: string[]): Promise<void> {
  const inInbox = await inboxIds(client, handler, UNIT);
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
  const payload = { title: 'baseline' };
  await insertTransactions(clients, options.warmup, payload);
  const samples = await insertTransactions(clients, options.issues, payload);
  for (const client of clients) client.release();
  return samples;
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const env = await createBenchEnv();

  // The API first: both run migrations at start-up, and one at a time is the ordinary way to deploy. The handler
  // polls hundreds of times a second; the rate limit is raised, as it is not what is being measured.
  const { api, client, port } = await startApi(env, {}, [], { maxSockets: 256 });
  console.log(`database ${env.databaseName}, queue prefix ${env.queuePrefix}, API on port ${port}`);
  const worker = spawnWorker(env);
  const tokens = await seed(client);

  // The first issue also waits for the worker to boot; the warm-up lets both processes settle (JIT, pools).
  const firstRouted = () => fileAndWatch(client, tokens, -1, options.pollMs, 60_000);
  await waitUntil('the worker to route a first issue', 60_000, firstRouted, { watch: [api, worker] });
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
  for (const child of [api, worker]) child.assertRunning();
  await checkInbox(
    client,
    tokens.handler,
    samples.map((sample) => sample.id),
  );

  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const { rows: serverRows } = await db.query<{ ms: number }>(
    `SELECT extract(epoch FROM e.occurred_at - i.filed_at) * 1000 AS ms
       FROM issues i JOIN issue_events e ON e.issue_id = i.id AND e.type = 'issue.routed'
      WHERE i.id = ANY($1::uuid[])`,
    [samples.map((sample) => sample.id)],
  );

  // Stop the service before the baselines, so they run on quiet servers as the service did.
  await worker.stop();
  await api.stop();

  console.log('baselines: BullMQ add → processor, PostgreSQL INSERT transaction');
  const bullmq = await bullmqBaseline(env.redisUrl, env.baselinePrefix, options);
  const postgres = await postgresBaseline(env.databaseUrl, options);

  const { versions } = await environment(env.databaseUrl, env.redisUrl);
  const result = {
    options,
    versions,
    method:
      'service: POST /api/v1/issues sent → GET /api/v1/issues/:id as the lead unit handler answers 200 ' +
      '(one poll in flight per issue, next poll sent when the last answered, at most one per pollMs); ' +
      'visibleLower: the send time of that successful poll; server: issue.routed occurred_at − filed_at; ' +
      'bullmq: queue.add called → processor invoked, own prefix, same Redis; postgres: BEGIN; INSERT one row; COMMIT.',
    throughputIssuesPerSecond: options.issues / elapsedS,
    service: {
      visible: tableStats(samples.map((s) => s.visibleMs)),
      visibleLowerBound: tableStats(samples.map((s) => s.visibleLowerMs)),
      post: tableStats(samples.map((s) => s.postMs)),
      pollRoundTrip: tableStats(samples.map((s) => s.visibleMs - s.visibleLowerMs)),
      serverClocks: tableStats(serverRows.map((row) => Number(row.ms))),
      pollsPerIssue: tableStats(samples.map((s) => s.polls)),
    },
    baselines: { bullmq: tableStats(bullmq), postgres: tableStats(postgres) },
    ratios: {} as Record<string, ReturnType<typeof tableRatio>>,
    samples: {
      visibleMs: samples.map((s) => s.visibleMs),
      postMs: samples.map((s) => s.postMs),
      bullmqMs: bullmq,
      postgresMs: postgres,
    },
  };
  result.ratios = {
    'service / bullmq': tableRatio(result.service.visible, result.baselines.bullmq),
    'service / postgres': tableRatio(result.service.visible, result.baselines.postgres),
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
      { cellWidth: 9, digits: 2 },
    ),
  );
  console.log('');
  console.log(
    `${options.issues} issues in ${elapsedS.toFixed(1)} s (${result.throughputIssuesPerSecond.toFixed(0)}/s), ` +
      `median ${result.service.pollsPerIssue.median} polls per issue; ` +
      `node ${versions.node}, PostgreSQL ${versions.postgres}, Redis ${versions.redis}`,
  );
  await writeResult('filing-latency', env.startedAt, result);
}

runMain(main, { name: 'filing-latency' });
