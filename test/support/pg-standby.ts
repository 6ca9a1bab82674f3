import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '@app/devkit';
import { waitFor } from './test-app';

const run = promisify(execFile);

/** The system PostgreSQL's programs (initdb, pg_ctl, pg_basebackup), newest major first. */
function binary(name: string): string {
  const majors = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (!majors.length) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  return join('/usr/lib/postgresql', majors[0]!, 'bin', name);
}

/** How far behind the primary the standby applies commits. */
export const APPLY_DELAY_MS = 100;

export interface PrimaryWithStandby {
  primaryUrl: string;
  standbyUrl: string;
  /** The primary's view of its standby: state, sync_state and the lags. */
  replication(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL primary and a streaming standby of it on loopback ports, made the way a deployment makes one:
 * initdb, then `pg_basebackup -R -X stream -C -S` (a replication slot), the standby named in the primary's
 * synchronous_standby_names. PostgreSQL refuses to run as root: under root the programs run as `postgres`.
 */
export async function startPrimaryWithStandby(): Promise<PrimaryWithStandby> {
  const dir = await mkdtemp(join(tmpdir(), 'dh-pg-'));
  const asPostgres = process.getuid?.() === 0 ? { uid: await idOf('-u'), gid: await idOf('-g') } : {};
  if ('uid' in asPostgres) await chown(dir, asPostgres.uid!, asPostgres.gid!);
  const pg = (name: string, args: string[]) => run(binary(name), args, { ...asPostgres, cwd: dir });
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.reverse())
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await appendFile(
      join(primary, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'max_connections = 200',
        'max_wal_senders = 4',
        "synchronous_standby_names = '*'",
        // a test's data: durability to disk is not what is tested
        'fsync = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    await pg('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    await pg('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standby],
      ...['-R', '-X', 'stream', '-C', '-S', 'dh_standby'],
    ]);
    // A standby that applies each commit a while after it: a read that does not wait for it would miss the write.
    await appendFile(
      join(standby, 'postgresql.conf'),
      `port = ${standbyPort}\nrecovery_min_apply_delay = '${APPLY_DELAY_MS}ms'\n`,
    );
    await pg('pg_ctl', ['-D', standby, '-l', join(dir, 'standby.log'), '-w', 'start']);
    started.push(standby);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
    const replication = () =>
      query(primaryUrl, 'SELECT state, sync_state, write_lag, flush_lag, replay_lag FROM pg_stat_replication').then(
        (rows) => rows[0] ?? {},
      );
    await waitFor(async () => (await replication()).sync_state === 'sync', 30_000, 'the standby to be synchronous');
    return { primaryUrl, standbyUrl, replication, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function idOf(flag: string): Promise<number> {
  return Number((await run('id', [flag, 'postgres'])).stdout.trim());
}

/** One statement on a fresh connection. */
export async function query(url: string, sql: string, parameters: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}
