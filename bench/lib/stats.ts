// Statistics: nearest-rank percentiles and the latency tables.

export interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** n, the named nearest-rank percentiles (in that order), max and mean; NaN for no samples. */
type Summary<K extends string> = { n: number } & Record<K, number> & { max: number; mean: number };

export function summarize<K extends string>(samples: number[], percentiles: Record<K, number>): Summary<K> {
  const sorted = [...samples].sort((a, b) => a - b);
  const empty = sorted.length === 0;
  const at = (p: number) =>
    empty ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const out: Record<string, number> = { n: sorted.length };
  for (const [key, p] of Object.entries<number>(percentiles)) out[key] = at(p);
  out.max = empty ? NaN : sorted[sorted.length - 1];
  out.mean = empty ? NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return out as Summary<K>;
}

/** Nearest-rank percentiles. */
export function stats(samples: number[]): Stats {
  return summarize(samples, { p50: 50, p90: 90, p99: 99 });
}

// The latency tables of filing-latency and timer-precision, which call the p50 `median`.
const TABLE_KEYS = ['median', 'p90', 'p99', 'max'] as const;
type TableStats = Summary<'median' | 'p90' | 'p99'>;
type TableRatio = Record<(typeof TABLE_KEYS)[number], number>;

export function tableStats(samples: number[]): TableStats {
  return summarize(samples, { median: 50, p90: 90, p99: 99 });
}

export function tableRatio(a: TableStats, b: TableStats): TableRatio {
  return Object.fromEntries(TABLE_KEYS.map((key) => [key, a[key] / b[key]])) as TableRatio;
}

export function formatTable(
  rows: { label: string; stats: TableStats }[],
  ratios: { label: string; values: TableRatio }[],
  { cellWidth, digits }: { cellWidth: number; digits: number },
): string {
  const width = Math.max(...[...rows, ...ratios].map((row) => row.label.length));
  const cell = (value: string) => value.padStart(cellWidth);
  const lines = [`${''.padEnd(width)}  ${cell('n')}${TABLE_KEYS.map((key) => cell(key)).join('')}   (ms)`];
  for (const { label, stats: s } of rows) {
    lines.push(
      `${label.padEnd(width)}  ${cell(String(s.n))}${TABLE_KEYS.map((key) => cell(s[key].toFixed(digits))).join('')}`,
    );
  }
  lines.push('');
  for (const { label, values } of ratios) {
    lines.push(
      `${label.padEnd(width)}  ${cell('')}${TABLE_KEYS.map((key) => cell(`${values[key].toFixed(1)}×`)).join('')}`,
    );
  }
  return lines.join('\n');
}

export function median(values: number[]): number {
  return stats(values).p50;
}
