// Redis (node-redis) for fan-out, rate limits and short-lived state. Optional: without it the API runs as one instance.
import fp from 'fastify-plugin';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

declare module 'fastify' {
  interface FastifyInstance {
    redis: RedisClient | null;
    /** Builds a key (or channel) under this deployment's prefix, so several deployments or test runs share one Redis. */
    redisKey(...parts: string[]): string;
  }
}

export default fp<{ redisUrl: string | null; redisPrefix: string }>(
  async (app, { redisUrl, redisPrefix }) => {
    app.decorate('redisKey', (...parts: string[]) => redisPrefix + parts.join(':'));
    if (!redisUrl) {
      app.decorate('redis', null);
      app.log.warn('REDIS_URL is not set: running as a single instance with an in-process event bus and in-memory rate limits');
      return;
    }
    const client: RedisClient = createClient({ url: redisUrl });
    client.on('error', (error) => app.log.error({ err: error }, 'redis error'));
    await client.connect();
    app.decorate('redis', client);
    app.addHook('onClose', async () => {
      await client.close();
    });
  },
  { name: 'redis' },
);
