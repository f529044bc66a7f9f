// HTTP routes of the phone hand-off: the TV asks for a code, the phone claims it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ClaimHandoffRequest,
  ClaimedHandoff,
  Handoff,
  HandoffTextTask,
  HandoffTextView,
  SendHandoffTextRequest,
  StartHandoffRequest,
  normaliseUserCode,
  type HandoffPurpose,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { DomainError } from '../../domain-error';
import { claimHandoff, startHandoff, type HandoffSettings, type SubjectCheck } from './service';
import { helperAccess } from '../mandates/helper-access';
import { readSentText, readTextTask, sendText } from './text';

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
    '/api/v1/mandates/:mandateId/handoffs',
    {
      schema: {
        tags: ['handoffs'],
        summary:
          'A helper holding the "reports" scope: a report_photos code and QR link for their phone, in the name of the tenant who gave the mandate (the photos are that tenant’s, and only this mandate’s report drafts see them)',
        security: [{ bearer: [] }],
        params: Type.Object({ mandateId: Type.String({ format: 'uuid' }) }),
        body: StartHandoffRequest,
        response: { 201: Handoff, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { place, actor } = await helperAccess(app, request, 'reports');
      // Only photos for a report: the tenant's calls, texts and data stay with the tenant's own TV.
      if (request.body.purpose !== 'report_photos') throw new DomainError('forbidden');
      const handoff = await startHandoff(app.db, settings, place, request.body, options.subjectChecks.report_photos, new Date(), actor.id);
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

  // --- a long text typed on the phone ---

  app.get(
    '/api/v1/handoffs/text',
    {
      preHandler: app.requireHandoff('text'),
      schema: {
        tags: ['handoffs'],
        summary: 'With a "text" hand-off token: the question, the limit and the text to start from',
        security: [{ bearer: [] }],
        response: { 200: HandoffTextTask, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => readTextTask(app.db, request.handoff.handoffId),
  );

  app.put(
    '/api/v1/handoffs/text',
    {
      preHandler: app.requireHandoff('text'),
      schema: {
        tags: ['handoffs'],
        summary: 'With a "text" hand-off token: send the text to the TV, once (the same text again is harmless)',
        security: [{ bearer: [] }],
        body: SendHandoffTextRequest,
        response: { 200: HandoffTextView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => sendText(app.db, app.eventBus, request.handoff, request.body.text),
  );

  app.get(
    '/api/v1/handoffs/:handoffId/text',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['handoffs'],
        summary: 'What the tenant’s phone sent for a "text" hand-off (text null until it did)',
        security: [{ bearer: [] }],
        params: Type.Object({ handoffId: Type.String({ format: 'uuid' }) }),
        response: { 200: HandoffTextView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => readSentText(app.db, request.device.place.tenantId, request.params.handoffId),
  );
};
