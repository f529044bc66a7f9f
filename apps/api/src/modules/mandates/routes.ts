// HTTP routes of mandates: the tenant gives, lists, follows and withdraws them; helpers list those they received.
// The helper's own actions go through each domain's routes under /api/v1/mandates/:mandateId/ (see eservices).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { GrantMandateRequest, HelpedTenant, Mandate, MandateAction, MandateScopesRequest, Page, PageQuery } from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import {
  givenMandates,
  grantMandate,
  mandateActions,
  setMandateScopes,
  staffHelpedTenants,
  staffHelperMandates,
  tenantHelperMandate,
  tenantHelperMandates,
  withdrawMandate,
} from './service';

const MandateParams = Type.Object({ mandateId: Type.String({ format: 'uuid' }) });
const bearer = [{ bearer: [] }];
const tags = ['mandates'];

export const mandateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/mandates',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The helpers the tenant gave a right to act in their name, newest first, withdrawn ones included',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(Mandate), ...problemResponses(400, 401) },
      },
    },
    async (request) => givenMandates(app.db, request.device.place, request.query),
  );

  app.post(
    '/api/v1/mandates',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Give a staff member (by e-mail) or a neighbour (by reference) the right to do procedures in my name',
        security: bearer,
        body: GrantMandateRequest,
        response: { 200: Mandate, 201: Mandate, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { mandate, created } = await grantMandate(app.db, app.eventBus, request.device.place, request.body);
      return reply.code(created ? 201 : 200).send(mandate);
    },
  );

  app.get(
    '/api/v1/mandates/received',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'The active mandates this tenant received as a helper',
        security: bearer,
        querystring: PageQuery,
        response: { 200: Page(Mandate), ...problemResponses(400, 401) },
      },
    },
    async (request) => tenantHelperMandates(app.db, request.device.place, request.query),
  );

  app.get(
    '/api/v1/mandates/received/:mandateId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'One mandate this tenant received as a helper, withdrawn ones included (active: false)',
        security: bearer,
        params: MandateParams,
        response: { 200: Mandate, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => tenantHelperMandate(app.db, request.device.place, request.params.mandateId),
  );

  app.delete(
    '/api/v1/mandates/:mandateId',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Withdraw the right (at once; the helper is refused from then on)',
        security: bearer,
        params: MandateParams,
        response: { 200: Mandate, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => withdrawMandate(app.db, app.eventBus, request.device.place, request.params.mandateId),
  );

  app.put(
    '/api/v1/mandates/:mandateId/scopes',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'Choose what an active helper may do from now on: e-services, fault reports or both (idempotent)',
        security: bearer,
        params: MandateParams,
        body: MandateScopesRequest,
        response: { 200: Mandate, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => setMandateScopes(app.db, app.eventBus, request.device.place, request.params.mandateId, request.body.scopes),
  );

  app.get(
    '/api/v1/mandates/:mandateId/actions',
    {
      preHandler: app.requireTenant,
      schema: {
        tags,
        summary: 'What was done in the tenant’s name under this mandate, newest first',
        security: bearer,
        params: MandateParams,
        querystring: PageQuery,
        response: { 200: Page(MandateAction), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => mandateActions(app.db, request.device.place, request.params.mandateId, request.query),
  );

  app.get(
    '/api/v1/staff/mandates',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        summary: 'The active mandates this staff member received',
        querystring: PageQuery,
        response: { 200: Page(Mandate), ...problemResponses(400, 401) },
      },
    },
    async (request) => staffHelperMandates(app.db, request.staff.id, request.query),
  );

  app.get(
    '/api/v1/staff/helped-tenants',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags,
        summary: 'The tenants who gave this staff member a mandate: active first, then withdrawn ones (read-only)',
        querystring: PageQuery,
        response: { 200: Page(HelpedTenant), ...problemResponses(400, 401) },
      },
    },
    async (request) => staffHelpedTenants(app.db, request.staff.id, request.query),
  );
};
