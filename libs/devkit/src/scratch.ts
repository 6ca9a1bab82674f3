import Redis, { Cluster } from 'ioredis';
import { Client } from 'pg';

// Throwaway state on shared servers: a database of a run's own and the Redis keys under its prefix, so runs on
// one machine never see each other's data.

/** Creates `name` on the server at `serverUrl` (a URL allowed to create databases) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops `name`, closing any connection still open to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

async function onServer(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Deletes every key matching `pattern` (SCAN, not KEYS: the server stays responsive). With `clusterNodes`
 * (`host:port` strings or objects) it sweeps every master of that Redis Cluster, one key per command (a DEL of
 * several keys must not cross slots).
 */
export async function deleteKeys(
  redisUrl: string,
  pattern: string,
  clusterNodes?: readonly ({ host: string; port: number } | string)[] | null,
): Promise<void> {
  if (clusterNodes?.length) return deleteClusterKeys(redisUrl, pattern, clusterNodes);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function deleteClusterKeys(
  redisUrl: string,
  pattern: string,
  nodes: readonly ({ host: string; port: number } | string)[],
): Promise<void> {
  const url = new URL(redisUrl);
  const cluster = new Cluster(
    nodes.map((node) => (typeof node === 'string' ? node : { host: node.host, port: node.port })),
    {
      redisOptions: {
        maxRetriesPerRequest: 1,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        tls: url.protocol === 'rediss:' ? {} : undefined,
      },
    },
  );
  cluster.on('error', () => undefined);
  try {
    await new Promise<void>((resolve, reject) => {
      cluster.once('ready', resolve);
      cluster.once('end', () => reject(new Error('the Redis Cluster did not answer')));
    });
    for (const master of cluster.nodes('master')) {
      let cursor = '0';
      do {
        const [next, keys] = await master.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length) {
          const pipeline = master.pipeline();
          for (const key of keys) pipeline.unlink(key);
          await pipeline.exec();
        }
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    cluster.disconnect();
  }
}

/** The URL with its password hidden, for logs. */
export function masked(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
