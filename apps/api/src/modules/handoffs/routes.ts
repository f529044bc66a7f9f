// HTTP routes of the phone hand-off: the TV asks for a code, the phone claims it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClaimHandoffRequest,
  ClaimedHandoff,
  Handoff,
  StartHandoffRequest,
  normaliseUserCode,
  type HandoffPurpose,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { DomainError } from '../../domain-error';
import { claimHandoff, startHandoff, type HandoffSettings, type SubjectCheck } from './service';

export const handoffRoutes: FastifyPluginAsyncTypebox<
  Omit<HandoffSettings, 'accessTokens'> & { subjectChecks: Record<HandoffPurpose, SubjectCheck> }
> = async (app, options) => {
  const settings: HandoffSettings = { ...options, accessTokens: app.accessTokens };

  app.post(
    '/api/v1/handoffs',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['handoffs'],
        summary: 'A code and QR link that bind the tenant’s phone to one task for a few minutes',
        security: [{ bearer: [] }],
        body: StartHandoffRequest,
        response: { 201: Handoff, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const handoff = await startHandoff(app.db, settings, request.device.place, request.body, options.subjectChecks[request.body.purpose]);
      return reply.code(201).send(handoff);
    },
  );

  app.post(
    '/api/v1/handoffs/claim',
    {
      schema: {
        tags: ['handoffs'],
        summary: 'The phone exchanges the code for a token good for that task only (single use)',
        body: ClaimHandoffRequest,
        response: { 200: ClaimedHandoff, ...problemResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request) => {
      await app.attempts.consume([
        { name: `handoff:ip:${request.ip}`, max: 30, windowSeconds: 900 },
        { name: `handoff:code:${normaliseUserCode(request.body.code)}`, max: 10, windowSeconds: 900 },
      ]);
      try {
        return await claimHandoff(app.db, settings, request.body.code);
      } catch (error) {
        if (error instanceof DomainError)
          request.log.warn({ event: 'handoff_refused', code: error.code, ip: request.ip }, 'hand-off refused');
        throw error;
      }
    },
  );
};
