// E-service requests: the tenant's drafts (saved at every step), the idempotent submission validated against the exact
// version it was started on, the tenant's follow-up, and the clerks' processing — each change in the timeline, raised
// to the tenant and the clerks, and queued for the form's webhook.
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  openEServiceRequestStatuses,
  type EServiceAnswerChange,
  type EServiceDraft,
  type EServiceInfoRequest,
  type EServiceRequestEvent,
  type EServiceRequestQuery,
  type EServiceRequestStatus,
  type EServiceWebhookEventType,
  type Page,
  type ProvideEServiceInformationRequest,
  type SaveEServiceDraftRequest,
  type StaffEServiceRequest,
  type StaffEServiceRequestQuery,
  type StaffEServiceRequestSummary,
  type StaffEServiceTransitionRequest,
  type SubmitEServiceRequest,
  type TenantEServiceRequest,
  type TenantEServiceRequestSummary,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { StaffContext } from '../accounts/staff-sessions';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { tellHelpers } from '../mandates/helper-events';
import { formsVisibleTo, organisationView, versionView, type EServiceContext } from './forms';
import { formTitle, validateAnswers, versionQuestions, type FieldError } from './form-schema';
import { availableEServiceActions, decideEServiceTransition, type EServiceAction } from './state-machine';
import { queueDelivery } from './webhooks';

const DAY_MS = 86_400_000;

type Change = 'submitted' | 'taken' | 'info_requested' | 'info_provided' | 'accepted' | 'rejected';

/** Who acts: the tenant themself, a clerk, or (later) a helper holding the tenant's mandate. */
export interface Actor {
  kind: 'TENANT' | 'STAFF' | 'HELPER';
  id: string;
  name: string | null;
}

function answersInvalid(errors: FieldError[]): DomainError {
  return new DomainError('eservice_answers_invalid', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}

const formInclude = { organisation: { select: { id: true, name: true, kind: true } } } as const;

const requestInclude = {
  form: { include: formInclude },
  version: true,
  events: { orderBy: { id: 'asc' } },
} satisfies Prisma.EServiceRequestInclude;

const staffRequestInclude = {
  ...requestInclude,
  tenant: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      reference: true,
      home: { select: { floor: true, door: true, building: { select: { name: true, address: true } } } },
    },
  },
} satisfies Prisma.EServiceRequestInclude;

type LoadedRequest = Prisma.EServiceRequestGetPayload<{ include: typeof requestInclude }>;
type LoadedStaffRequest = Prisma.EServiceRequestGetPayload<{ include: typeof staffRequestInclude }>;

function firstName(fullName: string | null): string | null {
  return fullName ? (fullName.split(/\s+/)[0] ?? fullName) : null;
}

function timeline(request: LoadedRequest, audience: 'TENANT' | 'STAFF'): EServiceRequestEvent[] {
  return request.events.map((event) => ({
    id: event.id.toString(),
    kind: event.kind as EServiceRequestEvent['kind'],
    at: event.at.toISOString(),
    author: event.actorKind as EServiceRequestEvent['author'],
    authorName: audience === 'TENANT' && event.actorKind === 'STAFF' ? firstName(event.actorName) : event.actorName,
    status: event.status,
    message: event.message,
    fields: event.fields,
    changes: Array.isArray(event.changes) ? (event.changes as unknown as EServiceAnswerChange[]) : [],
  }));
}

/** Same answer: JSON values compared as written (a multi-choice in another order is another answer). */
function sameAnswer(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function infoRequest(request: LoadedRequest): EServiceInfoRequest | null {
  if (request.status !== 'INFO_REQUESTED') return null;
  const asked = [...request.events].reverse().find((event) => event.kind === 'INFO_REQUESTED');
  return asked ? { message: asked.message ?? '', fields: asked.fields, askedAt: asked.at.toISOString() } : null;
}

function baseView(request: LoadedRequest) {
  return {
    id: request.id,
    receiptNumber: request.receiptNumber,
    formId: request.formId,
    versionId: request.versionId,
    version: request.version.number,
    title: formTitle(request.version.schema),
    organisation: organisationView(request.form.organisation),
    status: request.status,
    submittedAt: request.submittedAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

function toTenantRequest(request: LoadedRequest): TenantEServiceRequest {
  return {
    ...baseView(request),
    awaitingTenant: request.status === 'INFO_REQUESTED',
    answers: request.answers as Record<string, unknown>,
    infoRequest: infoRequest(request),
    form: versionView(request.form, request.version),
    timeline: timeline(request, 'TENANT'),
  };
}

function tenantAddress(tenant: LoadedStaffRequest['tenant']): string {
  const { home } = tenant;
  return `${home.building.address}, ${home.building.name}, étage ${home.floor}, porte ${home.door}`;
}

function toStaffSummary(request: LoadedStaffRequest, now: Date): StaffEServiceRequestSummary {
  return {
    ...baseView(request),
    tenant: { id: request.tenant.id, name: `${request.tenant.firstName} ${request.tenant.lastName}`, reference: request.tenant.reference },
    assignee: request.assigneeId ? { id: request.assigneeId, name: request.assigneeName ?? '' } : null,
    ageDays: Math.floor((now.getTime() - request.submittedAt.getTime()) / DAY_MS),
  };
}

function toStaffRequest(request: LoadedStaffRequest, now = new Date()): StaffEServiceRequest {
  return {
    ...toStaffSummary(request, now),
    tenantAddress: tenantAddress(request.tenant),
    answers: request.answers as Record<string, unknown>,
    infoRequest: infoRequest(request),
    form: versionView(request.form, request.version),
    timeline: timeline(request, 'STAFF'),
    actions: availableEServiceActions(request.status, 'STAFF') as StaffEServiceRequest['actions'],
  };
}

async function announce(
  ctx: EServiceContext,
  request: { id: string; tenantId: string; organisationId: string; status: EServiceRequestStatus },
  change: Change,
) {
  const data = { requestId: request.id, status: request.status, change };
  await raiseEvent(ctx.db, ctx.bus, `TENANT:${request.tenantId}`, { name: 'eservice.updated', data });
  await tellHelpers(ctx.db, ctx.bus, request.tenantId, 'eservices', (mandateId) => ({
    name: 'mandate.eservice_updated',
    data: { ...data, mandateId },
  }));
  await raiseEvent(ctx.db, ctx.bus, `ORGANISATION:${request.organisationId}`, { name: 'eservice.updated', data });
}

/** Queues the webhook message about a request, in the transaction `tx` that changed it. */
async function queueRequestDelivery(
  tx: Prisma.TransactionClient,
  type: EServiceWebhookEventType,
  requestId: string,
  message: string | null,
  now: Date,
) {
  const request = await tx.eServiceRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { ...staffRequestInclude, events: false },
  });
  await queueDelivery(
    tx,
    type,
    {
      form: request.form,
      request: {
        id: request.id,
        receiptNumber: request.receiptNumber,
        status: request.status,
        submittedAt: request.submittedAt.toISOString(),
        form: { id: request.form.id, slug: request.form.slug, version: request.version.number },
        answers: request.answers as Record<string, unknown>,
        applicant: {
          name: `${request.tenant.firstName} ${request.tenant.lastName}`,
          reference: request.tenant.reference,
          address: tenantAddress(request.tenant),
        },
        message,
      },
    },
    now,
  );
}

// --- the tenant's drafts ---

/** A version a tenant may fill in: of a form they can see, published now or before (not a clerk's draft). */
async function fillableVersion(db: PrismaClient | Prisma.TransactionClient, place: TenantPlace, versionId: string) {
  const version = await db.eServiceFormVersion.findFirst({
    where: { id: versionId, status: { not: 'DRAFT' }, form: formsVisibleTo(place) },
    include: { form: { include: formInclude } },
  });
  if (!version) throw new DomainError('not_found');
  if (version.form.retiredAt) throw new DomainError('eservice_form_retired');
  return version;
}

async function draftView(db: PrismaClient, place: TenantPlace, formId: string): Promise<EServiceDraft | null> {
  const draft = await db.eServiceDraft.findUnique({
    where: { tenantId_formId: { tenantId: place.tenantId, formId } },
    include: { version: true, form: { include: formInclude } },
  });
  if (!draft) return null;
  return {
    formId,
    versionId: draft.versionId,
    step: draft.step,
    answers: draft.answers as Record<string, unknown>,
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
    form: versionView(draft.form, draft.version),
  };
}

export async function tenantDraft(db: PrismaClient, place: TenantPlace, formId: string): Promise<EServiceDraft> {
  const draft = await draftView(db, place, formId);
  if (!draft) throw new DomainError('not_found');
  return draft;
}

/**
 * Saves the answers so far and the step reached. Idempotent: the same PUT twice leaves the same draft. The answers
 * given are checked against the version (not the required ones: that is for the submission).
 */
export async function saveTenantDraft(
  db: PrismaClient,
  place: TenantPlace,
  formId: string,
  request: SaveEServiceDraftRequest,
  now = new Date(),
): Promise<EServiceDraft> {
  const version = await fillableVersion(db, place, request.versionId);
  if (version.formId !== formId)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.versionId', message: 'is not a version of this form' }],
    });
  const errors = validateAnswers(version.id, version.schema, request.answers, false);
  if (errors.length > 0) throw answersInvalid(errors);
  const step = Math.min(request.step, versionQuestions(version.id, version.schema).length);
  const answers = request.answers as Prisma.InputJsonValue;
  await db.eServiceDraft.upsert({
    where: { tenantId_formId: { tenantId: place.tenantId, formId } },
    create: { tenantId: place.tenantId, formId, versionId: version.id, step, answers, createdAt: now, updatedAt: now },
    // Another version than the draft's means the tenant started over on it.
    update: { versionId: version.id, step, answers, updatedAt: now },
  });
  return (await draftView(db, place, formId))!;
}

export async function discardTenantDraft(db: PrismaClient, place: TenantPlace, formId: string): Promise<void> {
  await db.eServiceDraft.deleteMany({ where: { tenantId: place.tenantId, formId } });
}

// --- submission ---

async function loadTenantRequest(
  db: PrismaClient | Prisma.TransactionClient,
  where: Prisma.EServiceRequestWhereInput,
): Promise<LoadedRequest | null> {
  return db.eServiceRequest.findFirst({ where, include: requestInclude });
}

/** The next receipt serial of a prefix and year, in the caller's transaction: a rolled-back submission leaves no gap. */
async function nextSerial(tx: Prisma.TransactionClient, prefix: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "EServiceReceiptCounter" ("prefix", "year", "last") VALUES (${prefix}, ${year}, 1)
    ON CONFLICT ("prefix", "year") DO UPDATE SET "last" = "EServiceReceiptCounter"."last" + 1
    RETURNING "last"`;
  return row!.last;
}

export function receiptNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}-${year}-${String(serial).padStart(6, '0')}`;
}

/**
 * Sends a request. The Idempotency-Key is stored with a unique constraint, so retries — even concurrent ones on
 * several instances — create exactly one request and all get it back (created: false).
 */
export async function submitRequest(
  ctx: EServiceContext,
  place: TenantPlace,
  request: SubmitEServiceRequest,
  idempotencyKey: string,
  actor: Actor = { kind: 'TENANT', id: place.tenantId, name: null },
  now = new Date(),
): Promise<{ request: TenantEServiceRequest; created: boolean }> {
  const { db } = ctx;
  const key = `${place.tenantId}:${idempotencyKey}`;
  const replay = async () => {
    const existing = await loadTenantRequest(db, { idempotencyKey: key });
    return existing ? { request: toTenantRequest(existing), created: false } : null;
  };
  const replayed = await replay();
  if (replayed) return replayed;

  const version = await fillableVersion(db, place, request.versionId);
  // Against the exact version the tenant filled in, whatever was published since.
  const errors = validateAnswers(version.id, version.schema, request.answers, true);
  if (errors.length > 0) throw answersInvalid(errors);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: place.tenantId }, select: { firstName: true } });
  let created: LoadedRequest;
  try {
    created = await db.$transaction(async (tx) => {
      const year = now.getUTCFullYear();
      const serial = await nextSerial(tx, version.form.receiptPrefix, year);
      const row = await tx.eServiceRequest.create({
        data: {
          receiptNumber: receiptNumber(version.form.receiptPrefix, year, serial),
          formId: version.formId,
          versionId: version.id,
          organisationId: version.form.organisationId,
          tenantId: place.tenantId,
          answers: request.answers as Prisma.InputJsonValue,
          idempotencyKey: key,
          submittedAt: now,
          updatedAt: now,
          events: {
            create: {
              kind: 'SUBMITTED',
              actorKind: actor.kind,
              actorId: actor.id,
              actorName: actor.kind === 'TENANT' ? tenant.firstName : actor.name,
              status: 'SUBMITTED',
              fields: [],
              at: now,
            },
          },
        },
      });
      await tx.eServiceDraft.deleteMany({ where: { tenantId: place.tenantId, formId: version.formId } });
      await queueRequestDelivery(tx, 'eservice.request.submitted', row.id, null, now);
      return (await loadTenantRequest(tx, { id: row.id }))!;
    });
  } catch (error) {
    // A concurrent retry committed first: its request is the one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const again = await replay();
      if (again) return again;
    }
    throw error;
  }
  await announce(ctx, created, 'submitted');
  return { request: toTenantRequest(created), created: true };
}

// --- the tenant's follow-up ---

export async function tenantRequests(
  db: PrismaClient,
  place: TenantPlace,
  query: EServiceRequestQuery,
): Promise<Page<TenantEServiceRequestSummary>> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const requests = await db.eServiceRequest.findMany({
    where: {
      tenantId: place.tenantId,
      ...(after ? { OR: [{ submittedAt: { lt: after.at } }, { submittedAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: { form: { include: formInclude }, version: true, events: { take: 0 } },
  });
  const items = requests.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((request) => ({ ...baseView(request), awaitingTenant: request.status === 'INFO_REQUESTED' })),
    nextCursor: requests.length > limit && last ? encodeCursor({ at: last.submittedAt, id: last.id }) : null,
  };
}

async function ownRequest(db: PrismaClient, place: TenantPlace, requestId: string): Promise<LoadedRequest> {
  const request = await loadTenantRequest(db, { id: requestId, tenantId: place.tenantId });
  if (!request) throw new DomainError('not_found');
  return request;
}

export async function tenantRequest(db: PrismaClient, place: TenantPlace, requestId: string): Promise<TenantEServiceRequest> {
  return toTenantRequest(await ownRequest(db, place, requestId));
}

/** The tenant answers the clerk's question: a message, new answers to the questions asked again, or both. */
export async function provideInformation(
  ctx: EServiceContext,
  place: TenantPlace,
  requestId: string,
  body: ProvideEServiceInformationRequest,
  idempotencyKey: string,
  actor: Actor = { kind: 'TENANT', id: place.tenantId, name: null },
  now = new Date(),
): Promise<TenantEServiceRequest> {
  const { db } = ctx;
  const key = `${requestId}:${idempotencyKey}`;
  if (await db.eServiceRequestEvent.findUnique({ where: { idempotencyKey: key }, select: { id: true } }))
    return tenantRequest(db, place, requestId);
  const request = await ownRequest(db, place, requestId);
  const decision = decideEServiceTransition(request.status, 'provide_information', 'TENANT');
  if (!decision.allowed) throw new DomainError('eservice_transition_refused');
  const given = body.answers ?? {};
  const named = Object.keys(given);
  if (!body.message?.trim() && named.length === 0)
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body', message: 'needs a message or answers' }] });
  const asked = infoRequest(request)?.fields ?? [];
  const notAsked = named.filter((name) => !asked.includes(name));
  if (notAsked.length > 0) throw answersInvalid(notAsked.map((name) => ({ field: `/answers/${name}`, message: 'was not asked again' })));
  const before = request.answers as Record<string, unknown>;
  // null clears an answer: the request then holds none for that question, which the form's schema must allow.
  const answers = { ...before };
  for (const name of named) {
    if (given[name] === null) delete answers[name];
    else answers[name] = given[name];
  }
  // Against the request's own version, as at submission: a newer version of the form changes nothing here.
  const errors = validateAnswers(request.versionId, request.version.schema, answers, true);
  if (errors.length > 0) throw answersInvalid(errors);
  // The timeline keeps what really changed, old → new, in the form's order; an answer given again unchanged is no change.
  const order = versionQuestions(request.versionId, request.version.schema).map((question) => question.name);
  const changes: EServiceAnswerChange[] = order
    .filter((name) => named.includes(name) && !sameAnswer(before[name], given[name]))
    .map((name) => ({ field: name, before: before[name] ?? null, after: given[name] ?? null }));
  const changed = changes.map((change) => change.field);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: place.tenantId }, select: { firstName: true } });
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.eServiceRequest.updateMany({
        where: { id: requestId, status: request.status },
        data: { status: decision.to, answers: answers as Prisma.InputJsonValue, updatedAt: now },
      });
      if (count !== 1) throw new DomainError('eservice_transition_refused');
      await tx.eServiceRequestEvent.create({
        data: {
          requestId,
          kind: 'INFO_PROVIDED',
          actorKind: actor.kind,
          actorId: actor.id,
          actorName: actor.kind === 'TENANT' ? tenant.firstName : actor.name,
          status: decision.to,
          message: body.message?.trim() || null,
          fields: changed,
          changes: changes as unknown as Prisma.InputJsonValue,
          idempotencyKey: key,
          at: now,
        },
      });
      await queueRequestDelivery(tx, 'eservice.request.status_changed', requestId, body.message?.trim() || null, now);
    });
  } catch (error) {
    // A concurrent retry with the same key won (unique key, or the status it changed first): its answer is the one.
    if (await db.eServiceRequestEvent.findUnique({ where: { idempotencyKey: key }, select: { id: true } }))
      return tenantRequest(db, place, requestId);
    throw error;
  }
  const reloaded = await ownRequest(db, place, requestId);
  await announce(ctx, reloaded, 'info_provided');
  return toTenantRequest(reloaded);
}

// --- clerks ---

function requireDesk(staff: StaffContext) {
  if (staff.organisation.kind === 'LANDLORD') throw new DomainError('forbidden');
}

export async function staffQueue(
  db: PrismaClient,
  staff: StaffContext,
  query: StaffEServiceRequestQuery,
  now = new Date(),
): Promise<Page<StaffEServiceRequestSummary>> {
  requireDesk(staff);
  const limit = query.limit ?? 20;
  // Oldest first: what has waited longest is handled first.
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const statuses = query.status && query.status.length > 0 ? query.status : [...openEServiceRequestStatuses];
  const filters: Prisma.EServiceRequestWhereInput[] = [{ organisationId: staff.organisation.id, status: { in: statuses } }];
  if (query.formId) filters.push({ formId: query.formId });
  if (query.minAgeDays !== undefined) filters.push({ submittedAt: { lte: new Date(now.getTime() - query.minAgeDays * DAY_MS) } });
  if (after) filters.push({ OR: [{ submittedAt: { gt: after.at } }, { submittedAt: after.at, id: { gt: after.id } }] });
  const requests = await db.eServiceRequest.findMany({
    where: { AND: filters },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: { ...staffRequestInclude, events: { take: 0 } },
  });
  const items = requests.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((request) => toStaffSummary(request, now)),
    nextCursor: requests.length > limit && last ? encodeCursor({ at: last.submittedAt, id: last.id }) : null,
  };
}

/** A request of the clerk's organisation; any other is "not found", so another town hall learns nothing. */
async function scopedRequest(db: PrismaClient, staff: StaffContext, requestId: string): Promise<LoadedStaffRequest> {
  requireDesk(staff);
  const request = await db.eServiceRequest.findFirst({
    where: { id: requestId, organisationId: staff.organisation.id },
    include: staffRequestInclude,
  });
  if (!request) throw new DomainError('not_found');
  return request;
}

export async function staffRequest(db: PrismaClient, staff: StaffContext, requestId: string): Promise<StaffEServiceRequest> {
  return toStaffRequest(await scopedRequest(db, staff, requestId));
}

const transitionEvents: Record<Exclude<EServiceAction, 'provide_information'>, { kind: string; change: Change }> = {
  take: { kind: 'TAKEN', change: 'taken' },
  ask_information: { kind: 'INFO_REQUESTED', change: 'info_requested' },
  accept: { kind: 'ACCEPTED', change: 'accepted' },
  reject: { kind: 'REJECTED', change: 'rejected' },
};

export async function staffTransition(
  ctx: EServiceContext,
  staff: StaffContext,
  requestId: string,
  body: StaffEServiceTransitionRequest,
  now = new Date(),
): Promise<StaffEServiceRequest> {
  const request = await scopedRequest(ctx.db, staff, requestId);
  const decision = decideEServiceTransition(request.status, body.action, 'STAFF');
  if (!decision.allowed) throw new DomainError('eservice_transition_refused');
  const message = body.message?.trim() || null;
  if ((body.action === 'ask_information' || body.action === 'reject') && !message)
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.message', message: body.action === 'reject' ? 'the reason is required' : 'the question is required' }],
    });
  const fields = body.action === 'ask_information' ? (body.fields ?? []) : [];
  const questionNames = versionQuestions(request.versionId, request.version.schema).map((question) => question.name);
  fields.forEach((name, index) => {
    if (!questionNames.includes(name))
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: `body.fields.${index}`, message: `"${name}" is not a question of this form` }],
      });
  });
  const { kind, change } = transitionEvents[body.action];
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.eServiceRequest.updateMany({
      where: { id: requestId, status: request.status },
      data: {
        status: decision.to,
        updatedAt: now,
        ...(body.action === 'take' ? { assigneeId: staff.id, assigneeName: staff.fullName } : {}),
        ...(decision.to === 'ACCEPTED' || decision.to === 'REJECTED' ? { decidedAt: now } : {}),
      },
    });
    // A colleague acted first: this click is refused rather than applied to a state nobody saw.
    if (count !== 1) throw new DomainError('eservice_transition_refused');
    await tx.eServiceRequestEvent.create({
      data: {
        requestId,
        kind,
        actorKind: 'STAFF',
        actorId: staff.id,
        actorName: staff.fullName,
        status: decision.to,
        message,
        fields,
        at: now,
      },
    });
    await queueRequestDelivery(tx, 'eservice.request.status_changed', requestId, message, now);
  });
  const reloaded = await scopedRequest(ctx.db, staff, requestId);
  await announce(ctx, reloaded, change);
  return toStaffRequest(reloaded, now);
}
