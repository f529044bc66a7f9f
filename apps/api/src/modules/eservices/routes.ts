// HTTP routes of town-hall e-services: the tenant's TV (forms, drafts, requests) and the clerks' console (forms,
// versions, webhooks and their delivery log, the requests queue).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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
} from './service';
import { formDeliveries, retryDelivery } from './webhooks';

const FormParams = Type.Object({ formId: Type.String({ format: 'uuid' }) });
const RequestParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];
const tags = ['eservices'];

export const eserviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ctx: EServiceContext = { db: app.db, bus: app.eventBus };

  // --- the tenant's TV ---

  app.get(
    '/api/v1/eservices/forms',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The forms of the tenant’s town hall and city, each with the tenant’s draft if any',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(EServiceFormSummary), ...problemResponses(400, 401) },
      },
    },
    async (request) => tenantForms(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/eservices/forms/:formId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The current version of a form: its questions in order, one per screen',
        security: bearer,
        params: FormParams,
        response: { 200: EServiceFormVersion, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => tenantForm(app.db, request.device.place, request.params.formId),
  );

  app.get(
    '/api/v1/eservices/drafts/:formId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The tenant’s draft of a form, with the version it was started on (404 when there is none)',
        security: bearer,
        params: FormParams,
        response: { 200: EServiceDraft, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantDraft(app.db, request.device.place, request.params.formId),
  );

  app.put(
    '/api/v1/eservices/drafts/:formId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Save the draft at a step: all answers so far and the step to resume at (idempotent)',
        description:
          'Answers given are validated against the version (422 eservice_answers_invalid names each one); required ones only at submission.',
        security: bearer,
        params: FormParams,
        body: SaveEServiceDraftRequest,
        response: { 200: EServiceDraft, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => saveTenantDraft(app.db, request.device.place, request.params.formId, request.body),
  );

  app.delete(
    '/api/v1/eservices/drafts/:formId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Throw the draft away',
        security: bearer,
        params: FormParams,
        response: { 204: Type.Null(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await discardTenantDraft(app.db, request.device.place, request.params.formId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/eservices/requests',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Send a request. Retries with the same Idempotency-Key return the same request (200).',
        description:
          'Validated against the exact version named, even when a newer one was published since; a failing answer is named in errors[].field as /answers/<question>.',
        security: bearer,
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100 }) }),
        body: SubmitEServiceRequest,
        response: { 200: TenantEServiceRequest, 201: TenantEServiceRequest, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const result = await submitRequest(ctx, request.device.place, request.body, request.headers['idempotency-key']);
      return reply.code(result.created ? 201 : 200).send(result.request);
    },
  );

  app.get(
    '/api/v1/eservices/requests',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The tenant’s requests, newest first',
        security: bearer,
        querystring: EServiceRequestQuery,
        response: { 200: Page(TenantEServiceRequestSummary), ...problemResponses(400, 401) },
      },
    },
    async (request) => tenantRequests(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/eservices/requests/:requestId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One of the tenant’s requests, with its answers, timeline and the clerk’s open question',
        security: bearer,
        params: RequestParams,
        response: { 200: TenantEServiceRequest, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantRequest(app.db, request.device.place, request.params.requestId),
  );

  app.post(
    '/api/v1/eservices/requests/:requestId/information',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Answer the clerk’s request for information (a message and/or new answers to the questions asked)',
        security: bearer,
        params: RequestParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) }),
        body: ProvideEServiceInformationRequest,
        response: { 200: TenantEServiceRequest, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) =>
      provideInformation(ctx, request.device.place, request.params.requestId, request.body, request.headers['idempotency-key']),
  );

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
    async (request) => setWebhook(app.db, request.staff, request.params.formId, request.body),
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
