// Finds the PostgreSQL and Redis that Palier runs against: the environment's, the machine's, or an embedded one.
import { createClient } from 'redis';
import { databaseAnswers, redactUrl, withDatabase } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { say } from './repo';

export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
/** The app's database on the embedded server; with DATABASE_URL, the database that URL names. */
export const APP_DATABASE = 'palier';

/**
 * `app`: `npm start` and the tools; without DATABASE_URL it runs the embedded PostgreSQL, as the README promises,
 * and without REDIS_URL it runs without Redis.
 * `test`: `npm test` and the benchmark; without the variables they use the machine's PostgreSQL and Redis on their
 * standard ports when these answer, then fall back like `app`.
 */
export type ServiceUse = 'app' | 'test';

export interface Services {
  postgres: {
    /** The server's URL as configured (its database may be the app's) */
    url: string;
    /** The same server, database `postgres`: for creating and dropping databases */
    adminUrl: string;
    source: 'DATABASE_URL' | 'local server' | 'embedded';
  };
  redis: { url: string; source: 'REDIS_URL' | 'local server' } | null;
  /** Stops what this process started (the embedded PostgreSQL); leaves everything else running. */
  stop(): Promise<void>;
}

/** True when a Redis answers PING at this URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

export async function resolveServices(use: ServiceUse): Promise<Services> {
  let stop = async () => {};
  let postgres: Services['postgres'];
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    postgres = { url: databaseUrl, adminUrl: withDatabase(databaseUrl, 'postgres'), source: 'DATABASE_URL' };
  } else if (use === 'test' && (await databaseAnswers(LOCAL_POSTGRES_URL, 500))) {
    postgres = { url: LOCAL_POSTGRES_URL, adminUrl: LOCAL_POSTGRES_URL, source: 'local server' };
  } else {
    const embedded = await startEmbeddedPostgres();
    postgres = { url: embedded.url, adminUrl: embedded.url, source: 'embedded' };
    stop = embedded.stop;
  }

  let redis: Services['redis'] = null;
  const redisUrl = process.env.REDIS_URL?.trim();
  if (redisUrl) redis = { url: redisUrl, source: 'REDIS_URL' };
  else if (use === 'test' && (await redisAnswers(LOCAL_REDIS_URL, 500))) redis = { url: LOCAL_REDIS_URL, source: 'local server' };

  say(`PostgreSQL: ${redactUrl(postgres.url)} (${postgres.source})`);
  say(redis ? `Redis: ${redactUrl(redis.url)} (${redis.source})` : 'Redis: none (single instance, in-process event bus)');
  return { postgres, redis, stop };
}

export function appDatabaseUrl(services: Services): string {
  return services.postgres.source === 'embedded' ? withDatabase(services.postgres.url, APP_DATABASE) : services.postgres.url;
}
