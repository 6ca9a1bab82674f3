// Soak: 10 minutes of open-loop filing at 50 % of the maximum intake with the API and the worker running. Not in
// --quick or CI. Every 10 s: Redis used_memory, the outbox's pending (unpublished) and total rows, BullMQ counts,
// the event-loop lag p99 of the API (/metrics) and of the worker (/metrics on WORKER_HEALTH_PORT) — prom-client's
// default metrics, whose lag histogram resets at every scrape, so each sample is the p99 of its own 10 s — and
// the filing → visible latency of the window.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/soak.js [--minutes 10] [--rate N] [--sample-seconds 10]
//
// Targets: Redis memory and outbox size flat (pending outbox rows never accumulate; used_memory's slope over the
// second half is reported next to what the timers routing arms must add: one delayed job per open issue is
// by design, so memory grows with open issues, not with time); event-loop lag p99 ≤ 50 ms in every window.
// Correctness: every issue filed during the soak is routed exactly once to its rule's unit, none missing.
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Client } from 'pg';
import { FilingProbe, maxIntake, openLoop, prng } from './open-loop-latency';
import {
  checkKnown,
  checkRouted,
  createBenchEnv,
  delay,
  finish,
  HttpClient,
  median,
  numberOption,
  onCleanup,
  parseArgs,
  runMain,
  seed,
  startApi,
  startWorker,
  stats,
  SummaryRow,
  waitRouted,
} from './lib/harness';

const TARGET_LAG_MS = 50;

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return num / den;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, ['--minutes', '--rate', '--sample-seconds']);
  const minutes = numberOption(args, '--minutes', 10, 0.1);
  const sampleSeconds = numberOption(args, '--sample-seconds', 10, 1);
  const env = await createBenchEnv();
  console.log(`soak: database ${env.databaseName}, queue prefix ${env.queuePrefix}, ${minutes} minutes`);
  const { api, client } = await startApi(env);
  const tokens = await seed(client);
  const { worker, health } = await startWorker(env);
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  onCleanup('close bench Redis', async () => void redis.disconnect());

  let maxRate = args.has('--rate') ? numberOption(args, '--rate', 0, 1) * 2 : NaN;
  if (Number.isNaN(maxRate)) {
    maxRate = median(await maxIntake(client, tokens.supervisor, 1000, 10_000_000));
  }
  const rate = maxRate / 2;
  await waitRouted(db, [api, worker], { everyMs: 200 });
  console.log(`max intake ${maxRate.toFixed(0)}/s; soaking at ${rate.toFixed(0)}/s for ${minutes} minutes`);

  const probe = new FilingProbe(client, tokens.supervisor, db, 5);
  probe.start();
  const samples: Record<string, number>[] = [];
  const t0 = performance.now();
  let stop = false;
  const sampler = (async () => {
    const apiMetrics = new HttpClient(client.port, { maxSockets: 2 });
    onCleanup('close metrics agent', async () => apiMetrics.close());
    // the first scrape resets the lag histograms
    await apiMetrics.request('GET', '/metrics');
    await health.request('GET', '/metrics');
    while (!stop) {
      await delay(sampleSeconds * 1000);
      const [apiText, workerText, memory, outbox, counts] = await Promise.all([
        apiMetrics.request('GET', '/metrics').then((r) => String(r.body)),
        health.request('GET', '/metrics').then((r) => String(r.body)),
        redis.info('memory'),
        db.query<{ pending: string; total: string }>(
          `SELECT count(*) FILTER (WHERE published_at IS NULL) AS pending, count(*) AS total FROM outbox`,
        ),
        Promise.all(
          ['routing:completed', 'deadlines:delayed', 'notifications:completed'].map((key) =>
            redis.zcard(`${env.queuePrefix}:${key}`),
          ),
        ),
      ]);
      const window = probe.take();
      const s = stats(window.latencies);
      const sample = {
        seconds: (performance.now() - t0) / 1000,
        redisUsedMemoryMb: Number(/used_memory:(\d+)/.exec(memory)?.[1]) / 2 ** 20,
        outboxPending: Number(outbox.rows[0].pending),
        outboxTotal: Number(outbox.rows[0].total),
        routingCompleted: counts[0],
        deadlinesDelayed: counts[1],
        notificationsCompleted: counts[2],
        apiLagP99Ms: metric(apiText, 'nodejs_eventloop_lag_p99_seconds') * 1000,
        workerLagP99Ms: metric(workerText, 'nodejs_eventloop_lag_p99_seconds') * 1000,
        apiRssMb: metric(apiText, 'process_resident_memory_bytes') / 2 ** 20,
        workerRssMb: metric(workerText, 'process_resident_memory_bytes') / 2 ** 20,
        visibleP50Ms: s.p50,
        visibleP99Ms: s.p99,
        filed: window.latencies.length,
        notYetVisible: window.pending,
      };
      samples.push(sample);
      console.log(
        `  ${sample.seconds.toFixed(0)} s: Redis ${sample.redisUsedMemoryMb.toFixed(1)} MB, outbox pending ` +
          `${sample.outboxPending} / ${sample.outboxTotal}, lag p99 api ${sample.apiLagP99Ms.toFixed(1)} ms ` +
          `worker ${sample.workerLagP99Ms.toFixed(1)} ms, visible p99 ${sample.visibleP99Ms.toFixed(1)} ms`,
      );
    }
  })();
  const sent = await openLoop(rate, minutes * 60, prng(7), probe.send);
  stop = true;
  await sampler;
  await probe.drain();
  await probe.stop();
  const correctness = await checkRouted(db, probe.ids);

  const half = samples.slice(Math.floor(samples.length / 2));
  const memorySlope = slope(half.map((s) => ({ x: s.seconds / 60, y: s.redisUsedMemoryMb })));
  const delayedSlope = slope(half.map((s) => ({ x: s.seconds / 60, y: s.deadlinesDelayed })));
  const pendingMax = Math.max(...samples.map((s) => s.outboxPending));
  const apiLag = Math.max(...samples.map((s) => s.apiLagP99Ms));
  const workerLag = Math.max(...samples.map((s) => s.workerLagP99Ms));
  const summary: SummaryRow[] = [
    {
      bench: 'soak',
      measure: 'outbox pending rows, max of the samples',
      target: 'flat (≤ 1 s of arrivals)',
      measured: pendingMax,
      baseline: null,
      ratio: null,
      unit: 'rows',
      met: pendingMax <= rate,
    },
    {
      bench: 'soak',
      measure: 'Redis used_memory slope, second half',
      target: 'flat beyond timers',
      measured: memorySlope,
      baseline: null,
      ratio: null,
      unit: 'MB/min',
      met: null,
    },
    {
      bench: 'soak',
      measure: 'API event-loop lag p99, worst window',
      target: `≤ ${TARGET_LAG_MS} ms`,
      measured: apiLag,
      baseline: null,
      ratio: null,
      unit: 'ms',
      met: apiLag <= TARGET_LAG_MS,
    },
    {
      bench: 'soak',
      measure: 'worker event-loop lag p99, worst window',
      target: `≤ ${TARGET_LAG_MS} ms`,
      measured: workerLag,
      baseline: null,
      ratio: null,
      unit: 'ms',
      met: workerLag <= TARGET_LAG_MS,
    },
  ];
  console.log(
    `sent ${sent}; Redis ${memorySlope.toFixed(2)} MB/min while delayed timer jobs grew ${delayedSlope.toFixed(0)}/min`,
  );
  await finish('soak', env, summary, correctness, {
    options: { minutes, sampleSeconds, rate, maxRate },
    method:
      'open-loop Poisson filing at rate for `minutes` with API + worker running; a sample every sampleSeconds of ' +
      'Redis INFO used_memory, outbox pending/total, BullMQ set sizes, nodejs_eventloop_lag_p99_seconds of both ' +
      'processes (prom-client resets the histogram at each scrape), and the window’s filing → visible latency.',
    slopes: { redisMbPerMinute: memorySlope, deadlinesDelayedPerMinute: delayedSlope },
    samples,
  });
}

if (require.main === module) runMain(main, { name: 'soak' });
