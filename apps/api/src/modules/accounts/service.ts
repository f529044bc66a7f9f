// Accounts: staff sign-in, and the tenant's own profile, preferences and devices.
import type { PrismaClient } from '@prisma/client';
import type { DeviceSummary, Language, StaffProfile, TenantProfile } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { decoyPasswordHash, verifyPassword } from './secrets';
import type { StaffContext } from './staff-sessions';

export async function authenticateStaff(db: PrismaClient, email: string, password: string) {
  const staff = await db.staffMember.findUnique({ where: { email: email.trim().toLowerCase() } });
  const valid = await verifyPassword(staff?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!staff || !valid || staff.disabledAt) throw new DomainError('invalid_credentials');
  return staff;
}

/** Who is signed in, and whether any tenant ever named them helper (one lookup on Mandate's helperStaffId index). */
export async function staffProfile(db: PrismaClient, staff: StaffContext): Promise<StaffProfile> {
  const mandate = await db.mandate.findFirst({ where: { helperStaffId: staff.id }, select: { id: true } });
  return {
    id: staff.id,
    fullName: staff.fullName,
    email: staff.email,
    roles: staff.roles,
    organisation: { id: staff.organisation.id, name: staff.organisation.name, kind: staff.organisation.kind },
    helpsTenants: mandate !== null,
  };
}

export async function tenantProfile(db: PrismaClient, tenantId: string): Promise<TenantProfile> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    include: { home: { include: { building: { include: { residence: { include: { district: true, landlord: true } } } } } } },
  });
  if (!tenant) throw new DomainError('not_found');
  const { building } = tenant.home;
  const { residence } = building;
  return {
    id: tenant.id,
    firstName: tenant.firstName,
    language: tenant.language as Language,
    building: { id: building.id, name: building.name },
    residence: { id: residence.id, name: residence.name },
    district: { id: residence.district.id, name: residence.district.name },
    landlord: { id: residence.landlord.id, name: residence.landlord.name },
  };
}

export async function updateTenantLanguage(db: PrismaClient, tenantId: string, language: Language) {
  await db.tenant.update({ where: { id: tenantId }, data: { language } });
  return tenantProfile(db, tenantId);
}

export async function listDevices(db: PrismaClient, tenantId: string, currentDeviceId: string): Promise<DeviceSummary[]> {
  const devices = await db.device.findMany({
    where: { tenantId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  return devices.map((device) => ({
    id: device.id,
    kind: device.kind,
    label: device.label,
    createdAt: device.createdAt.toISOString(),
    lastSeenAt: device.lastSeenAt.toISOString(),
    current: device.id === currentDeviceId,
  }));
}

/** Revoking a device ends its access at once: its refresh tokens die and its access token fails the device check. */
export async function revokeDevice(db: PrismaClient, tenantId: string, deviceId: string) {
  const now = new Date();
  const { count } = await db.device.updateMany({ where: { id: deviceId, tenantId, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) {
    const exists = await db.device.findFirst({ where: { id: deviceId, tenantId }, select: { id: true } });
    if (!exists) throw new DomainError('not_found');
    return; // already revoked: revoking again is harmless
  }
  await db.refreshToken.updateMany({ where: { deviceId, revokedAt: null }, data: { revokedAt: now } });
}
