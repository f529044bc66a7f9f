// HTTP routes of moderation: tenants report from the TV; moderators review, decide and edit forbidden words in the console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddForbiddenWordRequest,
  ContentReportReceipt,
  ContentReportRequest,
  ConversationReadRequest,
  ModeratedConversationPage,
  ForbiddenWord,
  ModerationActionRequest,
  ModerationCaseDetail,
  ModerationCaseQuery,
  ModerationCaseSummary,
  ModerationLogEntry,
  Page,
  PageQuery,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import {
  MODERATION_ROLES,
  caseDetail,
  decide,
  listCases,
  moderationLog,
  readReportedConversation,
  reportContent,
  type ModerationContext,
} from './service';
import { addForbiddenWord, listForbiddenWords, removeForbiddenWord } from './forbidden-word-list';
import { DomainError } from '../../domain-error';
import { postPhotoBytes, postPhotoLinks } from '../feed/photos';
import { photoSizes } from '../photos/encoding';

const CaseParams = Type.Object({ caseId: Type.String({ format: 'uuid' }) });
const WordParams = Type.Object({ wordId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];
const tags = ['moderation'];

export const moderationRoutes: FastifyPluginAsyncTypebox<{ hideThreshold: number; linkSecret: string }> = async (app, options) => {
  const links = postPhotoLinks(options.linkSecret);
  const ctx: ModerationContext = {
    db: app.db,
    bus: app.eventBus,
    hideThreshold: options.hideThreshold,
    storage: app.storage,
    photoLinks: links.moderation,
  };
  const moderator = app.requireStaff(...MODERATION_ROLES);

  app.post(
    '/api/v1/moderation/reports',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary:
          'Report a post, a reply, a neighbour or a message with a reason. One report per reporter and target: reporting again answers 200 with the first.',
        security: bearer,
        body: ContentReportRequest,
        response: { 200: ContentReportReceipt, 201: ContentReportReceipt, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { receipt, created } = await reportContent(ctx, request.device.place, request.body);
      return reply.code(created ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/api/v1/moderation/cases',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'The moderation queue of the moderator’s residences, oldest first (status OPEN unless asked)',
        querystring: ModerationCaseQuery,
        response: { 200: Page(ModerationCaseSummary), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listCases(app.db, request.staff, request.query),
  );

  app.get(
    '/api/v1/moderation/cases/:caseId',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'A reported item with its context, its reports, its decisions and the author’s history',
        params: CaseParams,
        response: { 200: ModerationCaseDetail, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => caseDetail(ctx, request.staff, request.params.caseId, request.language),
  );

  app.get(
    '/api/v1/moderation/post-photos/:photoId/:size',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'A reported post’s photo (hidden or not), through a signed link from a case the moderator may read',
        params: Type.Object({ photoId: Type.String({ format: 'uuid' }), size: Type.Enum(photoSizes) }),
        querystring: Type.Object({ expires: Type.Integer(), signature: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Any(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { photoId, size } = request.params;
      if (!links.moderation.verify(photoId, size, request.query.expires, request.query.signature)) throw new DomainError('forbidden');
      const bytes = await postPhotoBytes(app.db, app.storage, photoId, size, 'moderator');
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(bytes);
    },
  );

  app.post(
    '/api/v1/moderation/cases/:caseId/actions',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'Decide: keep, hide, delete, warn or suspend the author; logged with who and why, and told to the author',
        params: CaseParams,
        body: ModerationActionRequest,
        response: { 200: ModerationCaseDetail, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => decide(ctx, request.staff, request.params.caseId, request.body, request.language),
  );

  app.post(
    '/api/v1/moderation/cases/:caseId/conversation',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary:
          'Read the private conversation of a reported message (only for such a case), newest first; each read is logged with its reason',
        params: CaseParams,
        querystring: PageQuery,
        body: ConversationReadRequest,
        response: { 200: ModeratedConversationPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readReportedConversation(app.db, request.staff, request.params.caseId, request.body.reason, request.query),
  );

  app.get(
    '/api/v1/moderation/log',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'Every moderation decision in the moderator’s residences, newest first',
        querystring: PageQuery,
        response: { 200: Page(ModerationLogEntry), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => moderationLog(app.db, request.staff, request.query, request.language),
  );

  app.get(
    '/api/v1/moderation/forbidden-words',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'The forbidden words of the moderator’s landlord (or city), newest first',
        querystring: PageQuery,
        response: { 200: Page(ForbiddenWord), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listForbiddenWords(app.db, request.staff, request.query),
  );

  app.post(
    '/api/v1/moderation/forbidden-words',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'Forbid a word or phrase (idempotent: a word already listed, in any case or accents, answers 200)',
        body: AddForbiddenWordRequest,
        response: { 200: ForbiddenWord, 201: ForbiddenWord, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { word, created } = await addForbiddenWord(app.db, request.staff, request.body.word);
      return reply.code(created ? 201 : 200).send(word);
    },
  );

  app.delete(
    '/api/v1/moderation/forbidden-words/:wordId',
    {
      preHandler: moderator,
      schema: {
        tags,
        summary: 'Allow a word again',
        params: WordParams,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeForbiddenWord(app.db, request.staff, request.params.wordId);
      return reply.code(204).send(null);
    },
  );
};
