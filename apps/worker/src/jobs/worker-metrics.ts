import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

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
