import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The worker's metrics, served on its health port: the process, and every job's duration and outcome. */
export const workerMetrics = new Registry();
collectDefaultMetrics({ register: workerMetrics });

export const jobDuration = new Histogram({
  name: 'worker_job_duration_seconds',
  help: 'Job processing time by queue, job name and outcome',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [workerMetrics],
});

/** The queues whose depth /metrics reports: those of every worker started in this process. */
const measuredQueues = new Set<Queue>();

export function measureQueueDepth(queues: Queue[]): () => void {
  for (const queue of queues) measuredQueues.add(queue);
  return () => queues.forEach((queue) => measuredQueues.delete(queue));
}

/** Jobs waiting, delayed, active and failed per queue: what an autoscaler scales the workers on (docs/DEPLOYMENT.md). */
export const queueJobs = new Gauge({
  name: 'worker_queue_jobs',
  help: 'Jobs in each queue by state, read from Redis when scraped',
  labelNames: ['queue', 'state'] as const,
  registers: [workerMetrics],
  async collect() {
    this.reset();
    await Promise.all(
      [...measuredQueues].map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed');
        for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
      }),
    );
  },
});
