// E-service forms: what tenants may fill in (by where they live), and the clerks' editing, versions, publication,
// retirement and webhook settings. A published version never changes: edits go to a new draft version.
import { randomBytes } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import type {
  CheckEServiceSchemaResponse,
  CreateEServiceFormRequest,
  EServiceFormSummary,
  EServiceFormVersion,
  EServiceOrganisation,
  Page,
  PageQuery,
  SetEServiceWebhookRequest,
  StaffEServiceForm,
  StaffEServiceFormSummary,
  StaffEServiceVersion,
} from '@palier/contracts';
import { openEServiceRequestStatuses } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { StaffContext } from '../accounts/staff-sessions';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { checkWebhookUrl, type WebhookTargetPolicy } from './webhook-target';
import { checkFormSchema, formDescription, formTitle, versionQuestions } from './form-schema';

export const CLERK_ROLES = ['CLERK', 'ADMIN'] as const;

export interface EServiceContext {
  db: PrismaClient;
  bus: EventBus;
}

const organisationSelect = { id: true, name: true, kind: true } as const;

export function organisationView(organisation: { id: string; name: string; kind: string }): EServiceOrganisation {
  return { id: organisation.id, name: organisation.name, kind: organisation.kind as EServiceOrganisation['kind'] };
}

/** The forms a tenant's home falls under: their district's town hall and their city. */
export function formsVisibleTo(place: TenantPlace): Prisma.EServiceFormWhereInput {
  return { OR: [{ districtId: place.districtId }, { districtId: null, cityId: place.cityId }] };
}

interface VersionRow {
  id: string;
  number: number;
  status: string;
  schema: Prisma.JsonValue;
}

export function versionView(
  form: { id: string; retiredAt: Date | null; organisation: { id: string; name: string; kind: string } },
  version: VersionRow,
): EServiceFormVersion {
  return {
    formId: form.id,
    versionId: version.id,
    version: version.number,
    organisation: organisationView(form.organisation),
    title: formTitle(version.schema),
    description: formDescription(version.schema),
    questions: versionQuestions(version.id, version.schema, version.status === 'DRAFT'),
    schema: version.schema as Record<string, unknown>,
    acceptsRequests: !form.retiredAt && version.status !== 'DRAFT',
  };
}

function schemaInvalid(errors: { field: string; message: string }[]): DomainError {
  return new DomainError('eservice_schema_invalid', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}

function checkedOrThrow(schema: unknown) {
  const checked = checkFormSchema(schema);
  if (checked.errors.length > 0) throw schemaInvalid(checked.errors);
  return checked;
}

// --- tenants ---

export async function tenantForms(db: PrismaClient, place: TenantPlace, page: PageQuery): Promise<Page<EServiceFormSummary>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const forms = await db.eServiceForm.findMany({
    where: {
      AND: [
        formsVisibleTo(place),
        { publishedVersionId: { not: null }, retiredAt: null },
        ...(after ? [{ OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: {
      organisation: { select: organisationSelect },
      publishedVersion: true,
      drafts: { where: { tenantId: place.tenantId }, select: { versionId: true, step: true, updatedAt: true } },
    },
  });
  const items = forms.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((form) => {
      const version = form.publishedVersion!;
      const draft = form.drafts[0];
      return {
        formId: form.id,
        versionId: version.id,
        version: version.number,
        organisation: organisationView(form.organisation),
        title: formTitle(version.schema),
        description: formDescription(version.schema),
        questionCount: versionQuestions(version.id, version.schema).length,
        draft: draft ? { versionId: draft.versionId, step: draft.step, updatedAt: draft.updatedAt.toISOString() } : null,
      };
    }),
    nextCursor: forms.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function tenantForm(db: PrismaClient, place: TenantPlace, formId: string): Promise<EServiceFormVersion> {
  const form = await db.eServiceForm.findFirst({
    where: { AND: [{ id: formId, publishedVersionId: { not: null } }, formsVisibleTo(place)] },
    include: { organisation: { select: organisationSelect }, publishedVersion: true },
  });
  if (!form) throw new DomainError('not_found');
  if (form.retiredAt) throw new DomainError('eservice_form_retired');
  return versionView(form, form.publishedVersion!);
}

// --- clerks ---

function requireFormDesk(staff: StaffContext) {
  // Landlords have no e-services: their staff neither see nor edit forms.
  if (staff.organisation.kind === 'LANDLORD') throw new DomainError('forbidden');
}

const staffFormInclude = {
  organisation: { select: organisationSelect },
  versions: { orderBy: { number: 'asc' } },
} satisfies Prisma.EServiceFormInclude;
type StaffFormRow = Prisma.EServiceFormGetPayload<{ include: typeof staffFormInclude }>;

function formSummary(form: StaffFormRow, openRequests: number): StaffEServiceFormSummary {
  const published = form.versions.find((version) => version.status === 'PUBLISHED') ?? null;
  const draft = form.versions.find((version) => version.status === 'DRAFT') ?? null;
  const latest = draft ?? published ?? form.versions[form.versions.length - 1];
  return {
    id: form.id,
    slug: form.slug,
    receiptPrefix: form.receiptPrefix,
    title: formTitle((published ?? latest)?.schema),
    organisation: organisationView(form.organisation),
    publishedVersion: published?.number ?? null,
    draftVersion: draft?.number ?? null,
    retiredAt: form.retiredAt?.toISOString() ?? null,
    openRequests,
    webhookUrl: form.webhookUrl,
    updatedAt: form.updatedAt.toISOString(),
  };
}

function staffFormView(form: StaffFormRow, openRequests: number): StaffEServiceForm {
  const summary = formSummary(form, openRequests);
  const actions: StaffEServiceForm['actions'] = [];
  if (!form.retiredAt) {
    actions.push('edit', 'set_webhook');
    if (summary.draftVersion !== null) actions.push('publish', 'discard_draft');
    if (summary.publishedVersion !== null) actions.push('retire');
  }
  return {
    ...summary,
    versions: form.versions.map((version) => ({
      id: version.id,
      version: version.number,
      status: version.status,
      createdAt: version.createdAt.toISOString(),
      updatedAt: version.updatedAt.toISOString(),
      publishedAt: version.publishedAt?.toISOString() ?? null,
      publishedBy: version.publishedBy,
    })),
    webhook: form.webhookUrl && form.webhookSecret ? { url: form.webhookUrl, secret: form.webhookSecret } : null,
    actions,
  };
}

async function openRequestCounts(db: PrismaClient, formIds: string[]): Promise<Map<string, number>> {
  const counts = await db.eServiceRequest.groupBy({
    by: ['formId'],
    where: { formId: { in: formIds }, status: { in: [...openEServiceRequestStatuses] } },
    _count: { _all: true },
  });
  return new Map(counts.map((row) => [row.formId, row._count._all]));
}

/** A form of the clerk's organisation; any other is "not found", so ids reveal nothing across town halls. */
async function scopedForm(db: PrismaClient | Prisma.TransactionClient, staff: StaffContext, formId: string): Promise<StaffFormRow> {
  requireFormDesk(staff);
  const form = await db.eServiceForm.findFirst({ where: { id: formId, organisationId: staff.organisation.id }, include: staffFormInclude });
  if (!form) throw new DomainError('not_found');
  return form;
}

export async function staffForms(db: PrismaClient, staff: StaffContext, page: PageQuery): Promise<Page<StaffEServiceFormSummary>> {
  requireFormDesk(staff);
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const forms = await db.eServiceForm.findMany({
    where: {
      organisationId: staff.organisation.id,
      ...(after ? { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: staffFormInclude,
  });
  const items = forms.slice(0, limit);
  const counts = await openRequestCounts(
    db,
    items.map((form) => form.id),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((form) => formSummary(form, counts.get(form.id) ?? 0)),
    nextCursor: forms.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function staffForm(db: PrismaClient, staff: StaffContext, formId: string): Promise<StaffEServiceForm> {
  const form = await scopedForm(db, staff, formId);
  const counts = await openRequestCounts(db, [form.id]);
  return staffFormView(form, counts.get(form.id) ?? 0);
}

export function checkSchema(staff: StaffContext, schema: unknown): CheckEServiceSchemaResponse {
  requireFormDesk(staff);
  const checked = checkFormSchema(schema);
  return { valid: checked.errors.length === 0, errors: checked.errors, questions: checked.questions };
}

export async function createForm(db: PrismaClient, staff: StaffContext, request: CreateEServiceFormRequest, now = new Date()) {
  requireFormDesk(staff);
  checkedOrThrow(request.schema);
  try {
    const form = await db.eServiceForm.create({
      data: {
        organisationId: staff.organisation.id,
        cityId: staff.organisation.cityId,
        // A town hall's forms are for its district; the city's for the whole city.
        districtId: staff.organisation.kind === 'TOWN_HALL' ? staff.organisation.districtId : null,
        slug: request.slug,
        receiptPrefix: request.receiptPrefix,
        createdAt: now,
        updatedAt: now,
        versions: {
          create: {
            number: 1,
            status: 'DRAFT',
            schema: request.schema as Prisma.InputJsonValue,
            createdById: staff.id,
            createdAt: now,
            updatedAt: now,
          },
        },
      },
    });
    return staffForm(db, staff, form.id);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('eservice_form_slug_taken');
    throw error;
  }
}

function staffVersionView(formId: string, version: StaffFormRow['versions'][number]): StaffEServiceVersion {
  return {
    id: version.id,
    formId,
    version: version.number,
    status: version.status,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    publishedBy: version.publishedBy,
    schema: version.schema as Record<string, unknown>,
    questions: versionQuestions(version.id, version.schema, version.status === 'DRAFT'),
  };
}

export async function staffVersion(db: PrismaClient, staff: StaffContext, formId: string, number: number): Promise<StaffEServiceVersion> {
  const form = await scopedForm(db, staff, formId);
  const version = form.versions.find((candidate) => candidate.number === number);
  if (!version) throw new DomainError('not_found');
  return staffVersionView(form.id, version);
}

/** Saves into the draft version, or opens the next one: what tenants fill in never changes under them. */
export async function saveDraftVersion(
  db: PrismaClient,
  staff: StaffContext,
  formId: string,
  schema: Record<string, unknown>,
  now = new Date(),
): Promise<StaffEServiceVersion> {
  checkedOrThrow(schema);
  const save = () =>
    db.$transaction(async (tx) => {
      const form = await scopedForm(tx, staff, formId);
      if (form.retiredAt) throw new DomainError('eservice_form_retired');
      const draft = form.versions.find((version) => version.status === 'DRAFT');
      if (draft) {
        const { count } = await tx.eServiceFormVersion.updateMany({
          where: { id: draft.id, status: 'DRAFT' },
          data: { schema: schema as Prisma.InputJsonValue, updatedAt: now, createdById: staff.id },
        });
        // Published by a colleague meanwhile: it is immutable now, so this edit opens the next version.
        if (count === 1) return draft.id;
      }
      const number = Math.max(0, ...form.versions.map((version) => version.number)) + 1;
      const created = await tx.eServiceFormVersion.create({
        data: {
          formId,
          number,
          status: 'DRAFT',
          schema: schema as Prisma.InputJsonValue,
          createdById: staff.id,
          createdAt: now,
          updatedAt: now,
        },
      });
      await tx.eServiceForm.update({ where: { id: formId }, data: { updatedAt: now } });
      return created.id;
    });
  let versionId: string;
  try {
    versionId = await save();
  } catch (error) {
    // Two clerks opened the next version at once: the second saves into the one the first created.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    versionId = await save();
  }
  const version = await db.eServiceFormVersion.findUniqueOrThrow({ where: { id: versionId } });
  return staffVersionView(formId, version);
}

export async function discardDraftVersion(db: PrismaClient, staff: StaffContext, formId: string): Promise<StaffEServiceForm> {
  const form = await scopedForm(db, staff, formId);
  const draft = form.versions.find((version) => version.status === 'DRAFT');
  if (!draft) throw new DomainError('eservice_nothing_to_publish');
  if (form.versions.length === 1) throw new DomainError('conflict', 'the first version of a form cannot be discarded');
  await db.eServiceFormVersion.deleteMany({ where: { id: draft.id, status: 'DRAFT' } });
  return staffForm(db, staff, formId);
}

function formAudience(form: { districtId: string | null; cityId: string }) {
  return form.districtId ? (`DISTRICT:${form.districtId}` as const) : (`CITY:${form.cityId}` as const);
}

export async function publishForm(ctx: EServiceContext, staff: StaffContext, formId: string, now = new Date()): Promise<StaffEServiceForm> {
  await ctx.db.$transaction(async (tx) => {
    const form = await scopedForm(tx, staff, formId);
    if (form.retiredAt) throw new DomainError('eservice_form_retired');
    const draft = form.versions.find((version) => version.status === 'DRAFT');
    if (!draft) throw new DomainError('eservice_nothing_to_publish');
    checkedOrThrow(draft.schema);
    const { count } = await tx.eServiceFormVersion.updateMany({
      where: { id: draft.id, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, publishedById: staff.id, publishedBy: staff.fullName, updatedAt: now },
    });
    if (count !== 1) throw new DomainError('eservice_nothing_to_publish');
    await tx.eServiceFormVersion.updateMany({
      where: { formId, status: 'PUBLISHED', id: { not: draft.id } },
      data: { status: 'SUPERSEDED', updatedAt: now },
    });
    await tx.eServiceForm.update({ where: { id: formId }, data: { publishedVersionId: draft.id, updatedAt: now } });
  });
  const form = await ctx.db.eServiceForm.findUniqueOrThrow({ where: { id: formId } });
  await raiseEvent(ctx.db, ctx.bus, formAudience(form), { name: 'eservice.forms_changed', data: { formId, change: 'published' } });
  return staffForm(ctx.db, staff, formId);
}

/** No new requests or drafts on a retired form; requests already sent are processed to the end. */
export async function retireForm(ctx: EServiceContext, staff: StaffContext, formId: string, now = new Date()): Promise<StaffEServiceForm> {
  const form = await scopedForm(ctx.db, staff, formId);
  if (!form.retiredAt) {
    const { count } = await ctx.db.eServiceForm.updateMany({
      where: { id: formId, retiredAt: null },
      data: { retiredAt: now, updatedAt: now },
    });
    if (count === 1)
      await raiseEvent(ctx.db, ctx.bus, formAudience(form), { name: 'eservice.forms_changed', data: { formId, change: 'retired' } });
  }
  return staffForm(ctx.db, staff, formId);
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export async function setWebhook(
  db: PrismaClient,
  staff: StaffContext,
  formId: string,
  request: SetEServiceWebhookRequest,
  targets: WebhookTargetPolicy,
  now = new Date(),
): Promise<StaffEServiceForm> {
  const form = await scopedForm(db, staff, formId);
  if (request.url !== null) {
    const problem = await checkWebhookUrl(request.url, targets);
    if (problem) throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.url', message: problem }] });
  }
  const secret = request.secret ?? form.webhookSecret ?? (request.url ? newWebhookSecret() : null);
  await db.eServiceForm.update({ where: { id: formId }, data: { webhookUrl: request.url, webhookSecret: secret, updatedAt: now } });
  return staffForm(db, staff, formId);
}
