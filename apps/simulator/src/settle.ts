import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { QUEUES } from '@app/messaging';

const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Waits until what was due within the month has happened: every issue routed, every timer due by the month's end
 * fired, every outbox row written until now relayed and the routing and deadline queues idle. Timers due after the
 * month keep firing meanwhile (the service does not stop), so this is quick on purpose.
 */
export async function settle(databaseUrl: string, redisUrl: string, prefix: string, simEnd: Date): Promise<string> {
  const started = new Date();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = [QUEUES.routing, QUEUES.deadlines].map((name) => new Queue(name, { prefix, connection }));
  let last = '';
  try {
    while (Date.now() - started.getTime() < SETTLE_TIMEOUT_MS) {
      const { rows } = await db.query<{ outbox: number; timers: number; unrouted: number }>(
        `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL AND created_at <= $2)::int AS outbox,
                (SELECT count(*) FROM issues WHERE next_timer_at <= $1)::int AS timers,
                (SELECT count(*) FROM issues WHERE status = 'filed')::int AS unrouted`,
        [simEnd, started],
      );
      let busy = 0;
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
      }
      const { outbox, timers, unrouted } = rows[0];
      last =
        `${outbox} outbox rows unpublished, ${timers} issues with a timer due by the month's end, ` +
        `${unrouted} unrouted, ${busy} routing/deadline jobs waiting or active`;
      if (outbox === 0 && timers === 0 && unrouted === 0 && busy === 0) {
        return `settled in ${Date.now() - started.getTime()} ms`;
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    return `not settled after ${SETTLE_TIMEOUT_MS} ms: ${last}`;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
    await db.end();
  }
}
