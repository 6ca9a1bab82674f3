export { MessagingModule } from './messaging.module';
export { OutboxWriter, OutboxJob } from './outbox.writer';
export { OutboxRelay } from './outbox.relay';
export {
  ALL_QUEUES,
  JOBS,
  JOB_QUEUE,
  JobName,
  JobPayloads,
  payloadProblem,
  QUEUES,
  QueueName,
  timerJobId,
} from './queues';
export { DEFAULT_JOB_OPTIONS } from './queue-options';
export {
  closeRedisClient,
  createRedisClient,
  queueConnection,
  RedisClientOptions,
  redisConnectionOptions,
  RedisTarget,
} from './redis-connection';
export { JobContext, JobHandler, JobHandlerMarker, OnJob } from './job-handler';
