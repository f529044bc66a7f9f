// HTTP routes of places: what a staff member may address.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PlaceList } from '@palier/contracts';
import { problemResponses } from '../../plugins/problems';
import { staffPlaces } from './service';

export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/staff/places',
    {
      preHandler: app.requireStaff(),
      schema: {
        tags: ['staff'],
        summary: 'Places this staff member may address, with home counts',
        response: { 200: PlaceList, ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await staffPlaces(app.db, request.staff) }),
  );
};
