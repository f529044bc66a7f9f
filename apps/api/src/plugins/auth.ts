// Who is calling: a tenant's device (Bearer access token) or a staff member (session cookie), and what they may do.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { StaffRole } from '@palier/contracts';
import { createAccessTokens, type AccessTokens, type DeviceClaims, type HandoffClaims } from '../modules/devices/access-tokens';
import { loadStaffSession, type StaffContext } from '../modules/accounts/staff-sessions';
import { DomainError } from '../domain-error';
import { devicePlace, tenantPlaceSelect, toTenantPlace, type TenantPlace } from '../modules/places/tenant-place';

/** A tenant's device, authenticated, with where the tenant lives (read in the same query as the revocation check). */
export type AuthenticatedDevice = DeviceClaims & { place: TenantPlace };

/** A phone working on one task handed off by the TV, with where its tenant lives. */
export type AuthenticatedHandoff = HandoffClaims & { place: TenantPlace };

export const STAFF_COOKIE = 'palier_staff';

declare module 'fastify' {
  interface FastifyInstance {
    accessTokens: AccessTokens;
    requireTenant: preHandlerHookHandler;
    requireStaff(...roles: StaffRole[]): preHandlerHookHandler;
    requireHandoff(purpose: string): preHandlerHookHandler;
    authenticateDevice(token: string | undefined): Promise<AuthenticatedDevice>;
    authenticateStaffCookie(request: FastifyRequest): Promise<StaffContext>;
  }
  interface FastifyRequest {
    device: AuthenticatedDevice;
    staff: StaffContext;
    handoff: AuthenticatedHandoff;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

export default fp<{ tokenSecret: string; accessTokenTtlSeconds: number; issuer: string }>(
  async (app, options) => {
    await app.register(cookie);
    app.decorate('accessTokens', createAccessTokens(options.tokenSecret, options.accessTokenTtlSeconds, options.issuer));
    app.decorateRequest('device', null as unknown as AuthenticatedDevice);
    app.decorateRequest('staff', null as unknown as StaffContext);
    app.decorateRequest('handoff', null as unknown as AuthenticatedHandoff);

    app.decorate('authenticateDevice', async (token: string | undefined) => {
      if (!token) throw new DomainError('unauthenticated');
      const claims = app.accessTokens.verify(token);
      if (!claims) throw new DomainError('invalid_token');
      const device = await devicePlace(app.db, claims.deviceId);
      if (!device || device.revokedAt || device.place.tenantId !== claims.tenantId) throw new DomainError('invalid_token');
      return { ...claims, place: device.place };
    });

    app.decorate('authenticateStaffCookie', async (request: FastifyRequest) => {
      const token = request.cookies[STAFF_COOKIE];
      if (!token) throw new DomainError('unauthenticated');
      const staff = await loadStaffSession(app.db, token);
      if (!staff) throw new DomainError('unauthenticated');
      return staff;
    });

    app.decorate('requireTenant', async function (request: FastifyRequest, _reply: FastifyReply) {
      request.device = await app.authenticateDevice(bearer(request));
    });

    app.decorate('requireHandoff', (purpose: string) => {
      return async function (request: FastifyRequest) {
        const token = bearer(request);
        if (!token) throw new DomainError('unauthenticated');
        const claims = app.accessTokens.verifyHandoff(token);
        if (!claims) throw new DomainError('invalid_token');
        if (claims.purpose !== purpose) throw new DomainError('forbidden');
        const tenant = await app.db.tenant.findUnique({ where: { id: claims.tenantId }, select: tenantPlaceSelect });
        if (!tenant) throw new DomainError('invalid_token');
        request.handoff = { ...claims, place: toTenantPlace(tenant) };
      };
    });

    app.decorate('requireStaff', (...roles: StaffRole[]) => {
      return async function (request: FastifyRequest) {
        request.staff = await app.authenticateStaffCookie(request);
        const allowed = roles.length === 0 || request.staff.roles.some((role) => role === 'ADMIN' || roles.includes(role));
        if (!allowed) throw new DomainError('forbidden');
      };
    });
  },
  { name: 'auth', dependencies: ['database', 'problems'] },
);
