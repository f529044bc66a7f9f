// HTTP routes of fault reports: the tenant's TV, the tenant's phone (photos) and the landlord's console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import {
  AcceptSlotRequest,
  AssignReportRequest,
  DraftPhotos,
  NeighbourhoodReport,
  OfferSlotsRequest,
  Page,
  PageQuery,
  RateReportRequest,
  ReportAssignees,
  ReportMessageRequest,
  ReportPhoto,
  StaffReport,
  StaffReportQuery,
  StaffReportSummary,
  StaffReportTransitionRequest,
  SubmitReportRequest,
  TenantReport,
  TenantReportSummary,
} from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { DomainError } from '../../domain-error';
import { photoSizes } from '../photos/encoding';
import { signedPhotoLinks } from '../photos/signed-links';
import { acceptPhotoUploads } from '../photos/uploads';
import {
  HANDLING_ROLES,
  READING_ROLES,
  acceptSlot,
  addTenantMessage,
  assignReport,
  buildingReports,
  cancelReport,
  draftPhotos,
  listTenantReports,
  meToo,
  offerSlots,
  photoBytes,
  rateReport,
  reopenReport,
  reportAssignees,
  staffMessage,
  staffQueue,
  staffReport,
  staffTransition,
  submitReport,
  tenantReport,
  uploadPhoto,
  TENANT_HIMSELF,
  type ReportContext,
  type TenantSideActor,
} from './service';
import { helperAccess } from '../mandates/helper-access';
import type { TenantPlace } from '../places/tenant-place';

/** Whose report it is, and who acts: the tenant, or a helper under their mandate. */
interface Acting {
  place: TenantPlace;
  actor: TenantSideActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    reportActing: Acting;
  }
}

const ReportParams = Type.Object({ reportId: Type.String({ format: 'uuid' }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })) });
const bearer = [{ bearer: [] }];
const tags = ['reports'];

export const reportRoutes: FastifyPluginAsyncTypebox<{ linkSecret: string }> = async (app, options) => {
  const ctx: ReportContext = {
    db: app.db,
    bus: app.eventBus,
    storage: app.storage,
    links: signedPhotoLinks(options.linkSecret, 'report-photo', '/api/v1/report-photos'),
  };
  app.decorateRequest('reportActing', null as unknown as Acting);

  // The phone sends a photo's bytes as they are; only here, and only this big.
  acceptPhotoUploads(app, '/api/v1/reports/photos');

  // --- the tenant's TV ---

  // The tenant's own routes, and the same under /api/v1/mandates/:mandateId/reports for a helper holding the tenant's
  // mandate with the "reports" scope (their actions are written in the timeline as theirs, "on the tenant's behalf").
  const self = {
    prefix: '/api/v1/reports',
    params: {},
    preHandler: app.requireTenant,
    who: (request: FastifyRequest): Acting => ({ place: request.device.place, actor: TENANT_HIMSELF }),
    forWhom: '',
    denied: [] as 403[],
  };
  const helper = {
    prefix: '/api/v1/mandates/:mandateId/reports',
    params: { mandateId: Type.String({ format: 'uuid' }) },
    preHandler: async (request: FastifyRequest) => {
      const { place, actor } = await helperAccess(app, request, 'reports');
      request.reportActing = { place, actor: { kind: 'HELPER', mandateId: actor.id, name: actor.name } };
    },
    who: (request: FastifyRequest): Acting => request.reportActing,
    forWhom: ' (a helper, in the name of the tenant who gave the mandate)',
    denied: [403] as 403[],
  };

  for (const mode of [self, helper]) {
    const { forWhom, denied } = mode;
    const Params = <T extends Record<string, TSchema>>(more: T) => Type.Object({ ...mode.params, ...more });
    const OneReport = Params({ reportId: Type.String({ format: 'uuid' }) });

    app.post(
      mode.prefix,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Report a fault to the landlord. Retries with the same Idempotency-Key return the same report.${forWhom}`,
          security: bearer,
          params: Params({}),
          headers: IdempotencyHeaders,
          body: SubmitReportRequest,
          response: { 200: TenantReport, 201: TenantReport, ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request, reply) => {
        const { place, actor } = mode.who(request);
        const { report, created } = await submitReport(ctx, place, request.body, request.headers['idempotency-key'], actor);
        return reply.code(created ? 201 : 200).send(report);
      },
    );

    app.get(
      mode.prefix,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `The tenant’s reports, newest first${forWhom}`,
          security: bearer,
          params: Params({}),
          querystring: PageQuery,
          response: { 200: Page(TenantReportSummary), ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => listTenantReports(app.db, mode.who(request).place, request.query),
    );

    app.get(
      `${mode.prefix}/draft-photos`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `Photos the phone sent for the report being written, not yet attached${forWhom}`,
          security: bearer,
          params: Params({}),
          response: { 200: DraftPhotos, ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => {
        const { place, actor } = mode.who(request);
        return draftPhotos(ctx, place, actor);
      },
    );

    if (mode === self) {
      app.get(
        '/api/v1/reports/building',
        {
          preHandler: app.requireTenant,
          schema: {
            tags,
            summary: 'Open reports about the common areas of the tenant’s building, without who made them',
            security: bearer,
            querystring: PageQuery,
            response: { 200: Page(NeighbourhoodReport), ...problemResponses(400, 401) },
          },
        },
        async (request) => buildingReports(app.db, request.device.place, request.query),
      );
    }

    app.get(
      `${mode.prefix}/:reportId`,
      {
        preHandler: mode.preHandler,
        schema: {
          tags,
          summary: `One of the tenant’s reports, with its timeline, photos and appointment slots${forWhom}`,
          security: bearer,
          params: OneReport,
          response: { 200: TenantReport, ...problemResponses(400, 401, 404, ...denied) },
        },
      },
      async (request) => tenantReport(ctx, mode.who(request).place, request.params.reportId),
    );

    const tenantAction = <B extends TSchema>(summary: string, body: B) => ({
      preHandler: mode.preHandler,
      schema: {
        tags,
        summary: summary + forWhom,
        security: bearer,
        params: OneReport,
        body,
        response: { 200: TenantReport, ...problemResponses(400, 401, 404, 409, ...denied) },
      },
    });
    const noBody = (summary: string) => ({
      preHandler: mode.preHandler,
      schema: {
        tags,
        summary: summary + forWhom,
        security: bearer,
        params: OneReport,
        response: { 200: TenantReport, ...problemResponses(400, 401, 404, 409, ...denied) },
      },
    });

    app.post(
      `${mode.prefix}/:reportId/messages`,
      tenantAction('Add information to an open report', ReportMessageRequest),
      async (request) => {
        const { place, actor } = mode.who(request);
        return addTenantMessage(ctx, place, request.params.reportId, request.body.body, actor);
      },
    );

    app.post(`${mode.prefix}/:reportId/cancel`, noBody('Cancel a report before work starts'), async (request) => {
      const { place, actor } = mode.who(request);
      return cancelReport(ctx, place, request.params.reportId, actor);
    });

    app.post(
      `${mode.prefix}/:reportId/reopen`,
      tenantAction('Reopen a resolved report, within 15 days, saying why', ReportMessageRequest),
      async (request) => {
        const { place, actor } = mode.who(request);
        return reopenReport(ctx, place, request.params.reportId, request.body.body, actor);
      },
    );

    app.post(`${mode.prefix}/:reportId/rating`, tenantAction('Rate a resolved report (once)', RateReportRequest), async (request) => {
      const { place, actor } = mode.who(request);
      return rateReport(ctx, place, request.params.reportId, request.body, actor);
    });

    app.post(
      `${mode.prefix}/:reportId/appointment`,
      tenantAction('Accept one of the offered appointment slots', AcceptSlotRequest),
      async (request) => {
        const { place, actor } = mode.who(request);
        return acceptSlot(ctx, place, request.params.reportId, request.body.slotId, actor);
      },
    );
  }

  app.put(
    '/api/v1/reports/:reportId/me-too',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: '“Me too” on a neighbour’s common-area report, instead of filing a duplicate (idempotent)',
        security: bearer,
        params: ReportParams,
        response: { 200: NeighbourhoodReport, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => meToo(ctx, request.device.place, request.params.reportId),
  );

  // --- the tenant's phone ---

  app.post(
    '/api/v1/reports/photos',
    {
      preHandler: app.requireHandoff('report_photos'),
      schema: {
        tags,
        summary: 'With a report_photos hand-off token: send one photo (JPEG, PNG or WebP, 10 MB at most)',
        description: 'Re-encoded as JPEG without any metadata (location, camera) and at most 1600 px on its longer side.',
        security: bearer,
        response: { 201: ReportPhoto, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('photo_unreadable');
      const photo = await uploadPhoto(ctx, request.handoff, request.body);
      return reply.code(201).send(photo);
    },
  );

  app.get(
    '/api/v1/report-photos/:photoId/:size',
    {
      schema: {
        tags,
        summary: 'A report photo, through a signed link from a report the caller may read',
        params: Type.Object({ photoId: Type.String({ format: 'uuid' }), size: Type.Enum(photoSizes) }),
        querystring: Type.Object({ expires: Type.Integer(), signature: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Any(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { photoId, size } = request.params;
      if (!ctx.links.verify(photoId, size, request.query.expires, request.query.signature)) throw new DomainError('forbidden');
      const bytes = await photoBytes(ctx, photoId, size);
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(bytes);
    },
  );

  // --- the landlord's console ---

  app.get(
    '/api/v1/staff/reports',
    {
      preHandler: app.requireStaff(...READING_ROLES),
      schema: {
        tags,
        summary: 'The reports queue, oldest first, filtered by residence, category, status, age and overdue',
        querystring: StaffReportQuery,
        response: { 200: Page(StaffReportSummary), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => staffQueue(app.db, request.staff, request.query),
  );

  app.get(
    '/api/v1/staff/reports/assignees',
    {
      preHandler: app.requireStaff(...READING_ROLES),
      schema: { tags, summary: 'Who reports can be assigned to', response: { 200: ReportAssignees, ...problemResponses(401, 403) } },
    },
    async (request) => reportAssignees(app.db, request.staff),
  );

  app.get(
    '/api/v1/staff/reports/:reportId',
    {
      preHandler: app.requireStaff(...READING_ROLES),
      schema: {
        tags,
        summary: 'One report with the tenant, the home, the timeline, photos and slots',
        params: ReportParams,
        response: { 200: StaffReport, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => staffReport(ctx, request.staff, request.params.reportId),
  );

  const staffAction = {
    preHandler: app.requireStaff(...HANDLING_ROLES),
  };
  const staffSchema = (summary: string) => ({
    tags,
    summary,
    params: ReportParams,
    response: { 200: StaffReport, ...problemResponses(400, 401, 403, 404, 409) },
  });

  app.post(
    '/api/v1/staff/reports/:reportId/transitions',
    { ...staffAction, schema: { ...staffSchema('Acknowledge, start, resolve or close a report'), body: StaffReportTransitionRequest } },
    async (request) => staffTransition(ctx, request.staff, request.params.reportId, request.body),
  );

  app.post(
    '/api/v1/staff/reports/:reportId/slots',
    { ...staffAction, schema: { ...staffSchema('Offer appointment slots; replaces any previous offer'), body: OfferSlotsRequest } },
    async (request) => offerSlots(ctx, request.staff, request.params.reportId, request.body),
  );

  app.put(
    '/api/v1/staff/reports/:reportId/assignee',
    { ...staffAction, schema: { ...staffSchema('Assign the report to a colleague, or to nobody'), body: AssignReportRequest } },
    async (request) => assignReport(ctx, request.staff, request.params.reportId, request.body),
  );

  app.post(
    '/api/v1/staff/reports/:reportId/messages',
    { ...staffAction, schema: { ...staffSchema('Write to the tenant'), body: ReportMessageRequest } },
    async (request) => staffMessage(ctx, request.staff, request.params.reportId, request.body.body),
  );
};
