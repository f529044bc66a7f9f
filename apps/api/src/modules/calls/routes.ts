// HTTP routes of video calls: the tenant's TV, the call-centre's agents, and LiveKit's webhooks.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AgentAvailability,
  AgentAvailabilityRequest,
  BlockedNeighbour,
  CallableNeighbour,
  CallBackRequest,
  CallCentreStatus,
  CallNoteRequest,
  CallSettings,
  CallToken,
  CallTokenRequest,
  CurrentCall,
  Page,
  PageQuery,
  QueueEntry,
  StaffCall,
  StartCallRequest,
  TenantCall,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { problemResponses } from '../../plugins/problems';
import { localAgentPresence, redisAgentPresence } from './agent-presence';
import {
  AGENT_ROLES,
  agentAvailability,
  agentHangsUp,
  blockedNeighbours,
  blockNeighbour,
  callableNeighbours,
  callBack,
  callCentreStatus,
  callQueue,
  callSettings,
  claimCall,
  currentCall,
  handleLivekitEvent,
  missedCalls,
  saveCallNote,
  setAgentAvailability,
  staffCall,
  staffCallToken,
  startCall,
  sweepRingingCalls,
  sweepQueuedCallsAtClosing,
  tenantActs,
  tenantCall,
  tenantCallToken,
  unblockNeighbour,
  updateCallSettings,
  type CallsContext,
} from './service';

const CallParams = Type.Object({ callId: Type.String({ format: 'uuid' }) });
const TenantParams = Type.Object({ tenantId: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const bearer = [{ bearer: [] }];
export const LIVEKIT_WEBHOOK_PATH = '/api/v1/livekit/webhook';

export const callRoutes: FastifyPluginAsyncTypebox<{ ringTimeoutSeconds: number; sweepIntervalMs: number }> = async (app, options) => {
  const ctx: CallsContext = {
    db: app.db,
    bus: app.eventBus,
    livekit: app.livekit,
    presence: app.redis ? redisAgentPresence(app.redis, app.redisKey) : localAgentPresence(),
    ringTimeoutSeconds: options.ringTimeoutSeconds,
    log: app.log,
  };

  // Every instance sweeps: a ringing call times out even if the instance that rang it is gone, and a queue left
  // waiting when the call-centre closes is ended.
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepRingingCalls(ctx)
      .then(() => sweepQueuedCallsAtClosing(ctx))
      .catch((error) => app.log.warn({ err: error }, 'could not sweep ringing or queued calls'))
      .finally(() => {
        sweeping = false;
      });
  }, options.sweepIntervalMs);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  // --- the tenant ---
  app.get(
    '/api/v1/calls/call-centre',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Whether the landlord’s call-centre is open, when it opens next, and how long the wait is',
        security: bearer,
        response: { 200: CallCentreStatus, ...problemResponses(401) },
      },
    },
    async (request) => callCentreStatus(ctx, request.device.place),
  );

  app.post(
    '/api/v1/calls',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Call the call-centre (queued) or a neighbour (ringing). Retries with the same Idempotency-Key return the same call.',
        security: bearer,
        headers: IdempotencyHeaders,
        body: StartCallRequest,
        response: { 200: TenantCall, 201: TenantCall, ...problemResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { call, created } = await startCall(
        ctx,
        request.device.place,
        request.body,
        request.headers['idempotency-key'],
        request.language,
      );
      return reply.code(created ? 201 : 200).send(call);
    },
  );

  app.get(
    '/api/v1/calls/current',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'The call the tenant is in now (waiting, ringing either way, answered), or null',
        security: bearer,
        response: { 200: CurrentCall, ...problemResponses(401) },
      },
    },
    async (request) => currentCall(ctx, request.device.place),
  );

  app.get(
    '/api/v1/calls/missed',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Calls that rang the tenant and were not answered, newest first',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(TenantCall), ...problemResponses(400, 401) },
      },
    },
    async (request) => missedCalls(ctx, request.device.place, request.query),
  );

  app.get(
    '/api/v1/calls/neighbours',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Neighbours who accept calls from this tenant, by first name and building',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(CallableNeighbour), ...problemResponses(400, 401) },
      },
    },
    async (request) => callableNeighbours(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/calls/settings',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Who may call this tenant',
        security: bearer,
        response: { 200: CallSettings, ...problemResponses(401) },
      },
    },
    async (request) => callSettings(app.db, request.device.place),
  );

  app.put(
    '/api/v1/calls/settings',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Opt in to be called by neighbours of my building or my residence, or opt out (NOBODY)',
        security: bearer,
        body: CallSettings,
        response: { 200: CallSettings, ...problemResponses(400, 401) },
      },
    },
    async (request) => updateCallSettings(app.db, request.device.place, request.body),
  );

  app.get(
    '/api/v1/calls/blocks',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Neighbours this tenant has blocked',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(BlockedNeighbour), ...problemResponses(400, 401) },
      },
    },
    async (request) => blockedNeighbours(app.db, request.device.place, request.query),
  );

  app.put(
    '/api/v1/calls/blocks/:tenantId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Block a neighbour: neither can call the other (idempotent)',
        security: bearer,
        params: TenantParams,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await blockNeighbour(app.db, request.device.place, request.params.tenantId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/calls/blocks/:tenantId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'Unblock a neighbour (idempotent)',
        security: bearer,
        params: TenantParams,
        response: { 204: Type.Null(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await unblockNeighbour(app.db, request.device.place, request.params.tenantId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calls/:callId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'One of the tenant’s calls, with the queue position and estimated wait while it waits',
        security: bearer,
        params: CallParams,
        response: { 200: TenantCall, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantCall(ctx, request.device.place, request.params.callId),
  );

  for (const [path, action, summary] of [
    ['cancel', 'cancel', 'The caller gives up while the call waits or rings (idempotent)'],
    ['answer', 'answer', 'The called tenant answers a ringing call (idempotent)'],
    ['decline', 'decline', 'The called tenant declines a ringing call (idempotent)'],
    ['hang-up', 'hang_up', 'Either tenant hangs up: ends an answered call, cancels or declines one not yet answered (idempotent)'],
  ] as const) {
    app.post(
      `/api/v1/calls/:callId/${path}`,
      {
        preHandler: app.requireTenant,
        schema: {
          tags: ['calls'],
          summary,
          security: bearer,
          params: CallParams,
          response: { 200: TenantCall, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => tenantActs(ctx, request.device.place, request.params.callId, action),
    );
  }

  app.post(
    '/api/v1/calls/:callId/token',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['calls'],
        summary: 'A LiveKit token for this call’s room, for the TV (microphone, camera if it has one) or the phone',
        security: bearer,
        params: CallParams,
        body: CallTokenRequest,
        response: { 200: CallToken, ...problemResponses(400, 401, 404, 409, 503) },
      },
    },
    async (request) => tenantCallToken(ctx, request.device.place, request.params.callId, request.body),
  );

  app.post(
    '/api/v1/calls/:callId/phone-token',
    {
      preHandler: app.requireHandoff('call_camera'),
      schema: {
        tags: ['calls'],
        summary: 'A LiveKit token for the tenant’s phone, added as camera and microphone through the phone hand-off',
        security: bearer,
        params: CallParams,
        response: { 200: CallToken, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      // The hand-off was given for one call; its token opens that call only.
      if (request.handoff.subjectId !== request.params.callId) throw new DomainError('forbidden');
      return tenantCallToken(ctx, request.handoff.place, request.params.callId, { participant: 'phone' });
    },
  );

  // --- the call-centre ---
  const agent = app.requireStaff(...AGENT_ROLES);

  app.get(
    '/api/v1/staff/calls/queue',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'Callers waiting for the call-centre, longest wait first, with their identity and home',
        querystring: PageQuery,
        response: { 200: Page(QueueEntry), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => callQueue(ctx, request.staff, request.query),
  );

  app.get(
    '/api/v1/staff/calls/availability',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'Whether this agent takes calls',
        response: { 200: AgentAvailability, ...problemResponses(401, 403) },
      },
    },
    async (request) => agentAvailability(ctx, request.staff),
  );

  app.put(
    '/api/v1/staff/calls/availability',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'The agent sets themselves available or away',
        body: AgentAvailabilityRequest,
        response: { 200: AgentAvailability, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => setAgentAvailability(ctx, request.staff, request.body.available),
  );

  app.post(
    '/api/v1/staff/calls',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'Call a tenant back: their TV rings. Retries with the same Idempotency-Key return the same call.',
        headers: IdempotencyHeaders,
        body: CallBackRequest,
        response: { 200: StaffCall, 201: StaffCall, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { call, created } = await callBack(ctx, request.staff, request.body.tenantId, request.headers['idempotency-key']);
      return reply.code(created ? 201 : 200).send(call);
    },
  );

  app.get(
    '/api/v1/staff/calls/:callId',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'A call of the organisation, with every transition',
        params: CallParams,
        response: { 200: StaffCall, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffCall(ctx, request.staff, request.params.callId),
  );

  app.post(
    '/api/v1/staff/calls/:callId/claim',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'Take a queued call. Exactly one agent wins; the others get call_already_claimed.',
        params: CallParams,
        response: { 200: StaffCall, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimCall(ctx, request.staff, request.params.callId),
  );

  app.post(
    '/api/v1/staff/calls/:callId/hang-up',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'The agent ends the call (or cancels a call-back not yet answered); idempotent',
        params: CallParams,
        response: { 200: StaffCall, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => agentHangsUp(ctx, request.staff, request.params.callId),
  );

  app.put(
    '/api/v1/staff/calls/:callId/note',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'The agent’s short note on the call',
        params: CallParams,
        body: CallNoteRequest,
        response: { 200: StaffCall, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => saveCallNote(ctx, request.staff, request.params.callId, request.body.note),
  );

  app.post(
    '/api/v1/staff/calls/:callId/token',
    {
      preHandler: agent,
      schema: {
        tags: ['calls'],
        summary: 'A LiveKit token (camera and microphone) for the agent of this call',
        params: CallParams,
        response: { 200: CallToken, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => staffCallToken(ctx, request.staff, request.params.callId),
  );

  // --- LiveKit ---
  // LiveKit signs the exact bytes it sends: keep them as a string, in this plugin's scope only.
  app.addContentTypeParser('application/webhook+json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    LIVEKIT_WEBHOOK_PATH,
    {
      config: { rateLimit: false },
      schema: {
        tags: ['calls'],
        summary: 'LiveKit webhooks (participant_joined, participant_left, room_finished), verified with the SDK',
        response: { 200: Type.Object({ outcome: Type.String() }), ...problemResponses(401, 503) },
      },
    },
    async (request) => {
      if (!app.livekit) throw new DomainError('video_unavailable');
      const raw = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? '');
      let event;
      try {
        event = await app.livekit.receiveWebhook(raw, request.headers.authorization);
      } catch (error) {
        request.log.warn({ err: error }, 'refused a LiveKit webhook');
        throw new DomainError('invalid_webhook_signature');
      }
      return { outcome: await handleLivekitEvent(ctx, event) };
    },
  );
};
