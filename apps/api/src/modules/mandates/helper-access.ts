// The pre-handler of every route a helper uses under /api/v1/mandates/:mandateId/<domain>/…: who the helper is (a
// tenant by their TV's Bearer token, or a staff member by the console's cookie), then resolveMandate's one check.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MandateScope } from '@palier/contracts';
import { resolveMandate, type Helper, type HelperActor } from './service';
import type { TenantPlace } from '../places/tenant-place';

export async function helperAccess(
  app: FastifyInstance,
  request: FastifyRequest,
  scope: MandateScope,
): Promise<{ place: TenantPlace; actor: HelperActor }> {
  const authorization = request.headers.authorization;
  const helper: Helper = authorization?.startsWith('Bearer ')
    ? { tenantId: (await app.authenticateDevice(authorization.slice(7).trim())).place.tenantId }
    : { staffId: (await app.authenticateStaffCookie(request)).id };
  return resolveMandate(app.db, (request.params as { mandateId: string }).mandateId, helper, scope);
}
