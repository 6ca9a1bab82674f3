import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server, Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { delay, Exit, freePort, ManagedProcess, spawnNode, SpawnOptions, waitUntil } from '@app/devkit';

// Child processes and network faults for the fault suites. Everything here is private to one test file: the
// shared PostgreSQL and Redis on this machine are never stopped, flushed or reconfigured.

const ROOT = join(__dirname, '..', '..', '..');
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

// Others may rebuild dist/ (rimraf) while a long suite runs: workers start from a snapshot taken at the first
// spawn, inside the project so that node_modules still resolves. Removed when the jest worker exits.
let snapshot: string | undefined;
function workerMain(): string {
  if (!snapshot) {
    if (!existsSync(WORKER_MAIN)) {
      throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first (\`npm run test:faults\` does)`);
    }
    const dir = join(ROOT, '.data', `fault-dist-${process.pid}`);
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    snapshot = join(dir, 'apps', 'worker', 'src', 'main.js');
  }
  return snapshot;
}

// Children of a test file: in the jest worker's process group (a Ctrl-C reaches them too), with a long tail of
// output for the assertions that read it.
const CHILD: SpawnOptions = { detached: false, tailLines: 2000 };

abstract class Child {
  protected process!: ManagedProcess;

  get exited(): Promise<Exit> {
    return this.process.exited;
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.running;
  }

  kill(signal: NodeJS.Signals): void {
    this.process.kill(signal);
  }

  text(): string {
    return this.process.output();
  }
}

// ---------- Redis ----------

/** A redis-server of our own (no persistence), so it can be killed, restarted, flushed or starved of memory. */
export class PrivateRedis extends Child {
  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {
    super();
  }

  static async start(extraArgs: string[] = []): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), extraArgs);
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private async launch(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', tmpdir(), '--daemonize', 'no', ...this.extraArgs);
    this.process = ManagedProcess.spawn('redis-server', 'redis-server', args, CHILD);
    const answers = async () => (await this.command('PING')) === 'PONG';
    await this.process.failIfExits(
      waitUntil('redis-server to answer PING', 10_000, answers, { everyMs: 50, watch: [this.process] }),
    );
  }

  client(options: Record<string, unknown> = {}): Redis {
    const client = new Redis({ host: '127.0.0.1', port: this.port, ...options });
    client.on('error', () => undefined);
    return client;
  }

  /** One command on a short-lived connection. */
  async command(...args: (string | number)[]): Promise<unknown> {
    const client = this.client({ maxRetriesPerRequest: 1 });
    try {
      return await client.call(args[0] as string, ...args.slice(1));
    } finally {
      client.disconnect();
    }
  }

  /** Kills the server (SIGKILL: a crash, nothing saved) and starts an empty one on the same port. */
  async restart(downMs = 0): Promise<void> {
    await this.stop('SIGKILL');
    if (downMs) await delay(downMs);
    await this.launch();
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.kill(signal);
    await this.exited;
  }
}

// ---------- TCP proxy ----------

export type ProxyMode = 'open' | 'refuse' | 'blackhole';

/**
 * A TCP proxy in front of a real server. `refuse` closes every connection and the listener (the server looks
 * down: ECONNREFUSED); `blackhole` keeps sockets open but forwards nothing (a partition: no RST, no answer).
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private mode: ProxyMode = 'open';
  connections = 0;

  private constructor(
    readonly port: number,
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(await freePort(), target.host, target.port);
    await proxy.listen();
    return proxy;
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  private accept(client: Socket): void {
    this.connections += 1;
    client.on('error', () => undefined);
    if (this.mode === 'blackhole') {
      // Accepted and never answered; destroyed when the partition heals.
      this.pairs.add([client, client]);
      client.pause();
      return;
    }
    const upstream = connect(this.targetPort, this.targetHost);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget);
    upstream.on('close', forget);
    client.on('data', (data) => {
      if (this.mode === 'open') upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (this.mode === 'open') client.write(data);
    });
  }

  /** Closes every connection and refuses new ones. */
  async refuse(): Promise<void> {
    this.mode = 'refuse';
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise((resolve) => server.close(resolve)) : Promise.resolve();
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
    await closed;
  }

  /** Stops forwarding in both directions; connections stay open and silent. */
  blackhole(): void {
    this.mode = 'blackhole';
  }

  /** Back to normal: connections silenced by a blackhole are reset, as a healed partition's would time out. */
  async open(): Promise<void> {
    const wasBlackhole = this.mode === 'blackhole';
    this.mode = 'open';
    if (wasBlackhole) {
      for (const [a, b] of this.pairs) {
        a.destroy();
        b.destroy();
      }
      this.pairs.clear();
    }
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.refuse();
  }
}

// ---------- worker ----------

// A preload for the worker child: on SIGUSR2 it blocks the event loop (a busy loop, as a runaway synchronous
// computation would) for the number of milliseconds in BLOCK_EVENT_LOOP_MS.
const BLOCKER = join(tmpdir(), 'dh-fault-block-event-loop.js');
function blockerPreload(): string {
  if (!existsSync(BLOCKER)) {
    writeFileSync(
      BLOCKER,
      `process.on('SIGUSR2', () => {
  const ms = Number(process.env.BLOCK_EVENT_LOOP_MS || 35000);
  process.stderr.write('event loop blocked for ' + ms + ' ms\\n');
  const end = Date.now() + ms;
  while (Date.now() < end) {}
  process.stderr.write('event loop unblocked\\n');
});\n`,
    );
  }
  return BLOCKER;
}

/** The built worker (`dist/apps/worker/src/main.js`) as a child process that a test can kill. */
export class WorkerProcess extends Child {
  private constructor(readonly env: Record<string, string>) {
    super();
  }

  static start(env: Record<string, string>): WorkerProcess {
    const worker = new WorkerProcess(env);
    worker.process = spawnNode('worker', workerMain(), {
      ...CHILD,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      nodeArgs: ['--require', blockerPreload()],
    });
    return worker;
  }

  /** SIGTERM, and how it ended: a clean stop is exit code 0 within the timeout. */
  async terminate(timeoutMs = 15_000): Promise<{ exit: Exit | 'timeout'; ms: number }> {
    const started = Date.now();
    const { exit, forced } = await this.process.stop(timeoutMs);
    return { exit: forced ? 'timeout' : exit, ms: Date.now() - started };
  }

  async crash(): Promise<void> {
    this.kill('SIGKILL');
    await this.exited;
  }

  /** Fails the caller with the worker's output if it died when it should be running. */
  assertRunning(): void {
    if (!this.running) throw new Error(`worker exited unexpectedly:\n${this.text().slice(-4000)}`);
  }
}
