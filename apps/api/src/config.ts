// The API's configuration, read from environment variables and validated once at start.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

const Environment = Type.Object({
  NODE_ENV: Type.Optional(Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')])),
  HOST: Type.Optional(Type.String()),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  REDIS_PREFIX: Type.Optional(Type.String({ maxLength: 100 })),
  TOKEN_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  REFRESH_TOKEN_TTL_DAYS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  DEVICE_CODE_TTL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  DEVICE_POLL_INTERVAL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  STAFF_SESSION_TTL_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  CORS_ORIGINS: Type.Optional(Type.String()),
  LOG_LEVEL: Type.Optional(Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  TV_DIST: Type.Optional(Type.String()),
  CONSOLE_DIST: Type.Optional(Type.String()),
  PHONE_DIST: Type.Optional(Type.String()),
  RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  HANDOFF_CODE_TTL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  HANDOFF_SESSION_TTL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  TRUST_PROXY: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  LIVEKIT_URL: Type.Optional(Type.String({ pattern: '^(wss?|https?)://' })),
  LIVEKIT_API_KEY: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  LIVEKIT_API_SECRET: Type.Optional(Type.String({ minLength: 32, maxLength: 500 })),
  CALL_RING_TIMEOUT_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  CALL_SWEEP_INTERVAL_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  STORAGE_DIR: Type.Optional(Type.String()),
  // an S3-compatible store instead of the folder
  STORAGE_S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  STORAGE_S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/]+/?$' })),
  STORAGE_S3_REGION: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
  STORAGE_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  STORAGE_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  STORAGE_S3_FORCE_PATH_STYLE: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  FEED_FORBIDDEN_WORDS: Type.Optional(Type.String({ maxLength: 100_000 })),
  // town-hall e-services' webhooks
  ESERVICE_WEBHOOKS: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  ESERVICE_WEBHOOK_POLL_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  ESERVICE_WEBHOOK_MAX_ATTEMPTS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  ESERVICE_WEBHOOK_BACKOFF_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  ESERVICE_WEBHOOK_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  // appointments
  APPOINTMENT_REMINDERS: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  APPOINTMENT_REMINDER_POLL_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  APPOINTMENT_REMINDER_HOURS_BEFORE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  APPOINTMENT_REMINDER_LEASE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  // the reminder on the day of a neighbours' event
  EVENT_REMINDERS: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
  EVENT_REMINDER_POLL_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  EVENT_REMINDER_TIME: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
  EVENT_REMINDER_LEASE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  // moderation
  MODERATION_HIDE_THRESHOLD: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  ESERVICE_WEBHOOK_ALLOW_PRIVATE: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
});

/** The day-before appointment reminder's scheduler, run by every API instance unless disabled. */
export interface AppointmentReminderConfig {
  enabled: boolean;
  pollMs: number;
  hoursBefore: number;
  leaseSeconds: number;
}

/** The reminder each neighbour signed up to an event gets on its day, run by every API instance unless disabled. */
export interface EventReminderConfig {
  enabled: boolean;
  pollMs: number;
  /** Paris wall-clock minute of the day at which it is sent (08:00 = 480); an event starting earlier, an hour before. */
  minuteOfDay: number;
  leaseSeconds: number;
}

/** A LiveKit deployment: the URL clients connect to (ws/wss) and the key pair that signs tokens and webhooks. */
export interface LivekitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * An S3-compatible bucket for uploaded files. Without a key pair the SDK's usual sources of credentials apply
 * (AWS_* variables, a profile, an instance or pod role).
 */
export interface S3StorageConfig {
  bucket: string;
  /** Null for AWS itself; any S3-compatible store otherwise (`https://s3.example.net`). */
  endpoint: string | null;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: what most stores other than AWS expect. */
  forcePathStyle: boolean;
}

export interface Config {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string | null;
  redisPrefix: string;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  deviceCodeTtlSeconds: number;
  devicePollIntervalSeconds: number;
  staffSessionTtlHours: number;
  corsOrigins: string[];
  logLevel: string;
  tvDist: string | null;
  consoleDist: string | null;
  phoneDist: string | null;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  handoffCodeTtlSeconds: number;
  handoffSessionTtlSeconds: number;
  /** Null when LIVEKIT_URL is unset: calls keep their state machine but no media token can be issued. */
  livekit: LivekitConfig | null;
  callRingTimeoutSeconds: number;
  /** How often each instance looks for ringing calls past their deadline. */
  callSweepIntervalMs: number;
  /** Folder where uploaded files (report photos, notice pictures) are kept, unless an S3 bucket is configured. */
  storageDir: string;
  /** Set when STORAGE_S3_BUCKET is: files then go to that bucket and the folder is not used. */
  storageS3: S3StorageConfig | null;
  /** Words (or phrases) a neighbour's post or reply may not contain; case and accents ignored. */
  feedForbiddenWords: string[];
  /** E-service webhooks: whether this instance sends them, how often it looks, how hard it tries. */
  eserviceWebhooks: {
    enabled: boolean;
    pollIntervalMs: number;
    batchSize: number;
    maxAttempts: number;
    backoffBaseMs: number;
    maxBackoffMs: number;
    timeoutMs: number;
    /** Webhook URLs may be http:// and reach private, loopback and link-local addresses (tests, local demo only). */
    allowPrivateTargets: boolean;
  };
  // appointments
  appointmentReminders: AppointmentReminderConfig;
  eventReminders: EventReminderConfig;
  /** Distinct neighbours whose reports hide a post or a reply from everyone until a moderator reviews it. */
  moderationHideThreshold: number;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(Environment.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const problems = [...Value.Errors(Environment, picked)].map(
    (error) =>
      `${error.instancePath.replace(/^\//, '') || (error.params as { requiredProperties?: string[] }).requiredProperties?.join(', ') || 'environment'}: ${error.message}`,
  );
  const environment = (picked.NODE_ENV ?? 'development') as Config['environment'];
  if (environment === 'production' && !picked.TOKEN_SECRET)
    problems.push('TOKEN_SECRET: must be set in production (32 characters or more)');
  if (environment === 'production' && !picked.PUBLIC_URL) problems.push('PUBLIC_URL: must be set in production');
  const livekitVariables = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;
  const livekitSet = livekitVariables.filter((key) => picked[key] !== undefined);
  if (livekitSet.length > 0 && livekitSet.length < livekitVariables.length) {
    for (const key of livekitVariables.filter((name) => picked[name] === undefined))
      problems.push(`${key}: must be set with ${livekitSet.join(' and ')}`);
  }
  if (environment === 'production' && livekitSet.length === 0)
    problems.push('LIVEKIT_URL: must be set in production, with LIVEKIT_API_KEY and LIVEKIT_API_SECRET');
  if (picked.CALL_RING_TIMEOUT_SECONDS !== undefined && Number(picked.CALL_RING_TIMEOUT_SECONDS) < 1)
    problems.push('CALL_RING_TIMEOUT_SECONDS: must be 1 or more');
  for (const key of ['ESERVICE_WEBHOOK_POLL_MS', 'ESERVICE_WEBHOOK_MAX_ATTEMPTS', 'ESERVICE_WEBHOOK_TIMEOUT_MS'] as const)
    if (picked[key] !== undefined && Number(picked[key]) < 1) problems.push(`${key}: must be 1 or more`);
  const s3KeyPair = ['STORAGE_S3_ACCESS_KEY_ID', 'STORAGE_S3_SECRET_ACCESS_KEY'] as const;
  for (const [key, other] of [s3KeyPair, [...s3KeyPair].reverse()])
    if (picked[key] !== undefined && picked[other] === undefined) problems.push(`${other}: must be set with ${key}`);
  if (picked.STORAGE_S3_BUCKET === undefined)
    for (const key of Object.keys(Environment.properties).filter((name) => name.startsWith('STORAGE_S3_')))
      if (picked[key] !== undefined) problems.push(`${key}: means nothing without STORAGE_S3_BUCKET`);
  if (picked.MODERATION_HIDE_THRESHOLD !== undefined && Number(picked.MODERATION_HIDE_THRESHOLD) < 1)
    problems.push('MODERATION_HIDE_THRESHOLD: must be 1 or more');
  if (problems.length > 0) throw new ConfigError(problems);
  const env_ = picked as unknown as Static<typeof Environment>;
  const port = Number(env_.PORT ?? 3000);
  return {
    environment,
    host: env_.HOST ?? '0.0.0.0',
    port,
    publicUrl: (env_.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: env_.DATABASE_URL,
    redisUrl: env_.REDIS_URL ?? null,
    redisPrefix: env_.REDIS_PREFIX ?? 'palier:',
    // Outside production a random secret is fine: tokens just do not survive a restart.
    tokenSecret: env_.TOKEN_SECRET ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: Number(env_.ACCESS_TOKEN_TTL_SECONDS ?? 900),
    refreshTokenTtlDays: Number(env_.REFRESH_TOKEN_TTL_DAYS ?? 180),
    deviceCodeTtlSeconds: Number(env_.DEVICE_CODE_TTL_SECONDS ?? 900),
    devicePollIntervalSeconds: Number(env_.DEVICE_POLL_INTERVAL_SECONDS ?? 5),
    staffSessionTtlHours: Number(env_.STAFF_SESSION_TTL_HOURS ?? 12),
    corsOrigins: (env_.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: env_.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    tvDist: env_.TV_DIST ?? null,
    consoleDist: env_.CONSOLE_DIST ?? null,
    phoneDist: env_.PHONE_DIST ?? null,
    rateLimitPerMinute: Number(env_.RATE_LIMIT_PER_MINUTE ?? 600),
    trustProxy: env_.TRUST_PROXY === 'true',
    handoffCodeTtlSeconds: Number(env_.HANDOFF_CODE_TTL_SECONDS ?? 300),
    handoffSessionTtlSeconds: Number(env_.HANDOFF_SESSION_TTL_SECONDS ?? 3600),
    livekit: env_.LIVEKIT_URL
      ? { url: env_.LIVEKIT_URL.replace(/\/$/, ''), apiKey: env_.LIVEKIT_API_KEY!, apiSecret: env_.LIVEKIT_API_SECRET! }
      : null,
    callRingTimeoutSeconds: Number(env_.CALL_RING_TIMEOUT_SECONDS ?? 45),
    callSweepIntervalMs: Number(env_.CALL_SWEEP_INTERVAL_MS ?? 2_000),
    storageDir: env_.STORAGE_DIR ?? path.join('.data', 'storage'),
    storageS3: env_.STORAGE_S3_BUCKET
      ? {
          bucket: env_.STORAGE_S3_BUCKET,
          endpoint: env_.STORAGE_S3_ENDPOINT?.replace(/\/$/, '') ?? null,
          region: env_.STORAGE_S3_REGION ?? 'us-east-1',
          credentials: env_.STORAGE_S3_ACCESS_KEY_ID
            ? { accessKeyId: env_.STORAGE_S3_ACCESS_KEY_ID, secretAccessKey: env_.STORAGE_S3_SECRET_ACCESS_KEY! }
            : null,
          // Stores other than AWS mostly serve buckets by path; AWS itself prefers virtual-hosted names.
          forcePathStyle: (env_.STORAGE_S3_FORCE_PATH_STYLE ?? (env_.STORAGE_S3_ENDPOINT ? 'true' : 'false')) === 'true',
        }
      : null,
    feedForbiddenWords: (env_.FEED_FORBIDDEN_WORDS ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word.length > 0),
    eserviceWebhooks: {
      enabled: env_.ESERVICE_WEBHOOKS !== 'off',
      pollIntervalMs: Number(env_.ESERVICE_WEBHOOK_POLL_MS ?? 1_000),
      batchSize: 10,
      maxAttempts: Number(env_.ESERVICE_WEBHOOK_MAX_ATTEMPTS ?? 10),
      // 30 s, 1 min, 2 min… up to 6 h: ten attempts cover about a day of the town hall's system being down.
      backoffBaseMs: Number(env_.ESERVICE_WEBHOOK_BACKOFF_MS ?? 30_000),
      maxBackoffMs: 6 * 3_600_000,
      timeoutMs: Number(env_.ESERVICE_WEBHOOK_TIMEOUT_MS ?? 10_000),
      // Off in production unless said otherwise: a clerk's URL must not reach the servers' own network (SSRF).
      allowPrivateTargets: (env_.ESERVICE_WEBHOOK_ALLOW_PRIVATE ?? (environment === 'production' ? 'off' : 'on')) === 'on',
    },
    appointmentReminders: {
      enabled: env_.APPOINTMENT_REMINDERS !== 'off',
      pollMs: Math.max(100, Number(env_.APPOINTMENT_REMINDER_POLL_MS ?? 60_000)),
      hoursBefore: Number(env_.APPOINTMENT_REMINDER_HOURS_BEFORE ?? 24),
      leaseSeconds: Number(env_.APPOINTMENT_REMINDER_LEASE_SECONDS ?? 300),
    },
    eventReminders: {
      enabled: env_.EVENT_REMINDERS !== 'off',
      pollMs: Math.max(100, Number(env_.EVENT_REMINDER_POLL_MS ?? 60_000)),
      minuteOfDay: minuteOfDay(env_.EVENT_REMINDER_TIME ?? '08:00'),
      leaseSeconds: Number(env_.EVENT_REMINDER_LEASE_SECONDS ?? 300),
    },
    moderationHideThreshold: Number(env_.MODERATION_HIDE_THRESHOLD ?? 3),
  };
}
