import { UsageError } from '@app/devkit';

// `npm run simulate -- [--days 30] [--day-ms 1000] [--seed 42] [--keep]`

export interface Options {
  days: number;
  dayMs: number;
  seed: number;
  keep: boolean;
}

const USAGE = 'usage: npm run simulate -- [--days 30] [--day-ms 1000] [--seed 42] [--keep]';

export function parseOptions(argv: string[]): Options {
  const options: Options = { days: 30, dayMs: 1000, seed: 42, keep: false };
  const limits: Record<string, [keyof Options, number, number]> = {
    '--days': ['days', 1, 366],
    '--day-ms': ['dayMs', 100, 86_400_000],
    '--seed': ['seed', 0, 2 ** 32 - 1],
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    const limit = limits[flag];
    if (!limit) throw new UsageError(`unknown option ${argv[i]}\n${USAGE}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < limit[1] || value > limit[2]) {
      throw new UsageError(`${flag} needs a whole number from ${limit[1]} to ${limit[2]}, got "${raw}"`);
    }
    (options as unknown as Record<string, number>)[limit[0]] = value;
  }
  return options;
}
