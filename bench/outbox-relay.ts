// Outbox relay throughput: drain a backlog of outbox rows into BullMQ, next to raw Queue.addBulk of the same jobs
// (same names, payloads, job ids, default job options and chunk size) into the same Redis, in the same run.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/outbox-relay.js [--quick] [--rows 100000] [--repetitions 5] [--batch-size 500] [--relays 1]
//
// --quick is --rows 3000. The relay is the service's own OutboxRelay class from dist/, run in this process in a
// Nest application context that holds only it, the persistence and the messaging modules (no processors, so
// nothing consumes the jobs and only the relay is measured). Per repetition: a fresh application context on a
// queue prefix of its own, the backstop poll set to a minute so only NOTIFY wakes it; then one INSERT … SELECT
// generate_series writes `rows` route-issue rows (the statement trigger NOTIFYs at commit, as a command's would).
// Time runs from that commit until no row has published_at NULL (polled every 20 ms). Correctness: the routing
// wait list holds exactly the rows' job ids (outbox-<job_key>), each once, none missing, and every row is marked.
// Then the context closes, the keys are deleted and the outbox is truncated. --relays N runs N such contexts at
// once on the same prefix, as N workers would (SKIP LOCKED shares the rows out); --batch-size is OUTBOX_BATCH_SIZE.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { DEFAULT_JOB_OPTIONS, MessagingModule, OutboxRelay, redisConnectionOptions } from '@app/messaging';
import { PersistenceModule, runMigrations } from '@app/persistence';
import { loadConfig, PlatformModule } from '@app/platform';
import {
  checkKnown,
  createBenchEnv,
  delay,
  deleteKeys,
  finish,
  median,
  numberOption,
  onCleanup,
  parseArgs,
  runMain,
  shareOfBaseline,
  SummaryRow,
} from './lib/harness';

const TARGET_RATIO = 0.7;

async function relayContext(databaseUrl: string, redisUrl: string, prefix: string, batchSize: number) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    OUTBOX_POLL_INTERVAL_MS: '60000',
    OUTBOX_BATCH_SIZE: String(batchSize),
    LOG_LEVEL: 'warn',
  });
  @Module({
    imports: [PlatformModule.forRoot(config), PersistenceModule, MessagingModule],
    providers: [OutboxRelay],
  })
  class RelayOnlyModule {}
  const app = await NestFactory.createApplicationContext(RelayOnlyModule, { logger: ['error', 'warn'] });
  await app.init();
  return app;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, ['--quick', '--rows', '--repetitions', '--batch-size', '--relays']);
  const quick = args.has('--quick');
  const rows = numberOption(args, '--rows', quick ? 3_000 : 100_000, 1);
  const repetitions = numberOption(args, '--repetitions', 5, 1);
  const batchSize = numberOption(args, '--batch-size', 500, 1);
  const relays = numberOption(args, '--relays', 1, 1);
  const options = { quick, rows, repetitions, batchSize, relays };

  const env = await createBenchEnv();
  console.log(`outbox-relay: database ${env.databaseName}, queue prefix ${env.queuePrefix}, ${rows} rows`);
  await runMigrations(env.databaseUrl);
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  onCleanup('close bench Redis', async () => void redis.disconnect());

  // Baseline repetition: the same jobs straight into Redis with addBulk, in chunks of the relay's batch size, one
  // after another. It follows each service repetition (A/B alternation), so both see the same neighbours.
  const baselineRuns: { perSecond: number; seconds: number }[] = [];
  const baselineRep = async (rep: number) => {
    const prefix = `${env.baselinePrefix}-r${rep + 1}`;
    const queue = new Queue('routing', {
      prefix,
      connection: redisConnectionOptions(env.redisUrl),
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    await queue.waitUntilReady();
    const jobs = Array.from({ length: rows }, () => ({
      name: 'route-issue',
      data: { issueId: randomUUID(), eventId: randomUUID() },
      opts: { jobId: `outbox-${randomUUID()}`, delay: 0 },
    }));
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += batchSize) await queue.addBulk(jobs.slice(i, i + batchSize));
    const seconds = (performance.now() - t0) / 1000;
    const waiting = await redis.llen(`${prefix}:routing:wait`);
    if (waiting !== rows) throw new Error(`baseline: ${waiting} jobs waiting, expected ${rows}`);
    await queue.close();
    await deleteKeys(env.redisUrl, `${prefix}:*`);
    if (rep >= 0) baselineRuns.push({ perSecond: rows / seconds, seconds });
    return rows / seconds;
  };

  const serviceRuns: { perSecond: number; seconds: number }[] = [];
  const checks: Record<string, unknown>[] = [];
  for (let rep = -1; rep < repetitions; rep++) {
    const prefix = `${env.queuePrefix}-r${rep + 1}`;
    const apps = await Promise.all(
      Array.from({ length: relays }, () => relayContext(env.databaseUrl, env.redisUrl, prefix, batchSize)),
    );
    await db.query(
      `INSERT INTO outbox (queue, job_name, payload)
       SELECT 'routing', 'route-issue', jsonb_build_object('issueId', gen_random_uuid(), 'eventId', gen_random_uuid())
         FROM generate_series(1, $1)`,
      [rows],
    );
    const t0 = performance.now();
    for (;;) {
      const { rows: left } = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL',
      );
      if (Number(left[0].n) === 0) break;
      if (performance.now() - t0 > 600_000) throw new Error('the relay did not drain the outbox in 10 minutes');
      await delay(20);
    }
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(apps.map((app) => app.close()));
    // Correctness: exactly the rows' job ids in the wait list, each once.
    const { rows: keys } = await db.query<{ job_key: string }>('SELECT job_key FROM outbox');
    const waiting = await redis.lrange(`${prefix}:routing:wait`, 0, -1);
    const expected = new Set(keys.map((row) => `outbox-${row.job_key}`));
    const seen = new Set(waiting);
    const missing = [...expected].filter((id) => !seen.has(id)).length;
    const check = {
      rep: rep + 1,
      rows: keys.length,
      waiting: waiting.length,
      distinctWaiting: seen.size,
      missing,
      extra: [...seen].filter((id) => !expected.has(id)).length,
    };
    checks.push(check);
    await db.query('TRUNCATE outbox');
    await deleteKeys(env.redisUrl, `${prefix}:*`);
    if (rep >= 0) serviceRuns.push({ perSecond: rows / seconds, seconds });
    const base = await baselineRep(rep);
    console.log(
      `  ${rep < 0 ? 'warm-up' : `rep ${rep + 1}`}: relay ${(rows / seconds).toFixed(0)} rows/s (${seconds.toFixed(2)} s), ` +
        `addBulk ${base.toFixed(0)} jobs/s`,
    );
  }

  const measured = median(serviceRuns.map((r) => r.perSecond));
  const base = median(baselineRuns.map((r) => r.perSecond));
  const summary: SummaryRow[] = [
    shareOfBaseline(
      {
        bench: 'outbox-relay',
        measure: `relay: drain ${rows.toLocaleString('en')} outbox rows`,
        measured,
        baseline: base,
        unit: 'rows/s',
      },
      TARGET_RATIO,
    ),
  ];
  const correctness = {
    ok: checks.every((c) => c.missing === 0 && c.extra === 0 && c.waiting === rows && c.distinctWaiting === rows),
    repetitions: checks,
  };
  await finish('outbox-relay', env, summary, correctness, {
    options,
    method:
      'service: OutboxRelay from dist/ alone in a Nest application context in this process, woken by the NOTIFY of ' +
      'one INSERT … SELECT of `rows` route-issue rows; commit → no row with published_at NULL (20 ms poll). ' +
      'baseline: Queue.addBulk of the same shape of jobs (jobId outbox-<uuid>, DEFAULT_JOB_OPTIONS) in chunks of ' +
      'batchSize, sequential, right after each service repetition. Medians of the repetitions after a warm-up.',
    service: serviceRuns,
    baseline: baselineRuns,
  });
}

if (require.main === module) runMain(main, { name: 'outbox-relay' });
