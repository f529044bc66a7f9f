// Mandates: a tenant's right given to a helper to act in their name, what the helper did with it, and the one check
// every helper route makes (resolveMandate) — the same for e-services and fault reports.
import type { Prisma, PrismaClient } from '@prisma/client';
import type { GrantMandateRequest, HelpedTenant, Mandate, MandateAction, MandateScope, Page, PageQuery } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import { decodeCursor, encodeCursor } from '../../pagination';
import { tenantPlaceSelect, toTenantPlace, type TenantPlace } from '../places/tenant-place';
import { reportNumber } from '../reports/service';
import { tellHelperOfChange } from './helper-events';

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
  bus: EventBus,
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
  // Granting twice to the same helper is the same mandate; the tenant's latest choice of scopes is the one that holds.
  const existing = await db.mandate.findFirst({
    where: { tenantId: place.tenantId, helperStaffId: target.helperStaffId, helperTenantId: target.helperTenantId, withdrawnAt: null },
    include: mandateInclude,
  });
  if (existing) {
    const same = existing.scopes.length === scopes.length && scopes.every((scope) => existing.scopes.includes(scope));
    const current = same ? existing : await db.mandate.update({ where: { id: existing.id }, data: { scopes }, include: mandateInclude });
    if (!same) await tellHelperOfChange(db, bus, current, 'scopes', now);
    return { mandate: view(current, 'GRANTOR'), created: false };
  }
  const mandate = await db.mandate.create({
    data: { tenantId: place.tenantId, ...target, scopes, createdAt: now },
    include: mandateInclude,
  });
  await tellHelperOfChange(db, bus, mandate, 'granted', now);
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

/**
 * One mandate this tenant received, withdrawn or not (404 if it is not theirs): what a helper's TV reads when it opens a
 * screen in the tenant's name straight from its address (after a reload), to say whose name it acts in, or that the
 * right was withdrawn.
 */
export async function tenantHelperMandate(db: PrismaClient, place: TenantPlace, mandateId: string): Promise<Mandate> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, helperTenantId: place.tenantId }, include: mandateInclude });
  if (!mandate) throw new DomainError('not_found');
  return view(mandate, 'TENANT_HELPER');
}

const helpedInclude = {
  tenant: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      reference: true,
      home: { select: { floor: true, door: true, building: { select: { name: true, residence: { select: { name: true } } } } } },
    },
  },
} satisfies Prisma.MandateInclude;

/**
 * A staff helper's "people I help": active mandates first (newest first), then withdrawn ones (latest withdrawn first).
 * One keyset cursor over both parts: `a.` or `w.` (which part) and the last row's time and id in that part's order.
 */
export async function staffHelpedTenants(db: PrismaClient, staffId: string, query: PageQuery): Promise<Page<HelpedTenant>> {
  const limit = query.limit ?? 20;
  let part: 'a' | 'w' = 'a';
  let after: { at: Date; id: string } | null = null;
  if (query.cursor) {
    const [prefix, rest] = [query.cursor.slice(0, 2), query.cursor.slice(2)];
    if (prefix !== 'a.' && prefix !== 'w.') throw new DomainError('invalid_cursor');
    part = prefix === 'a.' ? 'a' : 'w';
    after = decodeCursor(rest);
  }
  const keyset = (field: 'createdAt' | 'withdrawnAt') =>
    after ? { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] } : {};
  const rows: { part: 'a' | 'w'; row: Prisma.MandateGetPayload<{ include: typeof helpedInclude }> }[] = [];
  if (part === 'a') {
    const active = await db.mandate.findMany({
      where: { helperStaffId: staffId, withdrawnAt: null, ...keyset('createdAt') },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: helpedInclude,
    });
    rows.push(...active.map((row) => ({ part: 'a' as const, row })));
    after = null;
  }
  if (rows.length <= limit) {
    const withdrawn = await db.mandate.findMany({
      where: { helperStaffId: staffId, withdrawnAt: { not: null }, ...(part === 'w' ? keyset('withdrawnAt') : {}) },
      orderBy: [{ withdrawnAt: 'desc' }, { id: 'desc' }],
      take: limit + 1 - rows.length,
      include: helpedInclude,
    });
    rows.push(...withdrawn.map((row) => ({ part: 'w' as const, row })));
  }
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(({ row }) => ({
      id: row.id,
      tenant: {
        id: row.tenant.id,
        name: `${row.tenant.firstName} ${row.tenant.lastName}`,
        reference: row.tenant.reference,
        building: row.tenant.home.building.name,
        residence: row.tenant.home.building.residence.name,
        floor: row.tenant.home.floor,
        door: row.tenant.home.door,
      },
      scopes: row.scopes as MandateScope[],
      createdAt: row.createdAt.toISOString(),
      withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
      active: !row.withdrawnAt,
    })),
    nextCursor:
      rows.length > limit && last
        ? `${last.part}.` + encodeCursor({ at: last.part === 'a' ? last.row.createdAt : last.row.withdrawnAt!, id: last.row.id })
        : null,
  };
}

/**
 * Changes what an active helper may do, at once (the next request of theirs is checked against it); idempotent. The
 * helper is told when the scopes really change.
 */
export async function setMandateScopes(
  db: PrismaClient,
  bus: EventBus,
  place: TenantPlace,
  mandateId: string,
  scopes: MandateScope[],
  now = new Date(),
): Promise<Mandate> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, tenantId: place.tenantId } });
  if (!mandate) throw new DomainError('not_found');
  const { count } = await db.mandate.updateMany({ where: { id: mandateId, withdrawnAt: null }, data: { scopes } });
  if (count !== 1) throw new DomainError('mandate_not_active');
  const current = await db.mandate.findUniqueOrThrow({ where: { id: mandateId }, include: mandateInclude });
  const same = mandate.scopes.length === scopes.length && scopes.every((scope) => mandate.scopes.includes(scope));
  if (!same) await tellHelperOfChange(db, bus, current, 'scopes', now);
  return view(current, 'GRANTOR');
}

/**
 * Withdrawing is immediate and idempotent; the mandate stays listed, with what was done under it. The helper is told
 * once, by the call that withdrew it.
 */
export async function withdrawMandate(
  db: PrismaClient,
  bus: EventBus,
  place: TenantPlace,
  mandateId: string,
  now = new Date(),
): Promise<Mandate> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, tenantId: place.tenantId } });
  if (!mandate) throw new DomainError('not_found');
  const { count } = await db.mandate.updateMany({ where: { id: mandateId, withdrawnAt: null }, data: { withdrawnAt: now } });
  const current = await db.mandate.findUniqueOrThrow({ where: { id: mandateId }, include: mandateInclude });
  if (count === 1) await tellHelperOfChange(db, bus, current, 'withdrawn', now);
  return view(current, 'GRANTOR');
}

/** Where a page of actions stopped: the last action's time, its scope and its event id (each scope has its own ids). */
interface ActionCursor {
  at: Date;
  scope: MandateScope;
  id: bigint;
}

// Actions run newest first; at the same millisecond e-services come before reports, then higher ids first.
const SCOPE_RANK: Record<MandateScope, number> = { eservices: 1, reports: 0 };

function encodeActionCursor(cursor: ActionCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.scope}|${cursor.id}`).toString('base64url');
}

function decodeActionCursor(value: string): ActionCursor {
  const [at, scope, id] = Buffer.from(value, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || (scope !== 'eservices' && scope !== 'reports') || !/^[0-9]{1,19}$/.test(id ?? ''))
    throw new DomainError('invalid_cursor');
  return { at: date, scope, id: BigInt(id!) };
}

/** The events of `scope` that come after `cursor` in the order above. */
function afterCursor(cursor: ActionCursor | null, scope: MandateScope) {
  if (!cursor) return {};
  const rank = SCOPE_RANK[scope];
  const cursorRank = SCOPE_RANK[cursor.scope];
  if (rank < cursorRank) return { at: { lte: cursor.at } };
  if (rank > cursorRank) return { at: { lt: cursor.at } };
  return { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] };
}

/** The kind a tenant reads for a helper's event on a report (a status change says what the helper did). */
function reportActionKind(event: { kind: string; status: string | null; body: string | null }): string {
  if (event.kind !== 'STATUS') return event.kind;
  if (event.status === 'RECEIVED') return event.body === null ? 'REPORTED' : 'REOPENED';
  return event.status ?? event.kind;
}

/**
 * What was done in the tenant's name under a mandate, newest first: the HELPER events of the e-service requests'
 * and the reports' timelines, merged into one keyset-paginated list.
 */
export async function mandateActions(
  db: PrismaClient,
  place: TenantPlace,
  mandateId: string,
  query: PageQuery,
): Promise<Page<MandateAction>> {
  const mandate = await db.mandate.findFirst({ where: { id: mandateId, tenantId: place.tenantId }, select: { id: true } });
  if (!mandate) throw new DomainError('not_found');
  const limit = query.limit ?? 20;
  const cursor = query.cursor ? decodeActionCursor(query.cursor) : null;
  const [eserviceEvents, reportEvents] = await Promise.all([
    db.eServiceRequestEvent.findMany({
      where: { actorKind: 'HELPER', actorId: mandateId, request: { tenantId: place.tenantId }, ...afterCursor(cursor, 'eservices') },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: { request: { select: { id: true, receiptNumber: true } } },
    }),
    db.reportEvent.findMany({
      where: {
        authorKind: 'HELPER',
        mandateId,
        report: { tenantId: place.tenantId },
        // Accepting a slot writes the status change and the slot taken: the tenant reads it once.
        NOT: { kind: 'STATUS', status: 'APPOINTMENT_BOOKED' },
        ...afterCursor(cursor, 'reports'),
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      include: { report: { select: { id: true, serial: true, createdAt: true } } },
    }),
  ]);
  const merged = [
    ...eserviceEvents.map((event) => ({
      cursor: { at: event.at, scope: 'eservices' as const, id: event.id },
      action: {
        at: event.at.toISOString(),
        scope: 'eservices' as const,
        kind: event.kind,
        requestId: event.request.id,
        receiptNumber: event.request.receiptNumber,
        helperName: event.actorName ?? '',
      },
    })),
    ...reportEvents.map((event) => ({
      cursor: { at: event.at, scope: 'reports' as const, id: event.id },
      action: {
        at: event.at.toISOString(),
        scope: 'reports' as const,
        kind: reportActionKind(event),
        requestId: event.report.id,
        receiptNumber: reportNumber(event.report),
        helperName: event.authorName ?? '',
      },
    })),
  ].sort(
    (a, b) =>
      b.cursor.at.getTime() - a.cursor.at.getTime() ||
      SCOPE_RANK[b.cursor.scope] - SCOPE_RANK[a.cursor.scope] ||
      (b.cursor.id > a.cursor.id ? 1 : b.cursor.id < a.cursor.id ? -1 : 0),
  );
  const items = merged.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((item) => item.action),
    nextCursor: merged.length > limit && last ? encodeActionCursor(last.cursor) : null,
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
