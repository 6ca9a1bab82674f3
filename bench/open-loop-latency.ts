// Filing → visible in the unit inbox under open-loop arrivals at 10 %, 50 % and 80 % of the maximum intake,
// next to raw BullMQ add → process latency at the same arrival rates, on the same servers in the same run.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/open-loop-latency.js [--quick] [--loads 10,50,80] [--seconds 10] [--repetitions 5] \
//       [--max-rate N] [--poll-ms 5] [--env K=V,...] [--what-if no-notify]
//
// --quick is --seconds 0.5 (and 150 requests a calibration run instead of 1500). The API and the worker both run. The maximum intake is measured first, in this run, with
// both running (closed loop, 64 clients, median of 3 after a warm-up), unless --max-rate gives it. Arrivals are
// Poisson at the load's rate (seeded), sent on schedule whatever the answers (open loop, no coordinated omission):
// latency runs from the scheduled send time, not from when the request went out. An issue is visible once routing
// has committed it to its unit (status no longer `filed`); one bench connection polls PostgreSQL for the pending
// ids every --poll-ms, so a figure overstates by at most one poll interval plus that query (reported). Each load:
// a warm-up period, then `repetitions` periods, each drained before the next; the figure is the median of the
// periods' p50 / p99. The baseline adds a job to a raw BullMQ queue on the same schedule and stops the clock
// when a no-op Worker (concurrency 16) is handed it. Correctness: every issue routed exactly once to its rule's
// unit, none missing, and every one listed in its unit's inbox over HTTP.
import { performance } from 'node:perf_hooks';
import { Job, Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { redisConnectionOptions } from '@app/messaging';
import { parseEnv } from './intake';
import {
  applyWhatIf,
  checkKnown,
  checkRouted,
  createBenchEnv,
  delay,
  finish,
  HttpClient,
  inboxIds,
  inLanes,
  issueBody,
  listOption,
  median,
  numberOption,
  onCleanup,
  parseArgs,
  parseWhatIf,
  REGIONS,
  runMain,
  seed,
  startApi,
  startWorker,
  Stats,
  stats,
  SummaryRow,
  waitRouted,
} from './lib/harness';

const TARGET_P99_MS = 50;

/** mulberry32: a seeded PRNG, so every run sends the same arrival pattern. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls send(scheduledAt) at Poisson arrivals of `rate`/s for `seconds`, on schedule whatever send does. */
export async function openLoop(rate: number, seconds: number, random: () => number, send: (at: number) => void) {
  const start = performance.now();
  const end = start + seconds * 1000;
  let next = start;
  let sent = 0;
  while (next < end) {
    const now = performance.now();
    if (now >= next) {
      send(next);
      sent++;
      next += (-Math.log(1 - random()) / rate) * 1000;
      continue;
    }
    await delay(Math.max(0, Math.min(next - now - 1, 50)));
    if (next - performance.now() > 0 && next - performance.now() < 2) await new Promise((r) => setImmediate(r));
  }
  return sent;
}

/** Files issues open loop and watches PostgreSQL for their routing commit. */
export class FilingProbe {
  readonly ids: string[] = [];
  readonly failures: string[] = [];
  private readonly pending = new Map<string, number>();
  private inFlight = 0;
  private latencies: number[] = [];
  private pollTimes: number[] = [];
  private sequence = 0;
  private polling = false;
  private pollLoop: Promise<void> | null = null;

  constructor(
    private readonly client: HttpClient,
    private readonly token: string,
    private readonly db: Client,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.polling = true;
    this.pollLoop = (async () => {
      while (this.polling) {
        const started = performance.now();
        if (this.pending.size) {
          const { rows } = await this.db.query<{ id: string }>(
            `SELECT id FROM issues WHERE id = ANY($1::uuid[]) AND status <> 'filed'`,
            [[...this.pending.keys()]],
          );
          const seen = performance.now();
          for (const { id } of rows) {
            this.latencies.push(seen - (this.pending.get(id) as number));
            this.pending.delete(id);
          }
          this.pollTimes.push(seen - started);
        }
        const wait = this.pollMs - (performance.now() - started);
        await delay(Math.max(0, wait));
      }
    })();
  }

  async stop(): Promise<void> {
    this.polling = false;
    await this.pollLoop;
  }

  send = (scheduledAt: number): void => {
    const index = this.sequence++;
    this.inFlight++;
    this.client
      .request('POST', '/api/v1/issues', this.token, issueBody(index))
      .then((response) => {
        if (response.status !== 201) this.failures.push(`${response.status} ${JSON.stringify(response.body)}`);
        else {
          this.ids.push(response.body.id);
          this.pending.set(response.body.id, scheduledAt);
        }
      })
      .catch((error: Error) => this.failures.push(error.message))
      .finally(() => this.inFlight--);
  };

  /** The latencies seen since the last call, without waiting for anything (the soak's rolling view). */
  take(): { latencies: number[]; pending: number; inFlight: number } {
    const out = { latencies: this.latencies, pending: this.pending.size, inFlight: this.inFlight };
    this.latencies = [];
    this.pollTimes = [];
    return out;
  }

  /** Waits until every request answered and every issue became visible; returns this period's latencies. */
  async drain(timeoutMs = 120_000): Promise<{ latencies: number[]; pollMs: number[] }> {
    const deadline = performance.now() + timeoutMs;
    while (this.inFlight > 0 || this.pending.size > 0) {
      if (performance.now() > deadline) {
        throw new Error(`${this.inFlight} requests in flight, ${this.pending.size} issues not visible after drain`);
      }
      await delay(10);
    }
    if (this.failures.length) throw new Error(`POST /issues failed: ${this.failures.slice(0, 3).join('; ')}`);
    const out = { latencies: this.latencies, pollMs: this.pollTimes };
    this.latencies = [];
    this.pollTimes = [];
    return out;
  }
}

/** Closed loop, 64 clients, a warm-up and 3 runs of `requests`: issues per second the running service takes. */
export async function maxIntake(
  client: HttpClient,
  token: string,
  requests: number,
  firstIndex = 1_000_000,
): Promise<number[]> {
  const runs: number[] = [];
  let sequence = firstIndex;
  for (let rep = -1; rep < 3; rep++) {
    const t0 = performance.now();
    await inLanes(requests, 64, async () => {
      const response = await client.request('POST', '/api/v1/issues', token, issueBody(sequence++));
      if (response.status !== 201) throw new Error(`POST /issues: ${response.status} ${JSON.stringify(response.body)}`);
    });
    if (rep >= 0) runs.push(requests / ((performance.now() - t0) / 1000));
  }
  return runs;
}

async function inboxCheck(client: HttpClient, token: string, ids: string[]) {
  const listed = new Set<string>();
  for (const unit of [...REGIONS.map(([, , unit]) => unit), 'energy-dept']) await inboxIds(client, token, unit, listed);
  return ids.filter((id) => !listed.has(id)).length;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, [
    '--what-if',
    '--quick',
    '--loads',
    '--seconds',
    '--repetitions',
    '--max-rate',
    '--poll-ms',
    '--env',
  ]);
  const quick = args.has('--quick');
  const loads = listOption(args, '--loads', [10, 50, 80]);
  const seconds = numberOption(args, '--seconds', quick ? 0.5 : 10, 0.1);
  const repetitions = numberOption(args, '--repetitions', 5, 1);
  const pollMs = numberOption(args, '--poll-ms', 5, 0);
  const extraEnv = parseEnv(args.get('--env'));
  const givenMax = args.has('--max-rate') ? numberOption(args, '--max-rate', 0, 1) : null;
  const options = { quick, loads, seconds, repetitions, pollMs, env: extraEnv, maxRate: givenMax };

  const env = await createBenchEnv();
  console.log(`open-loop-latency: database ${env.databaseName}, queue prefix ${env.queuePrefix}`);
  const { api, client } = await startApi(env, extraEnv);
  const tokens = await seed(client);
  const whatIf = parseWhatIf(args.get('--what-if'));
  await applyWhatIf(env.databaseUrl, whatIf);
  const { worker } = await startWorker(env, extraEnv);
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  const allRouted = () => waitRouted(db, [api, worker]);

  let maxRuns: number[] = [];
  if (givenMax === null) {
    maxRuns = await maxIntake(client, tokens.supervisor, quick ? 150 : 1500);
    await allRouted();
  }
  const maxRate = givenMax ?? median(maxRuns);
  console.log(`max intake ${maxRate.toFixed(0)}/s (API and worker running, 64 clients, closed loop)`);

  const probe = new FilingProbe(client, tokens.supervisor, db, pollMs);
  probe.start();
  const random = prng(20261128);
  const service: Record<number, { p50: number[]; p99: number[]; all: Stats[]; poll: Stats[]; sent: number[] }> = {};
  for (const load of loads) {
    const rate = (maxRate * load) / 100;
    service[load] = { p50: [], p99: [], all: [], poll: [], sent: [] };
    for (let rep = -1; rep < repetitions; rep++) {
      const sent = await openLoop(rate, seconds, random, probe.send);
      const { latencies, pollMs: polls } = await probe.drain();
      await allRouted();
      const s = stats(latencies);
      if (rep >= 0) {
        service[load].p50.push(s.p50);
        service[load].p99.push(s.p99);
        service[load].all.push(s);
        service[load].poll.push(stats(polls));
        service[load].sent.push(sent);
      }
      console.log(
        `  service ${load} % (${rate.toFixed(0)}/s) ${rep < 0 ? 'warm-up' : `rep ${rep + 1}`}: ` +
          `${sent} sent, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
      );
    }
  }
  await probe.stop();
  const correctness: Record<string, unknown> & { ok: boolean } = await checkRouted(db, probe.ids);
  const notListed = await inboxCheck(client, tokens.inspector, probe.ids);
  correctness.notInInboxOverHttp = notListed;
  correctness.ok = correctness.ok && notListed === 0;

  // Baseline: raw BullMQ add → processor handed the job, same arrivals, service stopped.
  await Promise.all([api, worker].map((child) => child.stop()));
  const connection = redisConnectionOptions(env.redisUrl);
  const queue = new Queue('baseline', { prefix: env.baselinePrefix, connection });
  const scheduled = new Map<string, number>();
  let latencies: number[] = [];
  const bullWorker = new Worker(
    'baseline',
    async (job: Job) => {
      latencies.push(performance.now() - (scheduled.get(job.id as string) as number));
      scheduled.delete(job.id as string);
    },
    { prefix: env.baselinePrefix, connection, concurrency: 16 },
  );
  onCleanup('close the baseline queue', async () => {
    await bullWorker.close();
    await queue.close();
  });
  await bullWorker.waitUntilReady();
  let jobSequence = 0;
  const baseline: Record<number, { p50: number[]; p99: number[] }> = {};
  const baselineRandom = prng(20261128);
  for (const load of loads) {
    const rate = (maxRate * load) / 100;
    baseline[load] = { p50: [], p99: [] };
    for (let rep = -1; rep < repetitions; rep++) {
      await openLoop(rate, seconds, baselineRandom, (at) => {
        const jobId = `ping-${++jobSequence}`;
        scheduled.set(jobId, at);
        void queue.add('ping', {}, { jobId, removeOnComplete: true, removeOnFail: true });
      });
      while (scheduled.size) await delay(5);
      const s = stats(latencies);
      latencies = [];
      if (rep >= 0) {
        baseline[load].p50.push(s.p50);
        baseline[load].p99.push(s.p99);
      }
    }
    console.log(
      `  baseline ${load} %: p50 ${median(baseline[load].p50).toFixed(2)} ms, p99 ${median(baseline[load].p99).toFixed(2)} ms`,
    );
  }

  const summary: SummaryRow[] = loads.flatMap((load) => {
    const p99 = median(service[load].p99);
    const p50 = median(service[load].p50);
    const b99 = median(baseline[load].p99);
    const b50 = median(baseline[load].p50);
    return [
      {
        bench: 'open-loop-latency',
        measure: `filing → visible p50 at ${load} % load`,
        target: '–',
        measured: p50,
        baseline: b50,
        ratio: p50 / b50,
        ratioAs: 'times' as const,
        unit: 'ms',
        met: null,
      },
      {
        bench: 'open-loop-latency',
        measure: `filing → visible p99 at ${load} % load`,
        target: load === 50 ? `p99 ≤ ${TARGET_P99_MS} ms` : '–',
        measured: p99,
        baseline: b99,
        ratio: p99 / b99,
        ratioAs: 'times' as const,
        unit: 'ms',
        met: load === 50 ? p99 <= TARGET_P99_MS : null,
      },
    ];
  });
  await finish('open-loop-latency', env, summary, correctness, {
    options,
    whatIf,
    method:
      'service: API + worker from dist/; Poisson arrivals at load × max intake, POST /issues sent on schedule; ' +
      'latency = scheduled send → the bench’s PostgreSQL poll sees status <> filed (every pollMs). Max intake: ' +
      'closed loop, 64 clients, API + worker running, median of 3 after a warm-up. baseline: raw Queue.add on the ' +
      'same schedule → no-op Worker (concurrency 16) handed the job. Medians of the periods’ p50/p99.',
    maxIntake: { perSecond: maxRate, runs: maxRuns, given: givenMax !== null },
    service,
    baseline,
  });
}

if (require.main === module) runMain(main, { name: 'open-loop-latency' });
