// Appointments through the public API, on real PostgreSQL and Redis: series of slots, days then times, booking under
// concurrency, atomic moves, the cancel cut-off, the staff agenda's scope and the .ics file.
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { createService, publishDay, TOWN_HALL } from '../../../test/support/appointments';
import { LAURIERS_A_TENANT, SAVINE_TENANT, activateFromHome, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { addDays, localParts, localToday } from '../src/modules/appointments/local-time';
import { sendDueReminders } from '../src/modules/appointments/reminders';
import { sendPersonalNotice, type PersonalNoticeInput } from '../src/modules/notices/personal';

type Staff = { cookie: string };

/** A Paris date `days` from today. */
const inDays = (days: number) => addDays(localToday(new Date()), days);

/** References of Les Lauriers B's tenants, floor by floor (HMP-LAU-B-0001 … 0905). */
function lauriersB(count: number): string[] {
  const references: string[] = [];
  for (let floor = 0; references.length < count; floor += 1)
    for (let door = 1; door <= 5 && references.length < count; door += 1)
      references.push(`HMP-LAU-B-${`${floor}${String(door).padStart(2, '0')}`.padStart(4, '0')}`);
  return references;
}

const parisTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('appointments', () => {
  let api: TestApi;
  let tenant: TokenResponse;
  let savine: TokenResponse;
  let agent: Staff;
  let clerk: Staff;
  let moderator: Staff;
  let agencyService: string;
  let idCardService: string;

  beforeAll(async () => {
    // This instance sends no reminder by itself: the reminder tests run their own schedulers.
    api = await startTestApi({
      devicePollIntervalSeconds: 1,
      rateLimitPerMinute: 100_000,
      appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
    });
    [tenant, savine] = await Promise.all([activateTv(api.app, LAURIERS_A_TENANT), activateTv(api.app, SAVINE_TENANT)]);
    [agent, clerk, moderator] = await Promise.all([
      signInStaff(api.app, 'accueil@hmp.demo'),
      signInStaff(api.app, 'demarches@mairie13-14.demo'),
      signInStaff(api.app, 'moderation@hmp.demo'),
    ]);
    agencyService = await createService(api.app, agent, { subject: 'Rendez-vous avec votre chargé de clientèle', cancelCutoffHours: 24 });
    idCardService = await createService(api.app, clerk, {
      subject: 'Dépôt de dossier de carte d’identité',
      whatToBring: 'Photo d’identité, justificatif de domicile',
      cancelCutoffHours: 24,
    });
  });
  afterAll(async () => api?.close());

  const staff = (who: Staff, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { cookie: who.cookie, ...headers }, ...(payload ? { payload } : {}) });
  const asTenant = (tokens: TokenResponse, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, headers: { ...bearer(tokens), ...headers }, ...(payload ? { payload } : {}) });

  const book = (tokens: TokenResponse, slotId: string, key: string = randomUUID()) =>
    asTenant(tokens, 'POST', '/api/v1/appointments', { slotId }, { 'idempotency-key': key });

  it('shows a tenant the services of their landlord, their district town hall and their city, and no other district’s', async () => {
    const lauriers = await asTenant(tenant, 'GET', '/api/v1/appointments/services');
    const subjects = (lauriers.json().items as { subject: string; organisation: { kind: string } }[]).map((s) => s.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Rendez-vous avec votre chargé de clientèle',
        'Dépôt de dossier de carte d’identité',
        'Rendez-vous avec un conseiller municipal',
      ]),
    );
    const other = await asTenant(savine, 'GET', '/api/v1/appointments/services');
    const otherIds = (other.json().items as { id: string }[]).map((s) => s.id);
    expect(otherIds).toContain(agencyService);
    expect(otherIds).not.toContain(idCardService);
    const days = await asTenant(savine, 'GET', `/api/v1/appointments/services/${idCardService}/days`);
    expect(days.statusCode).toBe(404);
  });

  it('publishes a series in Paris time across a DST change, once even when the request is retried', async () => {
    // Tuesdays 23 and 30 March 2027: France moves to summer time on Sunday 28 March.
    const body = {
      serviceId: idCardService,
      placeName: 'Mairie des 13e et 14e arrondissements',
      placeAddress: '72 rue Paul Coxe, 13014 Marseille',
      firstDay: '2027-03-23',
      weeks: 2,
      weekdays: [2],
      from: '09:00',
      until: '12:00',
      everyMinutes: 30,
      durationMinutes: 30,
      capacity: 2,
    };
    const key = randomUUID();
    const first = await staff(clerk, 'POST', '/api/v1/staff/appointments/series', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      created: 12,
      firstStartsAt: '2027-03-23T08:00:00.000Z',
      lastStartsAt: '2027-03-30T09:30:00.000Z',
    });
    const retried = await staff(clerk, 'POST', '/api/v1/staff/appointments/series', body, { 'idempotency-key': key });
    expect(retried.json()).toMatchObject({ seriesId: first.json().seriesId, created: 0 });

    const week = await staff(clerk, 'GET', `/api/v1/staff/appointments/agenda?from=2027-03-23&days=7&serviceId=${idCardService}`);
    const slots = week.json().items as { startsAt: string; localDate: string; localTime: string }[];
    expect(slots).toHaveLength(6);
    expect(slots.map((slot) => slot.localTime)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const summer = await staff(clerk, 'GET', `/api/v1/staff/appointments/agenda?from=2027-03-30&days=1&serviceId=${idCardService}`);
    expect(summer.json().items[0]).toMatchObject({ startsAt: '2027-03-30T07:00:00.000Z', localTime: '09:00' });

    const tooBig = await staff(clerk, 'POST', '/api/v1/staff/appointments/series', {
      ...body,
      weeks: 12,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      everyMinutes: 5,
      from: '00:00',
      until: '23:55',
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].field).toBe('body.weeks');
  });

  it('lists free days, then the free times of a day, page by page', async () => {
    const service = await createService(api.app, agent, { subject: 'Point logement' });
    for (const offset of [3, 4, 5]) await publishDay(api.app, agent, service, inDays(offset), { until: '11:00' });
    const firstPage = await asTenant(tenant, 'GET', `/api/v1/appointments/services/${service}/days?limit=2`);
    expect(firstPage.json().items).toEqual([
      { date: inDays(3), freeSlots: 4 },
      { date: inDays(4), freeSlots: 4 },
    ]);
    const secondPage = await asTenant(
      tenant,
      'GET',
      `/api/v1/appointments/services/${service}/days?limit=2&cursor=${firstPage.json().nextCursor}`,
    );
    expect(secondPage.json()).toEqual({ items: [{ date: inDays(5), freeSlots: 4 }], nextCursor: null });

    const morning = await asTenant(tenant, 'GET', `/api/v1/appointments/services/${service}/slots?date=${inDays(4)}&limit=3`);
    expect(morning.json().items.map((slot: { localTime: string }) => slot.localTime)).toEqual(['09:00', '09:30', '10:00']);
    const rest = await asTenant(
      tenant,
      'GET',
      `/api/v1/appointments/services/${service}/slots?date=${inDays(4)}&limit=3&cursor=${morning.json().nextCursor}`,
    );
    expect(rest.json()).toMatchObject({ items: [{ localTime: '10:30', free: 1 }], nextCursor: null });

    // A booked slot leaves the list.
    expect((await book(tenant, rest.json().items[0].id)).statusCode).toBe(201);
    const after = await asTenant(tenant, 'GET', `/api/v1/appointments/services/${service}/slots?date=${inDays(4)}`);
    expect(after.json().items.map((slot: { localTime: string }) => slot.localTime)).toEqual(['09:00', '09:30', '10:00']);
  });

  it('never overbooks: 30 tenants booking the same 3 seats at once get 3 seats, the others a clear 409', async () => {
    const service = await createService(api.app, agent, { subject: 'Permanence du conseiller social' });
    const [slotId] = await publishDay(api.app, agent, service, inDays(6), { capacity: 3, until: '09:30' });
    const tenants = await Promise.all(lauriersB(30).map((reference) => activateFromHome(api.app, reference)));
    const responses = await Promise.all(tenants.map((tokens) => book(tokens, slotId!)));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(27);
    expect(responses.find((response) => response.statusCode === 409)!.json().code).toBe('slot_full');
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(6)}&serviceId=${service}`);
    expect(agenda.json().items[0]).toMatchObject({ capacity: 3, booked: 3 });
    expect(agenda.json().items[0].visitors).toHaveLength(3);
  });

  it('books once when the TV retries the same request many times at once', async () => {
    const service = await createService(api.app, agent, { subject: 'Remise des clés' });
    const [slotId] = await publishDay(api.app, agent, service, inDays(7), { capacity: 5, until: '09:30' });
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => book(tenant, slotId!, key)));
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(responses.every((response) => response.statusCode === 201 || response.statusCode === 200)).toBe(true);
    expect(new Set(responses.map((response) => response.json().id)).size).toBe(1);
    // Another key on the same slot is the same seat too.
    const again = await book(tenant, slotId!);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(responses[0]!.json().id);
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(7)}&serviceId=${service}`);
    expect(agenda.json().items[0].booked).toBe(1);
  });

  it('moves atomically: a full slot leaves the appointment where it was; a free one takes it, and gives the old seat back', async () => {
    const service = await createService(api.app, agent, { subject: 'État des lieux' });
    const [first, second, third] = await publishDay(api.app, agent, service, inDays(8), { until: '10:30' });
    const other = await activateFromHome(api.app, 'HMP-LAU-C-0101');
    const mine = (await book(tenant, first!)).json();
    expect((await book(other, second!)).statusCode).toBe(201);

    const refused = await asTenant(tenant, 'POST', `/api/v1/appointments/${mine.id}/move`, { slotId: second });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('slot_full');
    const still = await asTenant(tenant, 'GET', `/api/v1/appointments/${mine.id}`);
    expect(still.json()).toMatchObject({ status: 'BOOKED', slot: { id: first, localTime: '09:00' } });

    const moved = await asTenant(tenant, 'POST', `/api/v1/appointments/${mine.id}/move`, { slotId: third });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: mine.id, status: 'BOOKED', slot: { id: third, localTime: '10:00' } });
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(8)}&serviceId=${service}`);
    expect(agenda.json().items.map((slot: { booked: number }) => slot.booked)).toEqual([0, 1, 1]);

    // Two tenants racing for the one free seat: one moves, the other keeps what they had.
    const racers = await Promise.all(['HMP-LAU-C-0102', 'HMP-LAU-C-0103'].map((reference) => activateFromHome(api.app, reference)));
    const [x, y] = await publishDay(api.app, agent, service, inDays(9), { until: '10:00' });
    const [z] = await publishDay(api.app, agent, service, inDays(10), { until: '09:30' });
    const racerAppointments = [(await book(racers[0]!, x!)).json().id, (await book(racers[1]!, y!)).json().id];
    const results = await Promise.all(
      racers.map((tokens, index) => asTenant(tokens, 'POST', `/api/v1/appointments/${racerAppointments[index]}/move`, { slotId: z })),
    );
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    const loser = results.findIndex((result) => result.statusCode === 409);
    const kept = await asTenant(racers[loser]!, 'GET', `/api/v1/appointments/${racerAppointments[loser]}`);
    expect(kept.json().slot.id).toBe([x, y][loser]);
    const seats = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(9)}&days=2&serviceId=${service}`);
    expect(
      seats
        .json()
        .items.map((slot: { booked: number }) => slot.booked)
        .reduce((a: number, b: number) => a + b, 0),
    ).toBe(2);
  });

  it('lets a tenant cancel until the cut-off, then refuses with a clear code', async () => {
    const strict = await createService(api.app, agent, { subject: 'Signature du bail', cancelCutoffHours: 168 });
    const [soon] = await publishDay(api.app, agent, strict, inDays(3), { until: '09:30' });
    const booked = (await book(tenant, soon!)).json();
    expect(booked.canChange).toBe(false);
    const refused = await asTenant(tenant, 'POST', `/api/v1/appointments/${booked.id}/cancel`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('appointment_cutoff_passed');

    const relaxed = await createService(api.app, agent, { subject: 'Visite de logement', cancelCutoffHours: 24 });
    const [later] = await publishDay(api.app, agent, relaxed, inDays(4), { until: '09:30' });
    const mine = (await book(tenant, later!)).json();
    expect(mine.canChange).toBe(true);
    const cancelled = await asTenant(tenant, 'POST', `/api/v1/appointments/${mine.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'TENANT' });
    const twice = await asTenant(tenant, 'POST', `/api/v1/appointments/${mine.id}/cancel`);
    expect(twice.json().status).toBe('CANCELLED');
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(4)}&serviceId=${relaxed}`);
    expect(agenda.json().items[0]).toMatchObject({ booked: 0, visitors: [] });
    const list = await asTenant(tenant, 'GET', '/api/v1/appointments');
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(mine.id);
  });

  it('shows staff their own organisation’s agenda only, with who is coming', async () => {
    const [slotId] = await publishDay(api.app, agent, agencyService, inDays(11), { until: '09:30' });
    const mine = (await book(tenant, slotId!)).json();
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(11)}&serviceId=${agencyService}`);
    expect(agenda.json().items[0].visitors[0]).toMatchObject({
      appointmentId: mine.id,
      reference: LAURIERS_A_TENANT,
      home: expect.stringMatching(/^Les Lauriers, Bâtiment A, étage 2, porte 203$/),
    });
    expect(agenda.json().items[0].visitors[0].fullName).toMatch(/^\S+ \S+/);

    const clerkAgenda = await staff(clerk, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(11)}&days=1`);
    expect(clerkAgenda.json().items.map((slot: { id: string }) => slot.id)).not.toContain(slotId);
    for (const [method, url, body] of [
      ['GET', `/api/v1/staff/appointments/${mine.id}`],
      ['GET', `/api/v1/staff/appointments/${mine.id}/calendar.ics`],
      ['POST', `/api/v1/staff/appointments/${mine.id}/cancel`, { reason: 'Fermeture exceptionnelle' }],
    ] as const) {
      expect((await staff(clerk, method, url, body)).statusCode).toBe(404);
    }
    expect((await staff(moderator, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(11)}`)).statusCode).toBe(403);
    const series = await staff(clerk, 'POST', '/api/v1/staff/appointments/series', {
      serviceId: agencyService,
      placeName: 'Agence HMP Nord',
      placeAddress: '38 boulevard de la Fédération',
      firstDay: inDays(12),
      weeks: 1,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      from: '09:00',
      until: '10:00',
      everyMinutes: 30,
      durationMinutes: 30,
      capacity: 1,
    });
    expect(series.statusCode).toBe(404);
  });

  it('exports an .ics file that a calendar parser reads back with the right Paris time, updated on move and cancel', async () => {
    const [nine, ten] = await publishDay(api.app, clerk, idCardService, inDays(13), {
      ...TOWN_HALL,
      from: '09:30',
      until: '10:30',
    });
    const booked = (await book(tenant, nine!)).json();
    const read = async (response: Awaited<ReturnType<typeof staff>>) => {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const calendar = new ICAL.Component(ICAL.parse(response.body));
      expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      return {
        event: new ICAL.Event(vevent),
        status: vevent.getFirstPropertyValue('status'),
        sequence: vevent.getFirstPropertyValue('sequence'),
      };
    };
    const tenantFile = await read(await asTenant(tenant, 'GET', `/api/v1/appointments/${booked.id}/calendar.ics`));
    const start = tenantFile.event.startDate.toJSDate();
    expect(start.toISOString()).toBe(booked.slot.startsAt);
    expect(parisTime(start)).toBe('09:30');
    expect(localParts(start).localDate).toBe(inDays(13));
    expect(parisTime(tenantFile.event.endDate.toJSDate())).toBe('10:00');
    expect(tenantFile.event.summary).toBe('Dépôt de dossier de carte d’identité');
    expect(tenantFile.event.location).toBe('Mairie des 13e et 14e arrondissements, 72 rue Paul Coxe, 13014 Marseille');
    expect(tenantFile.event.description).toContain('Photo d’identité, justificatif de domicile');
    expect(tenantFile.event.uid).toBe(`${booked.id}@palier`);
    expect(tenantFile.status).toBe('CONFIRMED');

    const english = await read(
      await asTenant(tenant, 'GET', `/api/v1/appointments/${booked.id}/calendar.ics`, undefined, { 'accept-language': 'en' }),
    );
    expect(english.event.description).toMatch(/^Appointment with Mairie des 13e et 14e arrondissements\./);

    // The QR code's signed link: the phone gets the same file without signing in; a changed link gets nothing.
    const link = new URL(booked.calendarUrl);
    expect(link.origin).toBe('http://palier.test');
    const byPhone = await read(await api.app.inject({ url: link.pathname + link.search }));
    expect(byPhone.event.uid).toBe(`${booked.id}@palier`);
    expect(parisTime(byPhone.event.startDate.toJSDate())).toBe('09:30');
    const forged = new URLSearchParams(link.search);
    forged.set('expires', String(Number(forged.get('expires')) + 3600));
    expect((await api.app.inject({ url: `${link.pathname}?${forged.toString()}` })).statusCode).toBe(403);
    const other = link.pathname.replace(booked.id, randomUUID());
    expect((await api.app.inject({ url: other + link.search })).statusCode).toBe(403);

    await asTenant(tenant, 'POST', `/api/v1/appointments/${booked.id}/move`, { slotId: ten });
    const movedFile = await read(await staff(clerk, 'GET', `/api/v1/staff/appointments/${booked.id}/calendar.ics`));
    expect(parisTime(movedFile.event.startDate.toJSDate())).toBe('10:00');
    expect(movedFile.sequence).toBe(1);

    await asTenant(tenant, 'POST', `/api/v1/appointments/${booked.id}/cancel`);
    const cancelledFile = await read(await staff(clerk, 'GET', `/api/v1/staff/appointments/${booked.id}/calendar.ics`));
    expect(cancelledFile.status).toBe('CANCELLED');
    expect(cancelledFile.sequence).toBe(2);
  });
  /** A tenant of their own, speaking `language`, booked on a town-hall slot three days ahead. */
  async function bookedTenant(reference: string, language: 'fr' | 'en' | 'ar', day: number) {
    const tokens = await activateFromHome(api.app, reference);
    expect((await api.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language } })).statusCode).toBe(
      200,
    );
    const [slotId] = await publishDay(api.app, clerk, idCardService, inDays(day), {
      ...TOWN_HALL,
      from: '14:00',
      until: '14:30',
    });
    const appointment = (await book(tokens, slotId!)).json();
    // The day before has come (the clock is the database's: only the due time moves).
    await api.app.db.$executeRaw`UPDATE "Appointment" SET "reminderDueAt" = now() - interval '1 minute' WHERE id = ${appointment.id}::uuid`;
    return { tokens, appointment };
  }
  const noticesOf = async (tokens: TokenResponse) =>
    (await asTenant(tokens, 'GET', '/api/v1/notices?limit=50')).json().items as { title: string; body: string }[];

  it('claims each due reminder once: many polls at once on two instances send it a single time', async () => {
    const { tokens } = await bookedTenant('HMP-LAU-C-0201', 'en', 3);
    const other = await api.buildInstance();
    let sends = 0;
    const counted = (db: typeof api.app.db, bus: typeof api.app.eventBus) => (input: PersonalNoticeInput) => {
      sends += 1;
      return sendPersonalNotice(db, bus, input);
    };
    const polls = Array.from({ length: 8 }, (_, i) => {
      const instance = i % 2 === 0 ? api.app : other;
      return sendDueReminders({ db: instance.db, sendNotice: counted(instance.db, instance.eventBus), batchSize: 50, leaseSeconds: 300 });
    });
    const sent = (await Promise.all(polls)).reduce((a, b) => a + b, 0);
    expect(sent).toBe(1);
    expect(sends).toBe(1);
    const reminders = (await noticesOf(tokens)).filter((notice) => notice.title.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toBe('Reminder: your appointment tomorrow — Dépôt de dossier de carte d’identité');
    expect(reminders[0]!.body).toMatch(/^Mairie des 13e et 14e arrondissements expects you \w+ \d+ \w+ at 14:00\.\nWhere: Mairie des 13e/);
    expect(reminders[0]!.body).toContain('Please bring: Photo d’identité, justificatif de domicile');
    // Nothing is left to send.
    expect(
      await sendDueReminders({ db: api.app.db, sendNotice: counted(api.app.db, api.app.eventBus), batchSize: 50, leaseSeconds: 300 }),
    ).toBe(0);
  });

  it('sends the reminder exactly once with two API instances running their schedulers, in the tenant’s language', async () => {
    const { tokens, appointment } = await bookedTenant('HMP-LAU-C-0202', 'ar', 4);
    const schedulers = { enabled: true, pollMs: 25, hoursBefore: 24, leaseSeconds: 300 };
    await Promise.all([api.buildInstance({ appointmentReminders: schedulers }), api.buildInstance({ appointmentReminders: schedulers })]);
    const deadline = Date.now() + 10_000;
    let reminders: { title: string; body: string }[] = [];
    while (Date.now() < deadline && reminders.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      reminders = (await noticesOf(tokens)).filter((notice) => notice.title.startsWith('تذكير'));
    }
    // Both schedulers keep polling a while longer: still one.
    await new Promise((resolve) => setTimeout(resolve, 400));
    reminders = (await noticesOf(tokens)).filter((notice) => notice.title.startsWith('تذكير'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toContain('يرجى إحضار');
    const row = await api.app.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.reminderSentAt).not.toBeNull();
  });

  it('lets staff cancel with a reason: the seat is freed and the tenant is told in a personal notice', async () => {
    const [slotId] = await publishDay(api.app, agent, agencyService, inDays(14), { until: '09:30' });
    const booked = (await book(tenant, slotId!)).json();
    const cancelled = await staff(agent, 'POST', `/api/v1/staff/appointments/${booked.id}/cancel`, {
      reason: 'Votre conseillère est absente ce jour-là.',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'STAFF',
      cancelReason: 'Votre conseillère est absente ce jour-là.',
    });
    const seen = await asTenant(tenant, 'GET', `/api/v1/appointments/${booked.id}`);
    expect(seen.json()).toMatchObject({ status: 'CANCELLED', cancelledBy: 'STAFF', canChange: false });
    const notice = (await noticesOf(tenant)).find((one) => one.title === 'Rendez-vous annulé — Rendez-vous avec votre chargé de clientèle');
    expect(notice?.body).toContain('Motif : Votre conseillère est absente ce jour-là.');
    const agenda = await staff(agent, 'GET', `/api/v1/staff/appointments/agenda?from=${inDays(14)}&serviceId=${agencyService}`);
    expect(agenda.json().items[0]).toMatchObject({ booked: 0, visitors: [] });
    const again = await staff(agent, 'POST', `/api/v1/staff/appointments/${booked.id}/cancel`, { reason: 'Encore' });
    expect(again.json().code).toBe('appointment_not_active');
  });
});
