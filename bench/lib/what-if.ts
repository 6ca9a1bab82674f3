import { Client } from 'pg';
import { UsageError } from '@app/devkit';

// What-ifs: changes tried on the throwaway database only, to measure a proposed fix before anyone makes it.
//   no-notify  the outbox's statement trigger stops NOTIFYing (pg_notify takes a cluster-wide lock held through
//              the commit's WAL flush, so every transaction that writes an outbox row commits one at a time);
//              pair it with --env OUTBOX_POLL_INTERVAL_MS=10 where the relay's latency matters.

const WHAT_IFS = ['no-notify'] as const;

export function parseWhatIf(raw: string | true | undefined): string[] {
  if (raw === undefined) return [];
  if (raw === true) throw new UsageError(`--what-if needs one of ${WHAT_IFS.join(', ')}`);
  const list = raw.split(',');
  for (const item of list) {
    if (!(WHAT_IFS as readonly string[]).includes(item)) throw new UsageError(`--what-if: unknown "${item}"`);
  }
  return list;
}

export async function applyWhatIf(databaseUrl: string, whatIf: string[]): Promise<void> {
  if (whatIf.length === 0) return;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    if (whatIf.includes('no-notify')) await db.query('ALTER TABLE outbox DISABLE TRIGGER outbox_after_insert');
  } finally {
    await db.end();
  }
  console.log(`what-if applied to the bench database: ${whatIf.join(', ')}`);
}
