import { randomBytes } from 'node:crypto';
import { IANAZone } from 'luxon';

export class ConfigError extends Error {}

/** Validated configuration, read once at boot. A bad value stops the process with a message naming the variable. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  /**
   * A streaming standby for the reads of lists, inbox, boards, assessment and bulletins; null: all on the primary.
   * With one, every commit waits until the standby has applied it (`synchronous_commit = remote_apply`), so a read
   * after a write (one's own, or one the stream announced) sees it.
   */
  databaseReadUrl: string | null;
  /** The Redis server; with a cluster, the credentials and TLS (`rediss:`) its nodes share. */
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: the seed nodes of a Redis (or Valkey) Cluster, or null for the one server of REDIS_URL. */
  redisClusterNodes: RedisNode[] | null;
  /** BullMQ key prefix; tests give each file its own. On a cluster it is one `{hash tag}`, e.g. `{dh}`. */
  queuePrefix: string;
  adminUsername: string | null;
  adminPassword: string | null;
  timeZone: string;
  webhookAllowPrivateTargets: boolean;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  rateLimitPerSecond: number;
  loginFailuresPerWindow: number;
  loginFailureWindowSeconds: number;
  outboxPollIntervalMs: number;
  outboxBatchSize: number;
  outboxRelayConcurrency: number;
  routingConcurrency: number;
  databasePoolSize: number;
  reconcileIntervalMs: number;
  routingGraceMs: number;
  deadlineConcurrency: number;
  workerHealthPort: number | null;
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
  webhookRetryMaxMs: number;
  webhookTimeoutMs: number;
  evaluationWeight: number;
  assessmentMinIssues: number;
  logLevel: string;
  /** On a demo database: the demo users' password, which the login page then offers with their names. */
  demoPassword: string | null;
  /** How often the live stream sends a comment line, so proxies keep it open. */
  streamHeartbeatMs: number;
  /** Notification channels: each is off while its URL is unset. */
  channels: ChannelsConfig;
}

export interface ChannelsConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; null: no e-mail. */
  smtpUrl: string | null;
  /** The From of every mail, e.g. `问题直办 <noreply@example.gov.cn>`. */
  mailFrom: string | null;
  /** The SMS gateway's endpoint; null: no SMS. */
  smsGatewayUrl: string | null;
  smsGatewaySecret: string | null;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
}

export interface RedisNode {
  host: string;
  port: number;
}

type Env = Record<string, string | undefined>;

/**
 * Secrets printed in this repository — examples, test values, old defaults. Anyone can read them, so a production
 * process refuses them (test/unit/production-secrets.spec.ts keeps this list complete).
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  'change-me-to-a-long-random-secret',
  'admin-password-change-me',
  'test-secret-test-secret',
  'admin-password',
  'demo-password',
];

export interface LoadOptions {
  /** This process signs tokens (the API): in production it must be given a real JWT_SECRET. */
  signsTokens?: boolean;
}

/** In production, secrets must be real: long enough, and not one anybody can read in this repository. */
function checkProductionSecrets(env: Env, options: LoadOptions): void {
  if (env.NODE_ENV !== 'production') return;
  const jwtSecret = env.JWT_SECRET ?? '';
  if (options.signsTokens && !jwtSecret) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters when NODE_ENV=production');
  }
  for (const name of ['JWT_SECRET', 'ADMIN_PASSWORD']) {
    if (env[name] && PUBLISHED_SECRETS.includes(env[name] as string)) {
      throw new ConfigError(
        `${name} is a value published in this repository; set a secret of your own (e.g. \`openssl rand -hex 32\`)`,
      );
    }
  }
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function decimal(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string {
  const raw = env[name];
  if (!raw) throw new ConfigError(`${name} is required`);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** `host:port,host:port,…`; a bracketed IPv6 address (`[::1]:7000`) is allowed. */
function redisNodes(env: Env, name: string): RedisNode[] | null {
  const raw = (env[name] ?? '').trim();
  if (!raw) return null;
  return raw.split(',').map((entry) => {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/.exec(entry.trim());
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError(`${name} must be a comma-separated list of host:port, got "${entry.trim()}"`);
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

/**
 * BullMQ's keys must all hash to one slot of a cluster (its scripts touch several keys at once): the prefix becomes
 * a hash tag unless it already holds one.
 */
function queuePrefix(env: Env, cluster: boolean): string {
  const prefix = env.QUEUE_PREFIX || 'dh';
  if (!cluster || /\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}

function boolean(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

export function loadConfig(env: Env = process.env, options: LoadOptions = {}): AppConfig {
  checkProductionSecrets(env, options);
  const timeZone = env.TIME_ZONE || 'Asia/Shanghai';
  if (!IANAZone.isValidZone(timeZone)) {
    throw new ConfigError(`TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${timeZone}"`);
  }
  const jwtSecret = env.JWT_SECRET || '';
  if (env.JWT_SECRET !== undefined && jwtSecret.length < 16) {
    throw new ConfigError('JWT_SECRET must be at least 16 characters');
  }
  const redisClusterNodes = redisNodes(env, 'REDIS_CLUSTER_NODES');
  // With a cluster, REDIS_URL is optional: it then only lends its user, password and TLS to every node.
  const redisUrl =
    redisClusterNodes && !env.REDIS_URL
      ? `redis://${redisClusterNodes[0].host.includes(':') ? `[${redisClusterNodes[0].host}]` : redisClusterNodes[0].host}:${redisClusterNodes[0].port}`
      : url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: env.DATABASE_READ_URL ? url(env, 'DATABASE_READ_URL', ['postgres:', 'postgresql:']) : null,
    redisUrl,
    redisClusterNodes,
    queuePrefix: queuePrefix(env, redisClusterNodes !== null),
    adminUsername: env.ADMIN_USERNAME || null,
    adminPassword: env.ADMIN_PASSWORD || null,
    timeZone,
    webhookAllowPrivateTargets: boolean(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS'),
    // Without a configured secret every start signs with a fresh one: tokens then die with the process.
    jwtSecret: jwtSecret || randomBytes(32).toString('hex'),
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    rateLimitPerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 300, 50, 1_000_000),
    loginFailuresPerWindow: integer(env, 'LOGIN_FAILURES_PER_WINDOW', 10, 1, 1_000_000),
    loginFailureWindowSeconds: integer(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 300, 1, 86_400),
    outboxPollIntervalMs: integer(env, 'OUTBOX_POLL_INTERVAL_MS', 1000, 10, 60_000),
    outboxBatchSize: integer(env, 'OUTBOX_BATCH_SIZE', 1000, 1, 10_000),
    outboxRelayConcurrency: integer(env, 'OUTBOX_RELAY_CONCURRENCY', 2, 1, 16),
    routingConcurrency: integer(env, 'ROUTING_CONCURRENCY', 16, 1, 1000),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 2, 500),
    reconcileIntervalMs: integer(env, 'RECONCILE_INTERVAL_MS', 30_000, 100, 3_600_000),
    routingGraceMs: integer(env, 'ROUTING_GRACE_MS', 10_000, 0, 3_600_000),
    deadlineConcurrency: integer(env, 'DEADLINE_CONCURRENCY', 16, 1, 1000),
    workerHealthPort: env.WORKER_HEALTH_PORT ? integer(env, 'WORKER_HEALTH_PORT', 0, 0, 65535) : null,
    // 40 attempts with the delay doubling from 1 s up to an hour: retried for more than 24 hours.
    webhookMaxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 40, 1, 1000),
    webhookRetryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 1000, 10, 3_600_000),
    webhookRetryMaxMs: integer(env, 'WEBHOOK_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    evaluationWeight: decimal(env, 'ASSESSMENT_EVALUATION_WEIGHT', 0.1, 0, 10),
    assessmentMinIssues: integer(env, 'ASSESSMENT_MIN_ISSUES', 5, 0, 1_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    demoPassword: env.DEMO_PASSWORD || null,
    streamHeartbeatMs: integer(env, 'STREAM_HEARTBEAT_MS', 15_000, 100, 300_000),
    channels: channelsConfig(env),
  };
}

function channelsConfig(env: Env): ChannelsConfig {
  const smtpUrl = env.SMTP_URL ? url(env, 'SMTP_URL', ['smtp:', 'smtps:']) : null;
  // MAIL_FROM is the contract's name; SMTP_FROM is accepted as well.
  const mailFrom = env.MAIL_FROM || env.SMTP_FROM || null;
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM is required when SMTP_URL is set');
  if (mailFrom && !/@[^@\s>]+>?\s*$/.test(mailFrom)) {
    throw new ConfigError(
      `MAIL_FROM must be an address such as "问题直办 <noreply@example.gov.cn>", got "${mailFrom}"`,
    );
  }
  const smsGatewayUrl = env.SMS_GATEWAY_URL ? url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']) : null;
  const smsGatewaySecret = env.SMS_GATEWAY_SECRET || null;
  if (smsGatewayUrl && (!smsGatewaySecret || smsGatewaySecret.length < 16)) {
    throw new ConfigError('SMS_GATEWAY_SECRET of at least 16 characters is required when SMS_GATEWAY_URL is set');
  }
  return {
    smtpUrl,
    mailFrom,
    smsGatewayUrl,
    smsGatewaySecret,
    // 20 attempts with the delay doubling from 2 s up to 15 minutes: about three hours of retries.
    maxAttempts: integer(env, 'CHANNEL_MAX_ATTEMPTS', 20, 1, 1000),
    retryBaseMs: integer(env, 'CHANNEL_RETRY_BASE_MS', 2000, 10, 3_600_000),
    retryMaxMs: integer(env, 'CHANNEL_RETRY_MAX_MS', 900_000, 10, 86_400_000),
    timeoutMs: integer(env, 'CHANNEL_TIMEOUT_MS', 10_000, 100, 120_000),
  };
}

/** For main.ts: a bad configuration ends the process with one line naming the variable, not a stack trace. */
export function loadConfigOrExit(env: Env = process.env, options: LoadOptions = {}): AppConfig {
  try {
    return loadConfig(env, options);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
