// A tenant books an appointment at the town hall with the remote (the time they first pick is taken by someone else
// meanwhile: the TV says so and shows what is still free), the clerk sees it in the console's agenda, the tenant moves
// it to another day, and the agenda follows. Screenshots at each step in test-output/screenshots.
import { useJourney } from './support/journey';
import { createService, publishSeries, TOWN_HALL } from '../support/appointments';
import { openTvAtHome, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer, signInStaff } from '../support/journeys';
import { addDays, localToday } from '../../apps/api/src/modules/appointments/local-time';

jest.setTimeout(240_000);

const appointments = 'appointments' as never;
const inDays = (days: number) => addDays(localToday(new Date()), days);

describe('a tenant books an appointment at the town hall', () => {
  const journey = useJourney({
    appointmentReminders: { enabled: false, pollMs: 60_000, hoursBefore: 24, leaseSeconds: 300 },
  });
  let tv: Tv;
  let consolePage: ConsolePage;

  it('books with the remote, sees the console agenda show it, and moves it', async () => {
    // The town-hall clerk opens passport appointments: two mornings, 09:00 and 09:30, one person each.
    const clerk = await signInStaff(journey.app, DEMO_STAFF.townHallClerk);
    const serviceId = await createService(journey.app, clerk, {
      subject: 'Dépôt de dossier de passeport',
      whatToBring: 'Une photo d’identité et un justificatif de domicile.',
    });
    for (const day of [inDays(2), inDays(3)]) {
      expect(await publishSeries(journey.app, clerk, serviceId, day, TOWN_HALL, `e2e-series-${day}`)).toBe(2);
    }

    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await tv.press('Right', 'Right', 'OK');
    await tv.expectFocused('Signaler un problème');
    await tv.press('Down', 'Down');
    await tv.expectFocused('Rendez-vous');
    await tv.screenshot('appointment-01-tv-procedures');
    await tv.press('OK');
    await tv.expectScreen(appointments);
    await tv.expectFocused('Prendre un rendez-vous');
    await tv.screenshot('appointment-02-tv-menu');

    await tv.press('OK');
    await tv.expectFocused(/^Votre agence : /, 15_000);
    await tv.press('Down');
    await tv.expectFocused('Votre mairie : Mairie des 13e et 14e arrondissements');
    await tv.screenshot('appointment-03-tv-who');
    await tv.press('OK');
    await tv.expectFocused('Dépôt de dossier de carte d’identité');
    await tv.press('Down');
    await tv.expectFocused('Dépôt de dossier de passeport');
    await tv.press('OK');
    await tv.expectFocused(/· 2 libre\(s\)$/, 15_000);
    await tv.screenshot('appointment-04-tv-days');
    await tv.press('OK');
    await tv.expectFocused('09:00', 15_000);
    await tv.screenshot('appointment-05-tv-times');
    await tv.press('OK');
    await tv.expectFocused('Confirmer le rendez-vous');
    await tv.expectMessage('Dépôt de dossier de passeport');
    await tv.screenshot('appointment-06-tv-confirm');

    // Meanwhile a neighbour takes 09:00 from their own TV.
    const neighbour = await activateTv(journey.app, LAURIERS_B_TENANT);
    const slots = await journey.app.inject({
      url: `/api/v1/appointments/services/${serviceId}/slots?date=${inDays(2)}`,
      headers: bearer(neighbour),
    });
    const nine = slots.json().items[0];
    expect(nine.localTime).toBe('09:00');
    const taken = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { ...bearer(neighbour), 'idempotency-key': 'e2e-neighbour-booking' },
      payload: { slotId: nine.id },
    });
    expect(taken.statusCode).toBe(201);

    await tv.press('OK');
    await tv.expectMessage('Ce créneau vient d’être pris', 15_000);
    await tv.expectFocused('09:30');
    await tv.screenshot('appointment-07-tv-slot-taken');
    await tv.press('OK');
    await tv.expectFocused('Confirmer le rendez-vous');
    await tv.press('OK');
    await tv.expectMessage('Rendez-vous confirmé', 15_000);
    await tv.expectMessage('À apporter : Une photo d’identité');
    await tv.expectFocused('Voir mes rendez-vous');
    await tv.screenshot('appointment-08-tv-confirmed');

    // The clerk's agenda shows who is coming.
    consolePage = await openConsole(journey.browser, journey.baseUrl);
    await consolePage.signIn(DEMO_STAFF.townHallClerk, DEMO_STAFF_PASSWORD);
    await consolePage.page.getByTestId('nav-agenda').click();
    const visitor = consolePage.page.getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`);
    await visitor.waitFor({ state: 'visible' });
    const slotRow = consolePage.page.getByTestId(`agenda-slot-${inDays(2)}-09:30`);
    await expect(slotRow.getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`).isVisible()).resolves.toBe(true);
    await expect(visitor.textContent()).resolves.toMatch(/Les Lauriers, Bâtiment A, étage 2, porte 203/);
    const ics = await consolePage.page.request.get(
      journey.baseUrl + (await visitor.getByTestId('agenda-ics').getAttribute('href'))!.replace(journey.baseUrl, ''),
    );
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:Dépôt de dossier de passeport');
    await consolePage.screenshot('appointment-09-console-agenda');

    // The tenant moves it to the next day, at 09:00.
    await tv.press('OK');
    await tv.expectFocused(/ 09:30 · Dépôt de dossier de passeport$/, 15_000);
    await tv.screenshot('appointment-10-tv-mine');
    await tv.press('OK');
    await tv.expectFocused('Déplacer', 15_000);
    await tv.expectMessage('Vous pouvez le déplacer ou l’annuler jusqu’au');
    // The QR code beside it (see the screenshot) carries the appointment's signed link: the phone opens it without
    // signing in and gets the .ics. The renderer's DOM mirror leaves the QR image out, so the link is read from the API.
    const mine = await journey.app.inject({ url: '/api/v1/appointments', headers: bearer(tokens) });
    const qrLink = mine.json().items[0].calendarUrl as string;
    expect(qrLink).toMatch(new RegExp(`^${journey.baseUrl}/api/v1/appointment-calendars/[0-9a-f-]{36}/rendez-vous\\.ics\\?lang=fr&`));
    const phoneCalendar = await tv.page.request.get(qrLink);
    expect(phoneCalendar.status()).toBe(200);
    expect(await phoneCalendar.text()).toContain('SUMMARY:Dépôt de dossier de passeport');
    await tv.screenshot('appointment-11-tv-detail');
    await tv.press('OK');
    // The first morning is full now (the neighbour at 09:00, this tenant at 09:30): only the second one is offered.
    await tv.expectFocused(/· 2 libre\(s\)$/, 15_000);
    await tv.press('OK');
    await tv.expectFocused('09:00', 15_000);
    await tv.press('OK');
    await tv.expectFocused('Déplacer ici');
    await tv.expectMessage('Au lieu du ');
    await tv.screenshot('appointment-12-tv-move-confirm');
    await tv.press('OK');
    await tv.expectMessage('Rendez-vous déplacé', 15_000);
    await tv.screenshot('appointment-13-tv-moved');

    // The agenda follows (realtime), on the new day at 09:00.
    await consolePage.page
      .getByTestId(`agenda-slot-${inDays(3)}-09:00`)
      .getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`)
      .waitFor({ state: 'visible' });
    await expect(
      consolePage.page
        .getByTestId(`agenda-slot-${inDays(2)}-09:30`)
        .getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`)
        .count(),
    ).resolves.toBe(0);
    await consolePage.screenshot('appointment-14-console-agenda-moved');

    // The tenant cancels it, after saying yes to the question.
    await tv.press('OK');
    await tv.expectFocused(/ 09:00 · Dépôt de dossier de passeport$/, 15_000);
    await tv.press('OK');
    await tv.expectFocused('Déplacer', 15_000);
    await tv.press('Right');
    await tv.expectFocused('Annuler le rendez-vous');
    await tv.press('OK');
    await tv.waitFor('the cancel question', (state) => state.dialog === 'Annuler ce rendez-vous ?');
    await tv.screenshot('appointment-15-tv-cancel-question');
    await tv.press('Left');
    await tv.press('OK');
    await tv.expectMessage('Rendez-vous annulé', 15_000);
    await tv.expectFocused('Voir mes rendez-vous');
    // The realtime echo of its own cancellation does not replace the confirmation.
    await tv.page.waitForTimeout(1000);
    await tv.expectFocused('Voir mes rendez-vous');
    await tv.expectMessage('Rendez-vous annulé — Votre rendez-vous du ');
    await tv.screenshot('appointment-16-tv-cancelled');
    await consolePage.page.getByTestId(`agenda-visitor-${LAURIERS_A_TENANT}`).waitFor({ state: 'detached' });
  });

  it('is told plainly, with a way back, when the subject is retired while she confirms', async () => {
    const clerk = await signInStaff(journey.app, DEMO_STAFF.townHallClerk);
    const subject = 'Inscription sur les listes électorales';
    const serviceId = await createService(journey.app, clerk, { subject });
    const day = inDays(4);
    expect(await publishSeries(journey.app, clerk, serviceId, day, { ...TOWN_HALL, until: '09:30' }, 'e2e-series-retired')).toBe(1);
    const tokens = await activateTv(journey.app, 'HMP-LAU-C-0101');
    const late = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await late.page.evaluate("window.location.hash = '#/appointments'");
    await late.expectScreen(appointments);
    await late.expectFocused('Prendre un rendez-vous');
    await late.press('OK');
    await late.expectFocused(/^Votre agence : /, 15_000);
    await late.press('Down');
    await late.expectFocused('Votre mairie : Mairie des 13e et 14e arrondissements');
    await late.press('OK');
    await late.expectFocused(/^Dépôt de dossier/, 15_000);
    for (let i = 0; i < 8 && (await late.state()).focused !== subject; i += 1) await late.press('Down');
    await late.expectFocused(subject);
    await late.press('OK');
    await late.expectFocused(/· 1 libre\(s\)$/, 15_000);
    await late.press('OK');
    await late.expectFocused('09:00', 15_000);
    await late.press('OK');
    await late.expectFocused('Confirmer le rendez-vous');

    // The clerk retires the subject meanwhile: the booking is refused, said plainly, and the subjects are offered again
    // (read afresh: the retired one is gone), not a retry that would fail again.
    const retired = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/staff/appointments/services/${serviceId}/retire`,
      headers: clerk,
    });
    expect(retired.statusCode).toBe(200);
    await late.press('OK');
    await late.expectMessage('Ce type de rendez-vous vient d’être retiré', 15_000);
    await late.expectFocused('Choisir un autre rendez-vous');
    await late.screenshot('appointment-16b-tv-subject-retired');
    await late.press('OK');
    await late.expectFocused(/^Votre agence : /, 15_000);
    await late.press('Down', 'OK');
    await late.expectFocused(/^Dépôt de dossier/, 15_000);
    expect((await late.visibleTexts()).some((text) => text === subject)).toBe(false);
    await late.close();
  });

  it('reads in Arabic, mirrored', async () => {
    const tokens = await activateTv(journey.app, 'HMP-LAU-A-0101');
    const arabic = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'ar' });
    await arabic.page.evaluate("window.location.hash = '#/appointments'");
    await arabic.expectScreen(appointments);
    await arabic.expectFocused('حجز موعد');
    await arabic.press('OK');
    await arabic.expectFocused(/ — وكالتك$/, 15_000);
    await arabic.screenshot('appointment-17-tv-who-ar');
    await arabic.close();
  });
});
