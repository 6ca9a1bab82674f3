// How long the inspection office waits for a bulletin (通报) at scale: POST /api/v1/bulletins over the data set of
// the oversight bench (a million issues), with a timeline for every issue, so the assessment table, the board
// replayed at the period's end, the escalation counts and the key items all read real event volumes.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     node dist/bench/bulletin.js [--issues 1000000] [--overdue 50000] [--units 10000] [--samples 3] [--quick]
//
// --quick is --issues 100000 --overdue 5000 --units 1000 (explicit options still win).
//
// The data: bench/lib/oversight-data.ts loads the issues (and their current state); this script then writes each
// issue's timeline by INSERT … SELECT, consistent with that state: filed, routed (lead and co-units), acknowledged,
// overdue at the due time and one escalation per level for late ones (closed late ones too), rectification and
// acceptance (with a rating) for closed ones, withdrawal; and the ledger rows the default rules give the overdue
// and escalation events. Secondary indexes of issue_events are dropped for the load and re-created after it.
//
// Measured: the month bulletin of last month and the quarter bulletin of last quarter (each period once: the
// second is a 409), then `samples` special bulletins over last month's dates; each as the HTTP time of the POST
// and the service's own build time (`buildMs`, stored with the bulletin), with the rows it froze.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { runMigrations } from '@app/persistence';
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
  UsageError,
  writeResult,
} from './lib/harness';
import { describeData, load } from './lib/oversight-data';

const ZONE = 'Asia/Shanghai';

interface Options {
  issues: number;
  overdue: number;
  units: number;
  samples: number;
  quick: boolean;
}

function parseOptions(argv: string[]): Options {
  const args = parseArgs(argv);
  checkKnown(args, ['--quick', '--issues', '--overdue', '--units', '--samples']);
  const quick = args.has('--quick');
  const options: Options = {
    issues: integerOption(args, '--issues', quick ? 100_000 : 1_000_000, 1),
    overdue: integerOption(args, '--overdue', quick ? 5_000 : 50_000, 1),
    units: integerOption(args, '--units', quick ? 1_000 : 10_000, 1),
    samples: integerOption(args, '--samples', 3, 1),
    quick,
  };
  if (options.units < 100) throw new UsageError('--units must be at least 100');
  if (options.overdue > options.issues * 0.2) throw new UsageError('--overdue cannot exceed 20% of --issues');
  if (options.issues % 7919 === 0) throw new UsageError('--issues must not be a multiple of 7919');
  return options;
}

/** Every issue's timeline, from its current state, in one INSERT … SELECT per event type. */
async function loadTimelines(db: Client) {
  const timings: Record<string, number> = {};
  const time = async (what: string, step: () => Promise<unknown>) => {
    const started = performance.now();
    await step();
    timings[what] = (performance.now() - started) / 1000;
    console.log(`  ${what}: ${timings[what].toFixed(1)} s`);
  };
  await db.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
  await db.query(`SET session_replication_role = replica`);
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('issue_events', 'assessment_ledger')
        AND indexname NOT IN (SELECT conname FROM pg_constraint
                               WHERE conrelid IN ('issue_events'::regclass, 'assessment_ledger'::regclass))`,
  );
  for (const { name } of indexes) await db.query(`DROP INDEX ${name}`);
  const insert = (select: string) =>
    db.query(
      `INSERT INTO issue_events (issue_id, seq, type, occurred_at, actor_username, actor_role, lead_unit, data) ${select}`,
    );
  await time('issue_events', async () => {
    await insert(`SELECT id, 1, 'issue.filed', filed_at, filed_by, 'supervisor', NULL, '{}'::jsonb FROM issues`);
    await insert(
      `SELECT id, 2, 'issue.routed', assigned_at, 'system', NULL, lead_unit,
              jsonb_build_object('leadUnit', lead_unit, 'coUnits', to_jsonb(co_units))
         FROM issues WHERE assigned_at IS NOT NULL`,
    );
    await insert(
      `SELECT id, 3, 'issue.acknowledged', acknowledged_at, 'handler', 'handler', lead_unit,
              jsonb_build_object('onTime', acknowledged_at <= assigned_at + interval '1 day')
         FROM issues WHERE acknowledged_at IS NOT NULL`,
    );
    // Late ones: open and overdue now, or closed after the due time (overdue = true in the generated state).
    await insert(
      `SELECT id, 4, 'issue.overdue', due_at, 'system', NULL, lead_unit, jsonb_build_object('dueAt', due_at)
         FROM issues WHERE overdue AND due_at IS NOT NULL`,
    );
    await insert(
      `SELECT id, 4 + l, 'issue.escalated', least(due_at + l * interval '1 hour', now()), 'system', NULL, lead_unit,
              jsonb_build_object('level', l)
         FROM issues, generate_series(1, escalation_level) l WHERE overdue AND due_at IS NOT NULL`,
    );
    await insert(
      `SELECT id, 8, 'issue.rectification_submitted', closed_at, 'handler', 'handler', lead_unit, '{}'::jsonb
         FROM issues WHERE status = 'closed'`,
    );
    await insert(
      `SELECT id, 9, 'issue.accepted', closed_at, 'sup', 'supervisor', lead_unit,
              jsonb_build_object('satisfaction', (ARRAY['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'])[1 + abs(hashtext(id::text)) % 4],
                                 'onTime', NOT overdue)
         FROM issues WHERE status = 'closed'`,
    );
    await insert(
      `SELECT id, 9, 'issue.withdrawn', coalesce(due_at, filed_at) + interval '1 day', 'sup', 'supervisor', lead_unit,
              '{}'::jsonb
         FROM issues WHERE status = 'withdrawn'`,
    );
    await insert(
      `SELECT id, 10, 'issue.key_changed', filed_at + interval '2 hours', 'inspector', 'inspector', lead_unit,
              jsonb_build_object('isKey', true)
         FROM issues WHERE is_key`,
    );
  });
  await time('assessment_ledger', () =>
    db.query(
      `INSERT INTO assessment_ledger (event_id, issue_id, unit_code, rule, rule_index, rule_version, points, occurred_at, period)
       SELECT e.id, e.issue_id, e.lead_unit, e.type, CASE e.type WHEN 'issue.overdue' THEN 1 ELSE 2 END, 1,
              CASE e.type WHEN 'issue.overdue' THEN -2 ELSE -(e.data->>'level')::int END, e.occurred_at,
              to_char(e.occurred_at AT TIME ZONE '${ZONE}', 'YYYY')
         FROM issue_events e WHERE e.type IN ('issue.overdue', 'issue.escalated') AND e.lead_unit IS NOT NULL`,
    ),
  );
  await time(`re-create ${indexes.length} secondary indexes`, async () => {
    for (const { definition } of indexes) await db.query(definition);
  });
  await db.query(`SET session_replication_role = DEFAULT`);
  await time('VACUUM ANALYZE', async () => {
    for (const table of ['issue_events', 'assessment_ledger']) await db.query(`VACUUM (ANALYZE) ${table}`);
  });
  const { rows } = await db.query<{ events: string; ledger: string; size: string }>(
    `SELECT (SELECT count(*) FROM issue_events) AS events, (SELECT count(*) FROM assessment_ledger) AS ledger,
            pg_size_pretty(pg_total_relation_size('issue_events')) AS size`,
  );
  return { timings, events: Number(rows[0].events), ledger: Number(rows[0].ledger), issueEventsSize: rows[0].size };
}

interface Made {
  id: string;
  buildMs: number;
  units: unknown[];
  overdue: unknown[];
  escalations: number;
  keyIssues: unknown[];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const env = await createBenchEnv();
  console.log(`database ${env.databaseName}, queue prefix ${env.queuePrefix}`);
  await runMigrations(env.databaseUrl);
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  onCleanup('close bench connection', () => db.end());
  console.log(`loading ${options.issues} issues, ${options.overdue} of them open and overdue, ${options.units} units`);
  const loaded = await load(db, options);
  const timelines = await loadTimelines(db);
  console.log(
    `  ${timelines.events} events (${timelines.issueEventsSize} with indexes), ${timelines.ledger} ledger rows`,
  );
  const data = await describeData(db);

  const { api, client } = await startApi(env, {}, [], { maxSockets: 4, healthTimeoutMs: 120_000 });
  const adminToken = await login(client, ADMIN);
  await client.ok('POST', '/api/v1/users', adminToken, {
    ...INSPECTOR,
    displayName: 'Bench inspector',
    role: 'inspector',
  });
  const token = await login(client, INSPECTOR);

  const now = DateTime.now().setZone(ZONE);
  const month = now.startOf('month').minus({ months: 1 });
  const quarterStart = now.startOf('quarter').minus({ months: 3 });
  const runs: { name: string; body: Record<string, string> }[] = [
    { name: `month ${month.toFormat('yyyy-MM')}`, body: { period: month.toFormat('yyyy-MM') } },
    {
      name: `quarter ${quarterStart.year}-Q${quarterStart.quarter}`,
      body: { period: `${quarterStart.year}-Q${quarterStart.quarter}` },
    },
    ...Array.from({ length: options.samples }, (_, i) => ({
      name: `special #${i + 1} (last month's dates)`,
      body: {
        from: month.toISODate() as string,
        to: month.endOf('month').toISODate() as string,
        title: `bench ${i + 1}`,
      },
    })),
  ];
  const results = [];
  for (const run of runs) {
    const started = performance.now();
    const response = await client.request('POST', '/api/v1/bulletins', token, run.body);
    const httpMs = performance.now() - started;
    if (response.status !== 201) throw new Error(`POST /bulletins ${JSON.stringify(run.body)}: ${response.status}`);
    const made = response.body as unknown as Made;
    const { rows } = await db.query<{ bytes: number }>(
      `SELECT pg_column_size(content) AS bytes FROM bulletins WHERE id = $1`,
      [made.id],
    );
    const row = {
      name: run.name,
      httpMs: Math.round(httpMs),
      buildMs: made.buildMs,
      units: made.units.length,
      overdueAtEnd: made.overdue.length,
      escalations: made.escalations,
      keyItems: made.keyIssues.length,
      storedBytes: rows[0].bytes,
    };
    results.push(row);
    console.log(
      `  ${row.name}: HTTP ${row.httpMs} ms (build ${row.buildMs} ms); ${row.units} units, ` +
        `${row.overdueAtEnd} overdue at the end, ${row.escalations} escalations, ${row.keyItems} key; ` +
        `${(row.storedBytes / 1024).toFixed(0)} KiB stored`,
    );
  }
  // A second month bulletin for the same period is refused before it builds anything.
  const again = performance.now();
  const conflict = await client.request('POST', '/api/v1/bulletins', token, runs[0].body);
  const conflictMs = performance.now() - again;
  if (conflict.status !== 409) throw new Error(`the same month twice answered ${conflict.status}, not 409`);
  console.log(`  the same month again: 409 in ${conflictMs.toFixed(1)} ms`);
  await api.stop();

  await writeResult('bulletin', env.startedAt, {
    options,
    ...(await environment(env.databaseUrl, env.redisUrl)),
    method:
      'POST /api/v1/bulletins as an inspector, sequentially, timed from send to the last byte; buildMs is the ' +
      'service’s own measure of building the snapshot (before storing it).',
    loadAverageAtEnd: os.loadavg(),
    load: loaded,
    timelines,
    data,
    results,
    conflictMs,
  });
}

runMain(main, { name: 'bulletin' });
