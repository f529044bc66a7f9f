// HTTP routes of appointments: the tenant's TV books, moves and cancels; staff publish slots and run the agenda.
// Also runs this instance's day-before reminder scheduler.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AgendaQuery,
  AgendaSlot,
  AppointmentDay,
  AppointmentDaysQuery,
  AppointmentService,
  AppointmentServiceList,
  BookAppointmentRequest,
  CancelSlotRequest,
  CreateAppointmentServiceRequest,
  EditSlotRequest,
  FreeSlot,
  FreeSlotsQuery,
  MoveAppointmentRequest,
  Page,
  PublishSlotSeriesRequest,
  PublishedSeries,
  SlotCancellation,
  StaffAppointment,
  StaffCancelAppointmentRequest,
  TenantAppointment,
  TenantAppointmentsQuery,
} from '@palier/contracts';
import type { AppointmentReminderConfig } from '../../config';
import { problemResponses } from '../../plugins/problems';
import {
  AGENDA_ROLES,
  agenda,
  bookAppointment,
  cancelByStaff,
  cancelByTenant,
  cancelSlot,
  createService,
  editSlot,
  freeDays,
  linkedCalendar,
  freeSlots,
  listTenantAppointments,
  moveAppointment,
  publishSeries,
  retireService,
  servicesFor,
  staffAppointment,
  staffCalendar,
  staffServices,
  tenantAppointment,
  tenantCalendar,
  type AppointmentContext,
} from './service';
import { startReminderScheduler, type PersonalNoticeSender } from './reminders';
import { calendarLinks } from './calendar-links';
import { DomainError } from '../../domain-error';

const AppointmentParams = Type.Object({ appointmentId: Type.String({ format: 'uuid' }) });
const ServiceParams = Type.Object({ serviceId: Type.String({ format: 'uuid' }) });
const SlotParams = Type.Object({ slotId: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const bearer = [{ bearer: [] }];
const tags = ['appointments'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export const appointmentRoutes: FastifyPluginAsyncTypebox<{
  reminders: AppointmentReminderConfig;
  sendNotice: PersonalNoticeSender;
  linkSecret: string;
  publicUrl: string;
}> = async (app, options) => {
  const ctx: AppointmentContext = {
    db: app.db,
    bus: app.eventBus,
    sendNotice: options.sendNotice,
    reminderHoursBefore: options.reminders.hoursBefore,
    calendarLinks: calendarLinks(options.linkSecret, options.publicUrl),
  };

  if (options.reminders.enabled) {
    const stop = startReminderScheduler({
      db: app.db,
      sendNotice: options.sendNotice,
      batchSize: 50,
      leaseSeconds: options.reminders.leaseSeconds,
      intervalMs: options.reminders.pollMs,
      log: app.log,
    });
    app.addHook('onClose', async () => stop());
  }

  // --- the tenant's TV ---

  app.get(
    '/api/v1/appointments/services',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Services the tenant may book: their landlord’s agency, their district town hall, the city',
        security: bearer,
        response: { 200: AppointmentServiceList, ...problemResponses(401) },
      },
    },
    async (request) => servicesFor(app.db, request.device.place),
  );

  app.get(
    '/api/v1/appointments/services/:serviceId/days',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Days (Europe/Paris) with at least one free slot, from today on',
        security: bearer,
        params: ServiceParams,
        querystring: AppointmentDaysQuery,
        response: { 200: Page(AppointmentDay), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => freeDays(ctx, request.device.place, request.params.serviceId, request.query),
  );

  app.get(
    '/api/v1/appointments/services/:serviceId/slots',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Free slots of one day, earliest first',
        security: bearer,
        params: ServiceParams,
        querystring: FreeSlotsQuery,
        response: { 200: Page(FreeSlot), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => freeSlots(ctx, request.device.place, request.params.serviceId, request.query),
  );

  app.post(
    '/api/v1/appointments',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Book a slot. Retries (same Idempotency-Key, or the same slot again) return the same appointment.',
        security: bearer,
        headers: IdempotencyHeaders,
        body: BookAppointmentRequest,
        response: { 200: TenantAppointment, 201: TenantAppointment, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { appointment, created } = await bookAppointment(
        ctx,
        request.device.place,
        request.body.slotId,
        request.headers['idempotency-key'],
      );
      return reply.code(created ? 201 : 200).send(appointment);
    },
  );

  app.get(
    '/api/v1/appointments',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The tenant’s upcoming appointments, soonest first',
        security: bearer,
        querystring: TenantAppointmentsQuery,
        response: { 200: Page(TenantAppointment), ...problemResponses(400, 401) },
      },
    },
    async (request) => listTenantAppointments(ctx, request.device.place, request.query),
  );

  app.get(
    '/api/v1/appointments/:appointmentId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One of the tenant’s appointments',
        security: bearer,
        params: AppointmentParams,
        response: { 200: TenantAppointment, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantAppointment(ctx, request.device.place, request.params.appointmentId),
  );

  app.post(
    '/api/v1/appointments/:appointmentId/move',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Move to another slot of the same service, atomically: a full slot leaves the appointment where it was',
        security: bearer,
        params: AppointmentParams,
        body: MoveAppointmentRequest,
        response: { 200: TenantAppointment, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => moveAppointment(ctx, request.device.place, request.params.appointmentId, request.body.slotId),
  );

  app.post(
    '/api/v1/appointments/:appointmentId/cancel',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Cancel, until the service’s cut-off before the start (idempotent)',
        security: bearer,
        params: AppointmentParams,
        response: { 200: TenantAppointment, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => cancelByTenant(ctx, request.device.place, request.params.appointmentId),
  );

  app.get(
    '/api/v1/appointments/:appointmentId/calendar.ics',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The appointment as an iCalendar file, in the tenant’s language',
        security: bearer,
        params: AppointmentParams,
        response: { 200: Type.String({ description: 'text/calendar' }), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const language = request.headers['accept-language']?.slice(0, 2) ?? 'fr';
      const body = await tenantCalendar(ctx, request.device.place, request.params.appointmentId, language);
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="rendez-vous.ics"').send(body);
    },
  );

  app.get(
    '/api/v1/appointment-calendars/:appointmentId/rendez-vous.ics',
    {
      schema: {
        tags,
        summary: 'The appointment as an iCalendar file, through the signed link of its QR code (the tenant’s phone)',
        params: AppointmentParams,
        querystring: Type.Object({
          lang: Type.Enum(['fr', 'en', 'ar']),
          expires: Type.Integer(),
          signature: Type.String({ maxLength: 100 }),
        }),
        response: { 200: Type.String({ description: 'text/calendar' }), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lang, expires, signature } = request.query;
      if (!ctx.calendarLinks.verify(request.params.appointmentId, lang, expires, signature)) throw new DomainError('forbidden');
      const body = await linkedCalendar(ctx, request.params.appointmentId, lang);
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="rendez-vous.ics"').send(body);
    },
  );

  // --- the organisation's console ---

  const staffOnly = { preHandler: app.requireStaff(...AGENDA_ROLES) };

  app.get(
    '/api/v1/staff/appointments/services',
    {
      ...staffOnly,
      schema: { tags, summary: 'The organisation’s services', response: { 200: AppointmentServiceList, ...problemResponses(401, 403) } },
    },
    async (request) => staffServices(app.db, request.staff),
  );

  app.post(
    '/api/v1/staff/appointments/services',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Open a service (a subject tenants can book)',
        body: CreateAppointmentServiceRequest,
        response: { 201: AppointmentService, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await createService(ctx, request.staff, request.body)),
  );

  app.post(
    '/api/v1/staff/appointments/services/:serviceId/retire',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Retire a service: no new slots or bookings, gone from the TV; booked appointments stay (idempotent)',
        params: ServiceParams,
        response: { 200: AppointmentService, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => retireService(ctx, request.staff, request.params.serviceId),
  );

  app.patch(
    '/api/v1/staff/appointments/slots/:slotId',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Change a slot: place, time and duration while nobody booked it; capacity down to the seats taken (idempotent)',
        params: SlotParams,
        body: EditSlotRequest,
        response: { 200: AgendaSlot, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => editSlot(ctx, request.staff, request.params.slotId, request.body),
  );

  app.post(
    '/api/v1/staff/appointments/slots/:slotId/cancel',
    {
      ...staffOnly,
      schema: {
        tags,
        summary:
          'Cancel a slot with a reason: each booked tenant’s appointment is cancelled and they are told in their language (idempotent)',
        params: SlotParams,
        body: CancelSlotRequest,
        response: { 200: SlotCancellation, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelSlot(ctx, request.staff, request.params.slotId, request.body.reason),
  );

  app.post(
    '/api/v1/staff/appointments/series',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Publish a series of slots (e.g. every 30 min on Tuesday mornings for 4 weeks), Europe/Paris times',
        headers: IdempotencyHeaders,
        body: PublishSlotSeriesRequest,
        response: { 201: PublishedSeries, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishSeries(ctx, request.staff, request.body, request.headers['idempotency-key'])),
  );

  app.get(
    '/api/v1/staff/appointments/agenda',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'The agenda of a day or a week, per place: slots and who is coming',
        querystring: AgendaQuery,
        response: { 200: Page(AgendaSlot), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => agenda(app.db, request.staff, request.query),
  );

  app.get(
    '/api/v1/staff/appointments/:appointmentId',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'One appointment of the organisation',
        params: AppointmentParams,
        response: { 200: StaffAppointment, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffAppointment(app.db, request.staff, request.params.appointmentId),
  );

  app.post(
    '/api/v1/staff/appointments/:appointmentId/cancel',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'Cancel with a reason; the tenant receives a personal notice in their language',
        params: AppointmentParams,
        body: StaffCancelAppointmentRequest,
        response: { 200: StaffAppointment, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelByStaff(ctx, request.staff, request.params.appointmentId, request.body.reason),
  );

  app.get(
    '/api/v1/staff/appointments/:appointmentId/calendar.ics',
    {
      ...staffOnly,
      schema: {
        tags,
        summary: 'The appointment as an iCalendar file',
        params: AppointmentParams,
        response: { 200: Type.String({ description: 'text/calendar' }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const body = await staffCalendar(app.db, request.staff, request.params.appointmentId);
      return reply.type(CALENDAR_TYPE).header('content-disposition', 'attachment; filename="rendez-vous.ics"').send(body);
    },
  );
};
