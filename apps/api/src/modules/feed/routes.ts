// HTTP routes of the neighbours' feed, for the tenant's TV: posts, replies, event seats and the draft.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreatePostRequest,
  CreateReplyRequest,
  EventSeat,
  FeedPost,
  FeedQuery,
  MoveEventRequest,
  Page,
  PageQuery,
  PostDraft,
  PostDraftContent,
  PostPhoto,
  PostReply,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { DomainError } from '../../domain-error';
import {
  cancelSignUp,
  clearDraft,
  createPost,
  createReply,
  deletePost,
  feedPost,
  listFeed,
  listReplies,
  loadDraft,
  moveEvent,
  saveDraft,
  signUp,
  type FeedContext,
} from './service';
import { submissionGuard } from '../moderation/submission-guard';
import type { EventReminderConfig } from '../../config';
import type { PersonalNoticeSender } from '../appointments/reminders';
import { startEventReminderScheduler } from './event-reminders';
import { photoSizes } from '../photos/encoding';
import { acceptPhotoUploads } from '../photos/uploads';
import { postPhotoBytes, postPhotoLinks, removeDraftPhoto, uploadPostPhoto } from './photos';

const PostParams = Type.Object({ postId: Type.String({ format: 'uuid' }) });
const PhotoParams = Type.Object({ photoId: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const bearer = [{ bearer: [] }];
const tags = ['feed'];

export const feedRoutes: FastifyPluginAsyncTypebox<{
  forbiddenWords: string[];
  eventReminders: EventReminderConfig;
  sendNotice: PersonalNoticeSender;
  linkSecret: string;
}> = async (app, options) => {
  const ctx: FeedContext = {
    db: app.db,
    bus: app.eventBus,
    guard: submissionGuard(app.db, options.forbiddenWords),
    eventReminderMinute: options.eventReminders.minuteOfDay,
    storage: app.storage,
    links: postPhotoLinks(options.linkSecret),
  };

  // This instance's share of the reminders on the day of an event (claimed, so never sent twice across instances).
  if (options.eventReminders.enabled) {
    const stop = startEventReminderScheduler({
      db: app.db,
      sendNotice: options.sendNotice,
      batchSize: 50,
      leaseSeconds: options.eventReminders.leaseSeconds,
      intervalMs: options.eventReminders.pollMs,
      log: app.log,
    });
    app.addHook('onClose', async () => stop());
  }

  // The phone sends a photo's bytes as they are; only here, and only this big.
  acceptPhotoUploads(app, '/api/v1/feed/draft/photos');

  app.get(
    '/api/v1/feed',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Posts of the tenant’s building, residence and district, newest first, optionally of one kind',
        security: bearer,
        querystring: FeedQuery,
        response: { 200: Page(FeedPost), ...problemResponses(400, 401) },
      },
    },
    async (request) => listFeed(ctx, request.device.place, request.query),
  );

  app.post(
    '/api/v1/feed/posts',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Post to the building, residence (default) or district. Retries with the same Idempotency-Key return the same post.',
        security: bearer,
        headers: IdempotencyHeaders,
        body: CreatePostRequest,
        response: { 200: FeedPost, 201: FeedPost, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { post, created } = await createPost(
        ctx,
        request.device.place,
        request.body,
        request.headers['idempotency-key'],
        request.language,
      );
      return reply.code(created ? 201 : 200).send(post);
    },
  );

  app.get(
    '/api/v1/feed/posts/:postId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One post',
        security: bearer,
        params: PostParams,
        response: { 200: FeedPost, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => feedPost(ctx, request.device.place, request.params.postId),
  );

  app.delete(
    '/api/v1/feed/posts/:postId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Delete one’s own post, with its replies, sign-ups and photos',
        security: bearer,
        params: PostParams,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deletePost(ctx, request.device.place, request.params.postId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/feed/posts/:postId/replies',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Replies to a post, oldest first',
        security: bearer,
        params: PostParams,
        querystring: PageQuery,
        response: { 200: Page(PostReply), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listReplies(app.db, request.device.place, request.params.postId, request.query),
  );

  app.post(
    '/api/v1/feed/posts/:postId/replies',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Reply to a post. Retries with the same Idempotency-Key return the same reply.',
        security: bearer,
        params: PostParams,
        headers: IdempotencyHeaders,
        body: CreateReplyRequest,
        response: { 200: PostReply, 201: PostReply, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const result = await createReply(
        ctx,
        request.device.place,
        request.params.postId,
        request.body,
        request.headers['idempotency-key'],
        request.language,
      );
      return reply.code(result.created ? 201 : 200).send(result.reply);
    },
  );

  app.put(
    '/api/v1/feed/posts/:postId/signup',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Take a seat at an event (idempotent); 409 event_full when none is left',
        security: bearer,
        params: PostParams,
        response: { 200: EventSeat, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => signUp(ctx, request.device.place, request.params.postId),
  );

  app.patch(
    '/api/v1/feed/posts/:postId/event',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The author moves their event (and its place): seats stay, their reminders of the day follow the new date',
        security: bearer,
        params: PostParams,
        body: MoveEventRequest,
        response: { 200: FeedPost, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => moveEvent(ctx, request.device.place, request.params.postId, request.body, request.language),
  );

  app.delete(
    '/api/v1/feed/posts/:postId/signup',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Give one’s seat back (idempotent)',
        security: bearer,
        params: PostParams,
        response: { 200: EventSeat, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => cancelSignUp(app.db, request.device.place, request.params.postId),
  );

  app.get(
    '/api/v1/feed/draft',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The post being written, kept on the server',
        security: bearer,
        response: { 200: PostDraft, ...problemResponses(401) },
      },
    },
    async (request) => loadDraft(ctx, request.device.place),
  );

  app.put(
    '/api/v1/feed/draft',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Save the post being written (replaces the previous draft)',
        security: bearer,
        body: PostDraftContent,
        response: { 200: PostDraft, ...problemResponses(400, 401) },
      },
    },
    async (request) => saveDraft(ctx, request.device.place, request.body),
  );

  app.delete(
    '/api/v1/feed/draft',
    {
      preHandler: app.requireTenant,
      schema: { tags, summary: 'Throw the draft away', security: bearer, response: { 204: Type.Null(), ...problemResponses(401) } },
    },
    async (request, reply) => {
      await clearDraft(ctx, request.device.place);
      return reply.code(204).send(null);
    },
  );

  // --- photos: from the phone onto the draft, off it from the TV, and served through signed links ---

  app.post(
    '/api/v1/feed/draft/photos',
    {
      preHandler: app.requireHandoff('post_photos'),
      schema: {
        tags,
        summary:
          'With a post_photos hand-off token: send one photo for the post being written (JPEG, PNG or WebP, 10 MB at most, 4 a post)',
        description: 'Re-encoded as JPEG without any metadata (location, camera) and at most 1600 px on its longer side.',
        security: bearer,
        response: { 201: PostPhoto, ...problemResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('photo_unreadable');
      const photo = await uploadPostPhoto(ctx, request.handoff, request.body);
      return reply.code(201).send(photo);
    },
  );

  app.delete(
    '/api/v1/feed/draft/photos/:photoId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Take a photo off the post being written (its files go too); the draft as it now is. Again is harmless.',
        security: bearer,
        params: PhotoParams,
        response: { 200: PostDraft, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await removeDraftPhoto(ctx, request.device.place.tenantId, request.params.photoId);
      return loadDraft(ctx, request.device.place);
    },
  );

  app.get(
    '/api/v1/post-photos/:photoId/:size',
    {
      schema: {
        tags,
        summary: 'A post photo, through a signed link from a post (or the draft) the tenant may read; not while the post is hidden',
        params: Type.Object({ photoId: Type.String({ format: 'uuid' }), size: Type.Enum(photoSizes) }),
        querystring: Type.Object({ expires: Type.Integer(), signature: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Any(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { photoId, size } = request.params;
      if (!ctx.links.tenant.verify(photoId, size, request.query.expires, request.query.signature)) throw new DomainError('forbidden');
      const bytes = await postPhotoBytes(app.db, app.storage, photoId, size, 'tenant');
      // Short: a post hidden by moderation should leave the TVs' caches soon.
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=600').send(bytes);
    },
  );
};
