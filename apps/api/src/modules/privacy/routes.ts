// HTTP routes of the tenant's rights over their data: the export (from the phone hand-off) and leaving Palier.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EraseAccountRequest, TenantDataExport } from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { exportTenantData } from './data-export';
import { eraseTenant } from './erasure';

const tags = ['privacy'];
const bearer = [{ bearer: [] }];

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me/export',
    {
      preHandler: app.requireHandoff('data_export'),
      schema: {
        tags,
        summary: 'Everything Palier holds about the tenant, as one JSON document (with a data_export phone hand-off token)',
        security: bearer,
        response: { 200: TenantDataExport, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const data = await exportTenantData(app.db, request.handoff.place.tenantId);
      request.log.info({ event: 'data_export', tenantId: request.handoff.place.tenantId }, 'tenant data exported');
      return reply.header('cache-control', 'no-store').send(data);
    },
  );

  app.delete(
    '/api/v1/me',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary:
          'Leave Palier: erase the tenant (posts, replies, messages, sign-ups, drafts, blocks, profile), revoke every device; fault reports and calls stay with the landlord, without the name',
        security: bearer,
        body: EraseAccountRequest,
        response: { 204: Type.Null(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { tenantId } = request.device.place;
      const outcome = await eraseTenant(
        { db: app.db, bus: app.eventBus, redis: app.redis, redisPrefix: app.redisKey(''), storage: app.storage },
        tenantId,
      );
      // The log keeps that an erasure happened and its size, never who it was about beyond the now-dangling id.
      request.log.info({ event: 'tenant_erased', tenantId, ...outcome }, 'tenant erased');
      return reply.code(204).send(null);
    },
  );
};
