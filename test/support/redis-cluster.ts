import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import { isPortFree } from '@app/devkit';
import { waitFor } from './test-app';

const run = promisify(execFile);

/** CRC16/XMODEM, as Redis Cluster hashes keys (the `{hash tag}` when there is one) into 16384 slots. */
export function keySlot(key: string): number {
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) key = key.slice(open + 1, close);
  }
  let crc = 0;
  for (const byte of Buffer.from(key)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

export interface ClusterNodeInfo {
  port: number;
  role: 'master' | 'replica';
  /** For a master: the slot ranges it serves. */
  slots: [number, number][];
  failed: boolean;
}

/**
 * A real Redis Cluster on loopback ports, private to one test file: six redis-servers (three masters, a replica
 * each), no persistence, data under a temporary directory. `kill` crashes a node as a machine would die.
 */
export class RedisCluster {
  private stopped = false;

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  /** `host:port,…`, as REDIS_CLUSTER_NODES takes it. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  static async start(options: { masters?: number; nodeTimeoutMs?: number } = {}): Promise<RedisCluster> {
    const count = (options.masters ?? 3) * 2;
    const ports = await freeClusterPorts(count);
    const dir = mkdtempSync(join(tmpdir(), 'dh-redis-cluster-'));
    const cluster = new RedisCluster(ports, dir);
    // Daemons outlive a crashed test process; kill them on any exit of this one.
    process.once('exit', () => cluster.killAllSync());
    for (const port of ports) {
      await run('redis-server', [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', String(options.nodeTimeoutMs ?? 3000),
        '--dir', dir,
        '--pidfile', join(dir, `redis-${port}.pid`),
        '--logfile', join(dir, `redis-${port}.log`),
        '--save', '',
        '--appendonly', 'no',
        '--daemonize', 'yes',
      ]); // prettier-ignore
    }
    await waitFor(
      async () =>
        (await Promise.all(ports.map((port) => cli(port, 'PING').catch(() => '')))).every((a) => a === 'PONG'),
      10_000,
      'every cluster node to answer PING',
    );
    await run('redis-cli', [
      '--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas', '1', '--cluster-yes',
    ]); // prettier-ignore
    await cluster.waitHealthy();
    return cluster;
  }

  /** Every live node reports cluster_state:ok and every slot is served. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        const live = this.ports.filter((port) => this.alive(port));
        const infos = await Promise.all(live.map((port) => cli(port, 'CLUSTER', 'INFO').catch(() => '')));
        return infos.every((info) => /cluster_state:ok/.test(info) && /cluster_slots_ok:16384/.test(info));
      },
      timeoutMs,
      'cluster_state:ok on every node',
    );
  }

  /** The topology as a live node sees it. */
  async topology(): Promise<ClusterNodeInfo[]> {
    const from = this.ports.find((port) => this.alive(port)) as number;
    const text = await cli(from, 'CLUSTER', 'NODES');
    return text
      .trim()
      .split('\n')
      .map((line) => {
        const [, address, flags, , , , , , ...slots] = line.split(' ');
        return {
          port: Number(address.split('@')[0].split(':')[1]),
          role: flags.includes('master') ? ('master' as const) : ('replica' as const),
          failed: flags.includes('fail'),
          slots: slots
            .filter((slot) => !slot.startsWith('['))
            .map((slot) => slot.split('-').map(Number))
            .map(([from, to]) => [from, to ?? from] as [number, number]),
        };
      });
  }

  /** The port of the live master serving the slot of `key` (a queue prefix such as `{dh}` names its slot). */
  async masterFor(key: string): Promise<number> {
    const slot = keySlot(key);
    const master = (await this.topology()).find(
      (node) => node.role === 'master' && !node.failed && node.slots.some(([from, to]) => slot >= from && slot <= to),
    );
    if (!master) throw new Error(`no live master serves slot ${slot}`);
    return master.port;
  }

  /** SIGKILL: the node dies with whatever it had not yet replicated. */
  kill(port: number): void {
    const pid = this.pid(port);
    if (pid) process.kill(pid, 'SIGKILL');
  }

  /** A client of the cluster, for checks from the test. */
  client(): Cluster {
    const client = new Cluster(
      this.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { maxRetriesPerRequest: 3 }, retryDelayOnFailover: 300, retryDelayOnClusterDown: 300 },
    );
    client.on('error', () => undefined);
    return client;
  }

  async stop(): Promise<void> {
    this.killAllSync();
  }

  private alive(port: number): boolean {
    const pid = this.pid(port);
    if (!pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  private pid(port: number): number | null {
    try {
      return Number(readFileSync(join(this.dir, `redis-${port}.pid`), 'utf8').trim()) || null;
    } catch {
      return null;
    }
  }

  private killAllSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const port of this.ports) {
      const pid = this.pid(port);
      if (!pid) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...args], { timeout: 5000 });
  return stdout.trim();
}

/** Ports whose cluster bus port (port + 10000) is free too. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (ports.includes(port)) continue;
    if ((await isPortFree(port, '127.0.0.1')) && (await isPortFree(port + 10_000, '127.0.0.1'))) ports.push(port);
  }
  return ports;
}
