// The town-hall clerk changes what she published, in the console's agenda: she moves a slot nobody booked to a later
// time with more seats, finds a booked slot can only change its seats, cancels it with a reason (both tenants are told
// on their TV, each in their language), then retires the subject (gone from the TVs' list). Screenshots in
// test-output/screenshots.
import { useJourney } from './support/journey';
import { createService, publishSeries, TOWN_HALL } from '../support/appointments';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer, signInStaff } from '../support/journeys';
import { addDays, localToday } from '../../apps/api/src/modules/appointments/local-time';

jest.setTimeout(180_000);

const inDays = (days: number) => addDays(localToday(new Date()), days);
const SUBJECT = 'Dépôt de dossier de passeport';
const REASON = 'La salle des mariages est réquisitionnée ce matin-là.';

describe('the clerk changes what she published', () => {
  const journey = useJourney({
    appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
  });
  let consolePage: ConsolePage;

  it('edits a free slot, cancels a booked one with a reason, and retires the subject', async () => {
    const day = inDays(2);
    const clerk = await signInStaff(journey.app, DEMO_STAFF.townHallClerk);
    const serviceId = await createService(journey.app, clerk, { subject: SUBJECT });
    expect(await publishSeries(journey.app, clerk, serviceId, day, { ...TOWN_HALL, capacity: 2 }, 'e2e-changes-series')).toBe(2);
    // Two tenants book 09:00, one of them reads her TV in English.
    const [amina, karim] = await Promise.all([activateTv(journey.app, LAURIERS_A_TENANT), activateTv(journey.app, LAURIERS_B_TENANT)]);
    await journey.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(karim), payload: { language: 'en' } });
    const free = await journey.app.inject({ url: `/api/v1/appointments/services/${serviceId}/slots?date=${day}`, headers: bearer(amina) });
    const nine = free.json().items[0];
    for (const [tokens, key] of [
      [amina, 'e2e-changes-amina'],
      [karim, 'e2e-changes-karim'],
    ] as const) {
      const booked = await journey.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: { ...bearer(tokens), 'idempotency-key': key },
        payload: { slotId: nine.id },
      });
      expect(booked.statusCode).toBe(201);
    }

    consolePage = await openConsole(journey.browser, journey.baseUrl, { viewport: { width: 1440, height: 1100 } });
    const { page } = consolePage;
    await consolePage.signIn(DEMO_STAFF.townHallClerk, DEMO_STAFF_PASSWORD);
    await page.getByTestId('nav-agenda').click();
    const free930 = page.getByTestId(`agenda-slot-${day}-09:30`);
    await free930.waitFor();

    // Nobody booked 09:30: it moves to 11:00 with three seats.
    await free930.getByTestId('slot-edit').click();
    await free930.getByTestId('slot-edit-time').fill('11:00');
    await free930.getByTestId('slot-edit-capacity').fill('3');
    await consolePage.screenshot('agenda-changes-01-edit-free-slot');
    await free930.getByTestId('slot-edit-save').click();
    await page.getByTestId('agenda-notice').getByText('Créneau de 09:30 modifié.').waitFor();
    const eleven = page.getByTestId(`agenda-slot-${day}-11:00`);
    await expect(eleven.textContent()).resolves.toContain('0 / 3 réservé(s)');
    await free930.waitFor({ state: 'detached' });

    // 09:00 is booked: place, time and duration are locked, only the seats may change.
    const booked900 = page.getByTestId(`agenda-slot-${day}-09:00`);
    await booked900.getByTestId('slot-edit').click();
    await expect(booked900.getByTestId('slot-edit-time').isDisabled()).resolves.toBe(true);
    await expect(booked900.getByTestId('slot-edit-form').textContent()).resolves.toContain('2 locataire(s) ont réservé');
    await consolePage.screenshot('agenda-changes-02-edit-booked-slot');
    await booked900.getByRole('button', { name: 'Ne rien changer' }).click();

    // Cancelled with a reason, after the confirmation saying how many tenants are told.
    await booked900.getByTestId('slot-cancel').click();
    await expect(booked900.getByTestId('slot-cancel-confirm').isDisabled()).resolves.toBe(true);
    await booked900.getByTestId('slot-cancel-reason-input').fill(REASON);
    await expect(booked900.getByTestId('slot-cancel-confirm').textContent()).resolves.toBe('Annuler le créneau et prévenir 2 locataire(s)');
    await consolePage.screenshot('agenda-changes-03-cancel-slot-confirm');
    await booked900.getByTestId('slot-cancel-confirm').click();
    await page.getByTestId('agenda-notice').getByText('Créneau de 09:00 annulé ; 2 locataire(s) prévenu(s).').waitFor();
    await booked900.getByTestId('slot-cancel-reason').getByText(`Annulé : ${REASON}`).waitFor();
    await expect(booked900.getByTestId('slot-cancel').count()).resolves.toBe(0);
    await consolePage.screenshot('agenda-changes-04-slot-cancelled');

    // Each tenant is told on their TV, in their language.
    const notices = async (tokens: typeof amina) =>
      ((await journey.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(tokens) })).json().items as { title: string }[]).map(
        (notice) => notice.title,
      );
    expect(await notices(amina)).toContain(`Rendez-vous annulé — ${SUBJECT}`);
    expect(await notices(karim)).toContain(`Appointment cancelled — ${SUBJECT}`);

    // The subject is retired, after its own confirmation: gone from the TVs, the agenda marks what remains.
    const subject = page.getByTestId(`agenda-service-${serviceId}`);
    await subject.getByTestId('service-retire').click();
    await subject.getByText(`Retirer « ${SUBJECT} » ?`).waitFor();
    await consolePage.screenshot('agenda-changes-05-retire-confirm');
    await subject.getByTestId('service-retire-confirm').click();
    await page.getByTestId('agenda-notice').getByText(`« ${SUBJECT} » est retiré`).waitFor();
    await subject.waitFor({ state: 'detached' });
    await eleven.getByText('objet retiré').waitFor();
    await expect(eleven.getByTestId('slot-edit').count()).resolves.toBe(0);
    await consolePage.screenshot('agenda-changes-06-service-retired');
    const listed = await journey.app.inject({ url: '/api/v1/appointments/services', headers: bearer(amina) });
    expect(listed.json().items.map((one: { id: string }) => one.id)).not.toContain(serviceId);
  });
});
