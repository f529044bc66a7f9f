// HTTP routes of fault reports: the tenant's TV, the tenant's phone (photos) and the landlord's console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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
  type ReportContext,
} from './service';

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

  // The phone sends a photo's bytes as they are; only here, and only this big.
  acceptPhotoUploads(app, '/api/v1/reports/photos');

  // --- the tenant's TV ---

  app.post(
    '/api/v1/reports',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Report a fault to the landlord. Retries with the same Idempotency-Key return the same report.',
        security: bearer,
        headers: IdempotencyHeaders,
        body: SubmitReportRequest,
        response: { 200: TenantReport, 201: TenantReport, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { report, created } = await submitReport(ctx, request.device.place, request.body, request.headers['idempotency-key']);
      return reply.code(created ? 201 : 200).send(report);
    },
  );

  app.get(
    '/api/v1/reports',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The tenant’s reports, newest first',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(TenantReportSummary), ...problemResponses(400, 401) },
      },
    },
    async (request) => listTenantReports(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/reports/draft-photos',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Photos the phone sent for the report being written, not yet attached',
        security: bearer,
        response: { 200: DraftPhotos, ...problemResponses(401) },
      },
    },
    async (request) => draftPhotos(ctx, request.device.place),
  );

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

  app.get(
    '/api/v1/reports/:reportId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One of the tenant’s reports, with its timeline, photos and appointment slots',
        security: bearer,
        params: ReportParams,
        response: { 200: TenantReport, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantReport(ctx, request.device.place, request.params.reportId),
  );

  const tenantAction = (summary: string, body?: typeof ReportMessageRequest | typeof RateReportRequest | typeof AcceptSlotRequest) => ({
    preHandler: app.requireTenant,
    schema: {
      tags,
      summary,
      security: bearer,
      params: ReportParams,
      ...(body ? { body } : {}),
      response: { 200: TenantReport, ...problemResponses(400, 401, 404, 409) },
    },
  });

  app.post('/api/v1/reports/:reportId/messages', tenantAction('Add information to an open report', ReportMessageRequest), async (request) =>
    addTenantMessage(ctx, request.device.place, request.params.reportId, (request.body as ReportMessageRequest).body),
  );

  app.post('/api/v1/reports/:reportId/cancel', tenantAction('Cancel a report before work starts'), async (request) =>
    cancelReport(ctx, request.device.place, request.params.reportId),
  );

  app.post(
    '/api/v1/reports/:reportId/reopen',
    tenantAction('Reopen a resolved report, within 15 days, saying why', ReportMessageRequest),
    async (request) => reopenReport(ctx, request.device.place, request.params.reportId, (request.body as ReportMessageRequest).body),
  );

  app.post('/api/v1/reports/:reportId/rating', tenantAction('Rate a resolved report (once)', RateReportRequest), async (request) =>
    rateReport(ctx, request.device.place, request.params.reportId, request.body as RateReportRequest),
  );

  app.post(
    '/api/v1/reports/:reportId/appointment',
    tenantAction('Accept one of the offered appointment slots', AcceptSlotRequest),
    async (request) => acceptSlot(ctx, request.device.place, request.params.reportId, (request.body as AcceptSlotRequest).slotId),
  );

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
