import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// `date` columns are local calendar dates: keep them as 'YYYY-MM-DD' instead of shifting them through a JS Date.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

/** An arbitrary constant shared by every process that migrates this database. */
const MIGRATION_LOCK_KEY = 7_242_300;

export interface ConnectionRole {
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Commits wait for the synchronous standby to apply them: reads from it then see every committed write. */
  waitForStandby?: boolean;
}

export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 20,
  { applicationName = 'direct-handling', waitForStandby = false }: ConnectionRole = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      application_name: applicationName,
      ...(waitForStandby ? { options: '-c synchronous_commit=remote_apply' } : {}),
    },
  };
}

/** Applies pending migrations; an advisory lock keeps an API and a worker that start together from racing. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, 2), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
