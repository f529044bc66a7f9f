// Request rate limits (@fastify/rate-limit) and brute-force attempt counters, both in Redis when there is one.
// @fastify/rate-limit's own Redis store needs ioredis; this small store speaks node-redis so we keep one client.
import fp from 'fastify-plugin';
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { RedisClient } from './redis';
import { DomainError } from '../domain-error';

declare module 'fastify' {
  interface FastifyInstance {
    attempts: AttemptCounter;
  }
}

const WINDOW_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return {current, ttl}`;

async function incrementWindow(redis: RedisClient, key: string, windowMs: number) {
  const [current, ttl] = (await redis.eval(WINDOW_SCRIPT, { keys: [key], arguments: [String(windowMs)] })) as [number, number];
  return { current, ttl: ttl < 0 ? windowMs : ttl };
}

/** Fixed-window counters: in Redis when configured, else in this process. */
export class AttemptCounter {
  private readonly local = new Map<string, { current: number; resetAt: number }>();

  constructor(
    private readonly redis: RedisClient | null,
    private readonly key: (...parts: string[]) => string,
  ) {}

  async hit(name: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const key = this.key('attempts', name);
    if (this.redis) return incrementWindow(this.redis, key, windowMs);
    const now = Date.now();
    let entry = this.local.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { current: 0, resetAt: now + windowMs };
      this.local.set(key, entry);
    }
    entry.current += 1;
    return { current: entry.current, ttl: entry.resetAt - now };
  }

  /** Counts one attempt against each key and refuses with rate_limited once any is over its limit. */
  async consume(limits: { name: string; max: number; windowSeconds: number }[]): Promise<void> {
    for (const limit of limits) {
      const { current, ttl } = await this.hit(limit.name, limit.windowSeconds * 1000);
      if (current > limit.max) {
        throw new DomainError('rate_limited', undefined, { retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) });
      }
    }
  }

  async reset(name: string): Promise<void> {
    const key = this.key('attempts', name);
    this.local.delete(key);
    if (this.redis) await this.redis.del(key);
  }
}

function nodeRedisStore(redis: RedisClient, prefix: string) {
  return class NodeRedisRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly routeKey = '') {}
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      incrementWindow(redis, `${prefix}${this.routeKey}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }
    child(routeOptions: { path: string; method?: unknown }) {
      return new NodeRedisRateLimitStore(`${String(routeOptions.method)}${routeOptions.path}:`);
    }
  };
}

export default fp<{ perMinute: number }>(
  async (app, { perMinute }) => {
    app.decorate('attempts', new AttemptCounter(app.redis, app.redisKey));
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      // A Redis outage must not take the API down: requests pass while it is away.
      skipOnError: true,
      ...(app.redis ? { store: nodeRedisStore(app.redis, app.redisKey('rate', '')) as never } : {}),
      errorResponseBuilder: (_request, context) => {
        const error = new DomainError('rate_limited', undefined, { retryAfterSeconds: Math.ceil(context.ttl / 1000) });
        return error;
      },
    });
  },
  { name: 'rate-limit', dependencies: ['redis', 'problems'] },
);
