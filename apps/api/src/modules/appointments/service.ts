// Appointments: services open to a tenant, free slots by day then time, booking without overbooking, atomic moves,
// cancellation until a cut-off; for staff, series of slots, the agenda, cancellation with a reason, and changing what
// was published (edit or cancel a slot, retire a service).
//
// Locks, always in this order so that nothing deadlocks: an appointment, then its slots (in id order), then the
// service (FOR SHARE when booking or publishing, so that retiring a service waits for them and they see it retired).
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  MAX_SERIES_SLOTS,
  type AgendaChangedEvent,
  type AgendaQuery,
  type AgendaSlot,
  type AppointmentDay,
  type AppointmentDaysQuery,
  type AppointmentService as AppointmentServiceView,
  type CreateAppointmentServiceRequest,
  type EditSlotRequest,
  type FreeSlot,
  type FreeSlotsQuery,
  type Page,
  type PublishSlotSeriesRequest,
  type PublishedSeries,
  type SlotCancellation,
  type StaffAppointment,
  type TenantAppointment,
  type TenantAppointmentsQuery,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { StaffContext } from '../accounts/staff-sessions';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { decodeCursor, encodeCursor } from '../../pagination';
import { addDays, isoWeekday, localInstant, localParts, localToday, toMinutes } from './local-time';
import { appointmentCalendar } from './calendar-file';
import { cancellationNotice, tenantLanguage, type AppointmentFacts } from './tenant-texts';
import type { PersonalNoticeSender } from './reminders';
import type { CalendarLinks } from './calendar-links';

/** Landlord agents and caretakers, town-hall and city clerks (and admins) run their organisation's agenda. */
export const AGENDA_ROLES = ['AGENT', 'CARETAKER', 'CLERK'] as const;

export interface AppointmentContext {
  db: PrismaClient;
  bus: EventBus;
  sendNotice: PersonalNoticeSender;
  /** How long before the start the reminder is sent. */
  reminderHoursBefore: number;
  calendarLinks: CalendarLinks;
  now?: () => Date;
}

const HOUR_MS = 3_600_000;
const DAY_CURSOR_ID = '00000000-0000-0000-0000-000000000000';

const clock = (ctx: AppointmentContext) => (ctx.now ? ctx.now() : new Date());

// --- who may book what ---

/** The organisations a tenant may book with: their landlord, their district town hall, their city. */
function openTo(place: TenantPlace): Prisma.OrganisationWhereInput {
  return {
    OR: [
      { kind: 'LANDLORD', residences: { some: { id: place.residenceId } } },
      { kind: 'TOWN_HALL', districtId: place.districtId },
      { kind: 'CITY', cityId: place.cityId },
    ],
  };
}

const serviceInclude = { organisation: { select: { id: true, name: true, kind: true } } } satisfies Prisma.AppointmentServiceInclude;
type LoadedService = Prisma.AppointmentServiceGetPayload<{ include: typeof serviceInclude }>;

function serviceView(service: LoadedService): AppointmentServiceView {
  return {
    id: service.id,
    organisation: service.organisation,
    subject: service.subject,
    whatToBring: service.whatToBring,
    cancelCutoffHours: service.cancelCutoffHours,
    retiredAt: service.retiredAt?.toISOString() ?? null,
  };
}

export async function servicesFor(db: PrismaClient, place: TenantPlace): Promise<{ items: AppointmentServiceView[] }> {
  const services = await db.appointmentService.findMany({
    where: { retiredAt: null, organisation: openTo(place) },
    include: serviceInclude,
    orderBy: [{ organisation: { kind: 'asc' } }, { subject: 'asc' }],
  });
  return { items: services.map(serviceView) };
}

async function visibleService(db: PrismaClient, place: TenantPlace, serviceId: string): Promise<LoadedService> {
  const service = await db.appointmentService.findFirst({
    where: { id: serviceId, retiredAt: null, organisation: openTo(place) },
    include: serviceInclude,
  });
  if (!service) throw new DomainError('not_found');
  return service;
}

// --- free slots, days then times ---

/** Days with a free slot, from today (or the cursor's day) on; a day is a Paris calendar day. */
export async function freeDays(
  ctx: AppointmentContext,
  place: TenantPlace,
  serviceId: string,
  query: AppointmentDaysQuery,
): Promise<Page<AppointmentDay>> {
  await visibleService(ctx.db, place, serviceId);
  const now = clock(ctx);
  const limit = query.limit ?? 7;
  const fromDay = query.cursor ? localParts(decodeCursor(query.cursor).at).localDate : localToday(now);
  const from = localInstant(fromDay, 0);
  const rows = await ctx.db.$queryRaw<{ day: string; free: number }[]>`
    SELECT to_char(("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day, count(*)::int AS free
    FROM "AppointmentSlot"
    WHERE "serviceId" = ${serviceId}::uuid AND "startsAt" >= ${from} AND "startsAt" > ${now} AND "booked" < "capacity"
      AND "cancelledAt" IS NULL
    GROUP BY 1 ORDER BY 1 LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map((row) => ({ date: row.day, freeSlots: row.free }));
  const next = rows[limit];
  return { items, nextCursor: next ? encodeCursor({ at: localInstant(next.day, 0), id: DAY_CURSOR_ID }) : null };
}

function slotTimes(slot: { startsAt: Date }) {
  return { startsAt: slot.startsAt.toISOString(), ...localParts(slot.startsAt) };
}

/** Free slots of one day, earliest first. */
export async function freeSlots(
  ctx: AppointmentContext,
  place: TenantPlace,
  serviceId: string,
  query: FreeSlotsQuery,
): Promise<Page<FreeSlot>> {
  await visibleService(ctx.db, place, serviceId);
  const now = clock(ctx);
  const limit = query.limit ?? 12;
  const dayStart = localInstant(query.date, 0);
  const dayEnd = localInstant(addDays(query.date, 1), 0);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db.$queryRaw<
    { id: string; startsAt: Date; durationMinutes: number; placeName: string; placeAddress: string; free: number }[]
  >`
    SELECT id, "startsAt", "durationMinutes", "placeName", "placeAddress", ("capacity" - "booked") AS free
    FROM "AppointmentSlot"
    WHERE "serviceId" = ${serviceId}::uuid AND "startsAt" >= ${dayStart} AND "startsAt" < ${dayEnd} AND "startsAt" > ${now}
      AND "booked" < "capacity" AND "cancelledAt" IS NULL
      AND (${after === null} OR ("startsAt", id) > (${after?.at ?? now}, ${after?.id ?? DAY_CURSOR_ID}::uuid))
    ORDER BY "startsAt", id LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    ...slotTimes(row),
    durationMinutes: row.durationMinutes,
    placeName: row.placeName,
    placeAddress: row.placeAddress,
    free: row.free,
  }));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ at: last.startsAt, id: last.id }) : null };
}

// --- the tenant's appointments ---

const appointmentInclude = {
  slot: { include: { service: { include: serviceInclude } } },
  tenant: { select: { language: true } },
} satisfies Prisma.AppointmentInclude;
type LoadedAppointment = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

function changeableUntil(appointment: LoadedAppointment): Date {
  return new Date(appointment.slot.startsAt.getTime() - appointment.slot.service.cancelCutoffHours * HOUR_MS);
}

function slotView(slot: LoadedAppointment['slot']) {
  return {
    id: slot.id,
    ...slotTimes(slot),
    durationMinutes: slot.durationMinutes,
    placeName: slot.placeName,
    placeAddress: slot.placeAddress,
  };
}

function tenantView(ctx: AppointmentContext, appointment: LoadedAppointment, now: Date): TenantAppointment {
  const until = changeableUntil(appointment);
  return {
    id: appointment.id,
    status: appointment.status,
    service: serviceView(appointment.slot.service),
    slot: slotView(appointment.slot),
    bookedAt: appointment.bookedAt.toISOString(),
    changeableUntil: until.toISOString(),
    canChange: appointment.status === 'BOOKED' && now <= until,
    cancelledAt: appointment.cancelledAt?.toISOString() ?? null,
    cancelledBy: (appointment.cancelledBy as 'TENANT' | 'STAFF' | null) ?? null,
    cancelReason: appointment.cancelReason,
    calendarUrl: ctx.calendarLinks.url(appointment.id, tenantLanguage(appointment.tenant.language), now),
  };
}

function facts(appointment: LoadedAppointment): AppointmentFacts {
  const { slot } = appointment;
  return {
    subject: slot.service.subject,
    organisation: slot.service.organisation.name,
    placeName: slot.placeName,
    placeAddress: slot.placeAddress,
    startsAt: slot.startsAt,
    whatToBring: slot.service.whatToBring,
  };
}

async function loadTenantAppointment(db: PrismaClient, place: TenantPlace, appointmentId: string): Promise<LoadedAppointment> {
  const appointment = await db.appointment.findFirst({
    where: { id: appointmentId, tenantId: place.tenantId },
    include: appointmentInclude,
  });
  if (!appointment) throw new DomainError('not_found');
  return appointment;
}

/** Upcoming booked appointments first (soonest first), then nothing else: past and cancelled ones are history. */
export async function listTenantAppointments(
  ctx: AppointmentContext,
  place: TenantPlace,
  query: TenantAppointmentsQuery,
): Promise<Page<TenantAppointment>> {
  const now = clock(ctx);
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db.appointment.findMany({
    where: {
      tenantId: place.tenantId,
      status: 'BOOKED',
      slot: { startsAt: { gt: new Date(now.getTime() - 2 * HOUR_MS) } },
      ...(after ? { OR: [{ slot: { startsAt: { gt: after.at } } }, { slot: { startsAt: after.at }, id: { gt: after.id } }] } : {}),
    },
    include: appointmentInclude,
    orderBy: [{ slot: { startsAt: 'asc' } }, { id: 'asc' }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map((row) => tenantView(ctx, row, now));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ at: last.slot.startsAt, id: last.id }) : null };
}

export async function tenantAppointment(ctx: AppointmentContext, place: TenantPlace, appointmentId: string): Promise<TenantAppointment> {
  return tenantView(ctx, await loadTenantAppointment(ctx.db, place, appointmentId), clock(ctx));
}

interface LockedSlot {
  id: string;
  serviceId: string;
  startsAt: Date;
  durationMinutes: number;
  placeName: string;
  placeAddress: string;
  capacity: number;
  booked: number;
  cancelledAt: Date | null;
}

/** Locks slots in id order (two moves crossing the same slots wait for each other instead of deadlocking). */
async function lockSlots(tx: Prisma.TransactionClient, ids: string[]): Promise<Map<string, LockedSlot>> {
  const rows = await tx.$queryRaw<LockedSlot[]>`
    SELECT id, "serviceId", "startsAt", "durationMinutes", "placeName", "placeAddress", "capacity", "booked", "cancelledAt"
    FROM "AppointmentSlot"
    WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** Holds the service while a booking or a series is written: retiring it waits, and whatever comes after sees it retired. */
async function serviceRetired(tx: Prisma.TransactionClient, serviceId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
    SELECT "retiredAt" FROM "AppointmentService" WHERE id = ${serviceId}::uuid FOR SHARE`;
  return !row || row.retiredAt !== null;
}

function reminderDue(ctx: AppointmentContext, startsAt: Date, now: Date): Date | null {
  const due = new Date(startsAt.getTime() - ctx.reminderHoursBefore * HOUR_MS);
  // Booked less than a day ahead: the tenant has just seen the confirmation, a reminder would repeat it.
  return due > now ? due : null;
}

/** Tells the organisation's open consoles that its agenda changed, so each re-reads what it shows. */
async function agendaChanged(ctx: AppointmentContext, organisationId: string, data: AgendaChangedEvent['data']) {
  await raiseEvent(ctx.db, ctx.bus, `ORGANISATION:${organisationId}`, { name: 'agenda.changed', data });
}

/** Tells the tenant's TV that their appointment changed and, unless a slot change speaks for it, the agenda's consoles. */
async function announce(ctx: AppointmentContext, appointmentId: string, change: 'booked' | 'moved' | 'cancelled', toStaff = true) {
  const appointment = await ctx.db.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    select: { tenantId: true, status: true, slotId: true, slot: { select: { organisationId: true, serviceId: true } } },
  });
  const body = { name: 'appointment.updated', data: { appointmentId, status: appointment.status, change } } as const;
  await raiseEvent(ctx.db, ctx.bus, `TENANT:${appointment.tenantId}`, body);
  if (toStaff)
    await agendaChanged(ctx, appointment.slot.organisationId, {
      serviceId: appointment.slot.serviceId,
      slotId: appointment.slotId,
      change,
    });
}

/**
 * Takes one seat: the slot row is locked, so concurrent bookings of the last seat queue up and all but one find it
 * full. A retry (same Idempotency-Key, or the same tenant on the same slot) returns the seat already taken.
 */
export async function bookAppointment(
  ctx: AppointmentContext,
  place: TenantPlace,
  slotId: string,
  idempotencyKey: string | undefined,
): Promise<{ appointment: TenantAppointment; created: boolean }> {
  const now = clock(ctx);
  const key = idempotencyKey ? `${place.tenantId}:${idempotencyKey}` : null;
  const replay = async () => {
    if (!key) return null;
    const existing = await ctx.db.appointment.findUnique({ where: { idempotencyKey: key }, include: appointmentInclude });
    return existing ? { appointment: tenantView(ctx, existing, now), created: false } : null;
  };
  const replayed = await replay();
  if (replayed) return replayed;
  const slot = await ctx.db.appointmentSlot.findFirst({
    where: { id: slotId, service: { organisation: openTo(place) } },
    select: { id: true, service: { select: { retiredAt: true } } },
  });
  if (!slot) throw new DomainError('not_found');
  if (slot.service.retiredAt) throw new DomainError('appointment_service_retired');
  let outcome: { id: string; created: boolean };
  try {
    outcome = await ctx.db.$transaction(async (tx) => {
      const locked = (await lockSlots(tx, [slotId])).get(slotId)!;
      const same = await tx.appointment.findFirst({ where: { slotId, tenantId: place.tenantId, status: 'BOOKED' }, select: { id: true } });
      if (same) return { id: same.id, created: false };
      // A slot cancelled (or a service retired) while this request waited for the lock takes no booking.
      if (locked.cancelledAt || locked.startsAt <= now) throw new DomainError('slot_unavailable');
      if (await serviceRetired(tx, locked.serviceId)) throw new DomainError('appointment_service_retired');
      if (locked.booked >= locked.capacity) throw new DomainError('slot_full');
      await tx.$executeRaw`UPDATE "AppointmentSlot" SET "booked" = "booked" + 1 WHERE id = ${slotId}::uuid AND "booked" < "capacity"`;
      const created = await tx.appointment.create({
        data: { slotId, tenantId: place.tenantId, idempotencyKey: key, reminderDueAt: reminderDue(ctx, locked.startsAt, now) },
        select: { id: true },
      });
      return { id: created.id, created: true };
    });
  } catch (error) {
    // Two retries with the same key raced on different slots: the other one won.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
  if (outcome.created) await announce(ctx, outcome.id, 'booked');
  return { appointment: await tenantAppointment(ctx, place, outcome.id), created: outcome.created };
}

async function lockTenantAppointment(tx: Prisma.TransactionClient, tenantId: string, appointmentId: string) {
  const [row] = await tx.$queryRaw<{ id: string; slotId: string; status: string }[]>`
    SELECT id, "slotId", status::text AS status FROM "Appointment" WHERE id = ${appointmentId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (!row) throw new DomainError('not_found');
  if (row.status !== 'BOOKED') throw new DomainError('appointment_not_active');
  return row;
}

/**
 * Moves to another slot of the same service in one transaction: the new seat is taken before the old one is given
 * back, and a full new slot rolls everything back, so the tenant never loses the seat they had.
 */
export async function moveAppointment(ctx: AppointmentContext, place: TenantPlace, appointmentId: string, newSlotId: string) {
  const now = clock(ctx);
  const current = await loadTenantAppointment(ctx.db, place, appointmentId);
  const target = await ctx.db.appointmentSlot.findFirst({
    where: { id: newSlotId, service: { organisation: openTo(place) } },
    select: { id: true, serviceId: true, service: { select: { retiredAt: true } } },
  });
  if (!target) throw new DomainError('not_found');
  if (target.serviceId !== current.slot.serviceId) throw new DomainError('slot_unavailable');
  if (target.service.retiredAt) throw new DomainError('appointment_service_retired');
  const cutoffHours = current.slot.service.cancelCutoffHours;
  const moved = await ctx.db.$transaction(async (tx) => {
    const appointment = await lockTenantAppointment(tx, place.tenantId, appointmentId);
    if (appointment.slotId === newSlotId) return false;
    const slots = await lockSlots(tx, [appointment.slotId, newSlotId]);
    const from = slots.get(appointment.slotId)!;
    const to = slots.get(newSlotId)!;
    if (now.getTime() > from.startsAt.getTime() - cutoffHours * HOUR_MS) throw new DomainError('appointment_cutoff_passed');
    if (to.cancelledAt || to.startsAt <= now) throw new DomainError('slot_unavailable');
    if (await serviceRetired(tx, to.serviceId)) throw new DomainError('appointment_service_retired');
    const taken = await tx.$executeRaw`
      UPDATE "AppointmentSlot" SET "booked" = "booked" + 1 WHERE id = ${newSlotId}::uuid AND "booked" < "capacity"`;
    if (taken === 0) throw new DomainError('slot_full');
    await tx.$executeRaw`UPDATE "AppointmentSlot" SET "booked" = "booked" - 1 WHERE id = ${from.id}::uuid`;
    await tx.appointment.update({
      where: { id: appointmentId },
      data: {
        slotId: newSlotId,
        sequence: { increment: 1 },
        reminderDueAt: reminderDue(ctx, to.startsAt, now),
        reminderClaimedAt: null,
        reminderSentAt: null,
      },
    });
    return true;
  });
  if (moved) await announce(ctx, appointmentId, 'moved');
  return tenantAppointment(ctx, place, appointmentId);
}

export async function cancelByTenant(ctx: AppointmentContext, place: TenantPlace, appointmentId: string): Promise<TenantAppointment> {
  const now = clock(ctx);
  const current = await loadTenantAppointment(ctx.db, place, appointmentId);
  if (current.status === 'CANCELLED') return tenantView(ctx, current, now);
  await ctx.db.$transaction(async (tx) => {
    const appointment = await lockTenantAppointment(tx, place.tenantId, appointmentId);
    const slot = (await lockSlots(tx, [appointment.slotId])).get(appointment.slotId)!;
    if (now.getTime() > slot.startsAt.getTime() - current.slot.service.cancelCutoffHours * HOUR_MS)
      throw new DomainError('appointment_cutoff_passed');
    await release(tx, appointmentId, slot.id, now, 'TENANT', null);
  });
  await announce(ctx, appointmentId, 'cancelled');
  return tenantAppointment(ctx, place, appointmentId);
}

async function release(
  tx: Prisma.TransactionClient,
  appointmentId: string,
  slotId: string,
  now: Date,
  by: 'TENANT' | 'STAFF',
  reason: string | null,
) {
  await tx.$executeRaw`UPDATE "AppointmentSlot" SET "booked" = "booked" - 1 WHERE id = ${slotId}::uuid AND "booked" > 0`;
  await tx.appointment.update({
    where: { id: appointmentId },
    data: { status: 'CANCELLED', cancelledAt: now, cancelledBy: by, cancelReason: reason, sequence: { increment: 1 }, reminderDueAt: null },
  });
}

export async function tenantCalendar(
  ctx: AppointmentContext,
  place: TenantPlace,
  appointmentId: string,
  language: string,
): Promise<string> {
  const appointment = await loadTenantAppointment(ctx.db, place, appointmentId);
  return calendarOf(appointment, tenantLanguage(language));
}

function calendarOf(appointment: LoadedAppointment, language: 'fr' | 'en' | 'ar'): string {
  return appointmentCalendar(
    {
      ...facts(appointment),
      id: appointment.id,
      durationMinutes: appointment.slot.durationMinutes,
      sequence: appointment.sequence,
      cancelled: appointment.status === 'CANCELLED',
    },
    language,
  );
}

// --- staff ---

export async function staffServices(db: PrismaClient, staff: StaffContext): Promise<{ items: AppointmentServiceView[] }> {
  const services = await db.appointmentService.findMany({
    where: { organisationId: staff.organisation.id, retiredAt: null },
    include: serviceInclude,
    orderBy: { subject: 'asc' },
  });
  return { items: services.map(serviceView) };
}

export async function createService(
  ctx: AppointmentContext,
  staff: StaffContext,
  body: CreateAppointmentServiceRequest,
): Promise<AppointmentServiceView> {
  const service = await ctx.db.appointmentService.create({
    data: {
      organisationId: staff.organisation.id,
      subject: body.subject.trim(),
      whatToBring: body.whatToBring?.trim() || null,
      cancelCutoffHours: body.cancelCutoffHours ?? 24,
    },
    include: serviceInclude,
  });
  await agendaChanged(ctx, service.organisationId, { serviceId: service.id, slotId: null, change: 'service_created' });
  return serviceView(service);
}

/** The start instants of a series, in Paris wall-clock time (a 09:00 slot stays at 09:00 across a DST change). */
export function seriesStarts(body: PublishSlotSeriesRequest): Date[] {
  const from = toMinutes(body.from);
  const until = toMinutes(body.until);
  const starts: Date[] = [];
  for (let offset = 0; offset < body.weeks * 7; offset += 1) {
    const day = addDays(body.firstDay, offset);
    if (!body.weekdays.includes(isoWeekday(day))) continue;
    for (let minute = from; minute + body.durationMinutes <= until; minute += body.everyMinutes) starts.push(localInstant(day, minute));
  }
  return starts;
}

/**
 * Publishes a series in one statement. With an Idempotency-Key the series id is derived from it, and
 * (seriesId, startsAt) is unique, so a retried request creates nothing more.
 */
export async function publishSeries(
  ctx: AppointmentContext,
  staff: StaffContext,
  body: PublishSlotSeriesRequest,
  idempotencyKey: string | undefined,
): Promise<PublishedSeries> {
  const service = await ctx.db.appointmentService.findFirst({ where: { id: body.serviceId, organisationId: staff.organisation.id } });
  if (!service) throw new DomainError('not_found');
  if (service.retiredAt) throw new DomainError('appointment_service_retired');
  if (toMinutes(body.until) <= toMinutes(body.from))
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.until', message: 'must be after from' }] });
  const perDay = Math.floor((toMinutes(body.until) - toMinutes(body.from) - body.durationMinutes) / body.everyMinutes) + 1;
  const asked = perDay * body.weekdays.length * body.weeks;
  if (asked > MAX_SERIES_SLOTS)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.weeks', message: `at most ${MAX_SERIES_SLOTS} slots in one series (${asked} asked)` }],
    });
  const now = clock(ctx);
  const starts = seriesStarts(body).filter((start) => start > now);
  if (starts.length === 0)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.firstDay', message: 'the series has no future slot' }],
    });
  const seriesId = idempotencyKey ? uuidFromKey(`${staff.id}:${idempotencyKey}`) : randomUUID();
  const { count } = await ctx.db.$transaction(async (tx) => {
    if (await serviceRetired(tx, service.id)) throw new DomainError('appointment_service_retired');
    return tx.appointmentSlot.createMany({
      data: starts.map((startsAt) => ({
        serviceId: service.id,
        organisationId: service.organisationId,
        seriesId,
        placeName: body.placeName.trim(),
        placeAddress: body.placeAddress.trim(),
        startsAt,
        durationMinutes: body.durationMinutes,
        capacity: body.capacity,
      })),
      skipDuplicates: true,
    });
  });
  if (count > 0) await agendaChanged(ctx, service.organisationId, { serviceId: service.id, slotId: null, change: 'series_published' });
  return {
    seriesId,
    created: count,
    firstStartsAt: starts[0]!.toISOString(),
    lastStartsAt: starts[starts.length - 1]!.toISOString(),
  };
}

function uuidFromKey(key: string): string {
  // A name-based id (the shape of a UUID v5) so the same key always names the same series.
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const visitorSelect = {
  id: true,
  bookedAt: true,
  tenant: {
    select: {
      firstName: true,
      lastName: true,
      reference: true,
      home: { select: { floor: true, door: true, building: { select: { name: true, residence: { select: { name: true } } } } } },
    },
  },
} satisfies Prisma.AppointmentSelect;
type LoadedVisitor = Prisma.AppointmentGetPayload<{ select: typeof visitorSelect }>;

function visitorView(visitor: LoadedVisitor) {
  const { tenant } = visitor;
  const { home } = tenant;
  return {
    fullName: `${tenant.firstName} ${tenant.lastName}`,
    reference: tenant.reference,
    home: `${home.building.residence.name}, ${home.building.name}, étage ${home.floor}, porte ${home.door}`,
    bookedAt: visitor.bookedAt.toISOString(),
  };
}

const agendaSlotInclude = {
  service: { select: { subject: true, retiredAt: true } },
  appointments: { where: { status: 'BOOKED' }, select: visitorSelect, orderBy: { bookedAt: 'asc' } },
} satisfies Prisma.AppointmentSlotInclude;
type LoadedAgendaSlot = Prisma.AppointmentSlotGetPayload<{ include: typeof agendaSlotInclude }>;

function agendaSlotView(slot: LoadedAgendaSlot): AgendaSlot {
  return {
    id: slot.id,
    serviceId: slot.serviceId,
    subject: slot.service.subject,
    placeName: slot.placeName,
    placeAddress: slot.placeAddress,
    ...slotTimes(slot),
    durationMinutes: slot.durationMinutes,
    capacity: slot.capacity,
    booked: slot.booked,
    visitors: slot.appointments.map((visitor) => ({ appointmentId: visitor.id, ...visitorView(visitor) })),
    cancelledAt: slot.cancelledAt?.toISOString() ?? null,
    cancelReason: slot.cancelReason,
    serviceRetired: slot.service.retiredAt !== null,
  };
}

/** A slot of the staff member's organisation, or 404: another organisation's slots do not exist for them. */
async function loadStaffSlot(db: PrismaClient, staff: StaffContext, slotId: string): Promise<LoadedAgendaSlot> {
  const slot = await db.appointmentSlot.findFirst({
    where: { id: slotId, organisationId: staff.organisation.id },
    include: agendaSlotInclude,
  });
  if (!slot) throw new DomainError('not_found');
  return slot;
}

/** The organisation's slots from a day for 1 to 7 days, earliest first, with who is coming to each. */
export async function agenda(db: PrismaClient, staff: StaffContext, query: AgendaQuery): Promise<Page<AgendaSlot>> {
  const limit = query.limit ?? 50;
  const start = localInstant(query.from, 0);
  const end = localInstant(addDays(query.from, query.days ?? 1), 0);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.appointmentSlot.findMany({
    where: {
      organisationId: staff.organisation.id,
      startsAt: { gte: start, lt: end },
      ...(query.placeName ? { placeName: query.placeName } : {}),
      ...(query.serviceId ? { serviceId: query.serviceId } : {}),
      ...(after ? { OR: [{ startsAt: { gt: after.at } }, { startsAt: after.at, id: { gt: after.id } }] } : {}),
    },
    include: agendaSlotInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit).map(agendaSlotView);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ at: last.startsAt, id: last.id }) : null };
}

const staffAppointmentInclude = {
  ...appointmentInclude,
  tenant: { select: { ...visitorSelect.tenant.select, language: true } },
} satisfies Prisma.AppointmentInclude;
type LoadedStaffAppointment = Prisma.AppointmentGetPayload<{ include: typeof staffAppointmentInclude }>;

/** An appointment of the staff member's organisation, or 404: another organisation's agenda does not exist for them. */
async function loadStaffAppointment(db: PrismaClient, staff: StaffContext, appointmentId: string): Promise<LoadedStaffAppointment> {
  const appointment = await db.appointment.findFirst({
    where: { id: appointmentId, slot: { organisationId: staff.organisation.id } },
    include: staffAppointmentInclude,
  });
  if (!appointment) throw new DomainError('not_found');
  return appointment;
}

function staffView(appointment: LoadedStaffAppointment): StaffAppointment {
  return {
    id: appointment.id,
    status: appointment.status,
    subject: appointment.slot.service.subject,
    slot: slotView(appointment.slot),
    visitor: visitorView({ id: appointment.id, bookedAt: appointment.bookedAt, tenant: appointment.tenant }),
    cancelledAt: appointment.cancelledAt?.toISOString() ?? null,
    cancelledBy: (appointment.cancelledBy as 'TENANT' | 'STAFF' | null) ?? null,
    cancelReason: appointment.cancelReason,
  };
}

export async function staffAppointment(db: PrismaClient, staff: StaffContext, appointmentId: string): Promise<StaffAppointment> {
  return staffView(await loadStaffAppointment(db, staff, appointmentId));
}

/** Staff may cancel at any time, with a reason the tenant reads in a personal notice in their language. */
export async function cancelByStaff(ctx: AppointmentContext, staff: StaffContext, appointmentId: string, reason: string) {
  const now = clock(ctx);
  const current = await loadStaffAppointment(ctx.db, staff, appointmentId);
  if (current.status !== 'BOOKED') throw new DomainError('appointment_not_active');
  await ctx.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; slotId: string }[]>`
      SELECT status::text AS status, "slotId" FROM "Appointment" WHERE id = ${appointmentId}::uuid FOR UPDATE`;
    if (!row || row.status !== 'BOOKED') throw new DomainError('appointment_not_active');
    await lockSlots(tx, [row.slotId]);
    await release(tx, appointmentId, row.slotId, now, 'STAFF', reason.trim());
  });
  const cancelled = await loadStaffAppointment(ctx.db, staff, appointmentId);
  await tellCancelled(ctx, staff, cancelled, reason.trim());
  await announce(ctx, appointmentId, 'cancelled');
  return staffView(cancelled);
}

/** The tenant's personal notice of a staff cancellation, in their language; sent once per appointment (its key). */
async function tellCancelled(ctx: AppointmentContext, staff: StaffContext, cancelled: LoadedStaffAppointment, reason: string) {
  const text = cancellationNotice(facts(cancelled), reason, tenantLanguage(cancelled.tenant.language));
  await ctx.sendNotice({
    tenantId: cancelled.tenantId,
    organisationId: cancelled.slot.organisationId,
    authorStaffId: staff.id,
    category: 'INFORMATION',
    urgent: false,
    title: text.title,
    body: text.body,
    validUntil: new Date(cancelled.slot.startsAt.getTime() + cancelled.slot.durationMinutes * 60_000),
    idempotencyKey: `appointment-cancelled:${cancelled.id}`,
  });
}

// --- staff change what they published ---

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation_failed', undefined, { errors: [{ field, message }] });
}

/** Two staff requests racing on the same rows can still meet in a deadlock PostgreSQL breaks; the loser runs again. */
async function retryingDeadlocks<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const text = error instanceof Error ? error.message : '';
      const deadlock =
        (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034') || /deadlock detected|40P01/.test(text);
      if (!deadlock || attempt >= 3) throw error;
    }
  }
}

/**
 * Changes a slot. Place, time and duration only while nobody booked it; capacity at any time, never under the seats
 * taken. The slot row is locked, so a booking racing the change either comes first (and a move is refused) or after.
 */
export async function editSlot(ctx: AppointmentContext, staff: StaffContext, slotId: string, body: EditSlotRequest): Promise<AgendaSlot> {
  const now = clock(ctx);
  const current = await loadStaffSlot(ctx.db, staff, slotId);
  const was = localParts(current.startsAt);
  const startsAt =
    body.localDate !== undefined || body.localTime !== undefined
      ? localInstant(body.localDate ?? was.localDate, toMinutes(body.localTime ?? was.localTime))
      : current.startsAt;
  try {
    await ctx.db.$transaction(async (tx) => {
      const locked = (await lockSlots(tx, [slotId])).get(slotId)!;
      if (locked.cancelledAt) throw new DomainError('slot_cancelled');
      if (locked.startsAt <= now) throw new DomainError('slot_in_the_past');
      if (await serviceRetired(tx, locked.serviceId)) throw new DomainError('appointment_service_retired');
      const placeName = body.placeName?.trim() ?? locked.placeName;
      const placeAddress = body.placeAddress?.trim() ?? locked.placeAddress;
      const durationMinutes = body.durationMinutes ?? locked.durationMinutes;
      const moves =
        placeName !== locked.placeName ||
        placeAddress !== locked.placeAddress ||
        durationMinutes !== locked.durationMinutes ||
        startsAt.getTime() !== locked.startsAt.getTime();
      if (moves && locked.booked > 0) throw new DomainError('slot_has_bookings');
      if (startsAt.getTime() !== locked.startsAt.getTime() && startsAt <= now) throw invalid('body.localTime', 'must be in the future');
      const capacity = body.capacity ?? locked.capacity;
      if (capacity < locked.booked) throw new DomainError('slot_capacity_below_bookings');
      await tx.appointmentSlot.update({ where: { id: slotId }, data: { placeName, placeAddress, durationMinutes, startsAt, capacity } });
    });
  } catch (error) {
    // Moved onto the start of another slot of its series.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('slot_time_taken');
    throw error;
  }
  await agendaChanged(ctx, current.organisationId, { serviceId: current.serviceId, slotId, change: 'slot_edited' });
  return agendaSlotView(await loadStaffSlot(ctx.db, staff, slotId));
}

/**
 * Cancels a slot and every appointment it holds, with a reason each tenant reads in a personal notice in their
 * language. The slot is locked, so a booking racing the cancellation either comes first (and is cancelled, with its
 * notice) or finds the slot cancelled; never a booking on a cancelled slot. A retry finds the slot cancelled, changes
 * nothing, and sends any notice a failure in between left unsent (each is sent once).
 */
export async function cancelSlot(ctx: AppointmentContext, staff: StaffContext, slotId: string, reason: string): Promise<SlotCancellation> {
  const now = clock(ctx);
  const trimmed = reason.trim();
  await loadStaffSlot(ctx.db, staff, slotId);
  const cancelledNow = await retryingDeadlocks(() =>
    ctx.db.$transaction(async (tx) => {
      // Appointments before their slot, as every tenant's move or cancellation does.
      await tx.$queryRaw`SELECT id FROM "Appointment" WHERE "slotId" = ${slotId}::uuid AND status = 'BOOKED' ORDER BY id FOR UPDATE`;
      const locked = (await lockSlots(tx, [slotId])).get(slotId)!;
      if (locked.cancelledAt) return null;
      if (locked.startsAt <= now) throw new DomainError('slot_in_the_past');
      // Bookings that committed while this waited for the slot: nobody else holds them yet.
      const booked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Appointment" WHERE "slotId" = ${slotId}::uuid AND status = 'BOOKED' ORDER BY id FOR UPDATE`;
      const ids = booked.map((row) => row.id);
      await tx.appointment.updateMany({
        where: { id: { in: ids } },
        data: {
          status: 'CANCELLED',
          cancelledAt: now,
          cancelledBy: 'STAFF',
          cancelReason: trimmed,
          sequence: { increment: 1 },
          reminderDueAt: null,
        },
      });
      await tx.appointmentSlot.update({
        where: { id: slotId },
        data: { cancelledAt: now, cancelReason: trimmed, cancelledById: staff.id, booked: 0 },
      });
      return ids;
    }),
  );
  const slot = await loadStaffSlot(ctx.db, staff, slotId);
  const cancelled = await ctx.db.appointment.findMany({
    where: { slotId, status: 'CANCELLED', cancelledBy: 'STAFF', cancelledAt: slot.cancelledAt },
    include: staffAppointmentInclude,
    orderBy: { id: 'asc' },
  });
  for (const appointment of cancelled) await tellCancelled(ctx, staff, appointment, slot.cancelReason ?? trimmed);
  if (cancelledNow) {
    for (const id of cancelledNow) await announce(ctx, id, 'cancelled', false);
    await agendaChanged(ctx, slot.organisationId, { serviceId: slot.serviceId, slotId, change: 'slot_cancelled' });
  }
  return { slot: agendaSlotView(slot), cancelledAppointments: cancelled.length };
}

/**
 * Retires a service: no new slots or bookings (a booking waiting on it sees it retired, 409
 * appointment_service_retired), gone from the tenants' list; appointments already booked stay, and can still be
 * cancelled. Retiring again changes nothing.
 *
 * The service row is locked first, which waits for the bookings and series holding it (FOR SHARE) to commit, and only
 * then is the time taken: every booking kept was made before `retiredAt`. (Taking the time before waiting recorded a
 * retirement a few milliseconds older than a booking it let through: a booking on a service already retired.)
 */
export async function retireService(ctx: AppointmentContext, staff: StaffContext, serviceId: string): Promise<AppointmentServiceView> {
  const service = await ctx.db.appointmentService.findFirst({ where: { id: serviceId, organisationId: staff.organisation.id } });
  if (!service) throw new DomainError('not_found');
  const retiredNow = await ctx.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ retiredAt: Date | null }[]>`
      SELECT "retiredAt" FROM "AppointmentService" WHERE id = ${serviceId}::uuid FOR UPDATE`;
    if (!row || row.retiredAt) return false;
    await tx.appointmentService.update({ where: { id: serviceId }, data: { retiredAt: clock(ctx) } });
    return true;
  });
  if (retiredNow) await agendaChanged(ctx, service.organisationId, { serviceId, slotId: null, change: 'service_retired' });
  return serviceView(await ctx.db.appointmentService.findUniqueOrThrow({ where: { id: serviceId }, include: serviceInclude }));
}

/** The .ics behind a signed link (the QR code on the TV): the link is the permission. */
export async function linkedCalendar(ctx: AppointmentContext, appointmentId: string, language: string): Promise<string> {
  const appointment = await ctx.db.appointment.findUnique({ where: { id: appointmentId }, include: appointmentInclude });
  if (!appointment) throw new DomainError('not_found');
  return calendarOf(appointment, tenantLanguage(language));
}

export async function staffCalendar(db: PrismaClient, staff: StaffContext, appointmentId: string): Promise<string> {
  return calendarOf(await loadStaffAppointment(db, staff, appointmentId), 'fr');
}
