import os from 'node:os';
import Redis from 'ioredis';
import { Client } from 'pg';

// Versions and server settings, recorded beside every result.

export async function environment(databaseUrl: string, redisUrl: string) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const settings = [
    'server_version',
    'shared_buffers',
    'synchronous_commit',
    'fsync',
    'wal_level',
    'max_connections',
    'work_mem',
    'effective_cache_size',
    'commit_delay',
    'max_wal_size',
    'checkpoint_timeout',
    'jit',
  ];
  const postgres: Record<string, string> = {};
  for (const name of settings) {
    postgres[name] = (await pg.query(`SHOW ${name}`)).rows[0][name];
  }
  await pg.end();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const info = await redis.info('server');
  const redisSettings: Record<string, string> = {};
  for (const name of ['maxmemory', 'maxmemory-policy', 'appendonly', 'appendfsync', 'save', 'io-threads', 'hz']) {
    const [, value] = (await redis.config('GET', name)) as [string, string];
    redisSettings[name] = value;
  }
  redis.disconnect();
  const packageVersion = (name: string) => {
    try {
      return require(`${name}/package.json`).version as string; // eslint-disable-line @typescript-eslint/no-require-imports
    } catch {
      return 'unknown';
    }
  };
  return {
    versions: {
      node: process.version,
      postgres: postgres.server_version,
      redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
      bullmq: packageVersion('bullmq'),
      ioredis: packageVersion('ioredis'),
      pgDriver: packageVersion('pg'),
      nestjs: packageVersion('@nestjs/core'),
      typeorm: packageVersion('typeorm'),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
    },
    settings: { postgres, redis: redisSettings },
  };
}
