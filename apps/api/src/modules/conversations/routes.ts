// HTTP routes of private conversations between neighbours, for the tenant's TV.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Conversation,
  ConversationMessage,
  Page,
  PageQuery,
  SendMessageRequest,
  StartConversationRequest,
  UnreadConversations,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { submissionGuard } from '../moderation/submission-guard';
import {
  blockNeighbourInConversation,
  closeConversation,
  conversation,
  listConversations,
  listMessages,
  markRead,
  sendMessage,
  startConversation,
  unreadConversations,
  type ConversationsContext,
} from './service';

const ConversationParams = Type.Object({ conversationId: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const bearer = [{ bearer: [] }];
const tags = ['conversations'];

export const conversationRoutes: FastifyPluginAsyncTypebox<{ forbiddenWords: string[] }> = async (app, options) => {
  const ctx: ConversationsContext = { db: app.db, bus: app.eventBus, guard: submissionGuard(app.db, options.forbiddenWords) };

  app.post(
    '/api/v1/conversations',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary:
          '"I can help" / "I am interested" on a post the tenant sees: opens a private conversation with its author (201), or returns the one already open (200)',
        security: bearer,
        body: StartConversationRequest,
        response: { 200: Conversation, 201: Conversation, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await startConversation(ctx, request.device.place, request.body);
      return reply.code(result.created ? 201 : 200).send(result.conversation);
    },
  );

  app.get(
    '/api/v1/conversations',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The tenant’s conversations, the most recently active first',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(Conversation), ...problemResponses(400, 401) },
      },
    },
    async (request) => listConversations(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/conversations/unread',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Unread messages over all the tenant’s conversations (the home badge)',
        security: bearer,
        response: { 200: UnreadConversations, ...problemResponses(401) },
      },
    },
    async (request) => unreadConversations(app.db, request.device.place),
  );

  app.get(
    '/api/v1/conversations/:conversationId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One of the tenant’s conversations',
        security: bearer,
        params: ConversationParams,
        response: { 200: Conversation, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => conversation(app.db, request.device.place, request.params.conversationId),
  );

  app.get(
    '/api/v1/conversations/:conversationId/messages',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Messages, newest first; the next page goes further back',
        security: bearer,
        params: ConversationParams,
        querystring: PageQuery,
        response: { 200: Page(ConversationMessage), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listMessages(app.db, request.device.place, request.params.conversationId, request.query),
  );

  app.post(
    '/api/v1/conversations/:conversationId/messages',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Write in the conversation. Retries with the same Idempotency-Key return the same message.',
        security: bearer,
        params: ConversationParams,
        headers: IdempotencyHeaders,
        body: SendMessageRequest,
        response: { 200: ConversationMessage, 201: ConversationMessage, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await sendMessage(
        ctx,
        request.device.place,
        request.params.conversationId,
        request.body.body,
        request.headers['idempotency-key'],
      );
      return reply.code(result.created ? 201 : 200).send(result.message);
    },
  );

  app.put(
    '/api/v1/conversations/:conversationId/read',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Mark everything in the conversation read (idempotent)',
        security: bearer,
        params: ConversationParams,
        response: { 200: Conversation, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => markRead(ctx, request.device.place, request.params.conversationId),
  );

  app.post(
    '/api/v1/conversations/:conversationId/close',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Close the conversation for both sides: no new messages after (idempotent)',
        security: bearer,
        params: ConversationParams,
        response: { 200: Conversation, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => closeConversation(ctx, request.device.place, request.params.conversationId),
  );

  app.post(
    '/api/v1/conversations/:conversationId/block',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Close the conversation and block the neighbour: neither can write to or call the other (idempotent)',
        security: bearer,
        params: ConversationParams,
        response: { 200: Conversation, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => blockNeighbourInConversation(ctx, request.device.place, request.params.conversationId),
  );
};
