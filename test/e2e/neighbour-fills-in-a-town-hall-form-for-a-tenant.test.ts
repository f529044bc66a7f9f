// A tenant (A) gives a neighbour (B) the right to do her town-hall procedures (through the API); B, on her own TV, opens
// Settings → "Les personnes que j'aide" → A → "Nouvelle démarche de la mairie", picks the road-problem form and answers
// it "Au nom de A": half the questions, a power cut (the page reloads) back at the same question (also seen in Arabic on
// a second TV), the long description typed on B's phone, the summary, the send and its receipt, and back to A's page on
// the new request. The API shows A's request made by B in A's name, and none in B's own requests. Then B starts another
// form and A narrows the right to her fault reports mid-way: the wizard says B may no longer do her procedures, with only
// the way back to A; A gives the procedures back, B starts again and A withdraws the right mid-way: the wizard ends
// saying so, with a way back to the list of people. Neither end shows "Au nom de A". Screenshots in
// test-output/screenshots.
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openPhone } from './support/phone';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(240_000);

const ROAD = 'Signaler un problème sur la voie publique';

/** "Au nom de X" as drawn at the top of the wizard (opaque, with its node and parents, in the DOM mirror), or ''. */
async function drawnOnBehalf(tv: Tv): Promise<string> {
  return tv.page.evaluate(`(function () {
    var node = document.querySelector('[data-testid="eservice-on-behalf"]');
    if (!node) return '';
    for (var at = node; at; at = at.parentElement) {
      if (Number(getComputedStyle(at).opacity) === 0) return '';
    }
    return node.textContent || '';
  })()`) as Promise<string>;
}

describe('a neighbour fills in a town-hall form for a tenant', () => {
  const journey = useJourney();
  let tv: Tv;

  it('answers the road-problem form in her name, survives a power cut, sends once, and stops when the right is narrowed or withdrawn', async () => {
    const tenantA = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tenantB = await activateTv(journey.app, LAURIERS_B_TENANT);
    const get = async (tokens: typeof tenantA, url: string) =>
      (await journey.app.inject({ method: 'GET', url, headers: bearer(tokens) })).json();

    // A gives B the right to do her town-hall procedures.
    const granted = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: bearer(tenantA),
      payload: { helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT }, scopes: ['eservices'] },
    });
    expect(granted.statusCode).toBe(201);
    const mandateId: string = granted.json().id;
    const helperName: string = granted.json().helper.name;
    const nameA: string = (await get(tenantB, '/api/v1/mandates/received')).items[0].tenant.name;
    const road = (await get(tenantA, '/api/v1/eservices/forms')).items.find((form: { title: { fr: string } }) => form.title.fr === ROAD);

    // B's TV: Settings → the people I help → A → a new town-hall procedure.
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tenantB, { language: 'fr' });
    await tv.goToHelpingInSettings();
    await tv.press('OK');
    await tv.expectScreen('helping');
    await tv.expectFocused(`${nameA} — démarches de la mairie`, 15_000);
    await tv.press('OK');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    await tv.expectFocused('Nouvelle démarche de la mairie', 15_000);
    await tv.screenshot('helper-form-01-person');
    await tv.press('OK');

    // A's forms, said to be in her name; the road-problem form.
    await tv.expectScreen('eservices');
    await tv.expectMessage(`Au nom de ${nameA} — Démarches de la mairie — Choisissez la démarche à faire au nom de ${nameA}.`, 15_000);
    // Back returns to A, not to B's own procedures; and on again.
    await tv.expectFocused(/^Demander un acte/, 15_000);
    await tv.press('Back');
    await tv.expectScreen('helping');
    await tv.expectFocused('Nouvelle démarche de la mairie', 15_000);
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    await tv.press('OK');
    await tv.expectScreen('eservices');
    await tv.expectMessage(`Au nom de ${nameA} — Démarches de la mairie`, 15_000);
    for (let i = 0; i < 8 && (await tv.state()).focused !== ROAD; i += 1) await tv.press('Down');
    await tv.expectFocused(ROAD);
    await tv.screenshot('helper-form-02-forms');
    await tv.press('OK');
    await tv.expectFocused('Commencer', 10_000);
    await tv.expectMessage(`Au nom de ${nameA} — ${ROAD}`);
    await tv.expectMessage('5 questions, une par écran');
    await tv.screenshot('helper-form-03-intro');

    // Question 1: a choice; question 2: the keyboard; question 3: yesterday on the date picker.
    await tv.press('OK');
    await tv.expectMessage(`Au nom de ${nameA} — Question 1 sur 5 — Quel est le problème ?`);
    await tv.press('Right');
    await tv.expectFocused('Éclairage public en panne');
    await tv.screenshot('helper-form-04-question-1');
    await tv.press('OK');
    await tv.expectMessage(`Au nom de ${nameA} — Question 2 sur 5 — Où exactement ?`);
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.typeWithRemote('Devant le 12');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage(`Au nom de ${nameA} — Question 3 sur 5 — Quand l’avez-vous remarqué ?`);
    await tv.expectFocused(/^Jour \d\d$/);
    await tv.press('Down', 'OK');
    await tv.expectMessage('Question 4 sur 5 — Est-ce dangereux pour les passants ?');

    // The draft is A's, on the server at question 4; B's own form has none.
    const draftOf = async (tokens: typeof tenantA) =>
      (await get(tokens, '/api/v1/eservices/forms')).items.find((form: { formId: string }) => form.formId === road.formId).draft;
    expect(await draftOf(tenantA)).toMatchObject({ step: 3 });
    expect(await draftOf(tenantB)).toBeNull();

    // Power cut: B's TV starts again on the same question, still in A's name.
    await tv.page.reload();
    await tv.waitFor('the app to start again', (s) => s.route === 'eservices', 20_000);
    await tv.expectMessage(`Au nom de ${nameA} — Question 4 sur 5 — Est-ce dangereux pour les passants ?`, 15_000);
    await tv.expectFocused('Oui');
    await tv.screenshot('helper-form-05-after-power-cut');

    // The same question in Arabic on B's second TV, opened on the wizard's address: mirrored, "باسم A".
    const arTokens = await activateTv(journey.app, LAURIERS_B_TENANT);
    const tvAr = await openTvAtHome(journey.browser, journey.baseUrl, arTokens, { language: 'ar' });
    await tvAr.page.evaluate(`window.location.hash = '#/helping/${mandateId}/eservices/${road.formId}'`);
    await tvAr.expectScreen('eservices');
    await tvAr.expectMessage(`باسم ${nameA} — السؤال 4 من 5`, 15_000);
    await tvAr.expectFocused('نعم');
    await tvAr.screenshot('helper-form-06-question-4-ar');
    await tvAr.close();

    // Question 5: the long description, typed on B's phone (the hand-off is the helper's own TV's; the text comes back to it).
    await tv.press('OK');
    await tv.expectMessage(`Au nom de ${nameA} — Question 5 sur 5 — Décrivez le problème`);
    await tv.goToKey((label) => label === '[extra]', '[extra]');
    await tv.press('OK');
    const panel = await tv.expectMessage(/tapez le code [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(panel.message)![1];
    const phone = await openPhone(journey.browser);
    await phone.openTextLink(`${journey.baseUrl}/phone/text.html#code=${code}`);
    expect(await phone.textPrompt()).toBe('Décrivez le problème');
    const description = 'Le lampadaire devant le 12 est éteint depuis trois soirs.';
    await phone.sendText(description);
    await tv.waitFor('the phone’s text in the keyboard', (s) => !!s.keyboard && s.keyboard.text === description, 15_000);
    await tv.screenshot('helper-form-07-text-from-phone');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');

    // The summary, the send, its receipt number; then back to A, on the new request.
    const summary = await tv.expectMessage(`Au nom de ${nameA} — Vérifiez avant d’envoyer`);
    expect(summary.message).toContain('Éclairage public en panne');
    expect(summary.message).toContain('Devant le 12');
    expect(summary.message).toContain(description);
    await tv.expectFocused('Envoyer la demande');
    await tv.screenshot('helper-form-08-summary');
    await tv.press('OK');
    const sent = await tv.expectMessage(new RegExp(`La demande de ${nameA} porte le numéro [A-Z][A-Z0-9]*-\\d{4}-\\d+`), 15_000);
    const receipt = /numéro ([A-Z][A-Z0-9]*-\d{4}-\d+)/.exec(sent.message)![1]!;
    await tv.expectFocused(`Retour à ${nameA}`);
    await tv.screenshot('helper-form-09-sent');
    await tv.press('OK');
    await tv.expectScreen('helping');
    await tv.expectFocused(new RegExp(`^${receipt} · ${ROAD}`), 15_000);
    await tv.screenshot('helper-form-10-back-to-person');

    // A's request, made by B in A's name; nothing in B's own requests.
    const mine = (await get(tenantA, '/api/v1/eservices/requests')).items;
    expect(mine.map((request: { receiptNumber: string }) => request.receiptNumber)).toEqual([receipt]);
    const request = await get(tenantA, `/api/v1/eservices/requests/${mine[0].id}`);
    expect(request.answers).toMatchObject({ kind: 'lighting', where: 'Devant le 12', dangerous: true, description });
    expect(request.timeline[0]).toMatchObject({ kind: 'SUBMITTED', author: 'HELPER', authorName: helperName });
    expect((await get(tenantA, `/api/v1/mandates/${mandateId}/actions`)).items).toEqual([
      expect.objectContaining({ scope: 'eservices', kind: 'SUBMITTED', receiptNumber: receipt, helperName }),
    ]);
    expect((await get(tenantB, '/api/v1/eservices/requests')).items).toEqual([]);
    expect(await journey.app.db.eServiceRequest.count()).toBe(1);
    // The kept send key went once the request was made.
    expect(await tv.page.evaluate(`Object.keys(window.localStorage).filter((key) => key.indexOf('submitKey') >= 0)`)).toEqual([]);

    // Another form in A's name, up to its first question.
    const startRoadForm = async () => {
      // The person's list starts with the new procedures: "Signaler une panne" when she gives that right, then this one.
      const newForm = 'Nouvelle démarche de la mairie';
      await tv.expectText(newForm);
      for (let i = 0; i < 6 && (await tv.state()).focused !== newForm; i += 1) {
        await tv.press((await tv.state()).focused === 'Signaler une panne' ? 'Down' : 'Up');
      }
      await tv.expectFocused(newForm, 15_000);
      await tv.press('OK');
      await tv.expectScreen('eservices');
      await tv.expectMessage(`Au nom de ${nameA} — Démarches de la mairie`, 15_000);
      for (let i = 0; i < 8 && (await tv.state()).focused !== ROAD; i += 1) await tv.press('Down');
      await tv.press('OK');
      await tv.expectFocused('Commencer', 10_000);
      await tv.press('OK');
      await tv.expectMessage('Question 1 sur 5 — Quel est le problème ?');
      expect(await drawnOnBehalf(tv)).toBe(`Au nom de ${nameA}`);
    };
    const setScopes = async (scopes: string[]) => {
      const changed = await journey.app.inject({
        method: 'PUT',
        url: `/api/v1/mandates/${mandateId}/scopes`,
        headers: bearer(tenantA),
        payload: { scopes },
      });
      expect(changed.statusCode).toBe(200);
    };

    // A narrows the right to her fault reports mid-way: the next answer is refused, and the wizard says why, in no one's
    // name, with the way back to A only — no "try again" that cannot work. Back goes there too.
    await startRoadForm();
    await setScopes(['reports']);
    await tv.press('OK');
    const refused = await tv.expectMessage(`${nameA} ne vous permet plus de faire ses démarches de la mairie.`, 15_000);
    expect(refused.message).not.toContain('Au nom de');
    expect(await drawnOnBehalf(tv)).toBe('');
    await tv.expectFocused(`Retour à ${nameA}`);
    expect(await tv.visibleTexts()).not.toContain('Réessayer');
    await tv.screenshot('helper-form-11-narrowed');
    await tv.press('Back');
    await tv.expectScreen('helping');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`, 15_000);
    await tv.expectMessage(`${nameA} n’a aucun signalement en cours.`, 15_000);
    await tv.expectNoText('Nouvelle démarche de la mairie');
    await tv.screenshot('helper-form-12-narrowed-person');

    // A gives the procedures back: A's page offers a new one again (live); A withdraws the right mid-way through it: the
    // wizard ends saying so, and leads back to the people.
    await setScopes(['eservices', 'reports']);
    await startRoadForm();
    const withdrawn = await journey.app.inject({ method: 'DELETE', url: `/api/v1/mandates/${mandateId}`, headers: bearer(tenantA) });
    expect(withdrawn.statusCode).toBe(200);
    await tv.press('OK');
    const ended = await tv.expectMessage(`${nameA} a retiré son accord : vous ne pouvez plus agir en son nom.`, 15_000);
    expect(ended.message).not.toContain('Au nom de');
    expect(await drawnOnBehalf(tv)).toBe('');
    await tv.expectFocused('Les personnes que j’aide');
    await tv.screenshot('helper-form-13-withdrawn');
    await tv.press('OK');
    await tv.expectScreen('helping');
    await tv.expectMessage('Vous n’aidez plus personne pour le moment.', 15_000);
    await tv.expectFocused('Retour', 15_000);
    // Back leads to Settings, not into the wizard left behind.
    await tv.press('OK');
    await tv.expectScreen('settings');
    expect(await journey.app.db.eServiceRequest.count()).toBe(1);
  });
});
