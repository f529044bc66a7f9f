// The app factory: builds a configured Fastify instance without listening, so tests can inject requests.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import problems from './plugins/problems';
import database from './plugins/database';
import redis from './plugins/redis';
import rateLimit from './plugins/rate-limit';
import eventBus from './plugins/event-bus';
import auth from './plugins/auth';
import openapi from './plugins/openapi';
import webApps from './plugins/web-apps';
import livekit from './plugins/livekit';
import storage from './plugins/storage';
import { healthRoutes } from './modules/health/routes';
import { deviceRoutes } from './modules/devices/routes';
import { accountRoutes } from './modules/accounts/routes';
import { placeRoutes } from './modules/places/routes';
import { noticeRoutes } from './modules/notices/routes';
import { realtimeRoutes } from './modules/realtime/routes';
import { callRoutes } from './modules/calls/routes';
import { handoffRoutes } from './modules/handoffs/routes';
import { handoffSubjectChecks } from './modules/handoffs/subject-checks';
import { reportRoutes } from './modules/reports/routes';
import { feedRoutes } from './modules/feed/routes';
// town-hall e-services
import { eserviceRoutes } from './modules/eservices/routes';
import eserviceWebhooks from './modules/eservices/webhook-worker';
// mandates: helpers acting for a tenant
import { mandateRoutes } from './modules/mandates/routes';
// appointments
import { appointmentRoutes } from './modules/appointments/routes';
import { sendPersonalNotice } from './modules/notices/personal';
// moderation
import { moderationRoutes } from './modules/moderation/routes';
// private conversations (wip/neighbours)
import { conversationRoutes } from './modules/conversations/routes';
import { privacyRoutes } from './modules/privacy/routes';

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'body.password',
  'body.activationCode',
  'body.refresh_token',
  'body.device_code',
];

export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Query strings can carry user codes: log paths only.
      serializers: { req: (request) => ({ method: request.method, url: request.url.split('?')[0], id: request.id }) },
    },
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problems);
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        // The TV app and the console connect back to this API and to LiveKit, over HTTP(S) and WebSocket.
        connectSrc: ["'self'", 'ws:', 'wss:', ...(config.livekit ? [config.livekit.url.replace(/^ws/, 'http')] : [])],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Plain http is normal on a landlord's LAN and in development; production runs behind HTTPS anyway.
        upgradeInsecureRequests: config.environment === 'production' ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    // Packaged TV apps run from file://, app:// or an operator's host: they are listed in CORS_ORIGINS.
    origin: (origin, callback) => callback(null, !origin || config.corsOrigins.includes(origin) || origin === config.publicUrl),
    credentials: true,
  });
  await app.register(formbody);
  await app.register(openapi, { publicUrl: config.publicUrl });
  await app.register(database, { databaseUrl: config.databaseUrl });
  await app.register(redis, { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix });
  await app.register(rateLimit, { perMinute: config.rateLimitPerMinute });
  await app.register(eventBus);
  await app.register(auth, {
    tokenSecret: config.tokenSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    issuer: config.publicUrl,
  });
  await app.register(livekit, { livekit: config.livekit });
  await app.register(storage, { storageDir: config.storageDir, s3: config.storageS3 });
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });

  await app.register(healthRoutes);
  await app.register(deviceRoutes, {
    publicUrl: config.publicUrl,
    deviceCodeTtlSeconds: config.deviceCodeTtlSeconds,
    pollIntervalSeconds: config.devicePollIntervalSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
  });
  await app.register(accountRoutes, {
    staffSessionTtlHours: config.staffSessionTtlHours,
    secureCookies: config.publicUrl.startsWith('https://'),
  });
  await app.register(placeRoutes);
  await app.register(noticeRoutes);
  await app.register(realtimeRoutes);
  await app.register(callRoutes, { ringTimeoutSeconds: config.callRingTimeoutSeconds, sweepIntervalMs: config.callSweepIntervalMs });
  await app.register(handoffRoutes, {
    publicUrl: config.publicUrl,
    codeTtlSeconds: config.handoffCodeTtlSeconds,
    sessionTtlSeconds: config.handoffSessionTtlSeconds,
    subjectChecks: handoffSubjectChecks(app.db),
  });
  await app.register(reportRoutes, { linkSecret: config.tokenSecret });
  await app.register(feedRoutes, {
    forbiddenWords: config.feedForbiddenWords,
    linkSecret: config.tokenSecret,
    // the reminder on the day of an event, polled like the appointments' reminders
    eventReminders: config.eventReminders,
    sendNotice: (input) => sendPersonalNotice(app.db, app.eventBus, input),
  });
  // town-hall e-services
  await app.register(eserviceRoutes, { webhookTargets: { allowPrivateTargets: config.eserviceWebhooks.allowPrivateTargets } });
  await app.register(eserviceWebhooks, config.eserviceWebhooks);
  // mandates: helpers acting for a tenant
  await app.register(mandateRoutes);
  // appointments
  await app.register(appointmentRoutes, {
    reminders: config.appointmentReminders,
    sendNotice: (input) => sendPersonalNotice(app.db, app.eventBus, input),
    linkSecret: config.tokenSecret,
    publicUrl: config.publicUrl,
  });
  // moderation
  await app.register(moderationRoutes, { hideThreshold: config.moderationHideThreshold, linkSecret: config.tokenSecret });
  // private conversations (wip/neighbours)
  await app.register(conversationRoutes, { forbiddenWords: config.feedForbiddenWords });
  await app.register(privacyRoutes);
  await app.register(webApps, { tvDist: config.tvDist, consoleDist: config.consoleDist, phoneDist: config.phoneDist });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/tv/'));

  return app;
}
