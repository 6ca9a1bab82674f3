import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { environment } from './environment';
import { BenchEnv, RESULTS_DIR } from './service';

// Results: every bench writes bench/results/<name>-<timestamp>.json with a `summary` the runner reads.

export interface SummaryRow {
  bench: string;
  measure: string;
  target: string;
  measured: number;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  /** null: no target for this row (context only). */
  met: boolean | null;
  /** How the ratio reads: a share of the baseline (throughput) or a multiple of it (latency). */
  ratioAs?: 'percent' | 'times';
}

/** A throughput row whose target is a share of the baseline. */
export function shareOfBaseline(
  row: Pick<SummaryRow, 'bench' | 'measure' | 'measured' | 'baseline' | 'unit'> & { baseline: number },
  targetRatio: number,
): SummaryRow {
  const ratio = row.measured / row.baseline;
  return { ...row, target: `≥ ${targetRatio * 100} % of baseline`, ratio, met: ratio >= targetRatio };
}

export function formatRatio(row: SummaryRow): string {
  if (row.ratio === null || Number.isNaN(row.ratio)) return '–';
  return row.ratioAs === 'times' ? `${row.ratio.toFixed(1)}×` : `${(row.ratio * 100).toFixed(0)} %`;
}

export interface Correctness {
  ok: boolean;
  [detail: string]: unknown;
}

/**
 * Writes bench/results/<name>-<timestamp>.json ({ benchmark, startedAt, ...body }) and any companion text files
 * (<name>-<timestamp><suffix>). The benches the runner reads without a reader of their own give `summary` and
 * `correctness`.
 */
export async function writeResult(
  name: string,
  startedAt: Date,
  body: Record<string, unknown>,
  companions: { suffix: string; text: string }[] = [],
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = join(RESULTS_DIR, `${name}-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  const file = `${base}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ benchmark: name, startedAt: startedAt.toISOString(), ...body }, null, 2)}\n`,
  );
  const others: string[] = [];
  for (const { suffix, text } of companions) {
    others.push(`${base}${suffix}`);
    await writeFile(`${base}${suffix}`, text);
  }
  // The runner finds the file through this line.
  console.log(`written to ${[file, ...others].join(' and ')}`);
  return file;
}

function printSummary(rows: SummaryRow[], correctness: Correctness): void {
  const fmt = (value: number | null, digits = 1) =>
    value === null || Number.isNaN(value) ? '–' : value.toFixed(value >= 100 ? 0 : digits);
  console.log('');
  for (const row of rows) {
    console.log(
      `${row.measure.padEnd(44)} ${fmt(row.measured).padStart(9)} ${row.unit.padEnd(9)} baseline ${fmt(row.baseline).padStart(9)}` +
        `  ratio ${formatRatio(row)}`.padEnd(14) +
        `  target ${row.target}: ${row.met === null ? '–' : row.met ? 'met' : 'MISSED'}`,
    );
  }
  console.log(`correctness: ${correctness.ok ? 'ok' : 'FAILED'} ${JSON.stringify(correctness)}`);
}

/**
 * How a bench with a summary ends: the summary on the terminal, the result file with this run's versions and server
 * settings, and a failed run when correctness did not hold.
 */
export async function finish(
  name: string,
  env: BenchEnv,
  summary: SummaryRow[],
  correctness: Correctness,
  { options, ...body }: { options: unknown } & Record<string, unknown>,
): Promise<void> {
  printSummary(summary, correctness);
  await writeResult(name, env.startedAt, {
    options,
    ...(await environment(env.databaseUrl, env.redisUrl)),
    ...body,
    summary,
    correctness,
  });
  if (!correctness.ok) throw new Error('correctness check failed');
}
