// Liveness and readiness for load balancers and orchestrators.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('not configured')]))),
});

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health/live', { config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/health/ready',
    { config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const database = await app.db.$queryRaw`SELECT 1`.then(
        () => 'ok' as const,
        () => 'down' as const,
      );
      const redis = app.redis
        ? await app.redis.ping().then(
            () => 'ok' as const,
            () => 'down' as const,
          )
        : ('not configured' as const);
      const ready = database === 'ok' && redis !== 'down';
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'down', checks: { database, redis } });
    },
  );
};
