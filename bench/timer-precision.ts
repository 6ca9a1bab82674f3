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
import { existsSync } from 'node:fs';
import os from 'node:os';
import { Job, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { redisConnectionOptions } from '@app/messaging';
import { runMigrations } from '@app/persistence';
import {
  checkKnown,
  createBenchEnv,
  delay,
  environment,
  formatTable,
  integerOption,
  onCleanup,
  parseArgs,
  runMain,
  spawnWorker,
  tableRatio,
  tableStats,
  UsageError,
  waitUntil,
  writeResult,
} from './lib/harness';
import { RssSampler } from './lib/rss-sampler';
import { insertTimers, seedReference, unpublished } from './lib/timer-rows';

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

function parseOptions(argv: string[]): Options {
  const args = parseArgs(argv);
  checkKnown(args, ['--quick', '--pending', '--due', '--window', '--lead', '--concurrency']);
  const quick = args.has('--quick');
  const options: Options = {
    pending: integerOption(args, '--pending', quick ? 20_000 : 100_000, 1),
    due: integerOption(args, '--due', quick ? 2_000 : 10_000, 1),
    window: integerOption(args, '--window', quick ? 20 : 60, 1),
    lead: integerOption(args, '--lead', 5, 1),
    concurrency: integerOption(args, '--concurrency', DEFAULT_CONCURRENCY, 1),
    quick,
  };
  if (options.due > options.pending) throw new UsageError('--due cannot exceed --pending');
  return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Redis

/** The service's own connection options, so the baseline talks to Redis exactly as the worker does. */
function connection(redisUrl: string) {
  return redisConnectionOptions(redisUrl);
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
  while (lateness.length < options.due && Date.now() < end) await delay(200);
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  return { lateness, farAddedS, windowAddedMs, delayedAtT0, missed: options.due - lateness.length };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync('/proc/self/status')) throw new UsageError('RSS is read from /proc: this bench needs Linux');
  const origin = Date.now();
  const env = await createBenchEnv();
  const { run, queuePrefix, redisUrl } = env;
  const far = options.pending - options.due;
  console.log(`database ${env.databaseName}, queue prefix ${queuePrefix}`);
  await runMigrations(env.databaseUrl);

  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  await seedReference(db);

  // No WORKER_HEALTH_PORT: the worker runs as it would in production without its health server.
  const worker = spawnWorker(env, { DEADLINE_CONCURRENCY: String(options.concurrency) });
  const pid = worker.pid as number;
  const rss = new RssSampler(pid, origin);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  onCleanup('close Redis', async () => redis.disconnect());
  const deadlines = new Queue('deadlines', { prefix: queuePrefix, connection: connection(redisUrl) });
  onCleanup('close the deadlines queue handle', () => deadlines.close());
  const listening = async () => (await deadlines.getWorkersCount()) > 0;
  await waitUntil('the worker to listen on the deadlines queue', 60_000, listening, { watch: [worker] });
  rss.phase = 'idle';
  await delay(5000);

  console.log(`writing ${far} far-future timers (2–10 h ahead) and letting the relay publish them`);
  rss.phase = 'publishing';
  const farStarted = Date.now();
  await insertTimers(db, `far-${run}`, far, Date.now() + 2 * 3600_000, (8 * 3600_000) / Math.max(1, far));
  const farInsertedS = (Date.now() - farStarted) / 1000;
  const allPublished = async () => (await unpublished(db)) === 0;
  await waitUntil('the relay to publish the far-future timers', 600_000, allPublished, { watch: [worker] });
  const farPublishedS = (Date.now() - farStarted) / 1000;
  const delayedAfterFar = await deadlines.getDelayedCount();
  rss.phase = 'far-pending';
  await delay(3000);

  const spacing = (options.window * 1000) / options.due;
  const t0 = Date.now() + options.lead * 1000;
  console.log(`writing ${options.due} timers spread over ${options.window} s from T0 = now + ${options.lead} s`);
  rss.phase = 'window';
  const windowStarted = Date.now();
  await insertTimers(db, `due-${run}`, options.due, t0, spacing);
  const windowInsertedMs = Date.now() - windowStarted;
  await delay(Math.max(0, t0 - Date.now()));
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
    worker.assertRunning();
    await delay(250);
  }
  const windowPublishedMs = published[0].last ? published[0].last.getTime() - t0 : NaN;
  rss.phase = 'after';
  await delay(2000);
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
  await worker.stop();

  console.log('baseline: raw BullMQ delayed jobs on their own prefix, trivial worker');
  const baseline = await bullmqBaseline(redisUrl, env.baselinePrefix, options);

  const service = {
    eventLateness: tableStats(events.map((row) => Number(row.ms))),
    bullmqPickupLateness: tableStats(times.map((t) => t.processedOn - t.scheduled)),
    committedLateness: tableStats(times.map((t) => t.finishedOn - t.scheduled)),
  };
  const serviceRss = {
    idle: tableStats(rss.of('idle')),
    publishing: tableStats(rss.of('publishing')),
    farPending: tableStats(rss.of('far-pending')),
    window: tableStats(rss.of('window')),
    peak: Math.max(...rss.samples.map((s) => s.rssMb)),
  };
  const baselineStats = tableStats(baseline.lateness);
  const environmentNow = await environment(env.databaseUrl, redisUrl);
  const result = {
    options,
    // Redis checks blocked clients' timeouts `hz` times a second: the grain of a blocking wait for a delayed job.
    versions: { ...environmentNow.versions, redisHz: Number(environmentNow.settings.redis.hz) },
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
    loadAverageDuringWindow: tableStats(rss.load('window')),
    baseline: {
      lateness: baselineStats,
      missed: baseline.missed,
      delayedInRedisAtT0: baseline.delayedAtT0,
      farAddSeconds: baseline.farAddedS,
      windowAddMs: baseline.windowAddedMs,
    },
    ratios: {
      'service event / baseline': tableRatio(service.eventLateness, baselineStats),
      'service pickup / baseline': tableRatio(service.bullmqPickupLateness, baselineStats),
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
      { cellWidth: 10, digits: 1 },
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
  await writeResult('timer-precision', env.startedAt, result);
}

runMain(main, { name: 'timer-precision' });
