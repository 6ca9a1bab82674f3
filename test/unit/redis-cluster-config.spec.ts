import { ConfigError, loadConfig } from '@app/platform';

const BASE = { DATABASE_URL: 'postgres://localhost/x' };

describe('REDIS_CLUSTER_NODES', () => {
  it('takes host:port pairs, wraps the queue prefix in one hash tag and makes REDIS_URL optional', () => {
    const config = loadConfig({ ...BASE, REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' });
    expect(config.redisClusterNodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
    expect(config.queuePrefix).toBe('{dh}');
    expect(config.redisUrl).toBe('redis://10.0.0.1:7000');
  });

  it('keeps a prefix that already holds a hash tag, and lends REDIS_URL its credentials', () => {
    const config = loadConfig({
      ...BASE,
      REDIS_CLUSTER_NODES: 'a:1',
      QUEUE_PREFIX: 'prod-{dh}',
      REDIS_URL: 'rediss://user:secret@a:1',
    });
    expect(config.queuePrefix).toBe('prod-{dh}');
    expect(config.redisUrl).toBe('rediss://user:secret@a:1');
    expect(loadConfig({ ...BASE, REDIS_CLUSTER_NODES: 'a:1', QUEUE_PREFIX: 'blue' }).queuePrefix).toBe('{blue}');
  });

  it('leaves one server as it was', () => {
    const config = loadConfig({ ...BASE, REDIS_URL: 'redis://localhost:6379' });
    expect(config).toMatchObject({ redisClusterNodes: null, queuePrefix: 'dh' });
  });

  it.each(['a', 'a:', 'a:0', 'a:70000', 'a:1,,b:2', 'a b:1'])('refuses %p, naming the variable', (nodes) => {
    expect(() => loadConfig({ ...BASE, REDIS_CLUSTER_NODES: nodes })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, REDIS_CLUSTER_NODES: nodes })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it('still requires REDIS_URL without a cluster', () => {
    expect(() => loadConfig(BASE)).toThrow('REDIS_URL is required');
  });
});
