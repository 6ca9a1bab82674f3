// The bench runner: runs each bench in turn as its own process, prints one summary table (target / measured /
// baseline / ratio / met?) and writes bench/results/run-<timestamp>.json with the versions, the server settings,
// every bench's rows, correctness and runtime.
//
//   npm run bench                                   # everything but the soak
//   npm run bench -- --quick                        # every bench's quick profile (under 3 minutes)
//   npm run bench -- --only intake,relay,routing    # a selection; names below; `soak` runs only when named
//
// DATABASE_URL (a superuser URL) and REDIS_URL default to postgres://postgres@127.0.0.1:5432/postgres and
// redis://127.0.0.1:6379. Each bench makes and drops its own database and queue prefix.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  checkKnown,
  DIST,
  environment,
  formatRatio,
  parseArgs,
  RESULTS_DIR,
  SummaryRow,
  UsageError,
} from './lib/harness';

interface BenchSpec {
  name: string;
  script: string;
  full: string[];
  quick: string[] | null;
  /** Reads the bench's result file into summary rows. */
  rows?: (result: any) => SummaryRow[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  correctness?: (result: any) => { ok: boolean; [k: string]: unknown }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const num = (value: unknown): number => (typeof value === 'number' ? value : NaN);

const BENCHES: BenchSpec[] = [
  { name: 'intake', script: 'intake.js', full: [], quick: ['--quick'] },
  { name: 'relay', script: 'outbox-relay.js', full: [], quick: ['--quick'] },
  { name: 'routing', script: 'routing.js', full: [], quick: ['--quick'] },
  { name: 'open-loop', script: 'open-loop-latency.js', full: [], quick: ['--quick'] },
  {
    name: 'filing-latency',
    script: 'filing-latency.js',
    full: [],
    quick: ['--issues', '50', '--warmup', '10'],
    rows: (r) =>
      (['median', 'p99'] as const).map((key) => ({
        bench: 'filing-latency',
        measure: `filing → visible ${key === 'median' ? 'p50' : key}, ${r.options?.concurrency ?? 1} client closed loop`,
        target: '–',
        measured: num(r.service?.visible?.[key]),
        baseline: num(r.baselines?.bullmq?.[key]),
        ratio: num(r.ratios?.['service / bullmq']?.[key]),
        ratioAs: 'times' as const,
        unit: 'ms',
        met: null,
      })),
    // It throws when a measured issue is missing from the inbox, so a result file means the check passed.
    correctness: () => ({ ok: true, inboxCheck: 'passed (the bench fails otherwise)' }),
  },
  {
    name: 'timer-precision',
    script: 'timer-precision.js',
    full: [],
    quick: ['--quick'],
    rows: (r) => [
      {
        bench: 'timer-precision',
        measure: 'timer lateness p99',
        target: `p99 < ${r.targets?.p99LatenessMs ?? 1000} ms`,
        measured: num(r.service?.eventLateness?.p99),
        baseline: num(r.baseline?.lateness?.p99),
        ratio: num(r.ratios?.['service event / baseline']?.p99),
        ratioAs: 'times',
        unit: 'ms',
        met: r.verdict?.p99Within1s ?? null,
      },
      {
        bench: 'timer-precision',
        measure: 'worker RSS peak with pending timers',
        target: `< ${r.targets?.rssMb ?? 300} MB`,
        measured: num(r.rss?.peak),
        baseline: num(r.rss?.idle?.p50 ?? r.rss?.idle?.median),
        ratio: num(r.ratios?.['rss window median / idle median']),
        ratioAs: 'times',
        unit: 'MB',
        met: r.verdict?.rssUnder300MB ?? null,
      },
    ],
    correctness: (r) => ({
      ok: r.service?.missed === 0,
      missed: r.service?.missed,
      fired: r.service?.escalationsFired,
    }),
  },
  {
    name: 'oversight-queries',
    script: 'oversight-queries.js',
    full: [],
    quick: ['--quick'],
    rows: (r) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (r.results ?? []).map((row: any) => ({
        bench: 'oversight-queries',
        measure: `${row.name} p95 (${r.options?.issues ?? '?'} issues)`,
        target: `p95 < ${r.targetP95Ms ?? 50} ms`,
        measured: num(row.http?.p95),
        // the ratio is HTTP p50 / raw SQL p50, so the baseline shown is the raw SQL round trip's p50
        baseline: num(row.rawSqlRoundTrip?.p50 ?? row.rawSqlRoundTripP50Ms),
        ratio: num(row.ratioHttpP50ToRawSql),
        ratioAs: 'times',
        unit: 'ms',
        met: row.meetsP95Target ?? null,
      })),
    correctness: () => ({ ok: true }),
  },
  { name: 'soak', script: 'soak.js', full: [], quick: null },
];

interface Outcome {
  name: string;
  args: string[];
  exitCode: number | null;
  seconds: number;
  resultFiles: string[];
  rows: SummaryRow[];
  correctness: { ok: boolean; [k: string]: unknown } | null;
  error?: string;
}

function runBench(spec: BenchSpec, args: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(DIST, 'bench', spec.script), ...args], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const files: string[] = [];
    const tail: string[] = [];
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        stream.write(`[${spec.name}] ${line}\n`);
        tail.push(line);
        if (tail.length > 30) tail.shift();
        const match = /written to (\S+\.json)/.exec(line);
        if (match) files.push(match[1]);
      }
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('exit', (code) => {
      const outcome: Outcome = {
        name: spec.name,
        args,
        exitCode: code,
        seconds: (performance.now() - started) / 1000,
        resultFiles: files,
        rows: [],
        correctness: null,
      };
      try {
        const file = files.find((f) => existsSync(f));
        if (file) {
          const result = JSON.parse(readFileSync(file, 'utf8'));
          outcome.rows = spec.rows ? spec.rows(result) : (result.summary ?? []);
          outcome.correctness = spec.correctness ? spec.correctness(result) : (result.correctness ?? null);
        }
      } catch (error) {
        outcome.error = `could not read the result: ${(error as Error).message}`;
      }
      if (code !== 0) outcome.error ??= tail.slice(-5).join(' | ');
      done(outcome);
    });
  });
}

function table(outcomes: Outcome[]): string {
  const header = ['bench', 'measure', 'target', 'measured', 'baseline', 'ratio', 'met?', 'correct', 'time'];
  const lines: string[][] = [];
  const fmt = (value: number | null, unit = '') =>
    value === null || Number.isNaN(value)
      ? '–'
      : `${value.toFixed(Math.abs(value) >= 100 ? 0 : 1)}${unit ? ` ${unit}` : ''}`;
  for (const o of outcomes) {
    const correct = o.correctness ? (o.correctness.ok ? 'ok' : 'FAILED') : o.exitCode === 0 ? '–' : 'FAILED';
    if (o.rows.length === 0) {
      lines.push([
        o.name,
        o.error ? `no figures: ${o.error.slice(0, 60)}` : '(no summary)',
        '',
        '',
        '',
        '',
        '',
        correct,
        `${o.seconds.toFixed(0)} s`,
      ]);
    }
    for (const [i, row] of o.rows.entries()) {
      lines.push([
        i === 0 ? o.name : '',
        row.measure,
        row.target,
        fmt(row.measured, row.unit),
        fmt(row.baseline, row.unit),
        formatRatio(row),
        row.met === null ? '–' : row.met ? 'met' : 'MISSED',
        i === 0 ? correct : '',
        i === 0 ? `${o.seconds.toFixed(0)} s` : '',
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const render = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  checkKnown(args, ['--quick', '--only']);
  const quick = args.has('--quick');
  const only = args.get('--only');
  if (only === true) throw new UsageError('--only needs a comma-separated list of benches');
  const names = only ? only.split(',') : null;
  for (const name of names ?? []) {
    if (!BENCHES.some((b) => b.name === name)) {
      throw new UsageError(`unknown bench "${name}"; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    }
  }
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  const startedAt = new Date();
  const t0 = performance.now();
  const selected = BENCHES.filter((b) => {
    if (!existsSync(join(DIST, 'bench', b.script))) return false; // a bench not (yet) in this tree
    if (names) return names.includes(b.name) && !(quick && b.quick === null);
    return b.name !== 'soak';
  });
  console.log(`bench run: ${selected.map((b) => b.name).join(', ')}${quick ? ' (quick profiles)' : ''}`);
  const env = await environment(process.env.DATABASE_URL, process.env.REDIS_URL);
  const outcomes: Outcome[] = [];
  for (const spec of selected) {
    const benchArgs = quick ? (spec.quick as string[]) : spec.full;
    console.log(`\n=== ${spec.name} ${benchArgs.join(' ')}`);
    outcomes.push(await runBench(spec, benchArgs));
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log('\n' + table(outcomes));
  const failed = outcomes.filter((o) => o.exitCode !== 0 || (o.correctness && !o.correctness.ok));
  console.log(
    `\n${outcomes.length} benches in ${seconds.toFixed(0)} s; node ${env.versions.node}, PostgreSQL ${env.versions.postgres}, ` +
      `Redis ${env.versions.redis}; shared_buffers ${env.settings.postgres.shared_buffers}, ` +
      `synchronous_commit ${env.settings.postgres.synchronous_commit}, maxmemory-policy ${env.settings.redis['maxmemory-policy']}`,
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `run-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        quick,
        only: names,
        seconds,
        ...env,
        rows: outcomes.flatMap((o) => o.rows),
        benches: outcomes,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written to ${file}`);
  if (failed.length) {
    console.error(`failed: ${failed.map((o) => o.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
