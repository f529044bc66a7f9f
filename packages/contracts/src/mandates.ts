// Mandates: a tenant gives a helper (a staff member such as a social worker, or another tenant) the right to fill in and
// follow procedures in their name, sees what was done, and can withdraw it. The tenant chooses what it covers: town-hall
// e-services (`/api/v1/mandates/:mandateId/eservices/...`, the same routes as the tenant's `/api/v1/eservices/...`) and
// fault reports (`/api/v1/mandates/:mandateId/reports/...`, the same as `/api/v1/reports/...`). With PalierClient,
// `client.asHelper(mandateId).eserviceForms()`, `.submitReport(...)` etc. A scope not given is 403 `forbidden`; every
// route is refused with 403 `mandate_withdrawn` once the right is withdrawn.
import { Type, type Static } from 'typebox';

/** What a mandate covers: town-hall e-services, fault reports to the landlord. */
export const mandateScopes = ['eservices', 'reports'] as const;
export type MandateScope = (typeof mandateScopes)[number];

export const GrantMandateRequest = Type.Object(
  {
    helper: Type.Union([
      Type.Object(
        { kind: Type.Literal('STAFF'), email: Type.String({ format: 'email', maxLength: 200 }) },
        { additionalProperties: false },
      ),
      Type.Object(
        { kind: Type.Literal('TENANT'), reference: Type.String({ minLength: 3, maxLength: 40 }) },
        { additionalProperties: false },
      ),
    ]),
    /** What the helper may do; e-services only when omitted. Granting again to the same helper replaces the scopes. */
    scopes: Type.Optional(Type.Array(Type.Enum(mandateScopes), { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type GrantMandateRequest = Static<typeof GrantMandateRequest>;

/** What the tenant lets an active helper do from now on. */
export const MandateScopesRequest = Type.Object(
  { scopes: Type.Array(Type.Enum(mandateScopes), { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);
export type MandateScopesRequest = Static<typeof MandateScopesRequest>;

export const Mandate = Type.Object({
  id: Type.String(),
  /** The tenant who gave it: first name (and, for the helper's list, full name and reference). */
  tenant: Type.Object({ id: Type.String(), name: Type.String() }),
  helper: Type.Object({ kind: Type.Enum(['STAFF', 'TENANT']), name: Type.String() }),
  scopes: Type.Array(Type.Enum(mandateScopes)),
  createdAt: Type.String({ format: 'date-time' }),
  withdrawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  active: Type.Boolean(),
});
export type Mandate = Static<typeof Mandate>;

/** One thing a helper did in the tenant's name: on an e-service request, or on a fault report. */
export const MandateAction = Type.Object({
  at: Type.String({ format: 'date-time' }),
  scope: Type.Enum(mandateScopes),
  kind: Type.String({
    description:
      'The timeline event: SUBMITTED, INFO_PROVIDED… for e-services; REPORTED, MESSAGE, SLOT_ACCEPTED, CANCELLED, REOPENED, RATED for reports',
  }),
  /** The e-service request's id, or the report's. */
  requestId: Type.String(),
  /** The e-service receipt number, or the report's number (R-…). */
  receiptNumber: Type.String(),
  helperName: Type.String(),
});
export type MandateAction = Static<typeof MandateAction>;

/**
 * A line of a staff helper's "people I help" (`GET /api/v1/staff/helped-tenants`): the mandate and whom it is from,
 * with what a social worker needs to recognise them (full name, reference, home). Active mandates come first (newest
 * first), then withdrawn ones (most recently withdrawn first), which stay listed read-only.
 */
export const HelpedTenant = Type.Object({
  id: Type.String({ description: 'The mandate’s id, for /api/v1/mandates/:mandateId/…' }),
  tenant: Type.Object({
    id: Type.String(),
    name: Type.String({ description: 'First and last name' }),
    reference: Type.String(),
    building: Type.String(),
    residence: Type.String(),
    floor: Type.Integer(),
    door: Type.String(),
  }),
  scopes: Type.Array(Type.Enum(mandateScopes)),
  createdAt: Type.String({ format: 'date-time' }),
  withdrawnAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  active: Type.Boolean(),
});
export type HelpedTenant = Static<typeof HelpedTenant>;
