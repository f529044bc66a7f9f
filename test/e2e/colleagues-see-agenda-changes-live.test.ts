// Two colleagues of the landlord's agency have the agenda open in their consoles. What one changes (a slot moved, its
// seats, a slot cancelled, the subject retired) and what a tenant books from her TV show in the other's console at
// once, without a reload; the slot the caretaker is editing meanwhile keeps what she typed, and saving it keeps her
// colleague's change. Screenshots in test-output/screenshots.
import { useJourney } from './support/journey';
import { createService, publishSeries } from '../support/appointments';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../support/journeys';
import { addDays, localToday } from '../../apps/api/src/modules/appointments/local-time';

jest.setTimeout(180_000);

const SUBJECT = 'Remise des clés';
const REASON = 'L’agence est fermée pour inventaire ce matin-là.';

describe('colleagues share the agenda live', () => {
  const journey = useJourney({
    appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
  });

  async function openAgenda(email: string): Promise<ConsolePage> {
    const opened = await openConsole(journey.browser, journey.baseUrl, { viewport: { width: 1440, height: 1100 } });
    await opened.signIn(email, DEMO_STAFF_PASSWORD);
    await opened.page.getByTestId('nav-agenda').click();
    // The agenda's own live indicator (an agent's console also keeps the call-centre's, hidden).
    await opened.page.getByTestId('agenda-page').locator('[data-testid="live-status"][data-status="live"]').waitFor();
    return opened;
  }

  it('shows a colleague’s and a tenant’s changes without a reload, and keeps an edit in progress', async () => {
    const day = addDays(localToday(new Date()), 3);
    const agent = await signInStaff(journey.app, DEMO_STAFF.agent);
    const serviceId = await createService(journey.app, agent, { subject: SUBJECT });
    expect(await publishSeries(journey.app, agent, serviceId, day, { until: '10:30' }, 'e2e-live-agenda-series')).toBe(3);

    const celine = await openAgenda(DEMO_STAFF.agent);
    const mourad = await openAgenda(DEMO_STAFF.caretakerLauriers);
    const slotOf = (opened: ConsolePage, time: string) => opened.page.getByTestId(`agenda-slot-${day}-${time}`);

    // Mourad starts changing the place of 10:00, and has not saved yet.
    const mourads1000 = slotOf(mourad, '10:00');
    await mourads1000.getByTestId('slot-edit').click();
    await mourads1000.getByTestId('slot-edit-placeName').fill('Loge du gardien');

    // Céline moves 09:30 to 11:00 with three seats: Mourad's agenda shows it at once.
    const celines930 = slotOf(celine, '09:30');
    await celines930.getByTestId('slot-edit').click();
    await celines930.getByTestId('slot-edit-time').fill('11:00');
    await celines930.getByTestId('slot-edit-capacity').fill('3');
    await celines930.getByTestId('slot-edit-save').click();
    await celine.page.getByTestId('agenda-notice').getByText('Créneau de 09:30 modifié.').waitFor();
    await slotOf(mourad, '11:00').getByText('0 / 3 réservé(s)').waitFor();
    await slotOf(mourad, '09:30').waitFor({ state: 'detached' });
    await expect(mourads1000.getByTestId('slot-edit-placeName').inputValue()).resolves.toBe('Loge du gardien');
    await mourad.screenshot('agenda-live-01-colleague-moved-a-slot');

    // Céline gives 10:00 a second seat while Mourad is still typing its place: his form says so, keeps what he typed,
    // and its seats follow hers.
    const celines1000 = slotOf(celine, '10:00');
    await celines1000.getByTestId('slot-edit').click();
    await celines1000.getByTestId('slot-edit-capacity').fill('2');
    await celines1000.getByTestId('slot-edit-save').click();
    await celine.page.getByTestId('agenda-notice').getByText('Créneau de 10:00 modifié.').waitFor();
    await mourads1000.getByTestId('slot-edit-changed-elsewhere').waitFor();
    await expect(mourads1000.getByTestId('slot-edit-capacity').inputValue()).resolves.toBe('2');
    await expect(mourads1000.getByTestId('slot-edit-placeName').inputValue()).resolves.toBe('Loge du gardien');
    await mourad.screenshot('agenda-live-02-edit-kept-while-a-colleague-changed-the-slot');
    await mourads1000.getByTestId('slot-edit-save').click();
    await mourad.page.getByTestId('agenda-notice').getByText('Créneau de 10:00 modifié.').waitFor();
    // Both changes stand, and Céline sees Mourad's.
    await celines1000.getByText('Loge du gardien').waitFor();
    await expect(celines1000.textContent()).resolves.toContain('0 / 2 réservé(s)');

    // A tenant books 09:00 from her TV: both agendas show who is coming.
    const amina = await activateTv(journey.app, LAURIERS_A_TENANT);
    const free = await journey.app.inject({ url: `/api/v1/appointments/services/${serviceId}/slots?date=${day}`, headers: bearer(amina) });
    const nine = (free.json().items as { id: string; localTime: string }[]).find((slot) => slot.localTime === '09:00')!;
    const booked = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { ...bearer(amina), 'idempotency-key': 'e2e-live-agenda-amina' },
      payload: { slotId: nine.id },
    });
    expect(booked.statusCode).toBe(201);
    for (const opened of [celine, mourad]) await slotOf(opened, '09:00').getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`).waitFor();

    // Céline cancels 09:00 with a reason, then retires the subject: Mourad sees both.
    const celines900 = slotOf(celine, '09:00');
    await celines900.getByTestId('slot-cancel').click();
    await celines900.getByTestId('slot-cancel-reason-input').fill(REASON);
    await celines900.getByTestId('slot-cancel-confirm').click();
    await slotOf(mourad, '09:00').getByTestId('slot-cancel-reason').getByText(`Annulé : ${REASON}`).waitFor();
    await expect(slotOf(mourad, '09:00').getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`).count()).resolves.toBe(0);

    const subject = celine.page.getByTestId(`agenda-service-${serviceId}`);
    await subject.getByTestId('service-retire').click();
    await subject.getByTestId('service-retire-confirm').click();
    await mourad.page.getByTestId(`agenda-service-${serviceId}`).waitFor({ state: 'detached' });
    await slotOf(mourad, '11:00').getByText('objet retiré').waitFor();
    await expect(slotOf(mourad, '11:00').getByTestId('slot-edit').count()).resolves.toBe(0);
    await mourad.screenshot('agenda-live-03-colleague-cancelled-and-retired');
  });
});
