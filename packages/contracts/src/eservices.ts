// Town-hall e-services (démarches de la mairie): forms as versioned JSON Schema 2020-12, tenants' drafts and requests,
// the clerk's processing, and the webhook deliveries to the town hall's own system.
//
// How a TV fills in a form, one question per screen:
//   1. `GET /api/v1/eservices/forms` lists what the tenant's town hall and city offer; an entry with `draft` set has a
//      draft to resume (at `draft.step`).
//   2. `GET /api/v1/eservices/drafts/:formId` (404 when there is none) or, to start, `GET /api/v1/eservices/forms/:formId`
//      gives the `EServiceFormVersion`: `questions` is the ordered list to show, one per screen, with its widget.
//   3. After every step, `PUT /api/v1/eservices/drafts/:formId` with all answers so far and the step reached (idempotent;
//      the first PUT pins the draft to the version it was given). Answers given are checked as they come (422
//      `eservice_answers_invalid`, `errors[].field` = `/answers/<question>`), required ones only at submission.
//   4. `POST /api/v1/eservices/requests` with `{ versionId, answers }` and an `Idempotency-Key` (the same key on every
//      retry): 201 with the receipt number, or 200 with the same request when it was already created. The draft goes.
//   5. `GET /api/v1/eservices/requests` lists "my requests"; `GET /api/v1/eservices/requests/:requestId` has the
//      timeline. When the clerk asks for more information (`INFO_REQUESTED`, `infoRequest` set), the tenant answers with
//      `POST /api/v1/eservices/requests/:requestId/information` (a message and/or new answers to the named questions).
//   Every change raises `eservice.updated` to the tenant: re-read the request.
import { Type, type Static } from 'typebox';

export const eserviceLanguages = ['fr', 'en', 'ar'] as const;
export type EServiceLanguage = (typeof eserviceLanguages)[number];

/** A clerk-written text in French (always) and, preferably, English and Arabic. */
export const LocalizedText = Type.Object(
  {
    fr: Type.String({ minLength: 1, maxLength: 2000 }),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    ar: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedText>;

/** The text in `language`, else French. Plain ES5: the TV calls it. */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  const value = (text as Record<string, string | undefined>)[language];
  return value || text.fr;
}

/**
 * How the TV asks a question. Each widget fits one JSON Schema shape (checked when the clerk saves):
 * - `choice`: `{ "type": "string", "enum": [...] }` — a focusable list, labels in `choices`
 * - `multiChoice`: `{ "type": "array", "items": { "type": "string", "enum": [...] }, "uniqueItems": true }`
 * - `date`: `{ "type": "string", "format": "date" }` — a date picker (answers are `YYYY-MM-DD`)
 * - `text`: `{ "type": "string" }` with a small `maxLength` (≤ 200) — the on-screen keyboard
 * - `longText`: `{ "type": "string" }` — the keyboard or the phone hand-off
 * - `number`: `{ "type": "integer" }` or `{ "type": "number" }` — digits on the remote
 * - `yesNo`: `{ "type": "boolean" }` — two buttons
 */
export const eserviceWidgets = ['choice', 'multiChoice', 'date', 'text', 'longText', 'number', 'yesNo'] as const;
export const EServiceWidget = Type.Enum(eserviceWidgets);
export type EServiceWidget = (typeof eserviceWidgets)[number];

/** `x-palier.questions.<name>`: how one top-level property of the schema is asked. */
export const EServiceQuestionHints = Type.Object(
  {
    title: LocalizedText,
    help: Type.Optional(LocalizedText),
    widget: EServiceWidget,
    /** For choice and multiChoice: the label of each enum value. */
    choices: Type.Optional(Type.Record(Type.String(), LocalizedText)),
  },
  { additionalProperties: false },
);
export type EServiceQuestionHints = Static<typeof EServiceQuestionHints>;

/**
 * The `x-palier` extension at the root of a form's schema. Every top-level property of the schema is one question;
 * `order` lists them all, in the order the TV asks them.
 */
export const EServiceFormExtension = Type.Object(
  {
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    order: Type.Array(Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' }), { minItems: 1, maxItems: 40, uniqueItems: true }),
    questions: Type.Record(Type.String(), EServiceQuestionHints),
  },
  { additionalProperties: false },
);
export type EServiceFormExtension = Static<typeof EServiceFormExtension>;

/**
 * A form's definition: a JSON Schema 2020-12 document for an object of answers, with `x-palier` at its root, e.g.
 * `{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
 *    "required": ["kind"], "properties": { "kind": { "type": "string", "enum": ["pothole", "lighting"] } },
 *    "x-palier": { "title": { "fr": "…" }, "order": ["kind"], "questions": { "kind": { "title": { "fr": "…" },
 *    "widget": "choice", "choices": { "pothole": { "fr": "Nid-de-poule" }, "lighting": { "fr": "Éclairage" } } } } } }`.
 * Kept loose here on purpose: the API checks it with Ajv (meta-schema, compilation, the extension, widget fit) and
 * answers 422 `eservice_schema_invalid` naming what is wrong.
 */
export const EServiceFormSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'JSON Schema 2020-12 of the answers, with the x-palier extension at its root',
});
export type EServiceFormSchema = Record<string, unknown> & { 'x-palier'?: EServiceFormExtension };

/** Answers by question name: strings (dates as YYYY-MM-DD), numbers, booleans, arrays of strings. */
export const EServiceAnswers = Type.Record(Type.String(), Type.Unknown(), { maxProperties: 60 });
export type EServiceAnswers = Record<string, unknown>;

/** One question as the TV shows it, derived from the schema and its extension (the TV never reads JSON Schema). */
export const EServiceQuestion = Type.Object({
  name: Type.String(),
  widget: EServiceWidget,
  required: Type.Boolean(),
  title: LocalizedText,
  help: Type.Union([LocalizedText, Type.Null()]),
  /** For choice and multiChoice, in the schema's enum order. */
  choices: Type.Array(Type.Object({ value: Type.String(), label: LocalizedText })),
  /** Limits the TV can enforce before sending (the API checks them anyway). */
  minLength: Type.Union([Type.Integer(), Type.Null()]),
  maxLength: Type.Union([Type.Integer(), Type.Null()]),
  minimum: Type.Union([Type.Number(), Type.Null()]),
  maximum: Type.Union([Type.Number(), Type.Null()]),
});
export type EServiceQuestion = Static<typeof EServiceQuestion>;

export const EServiceOrganisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['TOWN_HALL', 'CITY']),
});
export type EServiceOrganisation = Static<typeof EServiceOrganisation>;

/** One published (or superseded) version of a form, as a tenant fills it in. Immutable. */
export const EServiceFormVersion = Type.Object({
  formId: Type.String(),
  versionId: Type.String(),
  version: Type.Integer({ description: '1, 2, 3… per form' }),
  organisation: EServiceOrganisation,
  title: LocalizedText,
  description: Type.Union([LocalizedText, Type.Null()]),
  questions: Type.Array(EServiceQuestion),
  /** The schema itself, for clients that validate locally; the API validates with it anyway. */
  schema: EServiceFormSchema,
  /** False once the form is retired: no new draft or request (a draft on a replaced version may still be sent). */
  acceptsRequests: Type.Boolean(),
});
export type EServiceFormVersion = Static<typeof EServiceFormVersion>;

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A tenant's unfinished form: kept on the server at every step, so a power cut loses nothing. One per form. */
export const EServiceDraftSummary = Type.Object({
  versionId: Type.String(),
  step: Type.Integer({ description: 'Index in questions of the screen to show on resume; questions.length = summary' }),
  updatedAt: DateTime,
});
export type EServiceDraftSummary = Static<typeof EServiceDraftSummary>;

/** A line of the tenant's list of forms. */
export const EServiceFormSummary = Type.Object({
  formId: Type.String(),
  versionId: Type.String({ description: 'The current published version: what a new draft starts on' }),
  version: Type.Integer(),
  organisation: EServiceOrganisation,
  title: LocalizedText,
  description: Nullable(LocalizedText),
  questionCount: Type.Integer(),
  draft: Nullable(EServiceDraftSummary),
});
export type EServiceFormSummary = Static<typeof EServiceFormSummary>;

export const EServiceDraft = Type.Object({
  formId: Type.String(),
  versionId: Type.String(),
  step: Type.Integer({ minimum: 0 }),
  answers: EServiceAnswers,
  createdAt: DateTime,
  updatedAt: DateTime,
  /** The version the draft was started on, which its questions come from (it may no longer be the current one). */
  form: EServiceFormVersion,
});
export type EServiceDraft = Static<typeof EServiceDraft>;

export const SaveEServiceDraftRequest = Type.Object(
  {
    /** The version the questions come from. Another version than the draft's starts the draft over on that version. */
    versionId: Type.String({ format: 'uuid' }),
    step: Type.Integer({ minimum: 0, maximum: 100 }),
    answers: EServiceAnswers,
  },
  { additionalProperties: false },
);
export type SaveEServiceDraftRequest = Static<typeof SaveEServiceDraftRequest>;

export const SubmitEServiceRequest = Type.Object(
  {
    /** The exact version the tenant filled in; the answers are validated against it, even if a newer one exists. */
    versionId: Type.String({ format: 'uuid' }),
    answers: EServiceAnswers,
  },
  { additionalProperties: false },
);
export type SubmitEServiceRequest = Static<typeof SubmitEServiceRequest>;

/**
 * SUBMITTED → IN_REVIEW (a clerk took it) → ACCEPTED or REJECTED; IN_REVIEW → INFO_REQUESTED (the clerk asks the tenant)
 * → IN_REVIEW (the tenant answered). See apps/api/src/modules/eservices/state-machine.ts.
 */
export const eserviceRequestStatuses = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'ACCEPTED', 'REJECTED'] as const;
export const EServiceRequestStatus = Type.Enum(eserviceRequestStatuses);
export type EServiceRequestStatus = (typeof eserviceRequestStatuses)[number];
export const openEServiceRequestStatuses: readonly EServiceRequestStatus[] = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED'];

export const eserviceEventKinds = ['SUBMITTED', 'TAKEN', 'INFO_REQUESTED', 'INFO_PROVIDED', 'ACCEPTED', 'REJECTED'] as const;

/** One answer the tenant gave again: what it was, what it is now. */
export const EServiceAnswerChange = Type.Object({
  field: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type EServiceAnswerChange = Static<typeof EServiceAnswerChange>;

/** One line of a request's timeline. Clerks appear by first name to the tenant, by full name in the console. */
export const EServiceRequestEvent = Type.Object({
  id: Type.String(),
  kind: Type.Enum(eserviceEventKinds),
  at: DateTime,
  /** TENANT: the tenant; STAFF: a clerk; HELPER: someone acting for the tenant (mandate). */
  author: Type.Enum(['TENANT', 'STAFF', 'HELPER', 'SYSTEM']),
  authorName: Nullable(Type.String()),
  status: EServiceRequestStatus,
  /** The clerk's question, answer or reason, or the tenant's reply, as written. */
  message: Nullable(Type.String()),
  /** INFO_REQUESTED: the questions the tenant is asked to answer again; INFO_PROVIDED: those they changed. */
  fields: Type.Array(Type.String()),
  /** INFO_PROVIDED: each answer changed, old → new (`before` null when there was none), in the form's order. */
  changes: Type.Array(EServiceAnswerChange),
});
export type EServiceRequestEvent = Static<typeof EServiceRequestEvent>;

const requestFields = {
  id: Type.String(),
  /** What the tenant quotes at the counter, e.g. M13-2026-000123. */
  receiptNumber: Type.String(),
  formId: Type.String(),
  versionId: Type.String(),
  version: Type.Integer(),
  title: LocalizedText,
  organisation: EServiceOrganisation,
  status: EServiceRequestStatus,
  submittedAt: DateTime,
  updatedAt: DateTime,
  decidedAt: Nullable(DateTime),
};

/** A line of "my requests". */
export const TenantEServiceRequestSummary = Type.Object({
  ...requestFields,
  /** True when the clerk waits for the tenant's answer. */
  awaitingTenant: Type.Boolean(),
});
export type TenantEServiceRequestSummary = Static<typeof TenantEServiceRequestSummary>;

/** The clerk's open question, while the request is INFO_REQUESTED. */
export const EServiceInfoRequest = Type.Object({
  message: Type.String(),
  /** Questions (names) the tenant may answer again; empty: a message is enough. */
  fields: Type.Array(Type.String()),
  askedAt: DateTime,
});
export type EServiceInfoRequest = Static<typeof EServiceInfoRequest>;

export const TenantEServiceRequest = Type.Object({
  ...requestFields,
  awaitingTenant: Type.Boolean(),
  answers: EServiceAnswers,
  infoRequest: Nullable(EServiceInfoRequest),
  /** The version's questions, to show the answers (and ask the named ones again) with their titles and widgets. */
  form: EServiceFormVersion,
  timeline: Type.Array(EServiceRequestEvent),
});
export type TenantEServiceRequest = Static<typeof TenantEServiceRequest>;

/**
 * The tenant's answer to a clerk's request for information: a message, new answers to the named questions, or both.
 * Send it with an `Idempotency-Key` (the same on every retry): a retried answer is applied once. The answers are merged
 * into the request's and validated again against its form version (422 `eservice_answers_invalid`, `errors[].field` =
 * `/answers/<question>`); a question the clerk did not name is refused the same way. `null` as a named question's answer
 * clears it: allowed for an optional question, refused for a required one (`is required`, naming it).
 */
export const ProvideEServiceInformationRequest = Type.Object(
  {
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    answers: Type.Optional(EServiceAnswers),
  },
  { additionalProperties: false },
);
export type ProvideEServiceInformationRequest = Static<typeof ProvideEServiceInformationRequest>;

export const EServiceRequestQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type EServiceRequestQuery = Static<typeof EServiceRequestQuery>;

// --- clerks (console) ---

export const eserviceVersionStatuses = ['DRAFT', 'PUBLISHED', 'SUPERSEDED'] as const;
export const EServiceVersionStatus = Type.Enum(eserviceVersionStatuses);
export type EServiceVersionStatus = (typeof eserviceVersionStatuses)[number];

export const StaffEServiceVersionSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: EServiceVersionStatus,
  createdAt: DateTime,
  updatedAt: DateTime,
  publishedAt: Nullable(DateTime),
  publishedBy: Nullable(Type.String()),
});
export type StaffEServiceVersionSummary = Static<typeof StaffEServiceVersionSummary>;

export const EServiceWebhook = Type.Object({
  url: Type.String(),
  /** The HMAC-SHA256 key; give it to the receiving system. Shown to the form's clerks only. */
  secret: Type.String(),
});
export type EServiceWebhook = Static<typeof EServiceWebhook>;

/** A line of the clerk's list of forms. */
export const StaffEServiceFormSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  receiptPrefix: Type.String(),
  title: LocalizedText,
  organisation: EServiceOrganisation,
  /** The version tenants fill in now; null before the first publication. */
  publishedVersion: Nullable(Type.Integer()),
  /** The version being edited, if any. */
  draftVersion: Nullable(Type.Integer()),
  retiredAt: Nullable(DateTime),
  openRequests: Type.Integer(),
  webhookUrl: Nullable(Type.String()),
  updatedAt: DateTime,
});
export type StaffEServiceFormSummary = Static<typeof StaffEServiceFormSummary>;

export const StaffEServiceForm = Type.Object({
  ...StaffEServiceFormSummary.properties,
  versions: Type.Array(StaffEServiceVersionSummary),
  webhook: Nullable(EServiceWebhook),
  /** What this clerk may do now. */
  actions: Type.Array(Type.Enum(['edit', 'publish', 'retire', 'discard_draft', 'set_webhook'])),
});
export type StaffEServiceForm = Static<typeof StaffEServiceForm>;

/** One version with its schema, for the editor and the preview. */
export const StaffEServiceVersion = Type.Object({
  ...StaffEServiceVersionSummary.properties,
  formId: Type.String(),
  schema: EServiceFormSchema,
  /** The questions as the TV will ask them. */
  questions: Type.Array(EServiceQuestion),
});
export type StaffEServiceVersion = Static<typeof StaffEServiceVersion>;

export const CreateEServiceFormRequest = Type.Object(
  {
    /** Stable name of the form in the organisation, also in webhook payloads. */
    slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,59}$' }),
    /** Receipt numbers read `<prefix>-<year>-<serial>`. */
    receiptPrefix: Type.String({ pattern: '^[A-Z][A-Z0-9]{0,5}$' }),
    schema: EServiceFormSchema,
  },
  { additionalProperties: false },
);
export type CreateEServiceFormRequest = Static<typeof CreateEServiceFormRequest>;

/** Saves the schema into the form's draft version, creating one (next number) when all versions are published. */
export const SaveEServiceVersionRequest = Type.Object({ schema: EServiceFormSchema }, { additionalProperties: false });
export type SaveEServiceVersionRequest = Static<typeof SaveEServiceVersionRequest>;

/** Checks a schema without saving it: the editor's live validation. */
export const CheckEServiceSchemaResponse = Type.Object({
  valid: Type.Boolean(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  questions: Type.Array(EServiceQuestion),
});
export type CheckEServiceSchemaResponse = Static<typeof CheckEServiceSchemaResponse>;

export const SetEServiceWebhookRequest = Type.Object(
  {
    /** null removes the webhook (pending deliveries still go). */
    url: Nullable(Type.String({ pattern: '^https?://', maxLength: 500 })),
    /** Omit to keep the current secret, or to have one generated the first time; at least 24 characters. */
    secret: Type.Optional(Type.String({ minLength: 24, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SetEServiceWebhookRequest = Static<typeof SetEServiceWebhookRequest>;

export const StaffEServiceRequestQuery = Type.Object({
  /** One or more statuses; default: the open ones. */
  status: Type.Optional(Type.Array(EServiceRequestStatus, { maxItems: 5 })),
  formId: Type.Optional(Type.String({ format: 'uuid' })),
  /** Only requests submitted at least this many days ago. */
  minAgeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type StaffEServiceRequestQuery = Static<typeof StaffEServiceRequestQuery>;

export const StaffEServiceRequestSummary = Type.Object({
  ...requestFields,
  tenant: Type.Object({ id: Type.String(), name: Type.String(), reference: Type.String() }),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  ageDays: Type.Integer(),
});
export type StaffEServiceRequestSummary = Static<typeof StaffEServiceRequestSummary>;

export const StaffEServiceRequest = Type.Object({
  ...StaffEServiceRequestSummary.properties,
  tenantAddress: Type.String(),
  answers: EServiceAnswers,
  infoRequest: Nullable(EServiceInfoRequest),
  form: EServiceFormVersion,
  timeline: Type.Array(EServiceRequestEvent),
  actions: Type.Array(Type.Enum(['take', 'ask_information', 'accept', 'reject'])),
});
export type StaffEServiceRequest = Static<typeof StaffEServiceRequest>;

export const staffEServiceActions = ['take', 'ask_information', 'accept', 'reject'] as const;
export type StaffEServiceAction = (typeof staffEServiceActions)[number];

export const StaffEServiceTransitionRequest = Type.Object(
  {
    action: Type.Enum(staffEServiceActions),
    /** Required to ask for information and to reject (the reason); shown to the tenant. Optional to accept. */
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** ask_information: the questions the tenant may answer again. */
    fields: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type StaffEServiceTransitionRequest = Static<typeof StaffEServiceTransitionRequest>;

// --- webhook deliveries ---

export const eserviceWebhookEventTypes = ['eservice.request.submitted', 'eservice.request.status_changed'] as const;
export type EServiceWebhookEventType = (typeof eserviceWebhookEventTypes)[number];

/**
 * The JSON body POSTed to a form's webhook URL, signed with the header
 * `Palier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (compare in constant time, and
 * refuse a `t` far from now). `id` is the delivery id, the same on every retry: receivers deduplicate on it.
 */
export interface EServiceWebhookPayload {
  id: string;
  type: EServiceWebhookEventType;
  createdAt: string;
  data: {
    request: {
      id: string;
      receiptNumber: string;
      status: EServiceRequestStatus;
      submittedAt: string;
      form: { id: string; slug: string; version: number };
      answers: EServiceAnswers;
      applicant: { name: string; reference: string; address: string };
      /** status_changed: the clerk's message (question, reason, answer), if any. */
      message: string | null;
    };
  };
}

export const eserviceDeliveryStatuses = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export const EServiceDeliveryStatus = Type.Enum(eserviceDeliveryStatuses);

export const EServiceDeliveryAttempt = Type.Object({
  number: Type.Integer(),
  at: DateTime,
  durationMs: Type.Integer(),
  /** The receiver's HTTP status; null when no answer came (refused, timeout). */
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});
export type EServiceDeliveryAttempt = Static<typeof EServiceDeliveryAttempt>;

export const EServiceDelivery = Type.Object({
  id: Type.String(),
  type: Type.Enum(eserviceWebhookEventTypes),
  requestId: Type.String(),
  receiptNumber: Type.String(),
  url: Type.String(),
  status: EServiceDeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
  log: Type.Array(EServiceDeliveryAttempt),
});
export type EServiceDelivery = Static<typeof EServiceDelivery>;
