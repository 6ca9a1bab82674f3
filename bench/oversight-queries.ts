// The inspection office's read models at scale (issue #3): the overdue board, the per-unit summary, a busy unit's
// inbox and the filtered issue list, over HTTP against a table of a million issues, each next to EXPLAIN ANALYZE
// and a raw round trip of the very SQL the service runs, measured in the same run.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/oversight-queries.js [--issues 1000000] [--overdue 50000] [--units 10000] \
//       [--requests 200] [--warmup 20] [--quick]
//
// --quick is --issues 100000 --overdue 5000 --units 1000 (explicit options still win).
//
// DATABASE_URL must be a superuser URL: the bench creates a database dh_bench_<random>, migrates it, bulk-loads it
// with INSERT … SELECT over generate_series (foreign-key triggers off for the load, the secondary indexes of
// `issues` dropped before it and re-created after it from their own pg_indexes definitions, then VACUUM ANALYZE,
// as a table that autovacuum keeps would be), runs the API from dist/ against it and drops everything at the end,
// also on failure or Ctrl-C.
//
// The data: `units` units under ten prefecture governments under one inspection office, in 1,001 regions; lead
// units drawn with a skew (unit n with probability ∝ the density of u^2.5), so a few units are busy; 10% of the
// issues have a co-unit. `overdue` issues are open and overdue with escalation levels 0–3 (30/35/20/15%) and due
// times up to 90 days past; another 20% − overdue are open (filed, triage, assigned, in progress, rectification
// submitted) with due times in the next 30 days; the rest are closed (97%) or withdrawn, filed over three years,
// about a quarter of them closed late. Rows go in filed_at order, as inserts would put them.
//
// The SQL: the bench calls OversightService and IssueQueriesService from dist/ on a DataSource whose logger keeps
// each statement, so the EXPLAIN baseline is the exact text and parameters TypeORM generates, not a copy.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@app/persistence';
import type { AppConfig } from '@app/platform';
import { Actor, IssueQueriesService, OversightService } from '@app/workflow';
import {
  ADMIN,
  checkKnown,
  createBenchEnv,
  environment,
  INSPECTOR,
  integerOption,
  login,
  onCleanup,
  parseArgs,
  runMain,
  startApi,
  summarize,
  UsageError,
  writeResult,
} from './lib/harness';
import { describeData, load } from './lib/oversight-data';

const TARGET_P95_MS = 50;

interface Options {
  issues: number;
  overdue: number;
  units: number;
  requests: number;
  warmup: number;
  quick: boolean;
}

function parseOptions(argv: string[]): Options {
  const args = parseArgs(argv);
  checkKnown(args, ['--quick', '--issues', '--overdue', '--units', '--requests', '--warmup']);
  const quick = args.has('--quick');
  const options: Options = {
    issues: integerOption(args, '--issues', quick ? 100_000 : 1_000_000, 1),
    overdue: integerOption(args, '--overdue', quick ? 5_000 : 50_000, 1),
    units: integerOption(args, '--units', quick ? 1_000 : 10_000, 1),
    requests: integerOption(args, '--requests', 200, 1),
    warmup: integerOption(args, '--warmup', 20, 0),
    quick,
  };
  if (options.units < 100) throw new UsageError('--units must be at least 100');
  if (options.overdue > options.issues * 0.2) throw new UsageError('--overdue cannot exceed 20% of --issues');
  // The permutation that scatters classes over the rows needs a multiplier coprime with the row count.
  if (options.issues % 7919 === 0) throw new UsageError('--issues must not be a multiple of 7919');
  return options;
}

/** Nearest-rank percentiles, in milliseconds. */
function stats(samples: number[]) {
  return summarize(samples, { p50: 50, p95: 95, p99: 99 });
}

// ---------------------------------------------------------------------------------------------------------------
// The service's SQL, captured from the service classes themselves

interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

class CapturingLogger implements TypeOrmLogger {
  captured: CapturedQuery[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.captured.push({ sql: query, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface Case {
  name: string;
  path: string;
  /** Runs the same read through the service classes, for the SQL. */
  run: (services: { oversight: OversightService; queries: IssueQueriesService }) => Promise<unknown>;
}

function cases(busy: string, typical: string, region: string): Case[] {
  const inspector: Actor = { username: INSPECTOR.username, role: 'inspector', unit: null };
  return [
    {
      name: 'overdue board',
      path: '/api/v1/oversight/overdue?limit=50',
      run: (s) => s.oversight.overdue({}, 50),
    },
    {
      name: 'overdue ?leadUnit=<busy>',
      path: `/api/v1/oversight/overdue?leadUnit=${busy}&limit=50`,
      run: (s) => s.oversight.overdue({ leadUnit: busy }, 50),
    },
    {
      name: 'overdue ?leadUnit=<typical>',
      path: `/api/v1/oversight/overdue?leadUnit=${typical}&limit=50`,
      run: (s) => s.oversight.overdue({ leadUnit: typical }, 50),
    },
    {
      name: 'overdue ?minLevel=2',
      path: '/api/v1/oversight/overdue?minLevel=2&limit=50',
      run: (s) => s.oversight.overdue({ minLevel: 2 }, 50),
    },
    {
      name: 'overdue ?regionCode=<prefecture>',
      path: `/api/v1/oversight/overdue?regionCode=${region}&limit=50`,
      run: (s) => s.oversight.overdue({ regionCode: region }, 50),
    },
    {
      name: 'summary',
      path: '/api/v1/oversight/summary',
      run: (s) => s.oversight.summary(),
    },
    {
      name: 'inbox <busy>',
      path: `/api/v1/units/${busy}/inbox?limit=50`,
      run: (s) => s.queries.inbox(inspector, busy, 50),
    },
    {
      name: 'inbox <typical>',
      path: `/api/v1/units/${typical}/inbox?limit=50`,
      run: (s) => s.queries.inbox(inspector, typical, 50),
    },
    {
      name: 'issues ?status=in_progress',
      path: '/api/v1/issues?status=in_progress&limit=50',
      run: (s) => s.queries.list(inspector, { status: 'in_progress' }, 50),
    },
  ];
}

/** Every statement the case runs that reads `issues`, as TypeORM sends it. */
async function captureSql(databaseUrl: string, list: Case[]): Promise<Map<string, CapturedQuery[]>> {
  const logger = new CapturingLogger();
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, 2), logging: true, logger });
  await dataSource.initialize();
  try {
    // The service reads only the time zone from the configuration.
    const config = { timeZone: 'Asia/Shanghai' } as AppConfig;
    const services = {
      oversight: new OversightService(dataSource, config),
      queries: new IssueQueriesService(dataSource),
    };
    const out = new Map<string, CapturedQuery[]>();
    for (const item of list) {
      logger.captured = [];
      await item.run(services);
      out.set(
        item.name,
        logger.captured.filter((query) => /\bissues\b/.test(query.sql)),
      );
    }
    return out;
  } finally {
    await dataSource.destroy();
  }
}

/** One run of every statement of a case, as a plain round trip: the SQL-only cost of the request. */
async function sqlRoundTrip(db: Client, queries: CapturedQuery[]): Promise<number> {
  const started = performance.now();
  for (const query of queries) await db.query(query.sql, query.parameters);
  return performance.now() - started;
}

/** EXPLAIN (ANALYZE) of every statement of a case: planning and execution time, summed over the statements. */
async function explainTimes(db: Client, queries: CapturedQuery[]) {
  let planningMs = 0;
  let executionMs = 0;
  for (const query of queries) {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`,
      query.parameters,
    );
    const [plan] = rows[0]['QUERY PLAN'];
    planningMs += plan['Planning Time'];
    executionMs += plan['Execution Time'];
  }
  return { planningMs, executionMs };
}

async function explainText(db: Client, query: CapturedQuery): Promise<string> {
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
    query.parameters,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------

/** The planner settings these reads depend on, with their units. */
async function plannerSettings(db: Client) {
  const { rows: settings } = await db.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
                     'max_parallel_workers_per_gather')`,
  );
  return Object.fromEntries(settings.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ''}`]));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The API keeps login throttling under its queue prefix; the bench deletes the prefix's keys at the end.
  const env = await createBenchEnv();
  console.log(`database ${env.databaseName}, queue prefix ${env.queuePrefix}`);
  await runMigrations(env.databaseUrl);

  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  console.log(`loading ${options.issues} issues, ${options.overdue} of them open and overdue, ${options.units} units`);
  const loaded = await load(db, options);
  const data = await describeData(db);
  console.log(
    `  busy unit ${data.busyUnit.unit}: ${data.busyUnit.open} open (${data.busyUnit.overdue} overdue) of ` +
      `${data.busyUnit.total}; typical unit ${data.typicalUnit.unit}: ${data.typicalUnit.open} open; ` +
      `issues ${data.size.table} (${data.size.total} with indexes)`,
  );

  const { api, client } = await startApi(env, {}, [], { maxSockets: 16, healthTimeoutMs: 120_000 });
  const adminToken = await login(client, ADMIN);
  await client.ok('POST', '/api/v1/users', adminToken, {
    ...INSPECTOR,
    displayName: 'Bench inspector',
    role: 'inspector',
  });
  const token = await login(client, INSPECTOR);

  const list = cases(data.busyUnit.unit, data.typicalUnit.unit, '520100');
  const captured = await captureSql(env.databaseUrl, list);
  // The machine is shared: each HTTP request is followed by the same statements as a plain round trip (and every
  // fifth by EXPLAIN ANALYZE), so the service and its baselines see the same load.
  const explainEvery = 5;
  const rows = [];
  const plans: Record<string, (CapturedQuery & { plan: string })[]> = {};
  for (const item of list) {
    const queries = captured.get(item.name) ?? [];
    let items = 0;
    for (let i = 0; i < options.warmup; i++) {
      await client.ok('GET', item.path, token);
      await sqlRoundTrip(db, queries);
    }
    const samples: number[] = [];
    const raw: number[] = [];
    const explained: { planningMs: number; executionMs: number }[] = [];
    for (let i = 0; i < options.requests; i++) {
      const started = performance.now();
      const response = await client.request('GET', item.path, token);
      samples.push(performance.now() - started);
      if (response.status !== 200)
        throw new Error(`GET ${item.path}: ${response.status} ${JSON.stringify(response.body)}`);
      items = (response.body.items as unknown[]).length;
      raw.push(await sqlRoundTrip(db, queries));
      if (i % explainEvery === 0) explained.push(await explainTimes(db, queries));
    }
    plans[item.name] = [];
    for (const query of queries) plans[item.name].push({ ...query, plan: await explainText(db, query) });
    const h = stats(samples);
    const execution = stats(explained.map((e) => e.executionMs));
    const planningPlusExecution = stats(explained.map((e) => e.planningMs + e.executionMs));
    const rawRoundTrip = stats(raw);
    rows.push({
      name: item.name,
      path: item.path,
      items,
      // A case may send more than one statement (the inbox first checks that the unit exists): baselines sum them.
      statements: queries.length,
      http: h,
      explainExecution: execution,
      explainPlanningPlusExecution: planningPlusExecution,
      rawSqlRoundTrip: rawRoundTrip,
      ratioHttpP50ToExplain: h.p50 / planningPlusExecution.p50,
      ratioHttpP50ToRawSql: h.p50 / rawRoundTrip.p50,
      meetsP95Target: h.p95 < TARGET_P95_MS,
    });
    console.log(
      `  ${item.name}: p50 ${h.p50.toFixed(1)} ms, p95 ${h.p95.toFixed(1)} ms; ` +
        `EXPLAIN ${planningPlusExecution.p50.toFixed(2)} ms, raw SQL ${rawRoundTrip.p50.toFixed(2)} ms`,
    );
  }
  await api.stop();

  const result = {
    options,
    versions: {
      ...(await environment(env.databaseUrl, env.redisUrl)).versions,
      postgresSettings: await plannerSettings(db),
    },
    method:
      `HTTP: ${options.requests} sequential GETs per endpoint as an inspector after ${options.warmup} warm-up ` +
      'requests, keep-alive, timed from send to the last byte. Baselines, interleaved with the requests: the ' +
      'statements TypeORM sends for the same read (captured from the service classes) as a plain node-postgres ' +
      `round trip after every request, and EXPLAIN (ANALYZE) after every ${explainEvery}th (planning + execution).`,
    targetP95Ms: TARGET_P95_MS,
    // The machine is shared: its 1/5/15-minute load averages when the measurements ended.
    loadAverageAtEnd: os.loadavg(),
    load: loaded,
    data,
    results: rows,
    plans,
  };

  console.log('');
  const width = Math.max(...rows.map((row) => row.name.length));
  const cell = (value: string, w = 9) => value.padStart(w);
  console.log(
    `${''.padEnd(width)}  ${cell('p50')}${cell('p95')}${cell('p99')}${cell('EXPLAIN')}${cell('raw SQL')}` +
      `${cell('p50/EXPL', 10)}${cell('p50/raw', 9)}  p95<${TARGET_P95_MS}ms`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${cell(row.http.p50.toFixed(1))}${cell(row.http.p95.toFixed(1))}` +
        `${cell(row.http.p99.toFixed(1))}${cell(row.explainPlanningPlusExecution.p50.toFixed(2))}` +
        `${cell(row.rawSqlRoundTrip.p50.toFixed(2))}${cell(`${row.ratioHttpP50ToExplain.toFixed(1)}×`, 10)}` +
        `${cell(`${row.ratioHttpP50ToRawSql.toFixed(1)}×`)}  ${row.meetsP95Target ? 'met' : 'MISSED'}`,
    );
  }
  console.log('(ms; EXPLAIN = planning + execution time, median; raw SQL = node-postgres round trip, median)');
  console.log(
    `node ${result.versions.node}, PostgreSQL ${result.versions.postgres}; load average at the end ` +
      `${result.loadAverageAtEnd.map((value) => value.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs`,
  );

  const planText = list
    .flatMap((item) =>
      plans[item.name].map(
        (plan) =>
          `=== ${item.name}: GET ${item.path}\n-- ${plan.sql}\n-- parameters: ${JSON.stringify(plan.parameters)}\n` +
          `${plan.plan}\n`,
      ),
    )
    .join('\n');
  await writeResult('oversight-queries', env.startedAt, result, [{ suffix: '-plans.txt', text: planText }]);
}

runMain(main, { name: 'oversight-queries' });
