// A tenant who sent twenty town-hall requests goes through "Mes demandes" with the remote: the list scrolls with the
// focus, the next page arrives as the focus nears the end (and when the line drops, "Réessayer" ends the list and
// fetches it again), "n sur N" says where they are, the last one opens and Back lands on it again. The same list in
// Arabic, mirrored. Screenshots in test-output/screenshots.
import { randomUUID } from 'node:crypto';
import { useJourney } from './support/journey';
import { openTv, openTvAtHome, type Tv, type TvState } from './support/tv';
import { LAURIERS_A_TENANT, activateTv } from '../support/journeys';

jest.setTimeout(240_000);

const ROAD = 'Signaler un problème sur la voie publique';
const REQUESTS = 20;

describe('a tenant scrolls through twenty requests', () => {
  const journey = useJourney();

  /** From home: Procedures, then "Démarches de la mairie" (the second column, mirrored in Arabic). */
  async function openEServices(tv: Tv, rtl: boolean) {
    await tv.expectScreen('home', 20_000);
    const forward = rtl ? 'Left' : 'Right';
    await tv.press(forward, forward, 'OK');
    await tv.expectScreen('procedures');
    await tv.press('Down', forward);
    await tv.press('OK');
    await tv.expectScreen('eservices');
  }

  const listOf = (state: TvState) => state.list ?? { testid: '', index: -1, count: 0, more: false, first: 0, position: '' };

  it('goes to the last request with the remote, a page at a time, and comes back to it after opening it', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    const forms = (await journey.app.inject({ url: '/api/v1/eservices/forms', headers: auth })).json();
    const road = forms.items.find((form: { title: { fr: string } }) => form.title.fr === ROAD);
    for (let i = 1; i <= REQUESTS; i += 1) {
      const sent = await journey.app.inject({
        method: 'POST',
        url: '/api/v1/eservices/requests',
        headers: { ...auth, 'idempotency-key': randomUUID() },
        payload: {
          versionId: road.versionId,
          answers: {
            kind: 'pothole',
            where: `Devant le ${i}`,
            noticedOn: '2026-11-20',
            dangerous: false,
            description: `Un trou profond sur la chaussée, numéro ${i}.`,
          },
        },
      });
      expect(sent.statusCode).toBe(201);
    }
    // The order the TV must show: newest first, as the API pages it.
    const all: { receiptNumber: string }[] = (
      await journey.app.inject({ url: '/api/v1/eservices/requests?limit=50', headers: auth })
    ).json().items;
    expect(all).toHaveLength(REQUESTS);
    const label = (index: number) => `Envoyée · ${all[index]!.receiptNumber} · ${ROAD}`;

    const tv = await openTv(journey.browser, journey.baseUrl, {
      language: 'fr',
      tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
    });
    await openEServices(tv, false);
    await tv.expectFocused('Mes demandes', 10_000);
    const formsList = listOf(await tv.waitFor('the forms in the list', (s) => listOf(s).count === 6));
    expect(formsList).toMatchObject({ testid: 'eservice-list', index: 0, more: false, position: '1 sur 6' });
    await tv.screenshot('requests-01-tv-forms-list');

    await tv.press('OK');
    await tv.expectFocused(label(0), 10_000);
    const firstPage = listOf(await tv.waitFor('the first page of requests', (s) => listOf(s).count === 10));
    expect(firstPage).toMatchObject({ index: 0, more: true, first: 0, position: '1 sur 10 et plus' });
    await tv.screenshot('requests-02-tv-first-page');

    // The line drops as the second page is fetched: the list keeps the first page and ends on "Réessayer".
    let dropNextPage = true;
    await tv.page.route(/\/api\/v1\/eservices\/requests\?.*cursor=/, (route) => {
      if (!dropNextPage) return route.continue();
      dropNextPage = false;
      return route.abort('internetdisconnected');
    });
    for (let i = 1; i < 10; i += 1) {
      await tv.press('Down');
      expect(listOf(await tv.expectFocused(label(i), 10_000)).index).toBe(i);
    }
    await tv.press('Down');
    const failed = await tv.expectFocused('Réessayer');
    expect(listOf(failed)).toMatchObject({ index: 10, count: 10, more: true });
    expect(failed.message).toBe('La suite n’a pas pu être chargée : OK pour réessayer.');
    await tv.screenshot('requests-03-tv-next-page-failed');
    await tv.press('OK');
    await tv.expectFocused(label(9), 10_000);
    expect(listOf(await tv.waitFor('the second page', (s) => listOf(s).count === REQUESTS))).toMatchObject({ more: false });

    // Down, one by one, to the last.
    for (let i = 10; i < REQUESTS; i += 1) {
      await tv.press('Down');
      expect(listOf(await tv.expectFocused(label(i), 10_000)).index).toBe(i);
    }
    const last = listOf(await tv.state());
    expect(last).toMatchObject({ index: REQUESTS - 1, count: REQUESTS, more: false, position: '20 sur 20' });
    // Scrolled: the first rows have left the window.
    expect(last.first).toBeGreaterThan(10);
    await tv.screenshot('requests-04-tv-last-request');

    // No dead end: Down on the last stays there; OK opens it; Back comes back to it, not to the top.
    await tv.press('Down');
    await tv.expectFocused(label(REQUESTS - 1));
    await tv.press('OK');
    await tv.expectMessage(`Demande ${all[REQUESTS - 1]!.receiptNumber}`, 10_000);
    await tv.expectFocused('Retour');
    await tv.press('Back');
    const back = await tv.expectFocused(label(REQUESTS - 1), 15_000);
    expect(listOf(back)).toMatchObject({ index: REQUESTS - 1, count: REQUESTS });
    for (let i = 0; i < 5; i += 1) await tv.press('Up');
    const up = await tv.expectFocused(label(REQUESTS - 6));
    expect(listOf(up).position).toBe('15 sur 20');
    await tv.press('Back');
    await tv.expectFocused('Mes demandes', 10_000);

    // In Arabic the list is mirrored and scrolls the same way.
    const arTokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tvAr = await openTv(journey.browser, journey.baseUrl, {
      language: 'ar',
      tokens: { accessToken: arTokens.access_token, refreshToken: arTokens.refresh_token },
    });
    await openEServices(tvAr, true);
    await tvAr.expectFocused('طلباتي', 10_000);
    await tvAr.screenshot('requests-05-tv-forms-list-ar');
    await tvAr.press('OK');
    await tvAr.expectFocused(new RegExp(all[0]!.receiptNumber), 10_000);
    for (let i = 1; i <= 12; i += 1) await tvAr.press('Down');
    const arabic = listOf(await tvAr.expectFocused(new RegExp(all[12]!.receiptNumber), 10_000));
    expect(arabic).toMatchObject({ index: 12, count: REQUESTS, position: '13 من 20' });
    await tvAr.screenshot('requests-06-tv-scrolled-ar');
  });

  it('scrolls "Mes signalements" the same way, twelve fault reports to the last', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    for (let i = 1; i <= 12; i += 1) {
      const created = await journey.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { ...auth, 'idempotency-key': randomUUID() },
        payload: {
          category: 'PLUMBING',
          location: 'HOME',
          spot: 'KITCHEN',
          urgency: 'NORMAL',
          description: `Fuite numéro ${i} sous l’évier`,
        },
      });
      expect(created.statusCode).toBe(201);
    }
    const reports: { number: string }[] = (await journey.app.inject({ url: '/api/v1/reports?limit=50', headers: auth })).json().items;
    expect(reports).toHaveLength(12);

    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await tv.press('Right', 'Right', 'OK');
    await tv.expectScreen('procedures');
    await tv.press('Right');
    await tv.expectFocused('Mes signalements');
    await tv.press('OK');
    await tv.expectFocused(new RegExp('^' + reports[0]!.number + ' · '), 10_000);
    expect(listOf(await tv.waitFor('the first page of reports', (s) => listOf(s).count === 10))).toMatchObject({
      testid: 'report-list',
      more: true,
      position: '1 sur 10 et plus',
    });
    for (let i = 1; i < 12; i += 1) {
      await tv.press('Down');
      await tv.expectFocused(new RegExp('^' + reports[i]!.number + ' · '), 10_000);
    }
    expect(listOf(await tv.state())).toMatchObject({ index: 11, count: 12, more: false, position: '12 sur 12' });
    await tv.screenshot('requests-07-tv-my-reports-last');
    await tv.press('OK');
    await tv.expectMessage('État : Reçu', 10_000);
    await tv.press('Back');
    await tv.expectFocused(new RegExp('^' + reports[11]!.number + ' · '), 10_000);
  });
});
