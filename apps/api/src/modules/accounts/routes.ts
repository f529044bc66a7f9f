// HTTP routes of accounts: staff session, the tenant's profile and devices.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DeviceSummary, StaffProfile, StaffSignInRequest, TenantProfile, UpdateTenantPreferences } from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { STAFF_COOKIE } from '../../plugins/auth';
import { closeStaffSession, openStaffSession } from './staff-sessions';
import { authenticateStaff, listDevices, revokeDevice, staffProfile, tenantProfile, updateTenantLanguage } from './service';
import { loadStaffSession } from './staff-sessions';

export const accountRoutes: FastifyPluginAsyncTypebox<{ staffSessionTtlHours: number; secureCookies: boolean }> = async (app, options) => {
  app.post(
    '/api/v1/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign a staff member in; sets the session cookie',
        body: StaffSignInRequest,
        response: { 200: StaffProfile, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      await app.attempts.consume([
        { name: `staff-password:ip:${request.ip}`, max: 30, windowSeconds: 900 },
        { name: `staff-password:email:${email}`, max: 10, windowSeconds: 900 },
      ]);
      try {
        const staff = await authenticateStaff(app.db, email, request.body.password);
        const session = await openStaffSession(app.db, staff.id, options.staffSessionTtlHours);
        reply.setCookie(STAFF_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          expires: session.expiresAt,
        });
        const context = await loadStaffSession(app.db, session.token);
        return await staffProfile(app.db, context!);
      } catch (error) {
        request.log.warn({ event: 'staff_sign_in_failed', ip: request.ip }, 'staff sign-in failed');
        throw error;
      }
    },
  );

  app.delete(
    '/api/v1/staff/session',
    { schema: { tags: ['staff'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[STAFF_COOKIE];
      if (token) await closeStaffSession(app.db, token);
      reply.clearCookie(STAFF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/staff/me',
    {
      preHandler: app.requireStaff(),
      schema: { tags: ['staff'], summary: 'The signed-in staff member', response: { 200: StaffProfile, ...problemResponses(401) } },
    },
    async (request) => staffProfile(app.db, request.staff),
  );

  app.get(
    '/api/v1/me',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['tenant'],
        summary: 'The signed-in tenant',
        security: [{ bearer: [] }],
        response: { 200: TenantProfile, ...problemResponses(401) },
      },
    },
    async (request) => tenantProfile(app.db, request.device.tenantId),
  );

  app.patch(
    '/api/v1/me',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['tenant'],
        summary: 'Change the tenant’s preferences',
        security: [{ bearer: [] }],
        body: UpdateTenantPreferences,
        response: { 200: TenantProfile, ...problemResponses(400, 401) },
      },
    },
    async (request) => updateTenantLanguage(app.db, request.device.tenantId, request.body.language),
  );

  app.get(
    '/api/v1/me/devices',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['tenant'],
        summary: 'The tenant’s signed-in devices',
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ items: Type.Array(DeviceSummary) }), ...problemResponses(401) },
      },
    },
    async (request) => ({ items: await listDevices(app.db, request.device.tenantId, request.device.deviceId) }),
  );

  app.delete(
    '/api/v1/me/devices/:deviceId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags: ['tenant'],
        summary: 'Sign a device out for good',
        security: [{ bearer: [] }],
        params: Type.Object({ deviceId: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await revokeDevice(app.db, request.device.tenantId, request.params.deviceId);
      return reply.code(204).send(null);
    },
  );
};
