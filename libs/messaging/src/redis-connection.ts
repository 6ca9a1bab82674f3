import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { AppConfig } from '@app/platform';

/** A connection to the service's Redis: one server, or a Redis Cluster when REDIS_CLUSTER_NODES is set. */
export type RedisTarget = Redis | Cluster;

/** Connection options for BullMQ from a redis:// URL. Workers need maxRetriesPerRequest null to block on Redis. */
export function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname && url.pathname !== '/' ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
  };
}

export interface RedisClientOptions {
  keyPrefix?: string;
  /** Give up on a command after this long (default: wait). */
  commandTimeout?: number;
  /** Retries of a command on a lost connection; null (the default) retries until it is back, as BullMQ needs. */
  maxRetriesPerRequest?: number | null;
  /** Connect on the first command rather than at once. */
  lazyConnect?: boolean;
}

/**
 * Every Redis client of the service is made here: an ioredis `Cluster` when REDIS_CLUSTER_NODES is set, else a
 * client of REDIS_URL. On a cluster the nodes share REDIS_URL's user, password and TLS; a cluster has no `db`.
 */
export function createRedisClient(config: AppConfig, options: RedisClientOptions = {}): RedisTarget {
  const { host, port, db, ...shared } = redisConnectionOptions(config.redisUrl);
  const perCommand = {
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? null : options.maxRetriesPerRequest,
    commandTimeout: options.commandTimeout,
  };
  if (!config.redisClusterNodes) {
    return new Redis({
      host,
      port,
      db,
      ...shared,
      ...perCommand,
      keyPrefix: options.keyPrefix,
      lazyConnect: options.lazyConnect,
    });
  }
  const { enableOfflineQueue, ...nodeOptions } = shared;
  return new Cluster(config.redisClusterNodes, {
    keyPrefix: options.keyPrefix,
    lazyConnect: options.lazyConnect,
    enableOfflineQueue,
    // During a failover the slot's master is gone until a replica takes over (cluster-node-timeout, seconds):
    // commands wait and retry meanwhile instead of failing after a few hundred milliseconds.
    retryDelayOnFailover: 300,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 300,
    maxRedirections: 64,
    // No clusterNodeRetryStrategy: a node that dies must leave the pool, so the commands for its slots go to the
    // replica that takes over (slots refresh, MOVED) instead of queueing for a node that may never come back.
    redisOptions: { ...nodeOptions, ...perCommand },
  });
}

/**
 * What a BullMQ queue (and the workers bound to it) connect with. On one server: options, from which BullMQ makes
 * and owns its clients. On a cluster BullMQ takes only a client, so each queue gets a `Cluster` of its own (no
 * `keyPrefix`: BullMQ refuses one; the queue prefix carries the hash tag instead), closed when the queue shuts down.
 */
export function queueConnection(config: AppConfig): RedisOptions | Cluster {
  if (!config.redisClusterNodes) return redisConnectionOptions(config.redisUrl);
  const client = createRedisClient(config) as Cluster;
  // BullMQ listens for errors while the queue is open and stops at close; a slots refresh failing after that (the
  // cluster going away at shutdown) must not print as unhandled.
  client.on('error', () => undefined);
  return client;
}

/** Closes a client that may never have connected, without waiting on a server that is away. */
export async function closeRedisClient(client: RedisTarget): Promise<void> {
  await client.quit().catch(() => client.disconnect());
}
