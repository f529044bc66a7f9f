// Notices in full, end to end: the caretaker publishes an urgent notice with a picture and an English translation;
// an English-speaking tenant's TV shows the banner, reads it aloud, keeps a strip on home until it is read (also after
// the TV is switched off and on), shows the notice in English with its picture; the console shows the reading per
// building and reminds the homes that have not read it, whose TVs show the banner again.
import sharp from 'sharp';
import { useJourney } from './support/journey';
import { openTv, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_B_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(180_000);

const FRENCH_TITLE = 'Ascenseur du bâtiment B à l’arrêt';
const ENGLISH_TITLE = 'Building B lift out of service';

/**
 * Headless Chromium has no speech engine: this stands in for the browser's speechSynthesis and keeps what the TV
 * asked it to say, so the test hears what a tenant with voice reading on would hear.
 */
const RECORD_SPEECH = `
  window.__spoken = [];
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    speak: function (utterance) { window.__spoken.push(utterance.text); },
    cancel: function () {},
  } });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  if (!window.localStorage.getItem('palier.preferences')) {
    window.localStorage.setItem('palier.preferences', JSON.stringify({ language: 'en', textSize: 'normal', voice: true }));
  }
`;

/** A picture as a caretaker might take it: big, landscape, with a sign drawn on it. */
function liftPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
    <rect width="2400" height="1600" fill="#3a5a78"/>
    <rect x="700" y="200" width="1000" height="1300" fill="#c9d3dc" stroke="#222" stroke-width="24"/>
    <rect x="760" y="260" width="430" height="1180" fill="#8b9aa8"/><rect x="1210" y="260" width="430" height="1180" fill="#8b9aa8"/>
    <rect x="600" y="650" width="1200" height="300" fill="#ffd54a" stroke="#222" stroke-width="16"/>
    <text x="1200" y="850" font-family="sans-serif" font-size="110" font-weight="bold" text-anchor="middle" fill="#222">HORS SERVICE</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

describe('a caretaker publishes an urgent notice with a picture and a translation', () => {
  const journey = useJourney();
  let tv: Tv;
  let neighbourTv: Tv;
  let consolePage: ConsolePage;

  it('reaches the English-speaking tenant in English, stays on home until read, and is reminded to the others', async () => {
    // An English-speaking tenant of building B (they chose English in the TV's settings, which saves it on the account),
    // who has read the residence's earlier urgent notices.
    const tokens = await activateTv(journey.app, LAURIERS_B_TENANT);
    await journey.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language: 'en' } });
    const earlier = (await journey.app.inject({ url: '/api/v1/notices?limit=50', headers: bearer(tokens) })).json().items;
    for (const notice of earlier.filter((n: { urgent: boolean }) => n.urgent)) {
      await journey.app.inject({ method: 'PUT', url: `/api/v1/notices/${notice.id}/read`, headers: bearer(tokens) });
    }
    // A French-speaking neighbour of the same building, whose TV will be reminded.
    const neighbour = await journey.app.db.tenant.findFirstOrThrow({
      where: { reference: { startsWith: 'HMP-LAU-B-' }, NOT: { reference: LAURIERS_B_TENANT } },
    });
    const neighbourTokens = await activateTv(journey.app, neighbour.reference);

    const context = await journey.browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    await context.addInitScript(RECORD_SPEECH);
    tv = await openTv(journey.browser, journey.baseUrl, {
      language: 'en',
      context,
      tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
    });
    await tv.expectScreen('home');
    expect((await tv.state()).urgentStrip).toBe('');
    await tv.screenshot('notices-full-01-tv-home-before');

    // --- the console: French, English tab, picture ---
    consolePage = await openConsole(journey.browser, journey.baseUrl);
    await consolePage.signIn(DEMO_STAFF.caretakerLauriers, DEMO_STAFF_PASSWORD);
    await consolePage.waitUntilLive();
    await consolePage.fillNotice({
      title: FRENCH_TITLE,
      body: 'L’ascenseur du bâtiment B est arrêté jusqu’à vendredi pour une pièce à remplacer. Les voisins des étages peuvent demander de l’aide au gardien pour les courses.',
      category: 'OUTAGE',
      urgent: true,
      audienceName: 'Bâtiment B — Les Lauriers',
    });
    const page = consolePage.page;
    await page.getByTestId('picture-input').setInputFiles({ name: 'ascenseur.jpg', mimeType: 'image/jpeg', buffer: await liftPicture() });
    await page.getByTestId('picture-ready').waitFor({ state: 'visible', timeout: 15_000 });
    await page.getByTestId('text-tab-en').click();
    await page.locator('#notice-title-en').fill(ENGLISH_TITLE);
    await page
      .locator('#notice-body-en')
      .fill(
        'The building B lift is stopped until Friday while a part is replaced. Neighbours on upper floors can ask the caretaker for help with shopping.',
      );
    await consolePage.screenshot('notices-full-02-console-english-tab-and-picture');
    await page.getByTestId('publish-submit').click();
    await page.getByTestId('publish-confirmation').waitFor({ state: 'visible' });
    const row = consolePage.noticeRow(FRENCH_TITLE);
    await row.waitFor({ state: 'visible' });
    expect(await row.getByTestId('notice-translations').innerText()).toMatch(/Anglais/);
    await row.getByTestId('notice-picture').waitFor({ state: 'visible' });
    // Re-encoded for the TV: 2400 × 1600 became at most 960 × 540.
    const size = await row
      .getByTestId('notice-picture')
      .evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(size[1]).toBe(540);
    expect(size[0]).toBeLessThanOrEqual(960);
    await consolePage.screenshot('notices-full-03-console-published');

    // --- the TV: the banner interrupts, in English, and is read aloud ---
    const withBanner = await tv.waitFor('the urgent banner in English', (state) => state.banner === ENGLISH_TITLE, 15_000);
    expect(withBanner.bannerKind).toBe('urgent');
    await tv.screenshot('notices-full-04-tv-urgent-banner-english');
    await tv.page.waitForFunction(
      `(window.__spoken || []).some(function (s) { return s.indexOf(${JSON.stringify(ENGLISH_TITLE)}) >= 0; })`,
    );

    // Closed without reading: home keeps a strip until it is read.
    await tv.press('Back');
    const withStrip = await tv.waitFor('the strip on home', (state) => state.banner === '' && state.urgentStrip === ENGLISH_TITLE);
    expect(withStrip.route).toBe('home');
    await tv.screenshot('notices-full-05-tv-home-strip');

    // Switched off and on: the strip comes back from the API, and is said aloud.
    await tv.page.reload();
    await tv.waitFor(
      'home after restart, with the strip',
      (state) => state.route === 'home' && state.urgentStrip === ENGLISH_TITLE,
      20_000,
    );
    await tv.page.waitForFunction(
      `(window.__spoken || []).some(function (s) { return s.indexOf('Unread urgent notice: ' + ${JSON.stringify(ENGLISH_TITLE)}) >= 0; })`,
    );
    await tv.screenshot('notices-full-06-tv-home-strip-after-restart');

    // Down reaches the strip, OK opens the notice: in English, with its picture.
    await tv.press('Down');
    await tv.expectFocused(`Unread urgent notice — ${ENGLISH_TITLE}`);
    await tv.screenshot('notices-full-07-tv-strip-focused');
    await tv.press('OK');
    await tv.expectScreen('notice');
    // The notice screen loads when first opened, then reads the notice: wait for its title before reading the rest.
    await tv.expectText(ENGLISH_TITLE);
    const texts = await tv.visibleTexts();
    expect(texts.join('\n')).toContain(ENGLISH_TITLE);
    expect(texts.join('\n')).toContain('The building B lift is stopped until Friday');
    const picture = tv.byTestId('notice-picture');
    await picture.waitFor({ state: 'attached' });
    const pictureSrc = await picture.getAttribute('data-src');
    expect(pictureSrc).toMatch(/\/api\/v1\/notice-pictures\/[0-9a-f-]{36}$/);
    const served = await fetch(pictureSrc!.startsWith('http') ? pictureSrc! : journey.baseUrl + pictureSrc);
    expect(served.status).toBe(200);
    // Light enough for a 2 Mbit/s line (250 KB/s): well under a second.
    expect((await served.arrayBuffer()).byteLength).toBeLessThan(150_000);
    await tv.page.waitForTimeout(1000);
    await tv.screenshot('notices-full-08-tv-notice-english-with-picture');

    // Read: the strip is gone from home.
    await tv.press('Back');
    await tv.waitFor('home without the strip', (state) => state.route === 'home' && state.urgentStrip === '', 10_000);
    await tv.screenshot('notices-full-09-tv-home-after-reading');

    // --- the console: reading per building, then a reminder to the others ---
    neighbourTv = await openTv(journey.browser, journey.baseUrl, {
      language: 'fr',
      tokens: { accessToken: neighbourTokens.access_token, refreshToken: neighbourTokens.refresh_token },
    });
    await neighbourTv.expectScreen('home');

    await consolePage.waitForReadCount(FRENCH_TITLE, 1, 15_000);
    await row.getByTestId('notice-buildings-toggle').click();
    const building = row.getByTestId('building-reads');
    await building.first().waitFor({ state: 'visible' });
    expect(await building.count()).toBe(1);
    expect([await building.getAttribute('data-read'), await building.getAttribute('data-target')]).toEqual(['1', '50']);
    expect(await building.innerText()).toContain('Bâtiment B — Les Lauriers');
    await row.getByTestId('remind').click();
    await page.waitForFunction(
      (element) => /Rappel envoyé à 49 foyers/.test((element as HTMLElement).innerText),
      await row.getByTestId('remind-status').elementHandle(),
      { timeout: 10_000 },
    );
    expect(await row.getByTestId('remind').isDisabled()).toBe(true);
    await consolePage.screenshot('notices-full-10-console-buildings-and-reminder');

    // The neighbour who has not read it gets the banner again, in French; the tenant who read it gets nothing.
    const reminded = await neighbourTv.waitFor('the reminder banner', (state) => state.banner === FRENCH_TITLE, 15_000);
    expect(reminded.bannerKind).toBe('urgent');
    await neighbourTv.screenshot('notices-full-11-neighbour-tv-reminded');
    await tv.page.waitForTimeout(1500);
    expect((await tv.state()).banner).toBe('');

    // An Arabic-speaking neighbour: no Arabic text was written, so the notice shows in French, the layout mirrored.
    const arabicSpeaker = await journey.app.db.tenant.findFirstOrThrow({
      where: { reference: { startsWith: 'HMP-LAU-B-' }, NOT: { reference: { in: [LAURIERS_B_TENANT, neighbour.reference] } } },
    });
    const arabicTokens = await activateTv(journey.app, arabicSpeaker.reference);
    await journey.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(arabicTokens), payload: { language: 'ar' } });
    const arabicTv = await openTv(journey.browser, journey.baseUrl, {
      language: 'ar',
      tokens: { accessToken: arabicTokens.access_token, refreshToken: arabicTokens.refresh_token },
    });
    await arabicTv.waitFor(
      'the strip in French on an Arabic home',
      (state) => state.route === 'home' && state.urgentStrip === FRENCH_TITLE,
      15_000,
    );
    expect((await arabicTv.state()).dir).toBe('rtl');
    await arabicTv.screenshot('notices-full-12-arabic-tv-home-strip');
    await arabicTv.press('Down', 'OK');
    await arabicTv.expectScreen('notice');
    await arabicTv.byTestId('notice-picture').waitFor({ state: 'attached' });
    await arabicTv.page.waitForTimeout(1000);
    await arabicTv.screenshot('notices-full-13-arabic-tv-notice-french-fallback');

    // A second reminder within the hour is refused, with the reason.
    const again = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/staff/notices/${await row.getAttribute('data-notice-id')}/reminders`,
      headers: { cookie: (await consolePage.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('reminder_too_soon');

    // A reminder of a notice that is not urgent nudges in calm colours rather than as an alarm.
    await neighbourTv.press('Back');
    await neighbourTv.waitFor('the banner closed', (state) => state.banner === '');
    const staffCookie = { cookie: (await consolePage.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') };
    const buildingB = (await journey.app.inject({ url: '/api/v1/staff/places', headers: staffCookie }))
      .json()
      .items.find((place: { kind: string; name: string }) => place.kind === 'BUILDING' && place.name.startsWith('Bâtiment B'));
    const calm = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/staff/notices',
      headers: staffCookie,
      payload: {
        title: 'Nettoyage du local poubelles',
        body: 'Le local poubelles sera nettoyé vendredi matin.',
        category: 'WORKS',
        urgent: false,
        audience: { kind: 'BUILDING', id: buildingB.id },
      },
    });
    expect(calm.statusCode).toBe(201);
    const calmReminder = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/staff/notices/${calm.json().id}/reminders`,
      headers: staffCookie,
    });
    expect(calmReminder.statusCode).toBe(201);
    const nudged = await neighbourTv.waitFor('the reminder', (state) => state.banner === 'Nettoyage du local poubelles', 15_000);
    expect(nudged.bannerKind).toBe('reminder');
    await neighbourTv.screenshot('notices-full-14-neighbour-tv-reminder-not-urgent');
  });
});
