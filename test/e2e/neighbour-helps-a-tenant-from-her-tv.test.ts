// A tenant (A) gives a neighbour (B) the right to follow her fault reports (through the API) and has a leak reported;
// B, on her own TV, opens Settings → "Les personnes que j'aide", opens A (the town hall taking A's request up while B
// looks at her list changes its row in place, the focus kept), opens the report, reads its timeline and adds
// information with the on-screen keyboard. A's report (API) shows it was written by B in A's name. The caretaker takes
// the report in hand and writes while B has it open: her screen follows without a key pressed, and what she is typing
// stays. Then A withdraws the right, and B's screen brings back her list at once saying "A a retiré son accord".
// Screenshots in test-output/screenshots.
import { randomUUID } from 'node:crypto';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer, signInStaff } from '../support/journeys';
import { DEMO_STAFF } from '../../prisma/demo-residence';

jest.setTimeout(240_000);

describe('a neighbour helps a tenant from her TV', () => {
  const journey = useJourney();
  let tv: Tv;

  const helping = 'helping' as const;

  it('follows her report, adds information in her name, and is told when she withdraws the right', async () => {
    const tenantA = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tenantB = await activateTv(journey.app, LAURIERS_B_TENANT);

    // A gives B the right to follow her fault reports, and reports a leak.
    const granted = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: bearer(tenantA),
      payload: { helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT }, scopes: ['eservices', 'reports'] },
    });
    expect(granted.statusCode).toBe(201);
    const mandateId: string = granted.json().id;
    const leak = { category: 'PLUMBING', location: 'HOME', spot: 'KITCHEN', urgency: 'NORMAL', description: 'Fuite sous l’évier' };
    const reported = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...bearer(tenantA), 'idempotency-key': randomUUID() },
      payload: leak,
    });
    expect(reported.statusCode).toBe(201);
    const report: { id: string; number: string } = reported.json();
    // And sends the town hall a road-problem form.
    const forms = (await journey.app.inject({ method: 'GET', url: '/api/v1/eservices/forms', headers: bearer(tenantA) })).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const lighting = {
      kind: 'lighting',
      where: 'Rue des Lilas',
      noticedOn: '2026-11-24',
      dangerous: false,
      description: 'Le lampadaire est éteint.',
    };
    const sent = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/eservices/requests',
      headers: { ...bearer(tenantA), 'idempotency-key': randomUUID() },
      payload: { versionId: road.versionId, answers: lighting },
    });
    expect(sent.statusCode).toBe(201);
    const receipt: string = sent.json().receiptNumber;
    const received = (await journey.app.inject({ method: 'GET', url: '/api/v1/mandates/received', headers: bearer(tenantB) })).json().items;
    expect(received).toHaveLength(1);
    const nameA: string = received[0].tenant.name;

    // B's TV: Settings → language, text size, voice, my data, my helpers, then the people I help.
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tenantB, { language: 'fr' });
    await tv.goToHelpingInSettings();
    await tv.screenshot('helping-01-settings-entry');
    await tv.press('OK');
    await tv.expectScreen(helping);
    await tv.expectFocused(`${nameA} — démarches et signalements`, 15_000);
    await tv.screenshot('helping-02-people');

    // A's reports, then the leak with its timeline.
    await tv.press('OK');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    // New procedures in her name head the list (she gave both rights): a fault report, a town-hall form; then her reports.
    await tv.expectFocused('Signaler une panne', 15_000);
    await tv.press('Down');
    await tv.expectFocused('Nouvelle démarche de la mairie', 15_000);
    await tv.press('Down');
    await tv.expectFocused(new RegExp(`^${report.number} · `), 15_000);
    await tv.screenshot('helping-03-person-reports');
    // Her town-hall request follows her reports; it opens on its timeline, and Back returns to it.
    await tv.press('Down');
    await tv.expectFocused(new RegExp(`^${receipt} · Signaler un problème sur la voie publique — Envoyée`), 15_000);
    // The town hall takes it up while B looks at the list: its row says so in place, the focus still on it.
    const clerk = await signInStaff(journey.app, DEMO_STAFF.cityClerk);
    const taken = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/staff/eservices/requests/${sent.json().id}/transitions`,
      headers: { cookie: clerk.cookie },
      payload: { action: 'take' },
    });
    expect(taken.statusCode).toBe(200);
    await tv.expectFocused(new RegExp(`^${receipt} · Signaler un problème sur la voie publique — En traitement`), 15_000);
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
    const seen = (await journey.app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}`, headers: bearer(tenantA) })).json();
    const message = seen.timeline.find((event: { kind: string }) => event.kind === 'MESSAGE');
    expect(message).toMatchObject({ author: 'HELPER', body: 'Encore ce matin' });
    const me = (await journey.app.inject({ method: 'GET', url: '/api/v1/mandates', headers: bearer(tenantA) })).json().items[0];
    expect(message.authorName).toBe(me.helper.name);

    // The caretaker takes the report in hand while B looks at it: her screen shows the new step, no key pressed, and
    // the focus stays where it was.
    const caretaker = await signInStaff(journey.app, DEMO_STAFF.caretakerLauriers);
    const staffOnReport = (what: string, payload: object) =>
      journey.app.inject({
        method: 'POST',
        url: `/api/v1/staff/reports/${report.id}/${what}`,
        headers: { cookie: caretaker.cookie },
        payload,
      });
    expect((await staffOnReport('transitions', { action: 'acknowledge' })).statusCode).toBe(200);
    await tv.expectMessage('État : Pris en compte', 15_000);
    await tv.expectFocused('Ajouter une information');
    await tv.screenshot('helping-06b-taken-in-hand-live');

    // B starts more information; the caretaker writes meanwhile. Her keyboard keeps what she typed, she finishes and
    // sends it, and the report shows both.
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.typeWithRemote('Goutte');
    expect((await staffOnReport('messages', { body: 'Le plombier passe jeudi.' })).statusCode).toBe(200);
    const told = await journey.app.db.realtimeEvent.findFirstOrThrow({
      where: { type: 'mandate.report_updated', payload: { path: ['change'], equals: 'message' } },
      orderBy: { id: 'desc' },
    });
    // The TV handled that event (its last event id is kept in localStorage) while the keyboard showed.
    await tv.page.waitForFunction(`Number(window.localStorage.getItem('palier.lastEventId')) >= ${told.id}`, undefined, {
      timeout: 15_000,
    });
    await tv.typeWithRemote(' encore');
    const typing = await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    expect(typing.keyboard?.text).toBe('Goutte encore');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage(`C’est envoyé : le bailleur et ${nameA} voient votre information.`, 15_000);
    await tv.expectMessage(/Le plombier passe jeudi\.[\s\S]*Goutte encore|Goutte encore[\s\S]*Le plombier passe jeudi\./);
    await tv.screenshot('helping-06c-typed-while-the-caretaker-wrote');

    // A withdraws the right while B looks at her report: B's screen brings back her list at once, saying so.
    const withdrawn = await journey.app.inject({ method: 'DELETE', url: `/api/v1/mandates/${mandateId}`, headers: bearer(tenantA) });
    expect(withdrawn.statusCode).toBe(200);
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
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tenantB, { language: 'ar' });
    await tv.page.evaluate(`window.location.hash = '#/helping'`);
    await tv.expectScreen(helping);
    await tv.expectMessage('لم يمنحك أحد بعد حق التصرف باسمه.', 15_000);
    await tv.expectFocused('رجوع', 15_000);
    await tv.screenshot('helping-08-ar-list');
  });
});
