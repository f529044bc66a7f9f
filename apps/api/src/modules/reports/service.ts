// Fault reports: submission, the tenant's follow-up (by the tenant, or a helper under their mandate), neighbours'
// "me too", and the landlord's queue and handling.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  MAX_REPORT_PHOTOS,
  commonAreaSpots,
  homeSpots,
  openReportStatuses,
  reportCategory,
  type AssignReportRequest,
  type NeighbourhoodReport,
  type OfferSlotsRequest,
  type Page,
  type RateReportRequest,
  type ReportAction,
  type ReportPhoto as ReportPhotoView,
  type ReportStatus,
  type StaffReport,
  type StaffReportQuery,
  type StaffReportSummary,
  type StaffReportTransitionRequest,
  type SubmitReportRequest,
  type TenantReport,
  type TenantReportSummary,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { Storage } from '../../plugins/storage';
import type { StaffContext } from '../accounts/staff-sessions';
import type { TenantPlace } from '../places/tenant-place';
import { coversBuilding } from '../places/service';
import { raiseEvent } from '../realtime/service';
import { tellHelpers } from '../mandates/helper-events';
import { decodeCursor, encodeCursor } from '../../pagination';
import { availableActions, decideTransition, reopenDeadline, type ReportActor } from './state-machine';
import { reencodePhoto } from '../photos/encoding';
import { photoKey, storePhoto } from '../photos/files';
import type { PhotoLinks } from '../photos/signed-links';

export const HANDLING_ROLES = ['CARETAKER', 'ADMIN'] as const;
export const READING_ROLES = ['CARETAKER', 'AGENT', 'ADMIN'] as const;

export interface ReportContext {
  db: PrismaClient;
  bus: EventBus;
  links: PhotoLinks;
  storage: Storage;
}

const DAY_MS = 86_400_000;

/** Who acts on a tenant's report: the tenant, or a helper in their name under a mandate (written in the timeline). */
export type TenantSideActor = { kind: 'TENANT' } | { kind: 'HELPER'; mandateId: string; name: string };
export const TENANT_HIMSELF: TenantSideActor = { kind: 'TENANT' };

/** The author columns of a timeline event. */
interface EventAuthor {
  authorKind: 'TENANT' | 'STAFF' | 'HELPER';
  authorStaffId?: string | null;
  authorName?: string | null;
  mandateId?: string | null;
}

function authorOf(actor: TenantSideActor): EventAuthor {
  return actor.kind === 'HELPER' ? { authorKind: 'HELPER', authorName: actor.name, mandateId: actor.mandateId } : { authorKind: 'TENANT' };
}

type Change = 'created' | 'status' | 'message' | 'assigned' | 'slots' | 'photo' | 'rated' | 'me_too';

const reportInclude = {
  events: { orderBy: { id: 'asc' } },
  photos: { orderBy: { createdAt: 'asc' } },
  slots: { orderBy: { startsAt: 'asc' } },
  _count: { select: { supports: true } },
} satisfies Prisma.ReportInclude;

const staffInclude = {
  ...reportInclude,
  tenant: { select: { id: true, firstName: true, lastName: true, reference: true } },
  home: { select: { floor: true, door: true } },
  building: {
    select: {
      id: true,
      name: true,
      residenceId: true,
      residence: {
        select: { id: true, name: true, landlordId: true, districtId: true, district: { select: { id: true, name: true, cityId: true } } },
      },
    },
  },
  assignee: { select: { id: true, fullName: true } },
} satisfies Prisma.ReportInclude;

type LoadedReport = Prisma.ReportGetPayload<{ include: typeof reportInclude }>;
type LoadedStaffReport = Prisma.ReportGetPayload<{ include: typeof staffInclude }>;

export function reportNumber(report: { serial: number; createdAt: Date }): string {
  return `R-${report.createdAt.getUTCFullYear()}-${String(report.serial).padStart(6, '0')}`;
}

function firstName(fullName: string | null): string | null {
  return fullName ? (fullName.split(/\s+/)[0] ?? fullName) : null;
}

function photoView(links: PhotoLinks, photo: { id: string; width: number; height: number; createdAt: Date }): ReportPhotoView {
  return {
    id: photo.id,
    url: links.url(photo.id, 'full'),
    thumbUrl: links.url(photo.id, 'thumb'),
    width: photo.width,
    height: photo.height,
    createdAt: photo.createdAt.toISOString(),
  };
}

function slotViews(report: LoadedReport) {
  return report.slots.map((slot) => ({
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    state: slot.acceptedAt ? ('ACCEPTED' as const) : slot.withdrawnAt ? ('WITHDRAWN' as const) : ('OFFERED' as const),
  }));
}

function baseView(report: LoadedReport) {
  return {
    id: report.id,
    number: reportNumber(report),
    category: report.category as TenantReport['category'],
    location: report.location,
    spot: report.spot as TenantReport['spot'],
    urgency: report.urgency,
    template: report.template,
    description: report.description,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    dueAt: report.dueAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    rating: report.rating,
    meTooCount: report._count.supports,
  };
}

function timeline(report: LoadedReport, audience: 'TENANT' | 'STAFF') {
  return report.events.map((event) => ({
    id: event.id.toString(),
    kind: event.kind as TenantReport['timeline'][number]['kind'],
    at: event.at.toISOString(),
    author: event.authorKind as 'TENANT' | 'STAFF' | 'SYSTEM' | 'HELPER',
    // The tenant reads first names ("by Nadia, on your behalf"); the console the full name and organisation.
    authorName: audience === 'TENANT' ? firstName(event.authorName) : event.authorName,
    status: event.status,
    body: event.body,
  }));
}

function tenantActions(report: LoadedReport, now: Date): TenantReport['actions'] {
  const actions: TenantReport['actions'] = [];
  const allowed = availableActions(report, 'TENANT', now);
  if (allowed.includes('cancel')) actions.push('cancel');
  if (allowed.includes('reopen')) actions.push('reopen');
  if (allowed.includes('accept_slot')) actions.push('accept_slot');
  if ((report.status === 'RESOLVED' || report.status === 'CLOSED') && report.rating === null) actions.push('rate');
  if (openReportStatuses.includes(report.status)) actions.push('add_information');
  return actions;
}

function toTenantReport(links: PhotoLinks, report: LoadedReport, now = new Date()): TenantReport {
  return {
    ...baseView(report),
    reopenUntil: report.status === 'RESOLVED' && report.resolvedAt ? reopenDeadline(report.resolvedAt).toISOString() : null,
    actions: tenantActions(report, now),
    photos: report.photos.map((photo) => photoView(links, photo)),
    slots: slotViews(report),
    timeline: timeline(report, 'TENANT'),
  };
}

function isOverdue(report: { status: ReportStatus; dueAt: Date }, now: Date): boolean {
  return openReportStatuses.includes(report.status) && report.dueAt < now;
}

function toStaffSummary(report: LoadedStaffReport, now: Date): StaffReportSummary {
  return {
    ...baseView(report),
    place: {
      residenceId: report.building.residenceId,
      residence: report.building.residence.name,
      buildingId: report.building.id,
      building: report.building.name,
      floor: report.home.floor,
      door: report.home.door,
    },
    // null once the tenant has left Palier: the landlord keeps the report for the home, without a name.
    tenant: report.tenant
      ? { id: report.tenant.id, name: `${report.tenant.firstName} ${report.tenant.lastName}`, reference: report.tenant.reference }
      : null,
    assignee: report.assignee ? { id: report.assignee.id, name: report.assignee.fullName } : null,
    overdue: isOverdue(report, now),
    ageDays: Math.floor((now.getTime() - report.createdAt.getTime()) / DAY_MS),
    photoCount: report.photos.length,
  };
}

function toStaffReport(links: PhotoLinks, staff: StaffContext, report: LoadedStaffReport, now = new Date()): StaffReport {
  const handles = staff.roles.some((role) => role === 'ADMIN' || role === 'CARETAKER');
  const actions: StaffReport['actions'] = [];
  if (handles) {
    for (const action of availableActions(report, 'STAFF', now)) {
      if (action === 'acknowledge' || action === 'offer_slots' || action === 'start' || action === 'resolve' || action === 'close')
        actions.push(action);
    }
    if (report.status !== 'CLOSED' && report.status !== 'CANCELLED') actions.push('assign', 'message');
  }
  return {
    ...toStaffSummary(report, now),
    ratingComment: report.ratingComment,
    photos: report.photos.map((photo) => photoView(links, photo)),
    slots: slotViews(report),
    timeline: timeline(report, 'STAFF'),
    actions,
  };
}

async function announce(
  ctx: ReportContext,
  report: { id: string; tenantId: string | null; organisationId: string; status: ReportStatus },
  change: Change,
) {
  const data = { reportId: report.id, status: report.status, change };
  if (report.tenantId) {
    await raiseEvent(ctx.db, ctx.bus, `TENANT:${report.tenantId}`, { name: 'report.updated', data });
    await tellHelpers(ctx.db, ctx.bus, report.tenantId, 'reports', (mandateId) => ({
      name: 'mandate.report_updated',
      data: { ...data, mandateId },
    }));
  }
  await raiseEvent(ctx.db, ctx.bus, `ORGANISATION:${report.organisationId}`, { name: 'report.updated', data });
}

/**
 * Whose report drafts a waiting photo belongs to: the tenant's own TV (null) or a helper's mandate (its id). The phone
 * hand-off it came through says so; a photo whose hand-off is gone (its mandate deleted) belongs to nobody.
 */
function draftOwner(actor: TenantSideActor): string | null {
  return actor.kind === 'HELPER' ? actor.mandateId : null;
}

/** Of these photos, those sent through the owner's hand-offs. */
async function ownedBy<T extends { handoffId: string }>(
  db: PrismaClient | Prisma.TransactionClient,
  photos: T[],
  owner: string | null,
): Promise<T[]> {
  if (photos.length === 0) return photos;
  const handoffs = await db.phoneHandoff.findMany({
    where: { id: { in: Array.from(new Set(photos.map((photo) => photo.handoffId))) } },
    select: { id: true, mandateId: true },
  });
  const owned = new Set(handoffs.filter((handoff) => handoff.mandateId === owner).map((handoff) => handoff.id));
  return photos.filter((photo) => owned.has(photo.handoffId));
}

/** The tenant's photos waiting for a report (a day at most) that one owner sent: see draftOwner. */
async function waitingPhotos(db: PrismaClient, tenantId: string, owner: string | null, now: Date) {
  const photos = await db.reportPhoto.findMany({
    where: { tenantId, reportId: null, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
    orderBy: { createdAt: 'asc' },
  });
  return ownedBy(db, photos, owner);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', undefined, { errors: [{ field, message }] });
}

// --- tenant ---

export async function submitReport(
  ctx: ReportContext,
  place: TenantPlace,
  request: SubmitReportRequest,
  idempotencyKey: string | undefined,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
): Promise<{ report: TenantReport; created: boolean }> {
  const { db } = ctx;
  const key = idempotencyKey ? `${place.tenantId}:${idempotencyKey}` : undefined;
  const replay = async () => {
    const existing = await db.report.findUnique({ where: { idempotencyKey: key }, include: reportInclude });
    return existing ? { report: toTenantReport(ctx.links, existing, now), created: false } : null;
  };
  if (key) {
    const replayed = await replay();
    if (replayed) return replayed;
  }
  const category = reportCategory(request.category);
  const spots: readonly string[] = request.location === 'HOME' ? homeSpots : commonAreaSpots;
  if (!spots.includes(request.spot))
    throw invalid('body.spot', `is not a place of ${request.location === 'HOME' ? 'a home' : 'the building'}`);
  if (request.template && !category.templates.some((template) => template.code === request.template))
    throw invalid('body.template', `is not a template of ${request.category}`);
  const residence = await db.residence.findUniqueOrThrow({ where: { id: place.residenceId }, select: { landlordId: true } });
  // Urgent reports are due within a day whatever the category promises.
  const days = request.urgency === 'URGENT' ? Math.min(1, category.serviceLevelDays) : category.serviceLevelDays;
  const photoIds = request.photoIds ?? [];
  let created;
  try {
    created = await db.$transaction(async (tx) => {
      const report = await tx.report.create({
        data: {
          organisationId: residence.landlordId,
          tenantId: place.tenantId,
          homeId: place.homeId,
          buildingId: place.buildingId,
          residenceId: place.residenceId,
          category: request.category,
          location: request.location,
          spot: request.spot,
          urgency: request.urgency,
          template: request.template ?? null,
          description: request.description.trim(),
          dueAt: new Date(now.getTime() + days * DAY_MS),
          idempotencyKey: key,
          createdAt: now,
          updatedAt: now,
          events: { create: { kind: 'STATUS', ...authorOf(actor), status: 'RECEIVED', at: now } },
        },
      });
      if (photoIds.length > 0) {
        // Only the photos sent for this writer's draft: the tenant's own, or this helper's under this mandate.
        const waiting = await tx.reportPhoto.findMany({
          where: { id: { in: photoIds }, tenantId: place.tenantId, reportId: null },
          select: { id: true, handoffId: true },
        });
        const theirs = await ownedBy(tx, waiting, draftOwner(actor));
        if (theirs.length !== photoIds.length) throw invalid('body.photoIds', 'a photo is unknown or already attached');
        const { count } = await tx.reportPhoto.updateMany({
          where: { id: { in: photoIds }, tenantId: place.tenantId, reportId: null },
          data: { reportId: report.id },
        });
        if (count !== photoIds.length) throw invalid('body.photoIds', 'a photo is unknown or already attached');
      }
      return tx.report.findUniqueOrThrow({ where: { id: report.id }, include: reportInclude });
    });
  } catch (error) {
    // Two retries raced: the other one created it.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const replayed = await replay();
      if (replayed) return replayed;
    }
    throw error;
  }
  await announce(ctx, created, 'created');
  return { report: toTenantReport(ctx.links, created, now), created: true };
}

export async function listTenantReports(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
): Promise<Page<TenantReportSummary>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const reports = await db.report.findMany({
    where: {
      tenantId: place.tenantId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: { slots: { where: { withdrawnAt: null }, orderBy: { startsAt: 'asc' } } },
  });
  const items = reports.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((report) => {
      const accepted = report.slots.find((slot) => slot.acceptedAt);
      const offered = report.status === 'APPOINTMENT_OFFERED' ? report.slots[0] : undefined;
      const slot = accepted ?? offered;
      return {
        id: report.id,
        number: reportNumber(report),
        category: report.category as TenantReportSummary['category'],
        spot: report.spot as TenantReportSummary['spot'],
        description: report.description,
        status: report.status,
        createdAt: report.createdAt.toISOString(),
        updatedAt: report.updatedAt.toISOString(),
        appointment: slot ? { startsAt: slot.startsAt.toISOString(), state: accepted ? 'ACCEPTED' : 'OFFERED' } : null,
      };
    }),
    nextCursor: reports.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

async function ownReport(db: PrismaClient | Prisma.TransactionClient, place: TenantPlace, reportId: string): Promise<LoadedReport> {
  const report = await db.report.findFirst({ where: { id: reportId, tenantId: place.tenantId }, include: reportInclude });
  if (!report) throw new DomainError('not_found');
  return report;
}

export async function tenantReport(ctx: ReportContext, place: TenantPlace, reportId: string): Promise<TenantReport> {
  return toTenantReport(ctx.links, await ownReport(ctx.db, place, reportId));
}

/** Moves a report from the status it was read in; a concurrent change makes the conditional update miss, and refuses. */
async function applyTransition(
  tx: Prisma.TransactionClient,
  report: { id: string; status: ReportStatus; resolvedAt: Date | null },
  action: ReportAction,
  actor: ReportActor,
  author: EventAuthor,
  body: string | null,
  now: Date,
): Promise<ReportStatus> {
  const decision = decideTransition(report, action, actor, now);
  if (!decision.allowed) {
    throw new DomainError(decision.reason === 'reopen_window_closed' ? 'report_reopen_window_closed' : 'report_transition_refused');
  }
  const { count } = await tx.report.updateMany({
    where: { id: report.id, status: report.status },
    data: {
      status: decision.to,
      updatedAt: now,
      ...(decision.to === 'RESOLVED' ? { resolvedAt: now } : {}),
      ...(action === 'reopen' ? { resolvedAt: null, rating: null, ratingComment: null } : {}),
    },
  });
  if (count !== 1) throw new DomainError('report_transition_refused');
  await tx.reportEvent.create({
    data: {
      reportId: report.id,
      kind: 'STATUS',
      ...author,
      status: decision.to,
      body,
      at: now,
    },
  });
  return decision.to;
}

async function reloadTenant(ctx: ReportContext, place: TenantPlace, reportId: string, change: Change): Promise<TenantReport> {
  const report = await ownReport(ctx.db, place, reportId);
  await announce(ctx, report, change);
  return toTenantReport(ctx.links, report);
}

export async function cancelReport(
  ctx: ReportContext,
  place: TenantPlace,
  reportId: string,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
) {
  const report = await ownReport(ctx.db, place, reportId);
  await ctx.db.$transaction(async (tx) => {
    await applyTransition(tx, report, 'cancel', 'TENANT', authorOf(actor), null, now);
    await tx.reportSlot.updateMany({ where: { reportId, acceptedAt: null, withdrawnAt: null }, data: { withdrawnAt: now } });
  });
  return reloadTenant(ctx, place, reportId, 'status');
}

export async function reopenReport(
  ctx: ReportContext,
  place: TenantPlace,
  reportId: string,
  reason: string,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
) {
  const report = await ownReport(ctx.db, place, reportId);
  await ctx.db.$transaction((tx) => applyTransition(tx, report, 'reopen', 'TENANT', authorOf(actor), reason.trim(), now));
  return reloadTenant(ctx, place, reportId, 'status');
}

export async function acceptSlot(
  ctx: ReportContext,
  place: TenantPlace,
  reportId: string,
  slotId: string,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
) {
  const report = await ownReport(ctx.db, place, reportId);
  const slot = report.slots.find((candidate) => candidate.id === slotId);
  if (!slot || slot.withdrawnAt || slot.acceptedAt || slot.startsAt <= now) throw new DomainError('slot_unavailable');
  await ctx.db.$transaction(async (tx) => {
    await applyTransition(tx, report, 'accept_slot', 'TENANT', authorOf(actor), null, now);
    await tx.reportSlot.update({ where: { id: slotId }, data: { acceptedAt: now } });
    await tx.reportSlot.updateMany({ where: { reportId, id: { not: slotId }, withdrawnAt: null }, data: { withdrawnAt: now } });
    await tx.reportEvent.create({
      data: { reportId, kind: 'SLOT_ACCEPTED', ...authorOf(actor), body: slot.startsAt.toISOString(), at: now },
    });
  });
  return reloadTenant(ctx, place, reportId, 'slots');
}

export async function addTenantMessage(
  ctx: ReportContext,
  place: TenantPlace,
  reportId: string,
  body: string,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
) {
  const report = await ownReport(ctx.db, place, reportId);
  if (!openReportStatuses.includes(report.status)) throw new DomainError('report_transition_refused');
  await ctx.db.$transaction([
    ctx.db.reportEvent.create({ data: { reportId, kind: 'MESSAGE', ...authorOf(actor), body: body.trim(), at: now } }),
    ctx.db.report.update({ where: { id: reportId }, data: { updatedAt: now } }),
  ]);
  return reloadTenant(ctx, place, reportId, 'message');
}

export async function rateReport(
  ctx: ReportContext,
  place: TenantPlace,
  reportId: string,
  rating: RateReportRequest,
  actor: TenantSideActor = TENANT_HIMSELF,
  now = new Date(),
) {
  const report = await ownReport(ctx.db, place, reportId);
  if (report.status !== 'RESOLVED' && report.status !== 'CLOSED') throw new DomainError('report_transition_refused');
  const { count } = await ctx.db.report.updateMany({
    where: { id: reportId, rating: null },
    data: { rating: rating.stars, ratingComment: rating.comment?.trim() || null, updatedAt: now },
  });
  if (count !== 1) throw new DomainError('report_already_rated');
  await ctx.db.reportEvent.create({
    data: { reportId, kind: 'RATED', ...authorOf(actor), body: String(rating.stars), at: now },
  });
  return reloadTenant(ctx, place, reportId, 'rated');
}

// --- neighbours ---

const sharedWith = (place: TenantPlace): Prisma.ReportWhereInput => ({
  buildingId: place.buildingId,
  location: 'COMMON_AREA',
  status: { in: [...openReportStatuses] },
});

type SharedReport = Prisma.ReportGetPayload<{
  include: { _count: { select: { supports: true } }; supports: { select: { tenantId: true } } };
}>;

/** Deliberately built field by field: nothing about who reported it, or their home, ever reaches neighbours. */
function toNeighbourhoodReport(report: SharedReport, place: TenantPlace): NeighbourhoodReport {
  return {
    id: report.id,
    number: reportNumber(report),
    category: report.category as NeighbourhoodReport['category'],
    spot: report.spot as NeighbourhoodReport['spot'],
    description: report.description,
    status: report.status,
    createdAt: report.createdAt.toISOString(),
    meTooCount: report._count.supports,
    mine: report.tenantId === place.tenantId,
    meToo: report.supports.length > 0,
  };
}

export async function buildingReports(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
): Promise<Page<NeighbourhoodReport>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const reports = await db.report.findMany({
    where: {
      ...sharedWith(place),
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: { _count: { select: { supports: true } }, supports: { where: { tenantId: place.tenantId }, select: { tenantId: true } } },
  });
  const items = reports.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((report) => toNeighbourhoodReport(report, place)),
    nextCursor: reports.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** A neighbour's "me too": idempotent, and recorded in the timeline without their name. */
export async function meToo(ctx: ReportContext, place: TenantPlace, reportId: string, now = new Date()): Promise<NeighbourhoodReport> {
  const report = await ctx.db.report.findFirst({ where: { id: reportId, ...sharedWith(place) } });
  if (!report) {
    // A closed common-area report says why; a report about someone's home does not exist for neighbours.
    const exists = await ctx.db.report.findFirst({
      where: { id: reportId, buildingId: place.buildingId, location: 'COMMON_AREA' },
      select: { id: true },
    });
    throw new DomainError(exists ? 'report_not_shared' : 'not_found');
  }
  if (report.tenantId === place.tenantId) throw new DomainError('report_not_shared', 'this is your own report');
  const { count } = await ctx.db.reportSupport.createMany({ data: [{ reportId, tenantId: place.tenantId }], skipDuplicates: true });
  if (count === 1) {
    await ctx.db.$transaction([
      ctx.db.reportEvent.create({ data: { reportId, kind: 'ME_TOO', authorKind: 'SYSTEM', at: now } }),
      ctx.db.report.update({ where: { id: reportId }, data: { updatedAt: now } }),
    ]);
    await announce(ctx, report, 'me_too');
  }
  const reloaded = await ctx.db.report.findUniqueOrThrow({
    where: { id: reportId },
    include: { _count: { select: { supports: true } }, supports: { where: { tenantId: place.tenantId }, select: { tenantId: true } } },
  });
  return toNeighbourhoodReport(reloaded, place);
}

// --- the phone ---

export async function draftPhotos(ctx: ReportContext, place: TenantPlace, actor: TenantSideActor = TENANT_HIMSELF, now = new Date()) {
  // Photos wait a day for the report they were taken for; older ones are forgotten by the list.
  const photos = await waitingPhotos(ctx.db, place.tenantId, draftOwner(actor), now);
  return { items: photos.slice(0, MAX_REPORT_PHOTOS).map((photo) => photoView(ctx.links, photo)) };
}

/**
 * A photo from a report_photos hand-off. Without a subject it waits for the report being written on the TV; with one
 * (the tenant adds information to an existing report) it joins that report's timeline. A hand-off a helper started
 * under a mandate works only while the mandate holds: its photos wait for that helper's draft, and say who added them.
 */
export async function uploadPhoto(
  ctx: ReportContext,
  handoff: { tenantId: string; handoffId: string; subjectId: string | null },
  bytes: Buffer,
  now = new Date(),
): Promise<ReportPhotoView> {
  const { db } = ctx;
  const started = await db.phoneHandoff.findUnique({ where: { id: handoff.handoffId }, select: { mandate: true } });
  if (!started) throw new DomainError('invalid_token');
  const mandate = started.mandate;
  if (mandate && mandate.withdrawnAt) throw new DomainError('mandate_withdrawn');
  if (mandate && !mandate.scopes.includes('reports')) throw new DomainError('forbidden');
  const actor: TenantSideActor = mandate ? { kind: 'HELPER', mandateId: mandate.id, name: mandate.helperName } : TENANT_HIMSELF;
  const reportId = handoff.subjectId;
  let report = null;
  if (reportId) {
    report = await db.report.findFirst({ where: { id: reportId, tenantId: handoff.tenantId } });
    if (!report) throw new DomainError('not_found');
    if (!openReportStatuses.includes(report.status)) throw new DomainError('report_transition_refused');
  }
  const already = reportId
    ? await db.reportPhoto.count({ where: { reportId } })
    : (await waitingPhotos(db, handoff.tenantId, draftOwner(actor), now)).length;
  if (already >= MAX_REPORT_PHOTOS) throw new DomainError('too_many_photos');
  const encoded = await reencodePhoto(bytes);
  const id = randomUUID();
  const storageKey = await storePhoto(ctx.storage, 'report-photos', id, encoded);
  const photo = await db.reportPhoto.create({
    data: {
      id,
      reportId,
      tenantId: handoff.tenantId,
      handoffId: handoff.handoffId,
      storageKey,
      width: encoded.width,
      height: encoded.height,
      bytes: encoded.full.length,
      createdAt: now,
    },
  });
  // The TV waiting for it: the tenant's, or the neighbour helper's.
  const waitingTv = mandate ? mandate.helperTenantId : handoff.tenantId;
  if (waitingTv) await raiseEvent(db, ctx.bus, `TENANT:${waitingTv}`, { name: 'report.photo_added', data: { photoId: id, reportId } });
  if (report) {
    await db.$transaction([
      db.reportEvent.create({ data: { reportId: report.id, kind: 'PHOTO_ADDED', ...authorOf(actor), at: now } }),
      db.report.update({ where: { id: report.id }, data: { updatedAt: now } }),
    ]);
    await announce(ctx, report, 'photo');
  }
  return photoView(ctx.links, photo);
}

// --- staff ---

function staffWhere(staff: StaffContext): Prisma.ReportWhereInput {
  const { residenceIds, buildingIds } = staff.scope;
  const scoped = residenceIds.length > 0 || buildingIds.length > 0;
  return {
    organisationId: staff.organisation.id,
    ...(scoped ? { OR: [{ residenceId: { in: residenceIds } }, { buildingId: { in: buildingIds } }] } : {}),
  };
}

export async function staffQueue(
  db: PrismaClient,
  staff: StaffContext,
  query: StaffReportQuery,
  now = new Date(),
): Promise<Page<StaffReportSummary>> {
  const limit = query.limit ?? 20;
  // The queue runs oldest first: what has waited longest is handled first.
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const statuses = query.status && query.status.length > 0 ? query.status : [...openReportStatuses];
  const filters: Prisma.ReportWhereInput[] = [staffWhere(staff), { status: { in: statuses } }];
  if (query.residenceId) filters.push({ residenceId: query.residenceId });
  if (query.category) filters.push({ category: query.category });
  if (query.minAgeDays !== undefined) filters.push({ createdAt: { lte: new Date(now.getTime() - query.minAgeDays * DAY_MS) } });
  if (query.overdue !== undefined)
    filters.push(
      query.overdue
        ? { dueAt: { lt: now }, status: { in: [...openReportStatuses] } }
        : { NOT: { dueAt: { lt: now }, status: { in: [...openReportStatuses] } } },
    );
  if (after) filters.push({ OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] });
  const reports = await db.report.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: staffInclude,
  });
  const items = reports.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((report) => toStaffSummary(report, now)),
    nextCursor: reports.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** A report the staff member covers; any other is "not found", so ids outside one's scope reveal nothing. */
async function scopedReport(db: PrismaClient, staff: StaffContext, reportId: string): Promise<LoadedStaffReport> {
  const report = await db.report.findFirst({ where: { id: reportId, organisationId: staff.organisation.id }, include: staffInclude });
  if (!report || !coversBuilding(staff, report.building)) throw new DomainError('not_found');
  return report;
}

export async function staffReport(ctx: ReportContext, staff: StaffContext, reportId: string): Promise<StaffReport> {
  return toStaffReport(ctx.links, staff, await scopedReport(ctx.db, staff, reportId));
}

async function reloadStaff(ctx: ReportContext, staff: StaffContext, reportId: string, change: Change): Promise<StaffReport> {
  const report = await scopedReport(ctx.db, staff, reportId);
  await announce(ctx, report, change);
  return toStaffReport(ctx.links, staff, report);
}

const staffAuthor = (staff: StaffContext): EventAuthor => ({ authorKind: 'STAFF', authorStaffId: staff.id, authorName: staff.fullName });

export async function staffTransition(
  ctx: ReportContext,
  staff: StaffContext,
  reportId: string,
  request: StaffReportTransitionRequest,
  now = new Date(),
) {
  const report = await scopedReport(ctx.db, staff, reportId);
  await ctx.db.$transaction(async (tx) => {
    await applyTransition(tx, report, request.action, 'STAFF', staffAuthor(staff), request.note?.trim() || null, now);
    // Whoever acknowledges an unassigned report takes it.
    if (request.action === 'acknowledge' && !report.assigneeId)
      await tx.report.update({ where: { id: reportId }, data: { assigneeId: staff.id } });
  });
  return reloadStaff(ctx, staff, reportId, 'status');
}

export async function offerSlots(ctx: ReportContext, staff: StaffContext, reportId: string, request: OfferSlotsRequest, now = new Date()) {
  const slots = request.slots.map((slot) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }));
  slots.forEach((slot, index) => {
    if (slot.startsAt <= now) throw invalid(`body.slots.${index}.startsAt`, 'must be in the future');
    if (slot.endsAt <= slot.startsAt) throw invalid(`body.slots.${index}.endsAt`, 'must be after startsAt');
  });
  const report = await scopedReport(ctx.db, staff, reportId);
  await ctx.db.$transaction(async (tx) => {
    await applyTransition(tx, report, 'offer_slots', 'STAFF', staffAuthor(staff), null, now);
    // A new offer replaces the previous one, booked or not.
    await tx.reportSlot.updateMany({ where: { reportId, withdrawnAt: null }, data: { withdrawnAt: now } });
    await tx.reportSlot.createMany({ data: slots.map((slot) => ({ reportId, ...slot, offeredAt: now })) });
    await tx.reportEvent.create({
      data: {
        reportId,
        kind: 'SLOTS_OFFERED',
        authorKind: 'STAFF',
        authorStaffId: staff.id,
        authorName: staff.fullName,
        body: slots.map((slot) => slot.startsAt.toISOString()).join(' '),
        at: now,
      },
    });
  });
  return reloadStaff(ctx, staff, reportId, 'slots');
}

export async function assignReport(
  ctx: ReportContext,
  staff: StaffContext,
  reportId: string,
  request: AssignReportRequest,
  now = new Date(),
) {
  const report = await scopedReport(ctx.db, staff, reportId);
  if (report.status === 'CLOSED' || report.status === 'CANCELLED') throw new DomainError('report_transition_refused');
  let assignee = null;
  if (request.assigneeId) {
    assignee = await ctx.db.staffMember.findFirst({
      where: { id: request.assigneeId, organisationId: staff.organisation.id, disabledAt: null },
      select: { id: true, fullName: true },
    });
    if (!assignee) throw invalid('body.assigneeId', 'is not a member of your organisation');
  }
  await ctx.db.$transaction([
    ctx.db.report.update({ where: { id: reportId }, data: { assigneeId: assignee?.id ?? null, updatedAt: now } }),
    ctx.db.reportEvent.create({
      data: {
        reportId,
        kind: 'ASSIGNED',
        authorKind: 'STAFF',
        authorStaffId: staff.id,
        authorName: staff.fullName,
        body: assignee ? firstName(assignee.fullName) : null,
        at: now,
      },
    }),
  ]);
  return reloadStaff(ctx, staff, reportId, 'assigned');
}

export async function staffMessage(ctx: ReportContext, staff: StaffContext, reportId: string, body: string, now = new Date()) {
  const report = await scopedReport(ctx.db, staff, reportId);
  if (report.status === 'CLOSED' || report.status === 'CANCELLED') throw new DomainError('report_transition_refused');
  await ctx.db.$transaction([
    ctx.db.reportEvent.create({
      data: {
        reportId,
        kind: 'MESSAGE',
        authorKind: 'STAFF',
        authorStaffId: staff.id,
        authorName: staff.fullName,
        body: body.trim(),
        at: now,
      },
    }),
    ctx.db.report.update({ where: { id: reportId }, data: { updatedAt: now } }),
  ]);
  return reloadStaff(ctx, staff, reportId, 'message');
}

export async function reportAssignees(db: PrismaClient, staff: StaffContext) {
  const members = await db.staffMember.findMany({
    where: { organisationId: staff.organisation.id, disabledAt: null, roles: { hasSome: ['CARETAKER', 'ADMIN'] } },
    orderBy: { fullName: 'asc' },
    select: { id: true, fullName: true },
  });
  return { items: members.map((member) => ({ id: member.id, name: member.fullName })) };
}

/** Serves a stored photo, given a link the API signed; the signature is the authorisation. */
export async function photoBytes(ctx: ReportContext, photoId: string, size: 'full' | 'thumb'): Promise<Buffer> {
  const bytes = await ctx.storage.get(photoKey('report-photos', photoId, size));
  if (!bytes) throw new DomainError('not_found');
  return bytes;
}
