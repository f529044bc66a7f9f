// Mandates: a tenant gives a helper (a staff member such as a social worker, or another tenant) the right to fill in and
// follow procedures in their name, sees what was done, and can withdraw it. The helper then acts through
// `/api/v1/mandates/:mandateId/eservices/...` (the same routes as the tenant's `/api/v1/eservices/...`; with
// PalierClient, `client.asHelper(mandateId).eserviceForms()` etc.), refused with 403 `mandate_withdrawn` once withdrawn.
import { Type, type Static } from 'typebox';

/** What a mandate covers. Fault reports can add "reports" and check it the same way. */
export const mandateScopes = ['eservices'] as const;
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
    scopes: Type.Optional(Type.Array(Type.Enum(mandateScopes), { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type GrantMandateRequest = Static<typeof GrantMandateRequest>;

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

/** One thing a helper did in the tenant's name. */
export const MandateAction = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: Type.String({ description: 'The timeline event: SUBMITTED, INFO_PROVIDED…' }),
  requestId: Type.String(),
  receiptNumber: Type.String(),
  helperName: Type.String(),
});
export type MandateAction = Static<typeof MandateAction>;
