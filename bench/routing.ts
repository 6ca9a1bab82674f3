// Routing throughput: the worker's route-issue job (lock the filed issue, match the rules, assign, compute
// deadlines, event + ledger + outbox rows, one transaction) next to the slower of two raw baselines on the same
// servers in the same run: raw BullMQ processing (a no-op Worker at the same concurrency draining the same
// number of jobs) and raw single-row INSERT transactions at the same concurrency.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/routing.js [--quick] [--issues 3000] [--repetitions 5] [--concurrency 16] [--env K=V,...] \
//       [--what-if no-notify] [--cpu-prof]
//
// --quick is --issues 150. The API seeds the reference data over HTTP (8 counties, each with a government that
// its rule names, coal_upgrade to a prefecture department, a policy with deadlines and an escalation) and stops.
// The worker runs alone. Each repetition writes `issues` filed issues by SQL with their issue.filed events and
// their route-issue outbox rows already marked published, then adds the same jobs (job id outbox-<job_key>) to
// the worker's routing queue with one addBulk. Time runs from the addBulk until no issue of the batch is `filed`
// (polled every 20 ms); routed/s is the median over the repetitions after a warm-up. Correctness: every issue
// has exactly one issue.routed event, is assigned to the unit its rule names, and none is missing.
import { performance } from 'node:perf_hooks';
import { Job, Queue, Worker } from 'bullmq';
import { Client, Pool } from 'pg';
import { DEFAULT_JOB_OPTIONS, redisConnectionOptions } from '@app/messaging';
import { parseEnv } from './intake';
import {
  applyWhatIf,
  CATEGORIES,
  checkKnown,
  checkRouted,
  createBenchEnv,
  delay,
  finish,
  insertTransactions,
  median,
  numberOption,
  onCleanup,
  parseArgs,
  parseWhatIf,
  REGIONS,
  RESULTS_DIR,
  runMain,
  seed,
  shareOfBaseline,
  startApi,
  startWorker,
  SummaryRow,
  waitRouted,
} from './lib/harness';

const TARGET_RATIO = 0.4;

/** Filed issues, their issue.filed events and published route-issue outbox rows; returns the jobs to add. */
export async function prefillFiled(db: Client, batch: string, count: number) {
  const regions = REGIONS.map(([code]) => code);
  const { rows } = await db.query<{ issue_id: string; event_id: string; job_key: string }>(
    `WITH new_issues AS (
       INSERT INTO issues (reference_no, kind, title, description, category_code, region_code, severity, source,
                           location, evidence, status, filed_by, filed_at)
       SELECT 'BENCH-' || $1 || '-' || g, 'supervision', 'Bench issue ' || g,
              'The landslide in June cut the road; nothing has been done.',
              ($3::text[])[1 + g % cardinality($3::text[])], ($4::text[])[1 + g % cardinality($4::text[])],
              'major', 'unannounced_visit',
              '{"township":"屯脚镇","village":"大山村","lat":25.43,"lng":105.18}'::jsonb,
              '[{"type":"photo","uri":"https://example.org/p/1.jpg","description":"the slide"}]'::jsonb,
              'filed', 'bench-supervisor', now()
         FROM generate_series(1, $2) AS g
       RETURNING id, category_code, region_code
     ), new_events AS (
       INSERT INTO issue_events (issue_id, seq, type, occurred_at, actor_username, actor_role, lead_unit, data)
       SELECT id, 1, 'issue.filed', now(), 'bench-supervisor', 'supervisor', NULL,
              jsonb_build_object('kind', 'supervision', 'category', category_code, 'regionCode', region_code)
         FROM new_issues
       RETURNING id, issue_id
     )
     INSERT INTO outbox (queue, job_name, payload, published_at)
     SELECT 'routing', 'route-issue', jsonb_build_object('issueId', issue_id, 'eventId', id), now() FROM new_events
     RETURNING payload->>'issueId' AS issue_id, payload->>'eventId' AS event_id, job_key`,
    [batch, count, [...CATEGORIES], regions],
  );
  return rows.map((row) => ({
    name: 'route-issue',
    data: { issueId: row.issue_id, eventId: row.event_id },
    opts: { jobId: `outbox-${row.job_key}` },
  }));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, ['--what-if', '--quick', '--issues', '--repetitions', '--concurrency', '--env', '--cpu-prof']);
  const quick = args.has('--quick');
  const issues = numberOption(args, '--issues', quick ? 150 : 3000, 1);
  const repetitions = numberOption(args, '--repetitions', 5, 1);
  const concurrency = numberOption(args, '--concurrency', 16, 1);
  const extraEnv = { ROUTING_CONCURRENCY: String(concurrency), ...parseEnv(args.get('--env')) };
  const options = { quick, issues, repetitions, concurrency, env: extraEnv, cpuProf: args.has('--cpu-prof') };

  const env = await createBenchEnv();
  console.log(`routing: database ${env.databaseName}, queue prefix ${env.queuePrefix}, ${issues} issues a repetition`);
  const { api, client } = await startApi(env);
  await seed(client);
  const whatIf = parseWhatIf(args.get('--what-if'));
  await applyWhatIf(env.databaseUrl, whatIf);
  await api.stop();

  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}/profiles`] : [];
  const { worker } = await startWorker(env, extraEnv, nodeArgs);
  const connection = redisConnectionOptions(env.redisUrl);
  const queue = new Queue('routing', { prefix: env.queuePrefix, connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  onCleanup('close the routing queue', () => queue.close());

  // Baselines, one repetition of each right after each service repetition (A/B alternation: on a shared machine
  // all three see the same neighbours). 1: a no-op BullMQ Worker at the same concurrency drains the same number
  // of jobs. 2: single-row INSERT transactions on `concurrency` connections.
  const bullmq: number[] = [];
  const inserts: number[] = [];
  const pool = new Pool({ connectionString: env.databaseUrl, max: concurrency });
  onCleanup('close the baseline pool', () => pool.end());
  await pool.query('CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  const baselineReps = async (rep: number) => {
    const prefix = `${env.baselinePrefix}-r${rep + 1}`;
    const q = new Queue('routing', { prefix, connection, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    await q.addBulk(
      Array.from({ length: issues }, (_, i) => ({
        name: 'route-issue',
        data: { issueId: `i-${i}`, eventId: `e-${i}` },
        opts: { jobId: `outbox-${rep}-${i}` },
      })),
    );
    let done = 0;
    let finished!: () => void;
    const all = new Promise<void>((resolve) => (finished = resolve));
    const w = new Worker('routing', async (_job: Job) => undefined, {
      prefix,
      connection,
      concurrency,
      autorun: false,
    });
    w.on('completed', () => {
      if (++done === issues) finished();
    });
    let t0 = performance.now();
    void w.run();
    await all;
    const bullPerSecond = issues / ((performance.now() - t0) / 1000);
    await w.close();
    await q.obliterate({ force: true });
    await q.close();
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    t0 = performance.now();
    await insertTransactions(clients, issues, '{"issueId":"x"}');
    const insertPerSecond = issues / ((performance.now() - t0) / 1000);
    for (const c of clients) c.release();
    if (rep >= 0) {
      bullmq.push(bullPerSecond);
      inserts.push(insertPerSecond);
    }
    return { bullPerSecond, insertPerSecond };
  };

  const ids: string[] = [];
  const service: { perSecond: number; seconds: number }[] = [];
  for (let rep = -1; rep < repetitions; rep++) {
    const jobs = await prefillFiled(db, `r${rep + 1}`, issues);
    const batch = jobs.map((job) => job.data.issueId);
    ids.push(...batch);
    const t0 = performance.now();
    await queue.addBulk(jobs);
    await waitRouted(db, [worker], { ids: batch, everyMs: 20 });
    const seconds = (performance.now() - t0) / 1000;
    if (rep >= 0) service.push({ perSecond: issues / seconds, seconds });
    const base = await baselineReps(rep);
    console.log(
      `  ${rep < 0 ? 'warm-up' : `rep ${rep + 1}`}: routing ${(issues / seconds).toFixed(0)} issues/s, ` +
        `raw BullMQ ${base.bullPerSecond.toFixed(0)}/s, raw INSERT ${base.insertPerSecond.toFixed(0)}/s`,
    );
  }
  // Let the relay publish the timers routing armed before the worker stops, then check.
  await delay(500);
  await worker.stop();
  const correctness = await checkRouted(db, ids);

  const measured = median(service.map((s) => s.perSecond));
  const bullmqMedian = median(bullmq);
  const insertMedian = median(inserts);
  const base = Math.min(bullmqMedian, insertMedian);
  const summary: SummaryRow[] = [
    shareOfBaseline(
      {
        bench: 'routing',
        measure: 'routing: job → rules → assignment + outbox',
        measured,
        baseline: base,
        unit: 'issues/s',
      },
      TARGET_RATIO,
    ),
  ];
  console.log(
    `baselines: raw BullMQ no-op processing ${bullmqMedian.toFixed(0)}/s, raw INSERT tx ${insertMedian.toFixed(0)}/s ` +
      `(concurrency ${concurrency}); the slower is the baseline`,
  );
  await finish('routing', env, summary, correctness, {
    options,
    whatIf,
    method:
      'service: worker from dist/ alone; filed issues + issue.filed events + published outbox rows written by SQL, ' +
      'the route-issue jobs added with one addBulk; addBulk → no issue of the batch filed (20 ms poll). ' +
      'baseline: min(no-op BullMQ Worker at the same concurrency draining the same number of jobs, ' +
      'BEGIN; INSERT one row; COMMIT on `concurrency` connections), one repetition of each after each service one.',
    service,
    baselines: { bullmqPerSecond: bullmq, insertPerSecond: inserts, bullmqMedian, insertMedian },
  });
}

if (require.main === module) runMain(main, { name: 'routing' });
