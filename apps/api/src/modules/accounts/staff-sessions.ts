// Staff sessions: an opaque cookie token whose digest is stored, loaded with the member's roles and scope.
import type { PrismaClient, OrganisationKind, StaffRole } from '@prisma/client';
import { digest, randomToken } from './secrets';

export interface StaffContext {
  id: string;
  fullName: string;
  email: string;
  roles: StaffRole[];
  organisation: { id: string; name: string; kind: OrganisationKind; cityId: string; districtId: string | null };
  /** Residences and buildings this member is limited to; both empty means everything the organisation covers. */
  scope: { residenceIds: string[]; buildingIds: string[] };
}

export async function openStaffSession(db: PrismaClient, staffId: string, ttlHours: number) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.staffSession.create({ data: { staffId, tokenHash: digest(token), expiresAt } });
  return { token, expiresAt };
}

export async function closeStaffSession(db: PrismaClient, token: string) {
  await db.staffSession.updateMany({ where: { tokenHash: digest(token), revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function loadStaffSession(db: PrismaClient, token: string): Promise<StaffContext | null> {
  const session = await db.staffSession.findUnique({
    where: { tokenHash: digest(token) },
    include: { staff: { include: { organisation: true, scopes: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date() || session.staff.disabledAt) return null;
  const { staff } = session;
  return {
    id: staff.id,
    fullName: staff.fullName,
    email: staff.email,
    roles: staff.roles,
    organisation: {
      id: staff.organisation.id,
      name: staff.organisation.name,
      kind: staff.organisation.kind,
      cityId: staff.organisation.cityId,
      districtId: staff.organisation.districtId,
    },
    scope: {
      residenceIds: staff.scopes.flatMap((scope) => (scope.residenceId ? [scope.residenceId] : [])),
      buildingIds: staff.scopes.flatMap((scope) => (scope.buildingId ? [scope.buildingId] : [])),
    },
  };
}
