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
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HttpClient, runMain } from '@app/devkit';
import { prepareCast } from './cast';
import { collect } from './collect';
import { Simulation } from './month/simulation';
import { parseOptions } from './options';
import { printReport } from './print-report';
import { POLICY_DAYS } from './scenario/profiles';
import { settle } from './settle';
import { ROOT, setStage } from './stage';
import { stats, Stats } from './table';

const RESULTS_DIR = join(ROOT, 'bench', 'results');

function yearIn(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

/** How fast the API answers on this machine right now: a month at --day-ms needs roughly 150 requests a day. */
async function probe(client: HttpClient, token: string, dayMs: number, log: (line: string) => void) {
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await client.ok('GET', '/api/v1/oversight/summary', token);
    samples.push(performance.now() - started);
  }
  const probeStats: Stats | null = stats(samples);
  log(`API round trip before the run: median ${probeStats?.median} ms, p90 ${probeStats?.p90} ms (one at a time)`);
  if (probeStats && probeStats.median * 150 > dayMs * 2) {
    log(
      `warning: at this speed the API may not keep up with one simulated day per ${dayMs} ms; late actions ` +
        'then make more issues overdue than the profiles intend. A larger --day-ms gives a truer month.',
    );
  }
  return probeStats;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => console.log(line);
  const startedAt = new Date();
  const timeZone = process.env.TIME_ZONE || 'Asia/Shanghai';
  const stage = await setStage(options, timeZone, log);
  const { client, failed } = stage;

  const cast = await Promise.race([prepareCast(client, options.dayMs, log), failed]);
  const inspectorToken = cast.tokens.get(cast.inspector) as string;
  const probeStats = await probe(client, inspectorToken, options.dayMs, log);
  const year = yearIn(timeZone, new Date());
  log(`simulating ${options.days} days, one every ${options.dayMs} ms ...`);
  const simulation = new Simulation(cast, { days: options.days, dayMs: options.dayMs, seed: options.seed, year });
  const result = await Promise.race([simulation.run(), failed]);

  log('waiting for the timers due within the month to fire ...');
  const settled = await Promise.race([
    settle(stage.databaseUrl, stage.redisUrl, stage.queuePrefix, result.simEnd),
    failed,
  ]);
  const collected = await Promise.race([collect(client, inspectorToken, year), failed]);
  printReport(result, collected, settled, options);

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `simulate-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const output = {
    simulation: 'simulate',
    startedAt: startedAt.toISOString(),
    options,
    database: { name: stage.databaseName, kept: options.keep, queuePrefix: stage.queuePrefix },
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

runMain(main);
