import cluster, { Worker } from 'node:cluster';
import { join } from 'node:path';

// `npm start` with API_PROCESSES > 1: this process forks that many API processes that share PORT through
// node:cluster (the primary accepts and hands connections round-robin), so the service keeps one URL. Nothing is
// shared between them but the servers: sessions are tokens, rate limits and login throttling live in Redis, the
// stream is fed by PostgreSQL NOTIFY. A SIGTERM stops them all cleanly; one dying stops the rest, and this process
// exits non-zero so the launcher shuts the service down rather than run on with fewer than asked.

const count = Number(process.env.API_PROCESSES);
if (!Number.isInteger(count) || count < 1) {
  console.error(`API_PROCESSES must be a positive integer, got "${process.env.API_PROCESSES}"`);
  process.exit(1);
}

cluster.setupPrimary({ exec: join(__dirname, '..', '..', 'api', 'src', 'main.js') });
const workers = new Set<Worker>();
let stopping = false;
let failed = false;

function stopAll(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  for (const worker of workers) worker.process.kill(signal);
}

for (let index = 0; index < count; index++) {
  const worker = cluster.fork({ API_PROCESS_INDEX: String(index + 1) });
  workers.add(worker);
  worker.on('exit', (code, signal) => {
    workers.delete(worker);
    if (!stopping) {
      failed = true;
      console.error(`api process ${index + 1} exited (${signal ?? `code ${code}`}); stopping the others`);
      stopAll('SIGTERM');
    } else if (code !== 0) {
      failed = true;
    }
    if (workers.size === 0) process.exit(failed ? 1 : 0);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll('SIGTERM'));
