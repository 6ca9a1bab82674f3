// Intake throughput: POST /api/v1/issues at 1, 16 and 64 concurrent clients (closed loop, keep-alive), next to
// raw single-row durable INSERT transactions (BEGIN; INSERT; COMMIT with synchronous_commit as the server has it)
// at the same concurrency on the same PostgreSQL, measured in the same run.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/intake.js [--quick] [--concurrency 1,16,64] [--requests 300,1500,3000] [--repetitions 5] \
//       [--env DATABASE_POOL_SIZE=64,...] [--what-if no-notify] [--cpu-prof] [--route-check]
//
// --quick is --requests 30,150,300. The API runs alone (no worker): what is measured is what the API and
// PostgreSQL do per filing; routing has its own bench. Each level: a warm-up of the same size, then 5 measured
// repetitions, each a service run followed by a baseline run of the same count (A/B alternation: on a shared
// machine both see the same neighbours); the figure is the median of their throughputs. Correctness: every 201 carries a distinct id, and
// every id has exactly one issues row, one issue.filed event and one route-issue outbox row; with --route-check
// the worker is then started and every issue must be routed exactly once to the unit its rule names.
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import {
  applyWhatIf,
  checkKnown,
  checkRouted,
  createBenchEnv,
  finish,
  inLanes,
  insertTransactions,
  issueBody,
  listOption,
  median,
  numberOption,
  onCleanup,
  parseArgs,
  parseWhatIf,
  RESULTS_DIR,
  runMain,
  seed,
  startApi,
  startWorker,
  stats,
  SummaryRow,
  UsageError,
  waitRouted,
} from './lib/harness';

const TARGET_RATIO_AT_64 = 0.5;

export function parseEnv(raw: string | true | undefined): Record<string, string> {
  if (raw === undefined) return {};
  if (raw === true) throw new UsageError('--env needs KEY=VALUE[,KEY=VALUE]');
  return Object.fromEntries(
    raw.split(',').map((pair) => {
      const [key, value] = pair.split('=', 2);
      if (!key || value === undefined) throw new UsageError(`--env: bad pair "${pair}"`);
      return [key, value];
    }),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, [
    '--what-if',
    '--quick',
    '--concurrency',
    '--requests',
    '--repetitions',
    '--env',
    '--cpu-prof',
    '--route-check',
  ]);
  const quick = args.has('--quick');
  const levels = listOption(args, '--concurrency', [1, 16, 64]);
  const requests = listOption(args, '--requests', quick ? [30, 150, 300] : [300, 1500, 3000]);
  if (requests.length !== levels.length) throw new UsageError('--requests needs one count per --concurrency level');
  const repetitions = numberOption(args, '--repetitions', 5, 1);
  const extraEnv = parseEnv(args.get('--env'));
  const options = { quick, levels, requests, repetitions, env: extraEnv, cpuProf: args.has('--cpu-prof') };

  const env = await createBenchEnv();
  console.log(`intake: database ${env.databaseName}, queue prefix ${env.queuePrefix}`);
  const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}/profiles`] : [];
  const { api, client } = await startApi(env, extraEnv, nodeArgs);
  const tokens = await seed(client);
  const whatIf = parseWhatIf(args.get('--what-if'));
  await applyWhatIf(env.databaseUrl, whatIf);

  const ids: string[] = [];
  const failures: string[] = [];
  let sequence = 0;
  // The baseline's table and connections, ready before the first level: service and baseline repetitions
  // alternate (A, B, A, B …), so on a shared machine both see the same neighbours.
  const pool = new Pool({ connectionString: env.databaseUrl, max: Math.max(...levels) });
  onCleanup('close the baseline pool', () => pool.end());
  await pool.query(
    'CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
  );
  const payload = JSON.stringify(issueBody(0));
  const service: Record<number, { throughput: number[]; latency: ReturnType<typeof stats>[] }> = {};
  const baseline: Record<number, { throughput: number[]; latency: ReturnType<typeof stats>[] }> = {};
  for (const [i, concurrency] of levels.entries()) {
    service[concurrency] = { throughput: [], latency: [] };
    baseline[concurrency] = { throughput: [], latency: [] };
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    for (let rep = -1; rep < repetitions; rep++) {
      const latencies: number[] = [];
      const started = performance.now();
      await inLanes(requests[i], concurrency, async () => {
        const index = sequence++;
        const t0 = performance.now();
        const response = await client.request('POST', '/api/v1/issues', tokens.supervisor, issueBody(index));
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failures.push(`${response.status} ${JSON.stringify(response.body)}`);
        else ids.push(response.body.id as string);
      });
      const elapsed = (performance.now() - started) / 1000;
      if (failures.length) throw new Error(`POST /issues failed: ${failures.slice(0, 3).join('; ')}`);
      // Baseline repetition: BEGIN; INSERT one row; COMMIT on `concurrency` connections, the same count.
      const baseStarted = performance.now();
      const baseLatencies = await insertTransactions(clients, requests[i], payload);
      const baseElapsed = (performance.now() - baseStarted) / 1000;
      if (rep >= 0) {
        service[concurrency].throughput.push(requests[i] / elapsed);
        service[concurrency].latency.push(stats(latencies));
        baseline[concurrency].throughput.push(requests[i] / baseElapsed);
        baseline[concurrency].latency.push(stats(baseLatencies));
      }
      console.log(
        `  c=${concurrency} ${rep < 0 ? 'warm-up' : `rep ${rep + 1}`}: service ${(requests[i] / elapsed).toFixed(0)}/s ` +
          `(p50 ${stats(latencies).p50.toFixed(1)} ms), baseline ${(requests[i] / baseElapsed).toFixed(0)}/s`,
      );
    }
    for (const c of clients) c.release();
  }
  const metrics = (await client.request('GET', '/metrics')).body as string;
  await api.stop();

  // Correctness of intake: one row, one filed event, one routing job in the outbox per answered id.
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const { rows } = await db.query<{ issues: string; filed: string; jobs: string }>(
    `SELECT (SELECT count(*) FROM issues WHERE id = ANY($1::uuid[])) AS issues,
            (SELECT count(*) FROM issue_events WHERE type = 'issue.filed' AND issue_id = ANY($1::uuid[])) AS filed,
            (SELECT count(*) FROM outbox WHERE job_name = 'route-issue' AND (payload->>'issueId')::uuid = ANY($1::uuid[])) AS jobs`,
    [ids],
  );
  const total = await db.query<{ n: string }>('SELECT count(*) AS n FROM issues');
  const correctness: Record<string, unknown> & { ok: boolean } = {
    posted: sequence,
    answered201: ids.length,
    distinctIds: new Set(ids).size,
    issueRows: Number(rows[0].issues),
    issueRowsInDatabase: Number(total.rows[0].n),
    filedEvents: Number(rows[0].filed),
    routeJobsInOutbox: Number(rows[0].jobs),
    ok: false,
  };
  correctness.ok =
    ids.length === sequence &&
    new Set(ids).size === ids.length &&
    [
      correctness.issueRows,
      correctness.issueRowsInDatabase,
      correctness.filedEvents,
      correctness.routeJobsInOutbox,
    ].every((n) => n === ids.length);
  if (args.has('--route-check')) {
    const { worker } = await startWorker(env);
    await waitRouted(db, [worker], { everyMs: 500 });
    const routed = await checkRouted(db, ids);
    correctness.routing = routed;
    correctness.ok = correctness.ok && routed.ok;
    await worker.stop();
  }

  const summary: SummaryRow[] = levels.map((concurrency) => {
    const measured = median(service[concurrency].throughput);
    const base = median(baseline[concurrency].throughput);
    const ratio = measured / base;
    return {
      bench: 'intake',
      measure: `intake: POST /issues, ${concurrency} client${concurrency > 1 ? 's' : ''}`,
      target: concurrency === 64 ? `≥ ${TARGET_RATIO_AT_64 * 100} % of baseline` : '–',
      measured,
      baseline: base,
      ratio,
      unit: 'req/s',
      met: concurrency === 64 ? ratio >= TARGET_RATIO_AT_64 : null,
    };
  });
  const lag = /nodejs_eventloop_lag_p99_seconds (\S+)/.exec(metrics)?.[1];
  await finish('intake', env, summary, correctness, {
    options,
    whatIf,
    method:
      'service: closed loop, N keep-alive clients each POSTing /api/v1/issues as one supervisor (rate limit raised), ' +
      'API alone (no worker); throughput = requests / wall time per repetition; median of the repetitions after a ' +
      'warm-up of the same size. baseline: N pg connections each running BEGIN; INSERT one jsonb row; COMMIT, ' +
      'the same count; service and baseline repetitions alternate so both see the same neighbours.',
    service: Object.fromEntries(
      levels.map((c) => [c, { medianPerSecond: median(service[c].throughput), ...service[c] }]),
    ),
    baseline: Object.fromEntries(
      levels.map((c) => [c, { medianPerSecond: median(baseline[c].throughput), ...baseline[c] }]),
    ),
    apiEventLoopLagP99SecondsAtEnd: lag ? Number(lag) : null,
  });
}

if (require.main === module) runMain(main, { name: 'intake' });
