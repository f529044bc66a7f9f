// Appointments with the landlord's agency, the district town hall or the city: services, slots, bookings, agenda.
import { Type, type Static } from 'typebox';

/** Every appointment time is published and shown in this zone; `localDate`/`localTime` are its wall clock. */
export const APPOINTMENT_TIME_ZONE = 'Europe/Paris';

const DateTime = Type.String({ format: 'date-time' });
const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD, Europe/Paris' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Europe/Paris' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const appointmentOrganisationKinds = ['LANDLORD', 'TOWN_HALL', 'CITY'] as const;

export const AppointmentOrganisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  kind: Type.Enum(appointmentOrganisationKinds),
});
export type AppointmentOrganisation = Static<typeof AppointmentOrganisation>;

/** A service a tenant may book: their landlord's agency, their district town hall, or the city. */
export const AppointmentService = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisation: AppointmentOrganisation,
  subject: Type.String(),
  whatToBring: Nullable(Type.String()),
  cancelCutoffHours: Type.Integer(),
  /** Retired by its organisation: no new slots or bookings, gone from the TV's list; booked appointments stay. */
  retiredAt: Nullable(DateTime),
});
export type AppointmentService = Static<typeof AppointmentService>;

export const AppointmentServiceList = Type.Object({ items: Type.Array(AppointmentService) });
export type AppointmentServiceList = Static<typeof AppointmentServiceList>;

/** A day with at least one free slot of a service. */
export const AppointmentDay = Type.Object({ date: LocalDate, freeSlots: Type.Integer() });
export type AppointmentDay = Static<typeof AppointmentDay>;

export const AppointmentDaysQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 7 })),
});
export type AppointmentDaysQuery = Static<typeof AppointmentDaysQuery>;

export const FreeSlot = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startsAt: DateTime,
  localDate: LocalDate,
  localTime: LocalTime,
  durationMinutes: Type.Integer(),
  placeName: Type.String(),
  placeAddress: Type.String(),
  free: Type.Integer({ description: 'Seats left when read' }),
});
export type FreeSlot = Static<typeof FreeSlot>;

export const FreeSlotsQuery = Type.Object({
  date: LocalDate,
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 12 })),
});
export type FreeSlotsQuery = Static<typeof FreeSlotsQuery>;

export const appointmentStatuses = ['BOOKED', 'CANCELLED'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const TenantAppointment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum(appointmentStatuses),
  service: AppointmentService,
  slot: Type.Omit(FreeSlot, ['free']),
  bookedAt: DateTime,
  /** Until when the tenant may still move or cancel it. */
  changeableUntil: DateTime,
  canChange: Type.Boolean(),
  cancelledAt: Nullable(DateTime),
  cancelledBy: Nullable(Type.Enum(['TENANT', 'STAFF'])),
  cancelReason: Nullable(Type.String()),
  calendarUrl: Type.String({ description: 'Signed link (2 h) to the .ics, for the QR code the phone scans' }),
});
export type TenantAppointment = Static<typeof TenantAppointment>;

export const TenantAppointmentsQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type TenantAppointmentsQuery = Static<typeof TenantAppointmentsQuery>;

export const BookAppointmentRequest = Type.Object({ slotId: Type.String({ format: 'uuid' }) });
export type BookAppointmentRequest = Static<typeof BookAppointmentRequest>;

export const MoveAppointmentRequest = Type.Object({ slotId: Type.String({ format: 'uuid' }) });
export type MoveAppointmentRequest = Static<typeof MoveAppointmentRequest>;

// --- staff ---

export const CreateAppointmentServiceRequest = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 200 }),
  whatToBring: Type.Optional(Type.String({ maxLength: 1000 })),
  cancelCutoffHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 168, default: 24 })),
});
export type CreateAppointmentServiceRequest = Static<typeof CreateAppointmentServiceRequest>;

/** A series: every `everyMinutes` from `from` to `until` on the given weekdays, for `weeks` weeks from `firstDay`. */
export const PublishSlotSeriesRequest = Type.Object({
  serviceId: Type.String({ format: 'uuid' }),
  placeName: Type.String({ minLength: 2, maxLength: 200 }),
  placeAddress: Type.String({ minLength: 2, maxLength: 300 }),
  firstDay: LocalDate,
  weeks: Type.Integer({ minimum: 1, maximum: 12 }),
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }), {
    minItems: 1,
    maxItems: 7,
    uniqueItems: true,
  }),
  from: LocalTime,
  until: LocalTime,
  everyMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  capacity: Type.Integer({ minimum: 1, maximum: 100 }),
});
export type PublishSlotSeriesRequest = Static<typeof PublishSlotSeriesRequest>;

/** At most this many slots in one series. */
export const MAX_SERIES_SLOTS = 500;

export const PublishedSeries = Type.Object({
  seriesId: Type.String({ format: 'uuid' }),
  created: Type.Integer(),
  firstStartsAt: Nullable(DateTime),
  lastStartsAt: Nullable(DateTime),
});
export type PublishedSeries = Static<typeof PublishedSeries>;

export const AgendaQuery = Type.Object({
  from: LocalDate,
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 7, default: 1, description: '1 for a day, 7 for a week' })),
  placeName: Type.Optional(Type.String({ maxLength: 200 })),
  serviceId: Type.Optional(Type.String({ format: 'uuid' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type AgendaQuery = Static<typeof AgendaQuery>;

/** Staff see who is coming: full name and home. */
export const AgendaVisitor = Type.Object({
  appointmentId: Type.String({ format: 'uuid' }),
  fullName: Type.String(),
  reference: Type.String(),
  home: Type.String({ description: 'Residence, building, floor and door' }),
  bookedAt: DateTime,
});
export type AgendaVisitor = Static<typeof AgendaVisitor>;

export const AgendaSlot = Type.Object({
  id: Type.String({ format: 'uuid' }),
  serviceId: Type.String({ format: 'uuid' }),
  subject: Type.String(),
  placeName: Type.String(),
  placeAddress: Type.String(),
  startsAt: DateTime,
  localDate: LocalDate,
  localTime: LocalTime,
  durationMinutes: Type.Integer(),
  capacity: Type.Integer(),
  booked: Type.Integer(),
  visitors: Type.Array(AgendaVisitor),
  /** Cancelled by staff: nobody can book it; the appointments it held were cancelled with this reason. */
  cancelledAt: Nullable(DateTime),
  cancelReason: Nullable(Type.String()),
  /** The service was retired: the slot stays for the appointments it holds, and takes no new booking. */
  serviceRetired: Type.Boolean(),
});
export type AgendaSlot = Static<typeof AgendaSlot>;

export const StaffAppointment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum(appointmentStatuses),
  subject: Type.String(),
  slot: Type.Omit(FreeSlot, ['free']),
  visitor: Type.Omit(AgendaVisitor, ['appointmentId']),
  cancelledAt: Nullable(DateTime),
  cancelledBy: Nullable(Type.Enum(['TENANT', 'STAFF'])),
  cancelReason: Nullable(Type.String()),
});
export type StaffAppointment = Static<typeof StaffAppointment>;

export const StaffCancelAppointmentRequest = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) });
export type StaffCancelAppointmentRequest = Static<typeof StaffCancelAppointmentRequest>;

/**
 * Changes a published slot. Place, time and duration only while nobody has booked it (tenants were told where and
 * when); capacity at any time, down to the bookings already made. Sending the values it already has changes nothing.
 */
export const EditSlotRequest = Type.Object(
  {
    placeName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    placeAddress: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
    localDate: Type.Optional(LocalDate),
    localTime: Type.Optional(LocalTime),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 480 })),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EditSlotRequest = Static<typeof EditSlotRequest>;

/** Cancels a slot: every appointment it holds is cancelled with this reason, each tenant told in their language. */
export const CancelSlotRequest = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });
export type CancelSlotRequest = Static<typeof CancelSlotRequest>;

export const SlotCancellation = Type.Object({
  slot: AgendaSlot,
  /** Appointments this cancellation cancelled (the same number when the request is retried). */
  cancelledAppointments: Type.Integer(),
});
export type SlotCancellation = Static<typeof SlotCancellation>;
