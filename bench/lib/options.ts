import { UsageError } from '@app/devkit';

// Options: --name value or --name=value; numbers, comma lists and flags.

export function parseArgs(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
    const [flag, inline] = arg.split('=', 2);
    if (inline !== undefined) out.set(flag, inline);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.set(flag, argv[++i]);
    else out.set(flag, true);
  }
  return out;
}

export function numberOption(args: Map<string, string | true>, flag: string, fallback: number, min = 0): number {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value) || value < min) throw new UsageError(`${flag} needs a number ≥ ${min}`);
  return value;
}

/** A whole number ≥ min. */
export function integerOption(args: Map<string, string | true>, flag: string, fallback: number, min = 0): number {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < min) {
    throw new UsageError(`${flag} needs a whole number ≥ ${min}, got "${raw === true ? '' : raw}"`);
  }
  return value;
}

export function listOption(args: Map<string, string | true>, flag: string, fallback: number[]): number[] {
  const raw = args.get(flag);
  if (raw === undefined) return fallback;
  if (raw === true) throw new UsageError(`${flag} needs a comma-separated list`);
  const values = raw.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new UsageError(`${flag}: bad list "${raw}"`);
  return values;
}

export function checkKnown(args: Map<string, string | true>, known: string[]): void {
  for (const flag of args.keys()) if (!known.includes(flag)) throw new UsageError(`unknown option ${flag}`);
}
