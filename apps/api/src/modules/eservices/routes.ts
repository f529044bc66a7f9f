// HTTP routes of town-hall e-services: the tenant's TV (forms, drafts, requests) and the clerks' console (forms,
// versions, webhooks and their delivery log, the requests queue).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import {
  CheckEServiceSchemaResponse,
  CreateEServiceFormRequest,
  EServiceDelivery,
  EServiceDraft,
  EServiceFormSummary,
  EServiceFormVersion,
  EServiceRequestQuery,
  Page,
  PageQuery,
  ProvideEServiceInformationRequest,
  SaveEServiceDraftRequest,
  SaveEServiceVersionRequest,
  SetEServiceWebhookRequest,
  StaffEServiceForm,
  StaffEServiceFormSummary,
  StaffEServiceRequest,
  StaffEServiceRequestQuery,
  StaffEServiceRequestSummary,
  StaffEServiceTransitionRequest,
  StaffEServiceVersion,
  SubmitEServiceRequest,
  TenantEServiceRequest,
  TenantEServiceRequestSummary,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import {
  CLERK_ROLES,
  checkSchema,
  createForm,
  discardDraftVersion,
  publishForm,
  retireForm,
  saveDraftVersion,
  setWebhook,
  staffForm,
  staffForms,
  staffVersion,
  tenantForm,
  tenantForms,
  type EServiceContext,
} from './forms';
import {
  discardTenantDraft,
  provideInformation,
  saveTenantDraft,
  staffQueue,
  staffRequest,
  staffTransition,
  submitRequest,
  tenantDraft,
  tenantRequest,
  tenantRequests,
  type Actor,
} from './service';
import { formDeliveries, retryDelivery } from './webhooks';
import type { WebhookTargetPolicy } from './webhook-target';
import { helperAccess } from '../mandates/helper-access';
import type { TenantPlace } from '../places/tenant-place';

/** Whom a tenant route acts for, and who is acting: the tenant, or a helper under their mandate. */
interface Acting {
  place: TenantPlace;
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    acting: Acting;
  }
}

const FormParams = Type.Object({ formId: Type.String({ format: 'uuid' }) });
const RequestParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];
const tags = ['eservices'];

export const eserviceRoutes: FastifyPluginAsyncTypebox<{ webhookTargets: WebhookTargetPolicy }> = async (app, options) => {
  const ctx: EServiceContext = { db: app.db, bus: app.eventBus };
  app.decorateRequest('acting', null as unknown as Acting);

  // --- the tenant's TV, and helpers acting for a tenant under a mandate ---

  const self = {
    prefix: '/api/v1/eservices',
    params: {},
    preHandler: app.requireTenant,
    who: (request: FastifyRequest): Acting => ({
      place: request.device.place,
      actor: { kind: 'TENANT', id: request.device.place.tenantId, name: null },
    }),
  };
  // A helper is a tenant (Bearer token of their TV) or a staff member (console cookie) holding the mandate.
  const requireHelper = async (request: FastifyRequest) => {
    request.acting = await helperAccess(app, request, 'eservices');
  };
  const helper = {
    prefix: '/api/v1/mandates/:mandateId/eservices',
    params: { mandateId: Type.String({ format: 'uuid' }) },
    preHandler: requireHelper,
    who: (request: FastifyRequest): Acting => request.acting,
  };

  for (const mode of [self, helper]) {
    const forWhom = mode === helper ? ' (a helper, in the name of the tenant who gave the mandate)' : '';
    const denied = mode === helper ? [403] : [];
    const Params = <T extends Record<string, TSchema>>(more: T) => Type.Object({ ...mode.params, ...more });

    app.get(
      `${mode.prefix}/forms`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `The forms of the tenant’s town hall and city, each with the tenant’s draft if any${forWhom}`,
          security: bearer,
          params: Params({}),
          querystring: PageQuery,
          response: { 200: Page(EServiceFormSummary), ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => tenantForms(app.db, mode.who(request).place, request.query),
    );

    app.get(
      `${mode.prefix}/forms/:formId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `The current version of a form: its questions in order, one per screen${forWhom}`,
          security: bearer,
          params: Params({ formId: Type.String({ format: 'uuid' }) }),
          response: { 200: EServiceFormVersion, ...problemResponses(400, 401, 404, 409, ...denied) },
        },
      },
      async (request) => tenantForm(app.db, mode.who(request).place, request.params.formId),
    );

    app.get(
      `${mode.prefix}/drafts/:formId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `The tenant’s draft of a form, with the version it was started on (404 when there is none)${forWhom}`,
          security: bearer,
          params: Params({ formId: Type.String({ format: 'uuid' }) }),
          response: { 200: EServiceDraft, ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => tenantDraft(app.db, mode.who(request).place, request.params.formId),
    );

    app.put(
      `${mode.prefix}/drafts/:formId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Save the draft at a step: all answers so far and the step to resume at (idempotent)${forWhom}`,
          description:
            'Answers given are validated against the version (422 eservice_answers_invalid names each one); required ones only at submission.',
          security: bearer,
          params: Params({ formId: Type.String({ format: 'uuid' }) }),
          body: SaveEServiceDraftRequest,
          response: { 200: EServiceDraft, ...problemResponses(400, 401, 404, 409, 422, ...denied) },
        },
      },
      async (request) => saveTenantDraft(app.db, mode.who(request).place, request.params.formId, request.body),
    );

    app.delete(
      `${mode.prefix}/drafts/:formId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Throw the draft away${forWhom}`,
          security: bearer,
          params: Params({ formId: Type.String({ format: 'uuid' }) }),
          response: { 204: Type.Null(), ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request, reply) => {
        await discardTenantDraft(app.db, mode.who(request).place, request.params.formId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${mode.prefix}/requests`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Send a request. Retries with the same Idempotency-Key return the same request (200).${forWhom}`,
          description:
            'Validated against the exact version named, even when a newer one was published since; a failing answer is named in errors[].field as /answers/<question>.',
          security: bearer,
          params: Params({}),
          headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100 }) }),
          body: SubmitEServiceRequest,
          response: { 200: TenantEServiceRequest, 201: TenantEServiceRequest, ...problemResponses(400, 401, 404, 409, 422, ...denied) },
        },
      },
      async (request, reply) => {
        const { place, actor } = mode.who(request);
        const result = await submitRequest(ctx, place, request.body, request.headers['idempotency-key'], actor);
        return reply.code(result.created ? 201 : 200).send(result.request);
      },
    );

    app.get(
      `${mode.prefix}/requests`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `The tenant’s requests, newest first${forWhom}`,
          security: bearer,
          params: Params({}),
          querystring: EServiceRequestQuery,
          response: { 200: Page(TenantEServiceRequestSummary), ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => tenantRequests(app.db, mode.who(request).place, request.query),
    );

    app.get(
      `${mode.prefix}/requests/:requestId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `One of the tenant’s requests, with its answers, timeline and the clerk’s open question${forWhom}`,
          security: bearer,
          params: Params({ requestId: Type.String({ format: 'uuid' }) }),
          response: { 200: TenantEServiceRequest, ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => tenantRequest(app.db, mode.who(request).place, request.params.requestId),
    );

    app.post(
      `${mode.prefix}/requests/:requestId/information`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Answer the clerk’s request for information (a message and/or new answers to the questions asked)${forWhom}`,
          description:
            'Only the questions the clerk named may be answered again; the answers are merged and validated against the request’s own version (422 eservice_answers_invalid names /answers/<question>). Retries with the same Idempotency-Key are applied once.',
          security: bearer,
          params: Params({ requestId: Type.String({ format: 'uuid' }) }),
          headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100 }) }),
          body: ProvideEServiceInformationRequest,
          response: { 200: TenantEServiceRequest, ...problemResponses(400, 401, 404, 409, 422, ...denied) },
        },
      },
      async (request) => {
        const { place, actor } = mode.who(request);
        return provideInformation(ctx, place, request.params.requestId, request.body, request.headers['idempotency-key'], actor);
      },
    );
  }

  // --- the clerks' console ---

  const clerk = app.requireStaff(...CLERK_ROLES);

  app.get(
    '/api/v1/staff/eservices/forms',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'The organisation’s forms',
        querystring: PageQuery,
        response: { 200: Page(StaffEServiceFormSummary), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => staffForms(app.db, request.staff, request.query),
  );

  app.post(
    '/api/v1/staff/eservices/forms',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Create a form; its schema becomes version 1, a draft until published',
        body: CreateEServiceFormRequest,
        response: { 201: StaffEServiceForm, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createForm(app.db, request.staff, request.body)),
  );

  app.post(
    '/api/v1/staff/eservices/schema-check',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Check a schema without saving it: errors by JSON pointer, and the questions as the TV will ask them',
        body: SaveEServiceVersionRequest,
        response: { 200: CheckEServiceSchemaResponse, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => checkSchema(request.staff, request.body.schema),
  );

  app.get(
    '/api/v1/staff/eservices/forms/:formId',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'A form, its versions and webhook',
        params: FormParams,
        response: { 200: StaffEServiceForm, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffForm(app.db, request.staff, request.params.formId),
  );

  app.get(
    '/api/v1/staff/eservices/forms/:formId/versions/:version',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'One version’s schema and questions',
        params: Type.Object({ formId: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1 }) }),
        response: { 200: StaffEServiceVersion, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffVersion(app.db, request.staff, request.params.formId, request.params.version),
  );

  app.put(
    '/api/v1/staff/eservices/forms/:formId/draft',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Save the schema into the draft version (a new version after a publication: published ones never change)',
        params: FormParams,
        body: SaveEServiceVersionRequest,
        response: { 200: StaffEServiceVersion, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => saveDraftVersion(app.db, request.staff, request.params.formId, request.body.schema),
  );

  app.delete(
    '/api/v1/staff/eservices/forms/:formId/draft',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Discard the draft version',
        params: FormParams,
        response: { 200: StaffEServiceForm, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => discardDraftVersion(app.db, request.staff, request.params.formId),
  );

  app.post(
    '/api/v1/staff/eservices/forms/:formId/publish',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Publish the draft version: new drafts start on it; requests started on older versions keep theirs',
        params: FormParams,
        response: { 200: StaffEServiceForm, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => publishForm(ctx, request.staff, request.params.formId),
  );

  app.post(
    '/api/v1/staff/eservices/forms/:formId/retire',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Retire the form: no new requests; those sent are processed to the end',
        params: FormParams,
        response: { 200: StaffEServiceForm, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => retireForm(ctx, request.staff, request.params.formId),
  );

  app.put(
    '/api/v1/staff/eservices/forms/:formId/webhook',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Set (or remove) the webhook URL; a secret is generated the first time unless given',
        params: FormParams,
        body: SetEServiceWebhookRequest,
        response: { 200: StaffEServiceForm, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => setWebhook(app.db, request.staff, request.params.formId, request.body, options.webhookTargets),
  );

  app.get(
    '/api/v1/staff/eservices/forms/:formId/deliveries',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'The webhook delivery log of a form, newest first, every attempt with its status code, duration and error',
        params: FormParams,
        querystring: PageQuery,
        response: { 200: Page(EServiceDelivery), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => formDeliveries(app.db, request.staff, request.params.formId, request.query),
  );

  app.post(
    '/api/v1/staff/eservices/forms/:formId/deliveries/:deliveryId/retry',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Retry a delivery now (a failed one gets one more attempt)',
        params: Type.Object({ formId: Type.String({ format: 'uuid' }), deliveryId: Type.String({ format: 'uuid' }) }),
        response: { 200: EServiceDelivery, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => retryDelivery(app.db, request.staff, request.params.formId, request.params.deliveryId),
  );

  app.get(
    '/api/v1/staff/eservices/requests',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'The requests queue, oldest first, filtered by status, form and age',
        querystring: StaffEServiceRequestQuery,
        response: { 200: Page(StaffEServiceRequestSummary), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => staffQueue(app.db, request.staff, request.query),
  );

  app.get(
    '/api/v1/staff/eservices/requests/:requestId',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'One request with the applicant, the answers and the timeline',
        params: RequestParams,
        response: { 200: StaffEServiceRequest, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffRequest(app.db, request.staff, request.params.requestId),
  );

  app.post(
    '/api/v1/staff/eservices/requests/:requestId/transitions',
    {
      preHandler: clerk,
      schema: {
        tags,
        summary: 'Take, ask for information, accept or reject (with the reason)',
        params: RequestParams,
        body: StaffEServiceTransitionRequest,
        response: { 200: StaffEServiceRequest, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => staffTransition(ctx, request.staff, request.params.requestId, request.body),
  );
};
