// What staff publish in the agenda when a test needs appointments to book, move or cancel, done through the public API.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isoWeekday } from '../../apps/api/src/modules/appointments/local-time';

type Staff = { cookie: string };

export const LANDLORD_AGENCY = { placeName: 'Agence HMP Nord', placeAddress: '38 boulevard de la Fédération, 13013 Marseille' };
export const TOWN_HALL = { placeName: 'Mairie des 13e et 14e arrondissements', placeAddress: '72 rue Paul Coxe, 13014 Marseille' };

/** The series' fields a test may change (anything else the API takes, such as bad values, passes through as given). */
export type DayOfSlots = Partial<{
  placeName: string;
  placeAddress: string;
  from: string;
  until: string;
  everyMinutes: number;
  durationMinutes: number;
  capacity: number;
}> &
  Record<string, unknown>;

/** A subject staff open appointments for (with cancelCutoffHours, whatToBring… as the API takes them); returns its id. */
export async function createService(
  app: FastifyInstance,
  staff: Staff,
  body: { subject: string } & Record<string, unknown>,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/appointments/services',
    headers: { cookie: staff.cookie },
    payload: body,
  });
  if (response.statusCode !== 201) throw new Error(`creating the service failed: ${response.body}`);
  return response.json().id;
}

/**
 * One morning of slots on a Paris date: 09:00 to 10:00, every 30 minutes, one seat each, at the landlord's agency unless
 * told otherwise. Returns how many slots the series created.
 */
export async function publishSeries(
  app: FastifyInstance,
  staff: Staff,
  serviceId: string,
  day: string,
  options: DayOfSlots = {},
  idempotencyKey: string = randomUUID(),
): Promise<number> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/appointments/series',
    headers: { cookie: staff.cookie, 'idempotency-key': idempotencyKey },
    payload: seriesOf(serviceId, day, options),
  });
  if (response.statusCode !== 201) throw new Error(`publishing the slots failed: ${response.body}`);
  return response.json().created;
}

/** publishSeries, then the ids of that morning's slots at its place, earliest first, read back through the agenda. */
export async function publishDay(
  app: FastifyInstance,
  staff: Staff,
  serviceId: string,
  day: string,
  options: DayOfSlots = {},
): Promise<string[]> {
  await publishSeries(app, staff, serviceId, day, options);
  const agenda = await app.inject({
    method: 'GET',
    url: `/api/v1/staff/appointments/agenda?from=${day}&days=1&serviceId=${serviceId}`,
    headers: { cookie: staff.cookie },
  });
  const { placeName } = seriesOf(serviceId, day, options);
  return (agenda.json().items as Array<{ id: string; placeName: string }>)
    .filter((slot) => slot.placeName === placeName)
    .map((slot) => slot.id);
}

function seriesOf(serviceId: string, day: string, options: DayOfSlots) {
  return {
    serviceId,
    ...LANDLORD_AGENCY,
    firstDay: day,
    weeks: 1,
    weekdays: [isoWeekday(day)],
    from: '09:00',
    until: '10:00',
    everyMinutes: 30,
    durationMinutes: 30,
    capacity: 1,
    ...options,
  };
}
