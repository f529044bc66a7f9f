// HTTP routes of notices: the tenant's reading and the staff's publishing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NoticeReadReceipt, Page, PageQuery, PublishNoticeRequest, StaffNotice, TenantNotice, UnreadNotices } from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import {
  PUBLISHING_ROLES,
  listStaffNotices,
  listTenantNotices,
  markNoticeRead,
  publishNotice,
  tenantNotice,
  unreadNotices,
} from './service';

const NoticeParams = Type.Object({ noticeId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];

export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
};
