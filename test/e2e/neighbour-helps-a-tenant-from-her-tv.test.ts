// A tenant (A) gives a neighbour (B) the right to follow her fault reports (through the API) and has a leak reported;
// B, on her own TV, opens Settings → "Les personnes que j'aide", opens A, opens the report, reads its timeline and adds
// information with the on-screen keyboard. A's report (API) shows it was written by B in A's name. Then A withdraws the
// right, and B's next action brings back her list saying "A a retiré son accord". Screenshots in
// test-output/screenshots.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../support/test-api';
import { openTv, launchChromium, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../support/journeys';
import { freePort } from '../../packages/devstack/src/free-port';

jest.setTimeout(240_000);

const repoRoot = path.resolve(__dirname, '../..');

describe('a neighbour helps a tenant from her TV', () => {
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;
  let tv: Tv;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = await startTestApi({
      publicUrl: baseUrl,
      tvDist: process.env.E2E_TV_DIST ?? path.join(repoRoot, 'apps/tv/dist'),
      devicePollIntervalSeconds: 1,
    });
    await api.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await tv?.close();
    await browser?.close();
    await api?.close();
  });

  const helping = 'helping' as const;

  it('follows her report, adds information in her name, and is told when she withdraws the right', async () => {
    const tenantA = await activateTv(api.app, LAURIERS_A_TENANT);
    const tenantB = await activateTv(api.app, LAURIERS_B_TENANT);

    // A gives B the right to follow her fault reports, and reports a leak.
    const granted = await api.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: bearer(tenantA),
      payload: { helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT }, scopes: ['eservices', 'reports'] },
    });
    expect(granted.statusCode).toBe(201);
    const mandateId: string = granted.json().id;
    const leak = { category: 'PLUMBING', location: 'HOME', spot: 'KITCHEN', urgency: 'NORMAL', description: 'Fuite sous l’évier' };
    const reported = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...bearer(tenantA), 'idempotency-key': randomUUID() },
      payload: leak,
    });
    expect(reported.statusCode).toBe(201);
    const report: { id: string; number: string } = reported.json();
    // And sends the town hall a road-problem form.
    const forms = (await api.app.inject({ method: 'GET', url: '/api/v1/eservices/forms', headers: bearer(tenantA) })).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const lighting = { kind: 'lighting', where: 'Rue des Lilas', noticedOn: '2026-11-24', dangerous: false, description: 'Le lampadaire est éteint.' };
    const sent = await api.app.inject({
      method: 'POST',
      url: '/api/v1/eservices/requests',
      headers: { ...bearer(tenantA), 'idempotency-key': randomUUID() },
      payload: { versionId: road.versionId, answers: lighting },
    });
    expect(sent.statusCode).toBe(201);
    const receipt: string = sent.json().receiptNumber;
    const received = (await api.app.inject({ method: 'GET', url: '/api/v1/mandates/received', headers: bearer(tenantB) })).json().items;
    expect(received).toHaveLength(1);
    const nameA: string = received[0].tenant.name;

    // B's TV: Settings → language, text size, voice, my data, my helpers, then the people I help.
    tv = await openTv(browser, baseUrl, { language: 'fr', tokens: { accessToken: tenantB.access_token, refreshToken: tenantB.refresh_token } });
    await tv.expectScreen('home', 20_000);
    await tv.press('Right', 'Right', 'Right', 'Right', 'OK');
    await tv.expectScreen('settings');
    await tv.press('Down', 'Down', 'Down', 'Down', 'Down');
    await tv.expectFocused('Voir les personnes que j’aide');
    await tv.screenshot('helping-01-settings-entry');
    await tv.press('OK');
    await tv.expectScreen(helping);
    await tv.expectFocused(`${nameA} — démarches et signalements`, 15_000);
    await tv.screenshot('helping-02-people');

    // A's reports, then the leak with its timeline.
    await tv.press('OK');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    // A new report in her name comes first (test/e2e/neighbour-reports-a-fault-…), then her reports.
    await tv.expectFocused('Signaler une panne', 15_000);
    await tv.press('Down');
    await tv.expectFocused(new RegExp(`^${report.number} · `), 15_000);
    await tv.screenshot('helping-03-person-reports');
    // Her town-hall request follows her reports; it opens on its timeline, and Back returns to it.
    await tv.press('Down');
    await tv.expectFocused(new RegExp(`^${receipt} · Signaler un problème sur la voie publique`), 15_000);
    await tv.press('OK');
    await tv.expectMessage(`${nameA} — Demande ${receipt}`, 15_000);
    // Said from the helper's side: no "Vous avez envoyé" on B's screen for what A did.
    await tv.expectMessage(/ : Demande envoyée/);
    await tv.expectFocused('Retour');
    await tv.screenshot('helping-03b-request');
    await tv.press('Back');
    await tv.expectFocused(new RegExp(`^${receipt} · `), 15_000);
    await tv.press('Up');
    await tv.expectFocused(new RegExp(`^${report.number} · `));
    await tv.press('OK');
    await tv.expectMessage('Fuite sous l’évier', 15_000);
    await tv.expectFocused('Ajouter une information');
    await tv.screenshot('helping-04-report');

    // Information typed with the remote, sent in A's name.
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.typeWithRemote('Encore ce matin');
    await tv.screenshot('helping-05-typed');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage(`C’est envoyé : le bailleur et ${nameA} voient votre information.`, 15_000);
    await tv.expectMessage(/Encore ce matin/);
    await tv.expectFocused('Ajouter une information');
    await tv.screenshot('helping-06-information-added');

    // A's report says B wrote it, in A's name.
    const seen = (await api.app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}`, headers: bearer(tenantA) })).json();
    const message = seen.timeline.find((event: { kind: string }) => event.kind === 'MESSAGE');
    expect(message).toMatchObject({ author: 'HELPER', body: 'Encore ce matin' });
    const me = (await api.app.inject({ method: 'GET', url: '/api/v1/mandates', headers: bearer(tenantA) })).json().items[0];
    expect(message.authorName).toBe(me.helper.name);

    // A withdraws the right; B's next action says so and brings back her list.
    const withdrawn = await api.app.inject({ method: 'DELETE', url: `/api/v1/mandates/${mandateId}`, headers: bearer(tenantA) });
    expect(withdrawn.statusCode).toBe(200);
    await tv.press('Down');
    await tv.expectFocused('Retour');
    await tv.press('OK');
    await tv.expectMessage(`${nameA} a retiré son accord : vous ne pouvez plus agir en son nom.`, 15_000);
    await tv.expectScreen(helping);
    // Her list holds nobody now (withdrawn rights are not listed): a sentence saying so, and "Retour".
    await tv.expectMessage('Vous n’aidez plus personne pour le moment.');
    await tv.expectFocused('Retour', 15_000);
    await tv.screenshot('helping-07-withdrawn');
    await tv.press('OK');
    await tv.expectScreen('settings');

    // The same (empty) list in Arabic, mirrored.
    await tv.close();
    tv = await openTv(browser, baseUrl, { language: 'ar', tokens: { accessToken: tenantB.access_token, refreshToken: tenantB.refresh_token } });
    await tv.expectScreen('home', 20_000);
    await tv.page.evaluate(`window.location.hash = '#/helping'`);
    await tv.expectScreen(helping);
    await tv.expectMessage('لم يمنحك أحد بعد حق التصرف باسمه.', 15_000);
    await tv.expectFocused('رجوع', 15_000);
    await tv.screenshot('helping-08-ar-list');
  });
});
