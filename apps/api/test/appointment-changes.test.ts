// Staff change what they published, through the public API on real PostgreSQL: cancel a slot (every booked tenant is
// told in their language), edit a slot (place and time while nobody booked it, capacity down to the seats taken),
// retire a service; each idempotent, scoped to the organisation, and safe against bookings racing them.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { createService, publishDay } from '../../../test/support/appointments';
import { LAURIERS_A_TENANT, activateFromHome, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { addDays, isoWeekday, localToday } from '../src/modules/appointments/local-time';

type Staff = { cookie: string };
type Method = 'GET' | 'POST' | 'PATCH';

/** A Paris date `days` from today. */
const inDays = (days: number) => addDays(localToday(new Date()), days);

describe('staff change the appointments they published', () => {
  let api: TestApi;
  let tenant: TokenResponse;
  let english: TokenResponse;
  let arabic: TokenResponse;
  let crowd: TokenResponse[];
  let agent: Staff;
  let clerk: Staff;
  let moderator: Staff;

  beforeAll(async () => {
    api = await startTestApi({
      devicePollIntervalSeconds: 1,
      rateLimitPerMinute: 100_000,
      appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
    });
    [tenant, english, arabic, ...crowd] = await Promise.all(
      [LAURIERS_A_TENANT, 'HMP-LAU-C-0101', 'HMP-LAU-C-0102', 'HMP-LAU-C-0103', 'HMP-LAU-C-0104', 'HMP-LAU-C-0105', 'HMP-LAU-C-0201'].map(
        (reference, index) => (index === 0 ? activateTv(api.app, reference) : activateFromHome(api.app, reference)),
      ),
    );
    for (const [tokens, language] of [
      [english, 'en'],
      [arabic, 'ar'],
    ] as const) {
      const saved = await api.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language } });
      expect(saved.statusCode).toBe(200);
    }
    [agent, clerk, moderator] = await Promise.all([
      signInStaff(api.app, 'accueil@hmp.demo'),
      signInStaff(api.app, 'demarches@mairie13-14.demo'),
      signInStaff(api.app, 'moderation@hmp.demo'),
    ]);
  });
  afterAll(async () => api?.close());

  const staff = (who: Staff, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { cookie: who.cookie, ...headers }, ...(payload ? { payload } : {}) });
  const asTenant = (tokens: TokenResponse, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { ...bearer(tokens), ...headers }, ...(payload ? { payload } : {}) });
  const book = (tokens: TokenResponse, slotId: string) =>
    asTenant(tokens, 'POST', '/api/v1/appointments', { slotId }, { 'idempotency-key': randomUUID() });
  const noticesOf = async (tokens: TokenResponse) =>
    (await asTenant(tokens, 'GET', '/api/v1/notices?limit=50')).json().items as { title: string; body: string }[];

  const agendaSlot = async (who: Staff, day: string, serviceId: string, slotId: string) => {
    const agenda = await staff(who, 'GET', `/api/v1/staff/appointments/agenda?from=${day}&days=1&serviceId=${serviceId}`);
    return (agenda.json().items as Record<string, unknown>[]).find((slot) => slot.id === slotId);
  };

  it('cancels a slot: each booked tenant’s appointment is cancelled and they are told in their own language, once', async () => {
    const service = await createService(api.app, agent, { subject: 'Permanence logement', cancelCutoffHours: 24 });
    const day = inDays(5);
    const [slotId] = await publishDay(api.app, agent, service, day, { capacity: 4, until: '09:30' });
    const booked = [];
    for (const tokens of [tenant, english, arabic]) {
      const response = await book(tokens, slotId!);
      expect(response.statusCode).toBe(201);
      booked.push({ tokens, id: response.json().id as string });
    }

    const reason = 'La conseillère est en formation ce jour-là.';
    const cancelled = await staff(agent, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      cancelledAppointments: 3,
      slot: { id: slotId, booked: 0, visitors: [], cancelledAt: expect.any(String), cancelReason: reason },
    });
    for (const { tokens, id } of booked) {
      const seen = (await asTenant(tokens, 'GET', `/api/v1/appointments/${id}`)).json();
      expect(seen).toMatchObject({ status: 'CANCELLED', cancelledBy: 'STAFF', cancelReason: reason, canChange: false });
    }
    const told = async (tokens: TokenResponse, title: string) => (await noticesOf(tokens)).filter((notice) => notice.title === title);
    expect(await told(tenant, 'Rendez-vous annulé — Permanence logement')).toEqual([
      expect.objectContaining({ body: expect.stringContaining(`Motif : ${reason}`) }),
    ]);
    expect(await told(english, 'Appointment cancelled — Permanence logement')).toEqual([
      expect.objectContaining({ body: expect.stringContaining(`Reason: ${reason}`) }),
    ]);
    expect(await told(arabic, 'تم إلغاء الموعد — Permanence logement')).toHaveLength(1);

    // A retry (the console lost the answer) changes nothing and tells nobody twice.
    const retried = await staff(agent, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason: 'Autre motif' });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ cancelledAppointments: 3, slot: { cancelReason: reason } });
    expect(await told(tenant, 'Rendez-vous annulé — Permanence logement')).toHaveLength(1);

    // Nobody can book it, it is no longer offered, and it cannot be edited.
    const late = await book(crowd[0]!, slotId!);
    expect([late.statusCode, late.json().code]).toEqual([409, 'slot_unavailable']);
    expect((await asTenant(tenant, 'GET', `/api/v1/appointments/services/${service}/days`)).json().items).toEqual([]);
    const edit = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, { capacity: 6 });
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'slot_cancelled']);
    // The agenda keeps it, marked cancelled.
    expect(await agendaSlot(agent, day, service, slotId!)).toMatchObject({ cancelReason: reason, booked: 0 });
  });

  it('refuses slot and service changes outside the organisation (404), to other roles (403) and without a reason (400)', async () => {
    const service = await createService(api.app, agent, { subject: 'Remise de badge', cancelCutoffHours: 24 });
    const [slotId] = await publishDay(api.app, agent, service, inDays(6), { until: '09:30' });
    for (const response of [
      await staff(clerk, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason: 'Pas chez nous' }),
      await staff(clerk, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, { capacity: 3 }),
      await staff(clerk, 'POST', `/api/v1/staff/appointments/services/${service}/retire`),
      await staff(agent, 'POST', `/api/v1/staff/appointments/slots/${randomUUID()}/cancel`, { reason: 'Inconnu' }),
    ])
      expect(response.statusCode).toBe(404);
    expect((await staff(moderator, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason: 'Non' })).statusCode).toBe(403);
    expect((await staff(moderator, 'POST', `/api/v1/staff/appointments/services/${service}/retire`)).statusCode).toBe(403);
    for (const response of [
      await staff(agent, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason: 'x' }),
      await staff(agent, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, {}),
      await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, {}),
      await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, { capacity: 0 }),
      await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, { localTime: '9h' }),
      await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/not-a-uuid`, { capacity: 2 }),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toEqual(expect.any(String));
    }
    // Nothing changed.
    expect(await agendaSlot(agent, inDays(6), service, slotId!)).toMatchObject({ capacity: 1, cancelledAt: null });
  });

  it('edits a slot: place and time while nobody booked it, capacity up at any time and down to the seats taken', async () => {
    const service = await createService(api.app, agent, { subject: 'État des lieux de sortie', cancelCutoffHours: 24 });
    const day = inDays(8);
    const [first, second] = await publishDay(api.app, agent, service, day, { capacity: 2 });

    // Nobody booked the first: it moves, and a retry of the same change is the same.
    const change = { placeName: 'Agence HMP Sud', placeAddress: '1 rue Paradis, 13006 Marseille', localTime: '11:00', capacity: 3 };
    const edited = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${first}`, change);
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ placeName: 'Agence HMP Sud', localDate: day, localTime: '11:00', capacity: 3 });
    expect((await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${first}`, change)).statusCode).toBe(200);
    const free = (await asTenant(tenant, 'GET', `/api/v1/appointments/services/${service}/slots?date=${day}`)).json().items;
    expect(free.map((slot: { localTime: string; placeName: string; free: number }) => [slot.localTime, slot.placeName, slot.free])).toEqual(
      [
        ['09:30', 'Agence HMP Nord', 2],
        ['11:00', 'Agence HMP Sud', 3],
      ],
    );
    // Onto the start of another slot of its series, or into the past: refused.
    const clash = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${first}`, { localTime: '09:30' });
    expect([clash.statusCode, clash.json().code]).toEqual([409, 'slot_time_taken']);
    const past = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${first}`, { localDate: inDays(-1) });
    expect([past.statusCode, past.json().code]).toEqual([400, 'validation_failed']);

    // Booked: the tenants were told where and when, so only the capacity moves, never under the seats taken.
    await book(tenant, second!);
    await book(english, second!);
    const moved = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${second}`, { placeName: 'Ailleurs' });
    expect([moved.statusCode, moved.json().code]).toEqual([409, 'slot_has_bookings']);
    const later = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${second}`, { localTime: '10:30' });
    expect(later.json().code).toBe('slot_has_bookings');
    const same = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${second}`, { placeName: 'Agence HMP Nord', capacity: 4 });
    expect(same.json()).toMatchObject({ capacity: 4, booked: 2 });
    const below = await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${second}`, { capacity: 1 });
    expect([below.statusCode, below.json().code]).toEqual([409, 'slot_capacity_below_bookings']);
    expect((await staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${second}`, { capacity: 2 })).json()).toMatchObject({
      capacity: 2,
      booked: 2,
    });
    const full = await book(arabic, second!);
    expect([full.statusCode, full.json().code]).toEqual([409, 'slot_full']);
  });

  it('retires a service: gone from the TV, no new slot or booking, booked appointments stay', async () => {
    const service = await createService(api.app, agent, { subject: 'Signature du bail', cancelCutoffHours: 24 });
    const day = inDays(9);
    const [slotId, otherSlot] = await publishDay(api.app, agent, service, day);
    const kept = (await book(tenant, slotId!)).json();

    const retired = await staff(agent, 'POST', `/api/v1/staff/appointments/services/${service}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ id: service, retiredAt: expect.any(String) });
    const again = await staff(agent, 'POST', `/api/v1/staff/appointments/services/${service}/retire`);
    expect(again.json().retiredAt).toBe(retired.json().retiredAt);

    const listed = (await asTenant(english, 'GET', '/api/v1/appointments/services')).json().items.map((one: { id: string }) => one.id);
    expect(listed).not.toContain(service);
    expect((await asTenant(english, 'GET', `/api/v1/appointments/services/${service}/days`)).statusCode).toBe(404);
    const refused = await book(english, otherSlot!);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'appointment_service_retired']);
    const series = await staff(
      agent,
      'POST',
      '/api/v1/staff/appointments/series',
      {
        serviceId: service,
        placeName: 'Agence',
        placeAddress: 'Adresse',
        firstDay: inDays(10),
        weeks: 1,
        weekdays: [isoWeekday(inDays(10))],
        from: '09:00',
        until: '10:00',
        everyMinutes: 30,
        durationMinutes: 30,
        capacity: 1,
      },
      { 'idempotency-key': randomUUID() },
    );
    expect([series.statusCode, series.json().code]).toEqual([409, 'appointment_service_retired']);
    const staffList = (await staff(agent, 'GET', '/api/v1/staff/appointments/services')).json().items.map((one: { id: string }) => one.id);
    expect(staffList).not.toContain(service);

    // The appointment already booked is still the tenant's, in the agenda, and can still be cancelled.
    expect((await asTenant(tenant, 'GET', '/api/v1/appointments')).json().items.map((one: { id: string }) => one.id)).toContain(kept.id);
    expect(await agendaSlot(agent, day, service, slotId!)).toMatchObject({ booked: 1, serviceRetired: true });
    expect((await asTenant(tenant, 'POST', `/api/v1/appointments/${kept.id}/cancel`)).json().status).toBe('CANCELLED');
  });

  it('never leaves a booking on a cancelled slot when bookings race the cancellation: each is refused or cancelled and told', async () => {
    for (let round = 0; round < 4; round += 1) {
      const subject = `Atelier numérique ${round}`;
      const service = await createService(api.app, agent, { subject, cancelCutoffHours: 24 });
      const [slotId] = await publishDay(api.app, agent, service, inDays(12 + round), { capacity: crowd.length, until: '09:30' });
      const [bookings, cancellation] = await Promise.all([
        Promise.all(crowd.map((tokens) => book(tokens, slotId!))),
        new Promise((resolve) => setTimeout(resolve, round * 3)).then(() =>
          staff(agent, 'POST', `/api/v1/staff/appointments/slots/${slotId}/cancel`, { reason: 'Salle indisponible' }),
        ),
      ]);
      expect(cancellation.statusCode).toBe(200);
      const made = bookings.filter((response) => response.statusCode === 201);
      for (const refused of bookings.filter((response) => response.statusCode !== 201))
        expect([refused.statusCode, refused.json().code]).toEqual([409, 'slot_unavailable']);
      expect(cancellation.json().cancelledAppointments).toBe(made.length);
      // Every booking that got in is cancelled now, and its tenant told once.
      for (const [index, response] of bookings.entries()) {
        if (response.statusCode !== 201) continue;
        const tokens = crowd[index]!;
        expect((await asTenant(tokens, 'GET', `/api/v1/appointments/${response.json().id}`)).json().status).toBe('CANCELLED');
        expect((await noticesOf(tokens)).filter((notice) => notice.title === `Rendez-vous annulé — ${subject}`)).toHaveLength(1);
      }
      const left = await api.app.db.appointment.count({ where: { slotId: slotId!, status: 'BOOKED' } });
      const slot = await api.app.db.appointmentSlot.findUniqueOrThrow({ where: { id: slotId! } });
      expect([left, slot.booked, slot.cancelledAt !== null]).toEqual([0, 0, true]);
    }
  });

  it('never leaves a booking made after the retirement of its service: each booking is kept from before it, or refused (409)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const service = await createService(api.app, agent, { subject: `Accueil des nouveaux locataires ${round}`, cancelCutoffHours: 24 });
      const [slotId] = await publishDay(api.app, agent, service, inDays(30 + round), { capacity: crowd.length, until: '09:30' });
      const [bookings, retirement] = await Promise.all([
        Promise.all(crowd.map((tokens) => book(tokens, slotId!))),
        new Promise((resolve) => setTimeout(resolve, round % 5)).then(() =>
          staff(agent, 'POST', `/api/v1/staff/appointments/services/${service}/retire`),
        ),
      ]);
      expect(retirement.statusCode).toBe(200);
      const made = bookings.filter((response) => response.statusCode === 201);
      for (const refused of bookings.filter((response) => response.statusCode !== 201))
        expect([refused.statusCode, refused.json().code]).toEqual([409, 'appointment_service_retired']);
      // What was booked is what the slot counts, and every booking kept was made before the retirement.
      const retiredAt = new Date(retirement.json().retiredAt as string);
      const kept = await api.app.db.appointment.findMany({ where: { slotId: slotId!, status: 'BOOKED' } });
      const slot = await api.app.db.appointmentSlot.findUniqueOrThrow({ where: { id: slotId! } });
      expect([kept.length, slot.booked]).toEqual([made.length, made.length]);
      for (const appointment of kept) expect(appointment.bookedAt.getTime()).toBeLessThanOrEqual(retiredAt.getTime());
      // After it, a booking is refused the same way.
      const late = await book(tenant, slotId!);
      expect([late.statusCode, late.json().code]).toEqual([409, 'appointment_service_retired']);
    }
  });

  it('never lets capacity fall under the bookings when they race a reduction', async () => {
    for (let round = 0; round < 3; round += 1) {
      const service = await createService(api.app, agent, { subject: `Permanence juridique ${round}`, cancelCutoffHours: 24 });
      const [slotId] = await publishDay(api.app, agent, service, inDays(20 + round), { capacity: 4, until: '09:30' });
      const [bookings, reduction] = await Promise.all([
        Promise.all(crowd.slice(0, 4).map((tokens) => book(tokens, slotId!))),
        staff(agent, 'PATCH', `/api/v1/staff/appointments/slots/${slotId}`, { capacity: 2 }),
      ]);
      const made = bookings.filter((response) => response.statusCode === 201).length;
      const slot = await api.app.db.appointmentSlot.findUniqueOrThrow({ where: { id: slotId! } });
      expect(slot.booked).toBe(made);
      expect(slot.booked).toBeLessThanOrEqual(slot.capacity);
      if (reduction.statusCode === 200) expect([slot.capacity, made <= 2]).toEqual([2, true]);
      else expect([reduction.json().code, slot.capacity, made > 2]).toEqual(['slot_capacity_below_bookings', 4, true]);
    }
  });
});
