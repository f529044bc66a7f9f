// Mandates: a tenant's right given to a helper to act in their name, what the helper did with it, and the one check
// every helper route makes (resolveMandate) — the same for e-services now and fault reports later.
import type { Prisma, PrismaClient } from '@prisma/client';
import type { GrantMandateRequest, Mandate, MandateAction, MandateScope, Page, PageQuery } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { decodeCursor, encodeCursor } from '../../pagination';
import { tenantPlaceSelect, toTenantPlace, type TenantPlace } from '../places/tenant-place';

/** Who acts when a helper does: the mandate (id) and the helper's name, written into the timelines. */
export interface HelperActor {
  kind: 'HELPER';
  id: string;
  name: string;
}

export type Helper = { staffId: string } | { tenantId: string };

const mandateInclude = { tenant: { select: { id: true, firstName: true, lastName: true } } } satisfies Prisma.MandateInclude;
type MandateRow = Prisma.MandateGetPayload<{ include: typeof mandateInclude }>;

function view(mandate: MandateRow, audience: 'GRANTOR' | 'STAFF' | 'TENANT_HELPER'): Mandate {
  return {
    id: mandate.id,
    // A staff helper knows whom they help; a neighbour sees a first name, as everywhere between tenants.
    tenant: {
      id: mandate.tenant.id,
      name: audience === 'STAFF' ? `${mandate.tenant.firstName} ${mandate.tenant.lastName}` : mandate.tenant.firstName,
    },
    helper: { kind: mandate.helperStaffId ? 'STAFF' : 'TENANT', name: mandate.helperName },
    scopes: mandate.scopes as MandateScope[],
    createdAt: mandate.createdAt.toISOString(),
    withdrawnAt: mandate.withdrawnAt?.toISOString() ?? null,
    active: !mandate.withdrawnAt,
  };
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', undefined, { errors: [{ field, message }] });
}

export async function grantMandate(
  db: PrismaClient,
  place: TenantPlace,
  request: GrantMandateRequest,
  now = new Date(),
): Promise<{ mandate: Mandate; created: boolean }> {
  const { helper } = request;
  let target: { helperStaffId: string | null; helperTenantId: string | null; helperName: string };
  if (helper.kind === 'STAFF') {
    const staff = await db.staffMember.findFirst({
      where: { email: helper.email.toLowerCase(), disabledAt: null },
      include: { organisation: { select: { name: true } } },
    });
    if (!staff) throw invalid('body.helper.email', 'is not a Palier staff member');
    target = { helperStaffId: staff.id, helperTenantId: null, helperName: `${staff.fullName} (${staff.organisation.name})` };
  } else {
    const tenant = await db.tenant.findUnique({ where: { reference: helper.reference.trim().toUpperCase() } });
    if (!tenant) throw invalid('body.helper.reference', 'is not a tenant’s reference');
    if (tenant.id === place.tenantId) throw invalid('body.helper.reference', 'is your own reference');
    target = { helperStaffId: null, helperTenantId: tenant.id, helperName: tenant.firstName };
  }
  const scopes = request.scopes ?? ['eservices'];
  // Granting twice to the same helper is the same mandate.
  const existing = await db.mandate.findFirst({
    where: { tenantId: place.tenantId, helperStaffId: target.helperStaffId, helperTenantId: target.helperTenantId, withdrawnAt: null },
    include: mandateInclude,
  });
  if (existing) return { mandate: view(existing, 'GRANTOR'), created: false };
  const mandate = await db.mandate.create({
    data: { tenantId: place.tenantId, ...target, scopes, createdAt: now },
    include: mandateInclude,
  });
  return { mandate: view(mandate, 'GRANTOR'), created: true };
}

async function page(
  db: PrismaClient,
  where: Prisma.MandateWhereInput,
  query: PageQuery,
  audience: 'GRANTOR' | 'STAFF' | 'TENANT_HELPER',
): Promise<Page<Mandate>> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.mandate.findMany({
    where: { ...where, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: mandateInclude,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((row) => view(row, audience)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export const givenMandates = (db: PrismaClient, place: TenantPlace, query: PageQuery) =>
  page(db, { tenantId: place.tenantId }, query, 'GRANTOR');
export const tenantHelperMandates = (db: PrismaClient, place: TenantPlace, query: PageQuery) =>
  page(db, { helperTenantId: place.tenantId, withdrawnAt: null }, query, 'TENANT_HELPER');
export const staffHelperMandates = (db: PrismaClient, staffId: string, query: PageQuery) =>
  page(db, { helperStaffId: staffId, withdrawnAt: null }, query, 'STAFF');

/** Withdrawing is immediate and idempotent; the mandate stays listed, with what was done under it. */
export async function withdrawMandate(db: PrismaClient, place: TenantPlace, mandateId: string, now = new Date()): Promise<Mandate> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, tenantId: place.tenantId } });
  if (!mandate) throw new DomainError('not_found');
  await db.mandate.updateMany({ where: { id: mandateId, withdrawnAt: null }, data: { withdrawnAt: now } });
  return view(await db.mandate.findUniqueOrThrow({ where: { id: mandateId }, include: mandateInclude }), 'GRANTOR');
}

/** What was done in the tenant's name under a mandate, newest first (the e-service timelines' HELPER events). */
export async function mandateActions(
  db: PrismaClient,
  place: TenantPlace,
  mandateId: string,
  query: PageQuery,
): Promise<Page<MandateAction>> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, tenantId: place.tenantId }, select: { id: true } });
  if (!mandate) throw new DomainError('not_found');
  const limit = query.limit ?? 20;
  const before =
    query.cursor && /^[0-9]{1,19}$/.test(Buffer.from(query.cursor, 'base64url').toString())
      ? BigInt(Buffer.from(query.cursor, 'base64url').toString())
      : null;
  if (query.cursor && before === null) throw new DomainError('invalid_cursor');
  const events = await db.eServiceRequestEvent.findMany({
    where: {
      actorKind: 'HELPER',
      actorId: mandateId,
      request: { tenantId: place.tenantId },
      ...(before !== null ? { id: { lt: before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
    include: { request: { select: { id: true, receiptNumber: true } } },
  });
  const items = events.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((event) => ({
      at: event.at.toISOString(),
      kind: event.kind,
      requestId: event.request.id,
      receiptNumber: event.request.receiptNumber,
      helperName: event.actorName ?? '',
    })),
    nextCursor: events.length > limit && last ? Buffer.from(last.id.toString()).toString('base64url') : null,
  };
}

/**
 * The check of every route a helper uses: the mandate exists, is theirs, covers `scope` and is not withdrawn (403
 * mandate_withdrawn). Returns where the tenant lives (the helper acts as them) and the actor for the timelines.
 */
export async function resolveMandate(
  db: PrismaClient,
  mandateId: string,
  helper: Helper,
  scope: MandateScope,
): Promise<{ place: TenantPlace; actor: HelperActor }> {
  const mandate = await db.mandate.findUnique({ where: { id: mandateId }, include: { tenant: { select: tenantPlaceSelect } } });
  const mine = mandate && ('staffId' in helper ? mandate.helperStaffId === helper.staffId : mandate.helperTenantId === helper.tenantId);
  if (!mandate || !mine) throw new DomainError('not_found');
  if (mandate.withdrawnAt) throw new DomainError('mandate_withdrawn');
  if (!mandate.scopes.includes(scope)) throw new DomainError('forbidden');
  return { place: toTenantPlace(mandate.tenant), actor: { kind: 'HELPER', id: mandate.id, name: mandate.helperName } };
}
