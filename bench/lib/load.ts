import { performance } from 'node:perf_hooks';
import { PoolClient } from 'pg';

// Driving load: lanes of requests, and the PostgreSQL baseline every throughput is compared with.

/** Runs task(0 … count − 1) in `concurrency` lanes, each starting the next index as soon as its last is done. */
export async function inLanes<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/**
 * The PostgreSQL baseline: `count` transactions of BEGIN; INSERT one row into bench_baseline; COMMIT, one lane per
 * connection (as the service's pool gives each transaction its own); the latency of each, in ms.
 */
export async function insertTransactions(clients: PoolClient[], count: number, payload: unknown): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < count) {
        next++;
        const start = performance.now();
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_baseline (payload) VALUES ($1)', [payload]);
        await client.query('COMMIT');
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}
