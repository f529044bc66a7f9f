// Fault reports (réclamations / signalements techniques): what a tenant reports to the landlord, and how it is followed.
import { Type, type Static } from 'typebox';
import { commonAreaSpots, homeSpots, reportCategoryCodes } from './report-categories';

export * from './report-categories';

export const ReportCategory = Type.Enum(reportCategoryCodes);
// Declared here too: this file's value of the same name hides the type re-exported from report-categories.
export type ReportCategory = (typeof reportCategoryCodes)[number];

export const reportLocations = ['HOME', 'COMMON_AREA'] as const;
export const ReportLocation = Type.Enum(reportLocations);
export type ReportLocation = (typeof reportLocations)[number];

export const ReportSpot = Type.Enum([...homeSpots, ...commonAreaSpots]);

export const reportUrgencies = ['LOW', 'NORMAL', 'URGENT'] as const;
export const ReportUrgency = Type.Enum(reportUrgencies);
export type ReportUrgency = (typeof reportUrgencies)[number];

/** received → acknowledged → appointment offered → appointment booked → in progress → resolved → closed; or cancelled. */
export const reportStatuses = [
  'RECEIVED',
  'ACKNOWLEDGED',
  'APPOINTMENT_OFFERED',
  'APPOINTMENT_BOOKED',
  'IN_PROGRESS',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
] as const;
export const ReportStatus = Type.Enum(reportStatuses);
export type ReportStatus = (typeof reportStatuses)[number];

export const openReportStatuses: readonly ReportStatus[] = [
  'RECEIVED',
  'ACKNOWLEDGED',
  'APPOINTMENT_OFFERED',
  'APPOINTMENT_BOOKED',
  'IN_PROGRESS',
];

/** What can happen to a report; see apps/api/src/modules/reports/state-machine.ts for who may do what, and when. */
export const reportActions = ['acknowledge', 'offer_slots', 'accept_slot', 'start', 'resolve', 'close', 'cancel', 'reopen'] as const;
export type ReportAction = (typeof reportActions)[number];
export const staffReportActions = ['acknowledge', 'start', 'resolve', 'close'] as const;
export const StaffReportAction = Type.Enum(staffReportActions);

/** How many days after resolution a tenant may reopen a report. */
export const REOPEN_WINDOW_DAYS = 15;
export const MAX_REPORT_PHOTOS = 6;

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SubmitReportRequest = Type.Object({
  category: ReportCategory,
  location: ReportLocation,
  spot: ReportSpot,
  urgency: ReportUrgency,
  /** A template code from the category, when the tenant picked one. */
  template: Type.Optional(Type.String({ maxLength: 40 })),
  description: Type.String({ minLength: 3, maxLength: 2000 }),
  /** Photos the phone sent for this report (draft photos of the tenant). */
  photoIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: MAX_REPORT_PHOTOS, uniqueItems: true })),
});
export type SubmitReportRequest = Static<typeof SubmitReportRequest>;

export const ReportPhoto = Type.Object({
  id: Type.String(),
  /** Signed, short-lived links: images load without an Authorization header (TV textures, <img>). */
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  createdAt: DateTime,
});
export type ReportPhoto = Static<typeof ReportPhoto>;

export const ReportSlot = Type.Object({
  id: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  state: Type.Enum(['OFFERED', 'ACCEPTED', 'WITHDRAWN']),
});
export type ReportSlot = Static<typeof ReportSlot>;

export const reportEventKinds = [
  'STATUS',
  'MESSAGE',
  'ASSIGNED',
  'SLOTS_OFFERED',
  'SLOT_ACCEPTED',
  'PHOTO_ADDED',
  'RATED',
  'ME_TOO',
] as const;

/**
 * One line of a report's timeline. Staff appear by first name to the tenant, by full name in the console. HELPER is
 * someone acting in the tenant's name under a mandate (first name to the tenant, "by Nadia, on your behalf").
 */
export const ReportEvent = Type.Object({
  id: Type.String(),
  kind: Type.Enum(reportEventKinds),
  at: DateTime,
  author: Type.Enum(['TENANT', 'STAFF', 'SYSTEM', 'HELPER']),
  authorName: Nullable(Type.String()),
  status: Nullable(ReportStatus),
  body: Nullable(Type.String()),
});
export type ReportEvent = Static<typeof ReportEvent>;

const reportFields = {
  id: Type.String(),
  /** R-<year>-<sequence>, what the tenant quotes on the phone. */
  number: Type.String(),
  category: ReportCategory,
  location: ReportLocation,
  spot: ReportSpot,
  urgency: ReportUrgency,
  template: Nullable(Type.String()),
  description: Type.String(),
  status: ReportStatus,
  createdAt: DateTime,
  updatedAt: DateTime,
  dueAt: DateTime,
  resolvedAt: NullableDateTime,
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  /** Other tenants of the building who said "me too" (common areas). */
  meTooCount: Type.Integer(),
};

/** A report as its tenant sees it on the TV. */
export const TenantReport = Type.Object({
  ...reportFields,
  /** Until when the tenant may reopen it, when resolved. */
  reopenUntil: NullableDateTime,
  /** What the tenant may do now: cancel, reopen, rate, accept_slot, add_information. */
  actions: Type.Array(Type.Enum(['cancel', 'reopen', 'rate', 'accept_slot', 'add_information'])),
  photos: Type.Array(ReportPhoto),
  slots: Type.Array(ReportSlot),
  timeline: Type.Array(ReportEvent),
});
export type TenantReport = Static<typeof TenantReport>;

/** A line of the tenant's list of reports. */
export const TenantReportSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  category: ReportCategory,
  spot: ReportSpot,
  description: Type.String(),
  status: ReportStatus,
  createdAt: DateTime,
  updatedAt: DateTime,
  /** Set when an offered appointment waits for the tenant's answer, or one is booked. */
  appointment: Nullable(Type.Object({ startsAt: DateTime, state: Type.Enum(['OFFERED', 'ACCEPTED']) })),
});
export type TenantReportSummary = Static<typeof TenantReportSummary>;

/** A common-area report of the tenant's building, as neighbours see it: no reporter, nothing about their home. */
export const NeighbourhoodReport = Type.Object({
  id: Type.String(),
  number: Type.String(),
  category: ReportCategory,
  spot: ReportSpot,
  description: Type.String(),
  status: ReportStatus,
  createdAt: DateTime,
  meTooCount: Type.Integer(),
  /** True when it is the tenant's own report. */
  mine: Type.Boolean(),
  meToo: Type.Boolean(),
});
export type NeighbourhoodReport = Static<typeof NeighbourhoodReport>;

export const ReportMessageRequest = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) });
export type ReportMessageRequest = Static<typeof ReportMessageRequest>;

export const RateReportRequest = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type RateReportRequest = Static<typeof RateReportRequest>;

export const AcceptSlotRequest = Type.Object({ slotId: Type.String({ format: 'uuid' }) });
export type AcceptSlotRequest = Static<typeof AcceptSlotRequest>;

export const DraftPhotos = Type.Object({ items: Type.Array(ReportPhoto) });
export type DraftPhotos = Static<typeof DraftPhotos>;

// --- staff ---

export const StaffReportQuery = Type.Object({
  residenceId: Type.Optional(Type.String({ format: 'uuid' })),
  category: Type.Optional(ReportCategory),
  /** One or more statuses; default: every open status. */
  status: Type.Optional(Type.Array(ReportStatus, { maxItems: 8 })),
  /** Only reports at least this many days old. */
  minAgeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  overdue: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type StaffReportQuery = Static<typeof StaffReportQuery>;

const StaffReportPlace = Type.Object({
  residenceId: Type.String(),
  residence: Type.String(),
  buildingId: Type.String(),
  building: Type.String(),
  floor: Type.Integer(),
  door: Type.String(),
});

export const StaffReportSummary = Type.Object({
  ...reportFields,
  place: StaffReportPlace,
  /** null once the tenant has left Palier (erasure): the report stays with the home, without a name. */
  tenant: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), reference: Type.String() }), Type.Null()]),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  overdue: Type.Boolean(),
  ageDays: Type.Integer(),
  photoCount: Type.Integer(),
});
export type StaffReportSummary = Static<typeof StaffReportSummary>;

export const StaffReport = Type.Object({
  ...StaffReportSummary.properties,
  ratingComment: Nullable(Type.String()),
  photos: Type.Array(ReportPhoto),
  slots: Type.Array(ReportSlot),
  timeline: Type.Array(ReportEvent),
  /** What this staff member may do now. */
  actions: Type.Array(Type.Enum(['acknowledge', 'offer_slots', 'start', 'resolve', 'close', 'assign', 'message'])),
});
export type StaffReport = Static<typeof StaffReport>;

export const StaffReportTransitionRequest = Type.Object({
  action: StaffReportAction,
  /** Shown to the tenant in the timeline with the status change. */
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type StaffReportTransitionRequest = Static<typeof StaffReportTransitionRequest>;

export const OfferSlotsRequest = Type.Object({
  slots: Type.Array(Type.Object({ startsAt: DateTime, endsAt: DateTime }), { minItems: 1, maxItems: 4 }),
});
export type OfferSlotsRequest = Static<typeof OfferSlotsRequest>;

export const AssignReportRequest = Type.Object({ assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) });
export type AssignReportRequest = Static<typeof AssignReportRequest>;

export const ReportAssignees = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) });
export type ReportAssignees = Static<typeof ReportAssignees>;
