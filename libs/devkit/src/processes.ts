import { ChildProcess, spawn, StdioOptions } from 'node:child_process';

// Child processes for the launcher, the simulator, the benches and the fault suites: a server or a node script
// with a tail of its output, stopped with its stop signal and then SIGKILL, never outliving us.

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopResult {
  exit: Exit;
  /** The stop signal was not enough within the timeout: it was killed with SIGKILL. */
  forced: boolean;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** `pipe` keeps a tail of stdout and stderr for error messages; `inherit` shows them on our terminal. */
  stdio?: 'pipe' | 'inherit';
  /**
   * Its own process group (the default), so a Ctrl-C on the terminal reaches only us and we stop the children in
   * order. Under jest, false: a Ctrl-C kills a jest worker without an `exit` event, so the children must get it too.
   */
  detached?: boolean;
  /** The signal that stops it cleanly (PostgreSQL: SIGINT, its fast shutdown). */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
  tailLines?: number;
}

// Last resort if we exit without stopping them: no child outlives us. One listener for all of them.
const live = new Set<ManagedProcess>();
let exitHookInstalled = false;
function killOnExit(child: ManagedProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => live.forEach((each) => each.kill(each.stopSignal)));
  }
  live.add(child);
}

/** A child process of ours, from spawn to exit. */
export class ManagedProcess {
  readonly exited: Promise<Exit>;
  /** Settles with a message (and the tail of the output) if it exits before stop() was called. */
  readonly died: Promise<string>;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private partial = '';
  private stopping = false;
  readonly stopSignal: NodeJS.Signals;
  private readonly stopTimeoutMs: number;
  private readonly tailLines: number;

  private constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: SpawnOptions,
  ) {
    this.stopSignal = options.stopSignal ?? 'SIGTERM';
    this.stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
    this.tailLines = options.tailLines ?? 200;
    const { env, cwd, uid, gid } = options;
    const stdio: StdioOptions = options.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'];
    this.child = spawn(command, args, { env, cwd, uid, gid, stdio, detached: options.detached ?? true });
    this.child.stdout?.on('data', (chunk: Buffer) => this.keep(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.keep(chunk));
    this.exited = new Promise((done) => {
      this.child.once('exit', (code, signal) => done({ code, signal }));
      // A spawn that fails (no such binary) may never emit `exit`.
      this.child.once('error', (error) => {
        this.keep(Buffer.from(`${error.message}\n`));
        if (this.child.pid === undefined) done({ code: null, signal: null });
      });
    });
    this.died = this.exited.then(
      ({ code, signal }) =>
        new Promise<string>((done) => {
          if (this.stopping) return;
          const output = this.output();
          done(`${name} exited unexpectedly (${signal ?? `code ${code}`})${output ? `\n${output}` : ''}`);
        }),
    );
    killOnExit(this);
    void this.exited.then(() => live.delete(this));
  }

  static spawn(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): ManagedProcess {
    return new ManagedProcess(name, command, args, options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last `tailLines` lines it wrote (with `stdio: 'pipe'`). */
  output(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Throws with its output if it has exited: for checks that need it up. */
  assertRunning(): void {
    if (!this.running) throw new Error(`${this.name} exited unexpectedly:\n${this.output()}`);
  }

  /** `work`, unless the process exits first: then an error with its output. */
  failIfExits<T>(work: Promise<T>): Promise<T> {
    return Promise.race([
      work,
      this.exited.then(() => {
        throw new Error(`${this.name} exited while starting:\n${this.output()}`);
      }),
    ]);
  }

  /** The stop signal, then SIGKILL after the timeout; resolves once it has exited. Safe to call more than once. */
  async stop(timeoutMs = this.stopTimeoutMs): Promise<StopResult> {
    this.stopping = true;
    let forced = false;
    if (this.running) {
      this.child.kill(this.stopSignal);
      const timer = setTimeout(() => {
        forced = true;
        this.child.kill('SIGKILL');
      }, timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
    return { exit: await this.exited, forced };
  }

  private keep(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    this.lines.splice(0, Math.max(0, this.lines.length - this.tailLines));
  }
}

/** A node script (`dist/apps/api/src/main.js`) as a child, with the same node binary as ours. */
export function spawnNode(
  name: string,
  script: string,
  options: SpawnOptions & { nodeArgs?: readonly string[]; args?: readonly string[] } = {},
): ManagedProcess {
  const { nodeArgs = [], args = [] } = options;
  return ManagedProcess.spawn(name, process.execPath, [...nodeArgs, script, ...args], options);
}
