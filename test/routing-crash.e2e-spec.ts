import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API, issueBody, seedReference } from './support/factories';
import { TestApp, waitFor } from './support/test-app';

// The real worker, built: this test kills it with SIGKILL, which an in-process worker cannot survive.
const WORKER_MAIN = join(__dirname, '..', 'dist', 'apps', 'worker', 'src', 'main.js');

const ISSUES = 1_000;
const FILING_CONCURRENCY = 16;
// Low, so routing 1,000 issues takes long enough to be killed half-way.
const ROUTING_CONCURRENCY = '2';
const KILL_AFTER_ROUTED = 100;

interface WorkerChild {
  process: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function expectedLead(regionCode: string, category: string): string {
  if (category === 'coal_industry_upgrade') return 'pref-energy';
  return regionCode === '522301' ? 'xingyi-gov' : 'xingren-gov';
}

async function inParallel<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  });
  await Promise.all(lanes);
  return results;
}

describe('routing survives a worker killed mid-way (outbox → BullMQ → routing)', () => {
  let app: TestApp;
  const workers: WorkerChild[] = [];
  // How long each step took, printed at the end even when the test fails.
  const phases: string[] = [];

  function startWorker(): WorkerChild {
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: app.config.databaseUrl,
        REDIS_URL: app.config.redisUrl,
        QUEUE_PREFIX: app.config.queuePrefix,
        LOG_LEVEL: 'warn',
        ROUTING_CONCURRENCY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const worker = { process: child, output, exited };
    workers.push(worker);
    return worker;
  }

  function running(worker: WorkerChild): boolean {
    return worker.process.exitCode === null && worker.process.signalCode === null;
  }

  async function countFiled(): Promise<number> {
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM issues WHERE status = 'filed'`);
    return rows[0].n;
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) {
      throw new Error(`${WORKER_MAIN} is missing: run \`npm run build\` first (\`npm test\` builds before testing)`);
    }
    app = await TestApp.start({ worker: false });
    await seedReference(app);
  });

  afterAll(async () => {
    if (phases.length) console.info(`routing crash test: ${phases.join('; ')}`);
    // Whatever happened in the test, no worker outlives it.
    for (const worker of workers) {
      if (running(worker)) worker.process.kill('SIGKILL');
    }
    await Promise.all(workers.map((worker) => worker.exited));
    await app?.close();
  });

  it('routes every issue exactly once after a SIGKILL and a restart', async () => {
    let phaseStart = Date.now();
    const phase = (what: string) => {
      phases.push(`${what} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`);
      phaseStart = Date.now();
    };
    const supervisor = await app.as('supervisor');
    const filed = await inParallel(ISSUES, FILING_CONCURRENCY, async (index) => {
      const regionCode = index % 2 === 0 ? '522301' : '522302';
      const category = index % 5 === 0 ? 'coal_industry_upgrade' : 'rural_roads';
      const response = await supervisor.post(
        `${API}/issues`,
        issueBody({ title: `Crash test issue ${index}`, regionCode, category }),
      );
      if (response.status !== 201)
        throw new Error(`filing ${index}: ${response.status} ${JSON.stringify(response.body)}`);
      return { id: response.body.id as string, lead: expectedLead(regionCode, category) };
    });
    expect(new Set(filed.map((issue) => issue.id)).size).toBe(ISSUES);
    // No worker yet: everything is still filed, every route job waits in the outbox.
    expect(await countFiled()).toBe(ISSUES);
    phase(`filed ${ISSUES}`);

    const first = startWorker();
    await waitFor(
      async () => {
        if (!running(first)) throw new Error(`the first worker exited early:\n${first.output.join('')}`);
        return ISSUES - (await countFiled()) >= KILL_AFTER_ROUTED;
      },
      60_000,
      `${KILL_AFTER_ROUTED} issues routed by the first worker`,
    );
    first.process.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // The kill really happened mid-way: some issues were routed, some are still filed.
    const filedAfterKill = await countFiled();
    phase(`first worker routed ${ISSUES - filedAfterKill}, killed`);
    expect(ISSUES - filedAfterKill).toBeGreaterThanOrEqual(KILL_AFTER_ROUTED);
    expect(filedAfterKill).toBeGreaterThan(0);

    const second = startWorker();
    // The jobs the killed worker held (at most its concurrency) come back only through BullMQ's stalled-job
    // check, once their 30 s locks have expired; the rest are routed at once.
    let stalledLeft: number | undefined;
    await waitFor(
      async () => {
        if (!running(second)) throw new Error(`the second worker exited early:\n${second.output.join('')}`);
        const left = await countFiled();
        if (stalledLeft === undefined && left <= Number(ROUTING_CONCURRENCY)) {
          stalledLeft = left;
          phase(`second worker routed ${filedAfterKill - left}`);
        }
        return left === 0;
      },
      100_000,
      'every issue routed by the second worker',
    );
    phase(`last ${stalledLeft ?? '?'} (held by the killed worker) routed`);
    await waitFor(
      async () => {
        const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
        return rows[0].n === 0;
      },
      10_000,
      'the outbox drained',
    );

    // None lost: exactly the issues filed, each with exactly one routing event and the expected lead unit.
    const { rows } = await app.db.query<{
      id: string;
      status: string;
      lead_unit: string | null;
      routing_events: number;
      routed_events: number;
    }>(
      `SELECT i.id, i.status, i.lead_unit,
              count(e.id) FILTER (WHERE e.type IN ('issue.routed', 'issue.triaged'))::int AS routing_events,
              count(e.id) FILTER (WHERE e.type = 'issue.routed')::int AS routed_events
         FROM issues i LEFT JOIN issue_events e ON e.issue_id = i.id
        GROUP BY i.id`,
    );
    expect(rows).toHaveLength(ISSUES);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const wrong = filed.filter(({ id, lead }) => {
      const row = byId.get(id);
      return (
        !row || row.status !== 'assigned' || row.lead_unit !== lead || row.routing_events !== 1 || row.routed_events > 1
      );
    });
    expect(wrong.map(({ id }) => ({ expected: id, found: byId.get(id) ?? null }))).toEqual([]);
    expect(Math.max(...rows.map((row) => row.routed_events))).toBeLessThanOrEqual(1);

    const { rows: pending } = await app.db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    expect(pending[0].n).toBe(0);

    // A SIGTERM stops the worker cleanly: active jobs finish, connections close, exit code 0.
    const started = Date.now();
    second.process.kill('SIGTERM');
    const exit = await Promise.race([
      second.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref()),
    ]);
    expect({ exit, output: exit === 'timeout' || exit.code !== 0 ? second.output.join('') : '' }).toEqual({
      exit: { code: 0, signal: null },
      output: '',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    phase('second worker stopped');
  }, 180_000);
});
