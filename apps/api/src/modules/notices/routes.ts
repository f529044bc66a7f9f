// HTTP routes of notices: the tenant's reading and the staff's publishing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  NoticeBuildingReads,
  NoticePicture,
  NoticeReadReceipt,
  NoticeReminderSent,
  Page,
  PageQuery,
  PublishNoticeRequest,
  StaffNotice,
  TenantNotice,
  UnreadNotices,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { problemResponses } from '../../plugins/problems';
import { acceptPhotoUploads } from '../photos/uploads';
import { noticeBuildingReads } from './building-reads';
import { pictureBytes, uploadNoticePicture } from './pictures';
import { remindNotice } from './reminders';
import { PUBLISHING_ROLES, listStaffNotices, markNoticeRead, publishNotice, unreadNotices } from './service';
import { listTenantNotices, tenantNotice } from './tenant-reading';

const NoticeParams = Type.Object({ noticeId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];

export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Staff send a picture's bytes as they are; only here, and only this big.
  acceptPhotoUploads(app, '/api/v1/staff/notice-pictures');

  app.get(
    '/api/v1/notices',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['notices'],
        summary: 'Notices addressed to the tenant’s building, residence, district and city, newest first',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(TenantNotice), ...problemResponses(400, 401) },
      },
    },
    async (request) => listTenantNotices(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/notices/unread',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['notices'],
        summary: 'How many notices the tenant has not read',
        security: bearer,
        response: { 200: UnreadNotices, ...problemResponses(401) },
      },
    },
    async (request) => unreadNotices(app.db, request.device.place),
  );

  app.get(
    '/api/v1/notices/:noticeId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['notices'],
        summary: 'One notice',
        security: bearer,
        params: NoticeParams,
        response: { 200: TenantNotice, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantNotice(app.db, request.device.place, request.params.noticeId),
  );

  app.put(
    '/api/v1/notices/:noticeId/read',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['notices'],
        summary: 'Mark a notice read (idempotent)',
        security: bearer,
        params: NoticeParams,
        response: { 200: NoticeReadReceipt, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => markNoticeRead(app.db, app.eventBus, request.device.place, request.params.noticeId),
  );

  app.post(
    '/api/v1/staff/notices',
    {
      preHandler: app.requireStaff(...PUBLISHING_ROLES),
      schema: {
        tags: ['notices'],
        summary:
          'Publish a notice to a building, residence, district or city. Retries with the same Idempotency-Key return the same notice.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: PublishNoticeRequest,
        response: { 200: StaffNotice, 201: StaffNotice, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { notice, created } = await publishNotice(
        app.db,
        app.eventBus,
        request.staff,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.code(created ? 201 : 200).send(notice);
    },
  );

  app.get(
    '/api/v1/staff/notices',
    {
      preHandler: app.requireStaff(...PUBLISHING_ROLES),
      schema: {
        tags: ['notices'],
        summary: 'Notices published by the staff member’s organisation, with how many homes have read each',
        querystring: PageQuery,
        response: { 200: Page(StaffNotice), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listStaffNotices(app.db, request.staff, request.query),
  );

  // --- notices: pictures, reads per building, reminders ---

  app.post(
    '/api/v1/staff/notice-pictures',
    {
      preHandler: app.requireStaff(...PUBLISHING_ROLES),
      schema: {
        tags: ['notices'],
        summary: 'Upload a picture for a notice (JPEG, PNG or WebP, 10 MB at most); it is re-encoded for the TV',
        response: { 201: NoticePicture, ...problemResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('photo_unreadable');
      return reply.code(201).send(await uploadNoticePicture(app.db, app.storage, request.staff, request.body));
    },
  );

  app.get(
    '/api/v1/notice-pictures/:pictureId',
    {
      schema: {
        tags: ['notices'],
        summary: 'The picture of a published notice (JPEG); its id is only given to the notice’s audience',
        params: Type.Object({ pictureId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Any(), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const bytes = await pictureBytes(app.db, app.storage, request.params.pictureId);
      // A picture never changes under its id.
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=604800, immutable').send(bytes);
    },
  );

  app.get(
    '/api/v1/staff/notices/:noticeId/buildings',
    {
      preHandler: app.requireStaff(...PUBLISHING_ROLES),
      schema: {
        tags: ['notices'],
        summary: 'Per building of the notice’s audience (within the member’s scope): homes, and homes that have read it',
        params: NoticeParams,
        querystring: PageQuery,
        response: { 200: Page(NoticeBuildingReads), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => noticeBuildingReads(app.db, request.staff, request.params.noticeId, request.query),
  );

  app.post(
    '/api/v1/staff/notices/:noticeId/reminders',
    {
      preHandler: app.requireStaff(...PUBLISHING_ROLES),
      schema: {
        tags: ['notices'],
        summary:
          'Remind the homes that have not read the notice (at most once an hour per notice). Retries with the same Idempotency-Key return the same reminder.',
        params: NoticeParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        response: { 200: NoticeReminderSent, 201: NoticeReminderSent, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { reminder, created } = await remindNotice(
        app.db,
        app.eventBus,
        request.staff,
        request.params.noticeId,
        request.headers['idempotency-key'],
      );
      if (created)
        request.log.info({ noticeId: reminder.noticeId, staffId: request.staff.id, homeCount: reminder.homeCount }, 'notice reminder sent');
      return reply.code(created ? 201 : 200).send(reminder);
    },
  );
};
