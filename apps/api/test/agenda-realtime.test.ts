// Every change of an organisation's agenda reaches its other open consoles over the realtime socket (agenda.changed),
// whoever made it: a colleague's console (subjects, series, slot edits and cancellations, retirement) or a tenant's TV
// (booking, move, cancellation). Another organisation's consoles and the tenants' TVs hear nothing of it.
import { randomUUID } from 'node:crypto';
import type { AgendaChangedEvent, EventMessage, ServerMessage, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { createService, publishDay } from '../../../test/support/appointments';
import { TestSocket } from '../../../test/support/realtime-socket';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import { addDays, localToday } from '../src/modules/appointments/local-time';

type Method = 'GET' | 'POST' | 'PATCH';
const agendaEvents = (socket: TestSocket) =>
  socket.messages.filter(
    (message): message is EventMessage & AgendaChangedEvent => message.type === 'event' && message.name === 'agenda.changed',
  );
const isAgendaChange = (change: AgendaChangedEvent['data']['change'], id: string) => (message: ServerMessage) =>
  message.type === 'event' &&
  message.name === 'agenda.changed' &&
  message.data.change === change &&
  (message.data.slotId === id || message.data.serviceId === id);

describe('the agenda live across consoles', () => {
  let api: TestApi;
  let tenant: TokenResponse;
  let agent: { cookie: string };
  let caretaker: { cookie: string };
  let clerk: { cookie: string };

  beforeAll(async () => {
    api = await startTestApi({
      devicePollIntervalSeconds: 1,
      appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
    });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    tenant = await activateTv(api.app, LAURIERS_A_TENANT);
    [agent, caretaker, clerk] = await Promise.all(
      [DEMO_STAFF.agent, DEMO_STAFF.caretakerLauriers, DEMO_STAFF.townHallClerk].map((email) => signInStaff(api.app, email)),
    );
  });
  afterAll(async () => api?.close());

  const asStaff = (method: Method, url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { cookie: agent.cookie, 'idempotency-key': randomUUID() }, ...(payload ? { payload } : {}) });
  const asTenant = (method: Method, url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { ...bearer(tenant), 'idempotency-key': randomUUID() }, ...(payload ? { payload } : {}) });
  const ok = async (response: ReturnType<typeof asStaff>, status = 200) => {
    const answered = await response;
    expect(answered.statusCode).toBe(status);
    return answered.json() as { id: string; items: { id: string }[] };
  };

  it('tells a colleague’s console of every change, whoever made it, and nobody outside the organisation', async () => {
    const colleague = await TestSocket.open(api.app, {}, caretaker.cookie);
    const townHall = await TestSocket.open(api.app, {}, clerk.cookie);
    const tv = await TestSocket.open(api.app, { accessToken: tenant.access_token });
    for (const socket of [colleague, townHall, tv]) await socket.next((message) => message.type === 'ready');

    const serviceId = await createService(api.app, agent, { subject: 'Remise des clés' });
    const day = addDays(localToday(new Date()), 4);
    const [first, second] = (await publishDay(api.app, agent, serviceId, day)) as [string, string];

    await ok(asStaff('PATCH', `/api/v1/staff/appointments/slots/${first}`, { placeName: 'Agence HMP Sud' }));
    await colleague.next(isAgendaChange('slot_edited', first));

    // The tenant's TV books, moves and cancels: the colleague's console hears of each, the TV of its appointment only.
    const appointment = (await ok(asTenant('POST', '/api/v1/appointments', { slotId: first }), 201)).id;
    await colleague.next(isAgendaChange('booked', first));
    await ok(asTenant('POST', `/api/v1/appointments/${appointment}/move`, { slotId: second }));
    await colleague.next(isAgendaChange('moved', second));
    await ok(asTenant('POST', `/api/v1/appointments/${appointment}/cancel`));
    await colleague.next(isAgendaChange('cancelled', second));

    // A slot cancelled with a booking in it is one change for the agenda; the tenant hears of their appointment.
    const again = (await ok(asTenant('POST', '/api/v1/appointments', { slotId: second }), 201)).id;
    await ok(asStaff('POST', `/api/v1/staff/appointments/slots/${second}/cancel`, { reason: 'Agence fermée ce matin-là.' }));
    await colleague.next(isAgendaChange('slot_cancelled', second));
    await tv.next(
      (message) =>
        message.type === 'event' &&
        message.name === 'appointment.updated' &&
        message.data.appointmentId === again &&
        message.data.status === 'CANCELLED',
    );
    // A retried cancellation or retirement changes nothing and says nothing.
    await ok(asStaff('POST', `/api/v1/staff/appointments/slots/${second}/cancel`, { reason: 'Agence fermée ce matin-là.' }));
    await ok(asStaff('POST', `/api/v1/staff/appointments/services/${serviceId}/retire`));
    await ok(asStaff('POST', `/api/v1/staff/appointments/services/${serviceId}/retire`));
    const sentinel = (await ok(asStaff('POST', '/api/v1/staff/appointments/services', { subject: 'Visite du logement' }), 201)).id;
    await colleague.next(isAgendaChange('service_created', sentinel));

    expect(agendaEvents(colleague).map((event) => [event.data.change, event.data.serviceId, event.data.slotId])).toEqual([
      ['service_created', serviceId, null],
      ['series_published', serviceId, null],
      ['slot_edited', serviceId, first],
      ['booked', serviceId, first],
      ['moved', serviceId, second],
      ['cancelled', serviceId, second],
      ['booked', serviceId, second],
      ['slot_cancelled', serviceId, second],
      ['service_retired', serviceId, null],
      ['service_created', sentinel, null],
    ]);
    expect(agendaEvents(townHall)).toEqual([]);
    expect(agendaEvents(tv)).toEqual([]);
    expect(
      tv.messages.flatMap((message) => (message.type === 'event' && message.name === 'appointment.updated' ? [message.data.change] : [])),
    ).toEqual(['booked', 'moved', 'cancelled', 'booked', 'cancelled']);
    for (const socket of [colleague, townHall, tv]) socket.close();
  });

  it('replays the agenda changes a console missed while it was offline', async () => {
    const online = await TestSocket.open(api.app, {}, caretaker.cookie);
    await online.next((message) => message.type === 'ready');
    const serviceId = (await ok(asStaff('POST', '/api/v1/staff/appointments/services', { subject: 'Permanence travaux' }), 201)).id;
    const seen = await online.next(isAgendaChange('service_created', serviceId));
    online.close();
    await ok(asStaff('POST', `/api/v1/staff/appointments/services/${serviceId}/retire`));

    const back = await TestSocket.open(api.app, { lastEventId: (seen as EventMessage).id }, caretaker.cookie);
    await back.next(isAgendaChange('service_retired', serviceId));
    back.close();
  });
});
