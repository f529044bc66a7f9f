// A tenant reports a leak under the kitchen sink with the remote and a photo from their phone; the caretaker
// acknowledges it in the console and offers two slots; the tenant accepts one with the remote; the caretaker resolves
// it; the tenant rates it. Screenshots at each step in test-output/screenshots.
import sharp from 'sharp';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { openPhone } from './support/phone';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv } from '../support/journeys';

jest.setTimeout(180_000);

describe('a tenant reports a leak under the kitchen sink', () => {
  const journey = useJourney();
  let tv: Tv;
  let consolePage: ConsolePage;

  const procedures = 'procedures' as never;

  it('goes from the remote and the phone to a rated repair', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await tv.press('Right', 'Right', 'OK');
    await tv.expectScreen(procedures);
    await tv.expectFocused('Signaler un problème');
    await tv.screenshot('leak-01-tv-procedures');

    await tv.press('OK');
    await tv.expectFocused(/Plomberie/);
    await tv.screenshot('leak-02-tv-category');
    await tv.press('OK');
    await tv.expectFocused('Chez moi · Cuisine');
    await tv.screenshot('leak-03-tv-place');
    await tv.press('OK');
    await tv.expectFocused('Dans les prochains jours');
    await tv.press('OK');
    await tv.expectFocused('Fuite sous l’évier');
    await tv.screenshot('leak-04-tv-description');
    await tv.press('OK');
    const photos = await tv.expectMessage(/tapez le code [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(photos.message)![1];
    await tv.screenshot('leak-05-tv-photos-qr');

    // The phone opens what the QR code carries, takes a photo (with its location in EXIF) and sends it.
    const phone = await openPhone(journey.browser);
    await phone.page.goto(`${journey.baseUrl}/phone/photos.html#code=${code}`);
    await phone.page.locator('#ready').waitFor({ state: 'visible' });
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 190 } } })
      .jpeg()
      .withMetadata({
        exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' } },
      })
      .toBuffer();
    await phone.page.locator('#pick').setInputFiles({ name: 'evier.jpg', mimeType: 'image/jpeg', buffer: photo });
    await phone.page.locator('#sent img').waitFor({ state: 'visible' });
    await phone.screenshot('leak-06-phone-photo-sent');

    await tv.expectMessage('1 photo(s) reçue(s)', 15_000);
    await tv.expectFocused('Continuer');
    await tv.screenshot('leak-07-tv-photo-arrived');
    await tv.press('OK');
    await tv.expectFocused('Envoyer le signalement');
    await tv.screenshot('leak-08-tv-summary');
    await tv.press('OK');
    const sent = await tv.expectMessage(/R-\d{4}-\d{6}/);
    const number = /(R-\d{4}-\d{6})/.exec(sent.message)![1]!;
    await tv.screenshot('leak-09-tv-sent');

    // The caretaker acknowledges it and offers two slots.
    consolePage = await openConsole(journey.browser, journey.baseUrl);
    await consolePage.signIn(DEMO_STAFF.caretakerLauriers, DEMO_STAFF_PASSWORD);
    await consolePage.page.getByTestId('nav-reports').click();
    await consolePage.page.getByTestId(`report-row-${number}`).click();
    await consolePage.page.getByTestId('report-photo').waitFor({ state: 'visible' });
    await consolePage.page.getByTestId('report-action-acknowledge').click();
    await consolePage.page.locator('[data-testid="report-status"]', { hasText: 'Pris en compte' }).waitFor();
    await consolePage.page.getByTestId('offer-slots').click();
    await consolePage.page.locator('[data-testid="report-status"]', { hasText: 'Rendez-vous proposé' }).waitFor();
    await consolePage.screenshot('leak-10-console-slots-offered');

    // The tenant opens the report and accepts the second slot with the remote.
    await tv.press('OK');
    await tv.expectMessage('Choisissez un créneau', 15_000);
    await tv.expectFocused(/^Le /);
    await tv.screenshot('leak-11-tv-slots');
    await tv.press('Right');
    const second = (await tv.state()).focused;
    await tv.press('OK');
    await tv.expectMessage('Rendez-vous fixé');
    await tv.screenshot('leak-12-tv-slot-accepted');
    await consolePage.page.locator('[data-testid="report-status"]', { hasText: 'Rendez-vous fixé' }).waitFor({ timeout: 15_000 });
    expect(second).toMatch(/^Le /);

    // The caretaker resolves it; the tenant rates it four stars.
    await consolePage.page.getByTestId('report-action-resolve').click();
    await consolePage.page.locator('[data-testid="report-status"]', { hasText: 'Résolu' }).waitFor();
    await tv.expectMessage('Êtes-vous satisfait', 15_000);
    await tv.expectFocused('Noter : ★★★★★');
    await tv.press('Right');
    await tv.expectFocused('Noter : ★★★★');
    await tv.screenshot('leak-13-tv-rate');
    await tv.press('OK');
    await tv.expectMessage('Merci pour votre note');
    await tv.screenshot('leak-14-tv-rated');
    await consolePage.page.locator('[data-testid="report-rating"]', { hasText: '4/5' }).waitFor({ timeout: 15_000 });
    await consolePage.screenshot('leak-15-console-resolved-and-rated');

    // The same report in Arabic: the words change, the page mirrors (the list on the right, the detail on its left),
    // and the dates keep Western digits.
    await consolePage.chooseLanguage('ar');
    const page = consolePage.page;
    await page.locator('[data-testid="report-status"]', { hasText: 'تم الحل' }).waitFor();
    await page.getByTestId('nav-reports').getByText('البلاغات').waitFor();
    await page.getByTestId('filter-status').selectOption('RESOLVED'); // the default filter shows open reports only
    const list = (await page.getByTestId(`report-row-${number}`).boundingBox())!;
    const detail = (await page.getByTestId('report-detail').boundingBox())!;
    expect(detail.x + detail.width).toBeLessThanOrEqual(list.x + 1);
    expect(await page.getByTestId('report-detail').innerText()).not.toMatch(/[\u0660-\u0669]/);
    await consolePage.screenshot('leak-16-console-in-arabic');
    await consolePage.chooseLanguage('fr');
    await page.locator('[data-testid="report-status"]', { hasText: 'Résolu' }).waitFor();
  });
});
