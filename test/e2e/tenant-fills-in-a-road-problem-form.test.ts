// A tenant fills in the town hall's road-problem form with the remote: half the questions, then a power cut (the page
// reloads), back at the same question, the long description typed on their phone, the summary, the send and its
// receipt number. The city's clerk takes it in the console and asks for "Où exactement ?" again; the tenant re-answers
// just that question from the TV (prefilled, same keyboard, a summary old → new; also seen in Arabic); the console's
// timeline shows the change; the clerk accepts it; the TV shows the answer. Screenshots in test-output/screenshots.
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { openPhone } from './support/phone';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv } from '../support/journeys';

jest.setTimeout(240_000);

describe('a tenant fills in the road-problem form', () => {
  const journey = useJourney();
  let tv: Tv;
  let consolePage: ConsolePage;

  it('answers with the remote, survives a power cut, sends once and sees the clerk’s answer', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await tv.press('Right', 'Right', 'OK');
    await tv.expectScreen('procedures');
    await tv.press('Down', 'Right');
    await tv.expectFocused('Démarches de la mairie');
    await tv.press('OK');
    await tv.expectScreen('eservices');
    await tv.expectFocused('Mes demandes', 10_000);
    await tv.screenshot('road-01-tv-forms');

    for (let i = 0; i < 8 && !/voie publique/.test((await tv.state()).focused); i += 1) await tv.press('Down');
    await tv.expectFocused('Signaler un problème sur la voie publique');
    await tv.press('OK');
    await tv.expectFocused('Commencer', 10_000);
    await tv.expectMessage('5 questions, une par écran');
    await tv.screenshot('road-02-tv-intro');

    // Question 1: a choice list.
    await tv.press('OK');
    await tv.expectMessage('Question 1 sur 5 — Quel est le problème ?');
    await tv.expectFocused('Nid-de-poule, chaussée abîmée');
    // Eight choices: two columns.
    await tv.press('Right');
    await tv.expectFocused('Éclairage public en panne');
    await tv.screenshot('road-03-tv-question-1-choice');
    await tv.press('OK');

    // Question 2: short text on the on-screen keyboard, with its help text.
    await tv.expectMessage('Question 2 sur 5 — Où exactement ? — Une adresse ou un repère');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.typeWithRemote('Devant le 12');
    await tv.screenshot('road-04-tv-question-2-keyboard');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');

    // Question 3: the date picker (day, month, year); yesterday.
    await tv.expectMessage('Question 3 sur 5 — Quand l’avez-vous remarqué ?');
    await tv.expectFocused(/^Jour \d\d$/);
    const today = Number(/(\d\d)$/.exec((await tv.state()).focused)![1]);
    await tv.press('Down');
    await tv.expectFocused(/^Jour \d\d$/);
    await tv.screenshot('road-05-tv-question-3-date');
    await tv.press('OK');
    await tv.expectMessage('Question 4 sur 5 — Est-ce dangereux pour les passants ?');
    await tv.screenshot('road-06-tv-question-4-before-power-cut');

    // The draft is on the server at question 4 with the three answers.
    const formsBefore = (
      await journey.app.inject({ url: '/api/v1/eservices/forms', headers: { authorization: `Bearer ${tokens.access_token}` } })
    ).json();
    const road = formsBefore.items.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    expect(road.draft.step).toBe(3);

    // Power cut: the TV starts again on the same page; the tenant is back at question 4, answers kept.
    await tv.page.reload();
    await tv.waitFor('the app to start again', (s) => s.route === 'eservices', 20_000);
    await tv.expectMessage('Question 4 sur 5 — Est-ce dangereux pour les passants ?', 15_000);
    await tv.expectFocused('Oui');
    await tv.screenshot('road-07-tv-after-power-cut-same-question');
    await tv.press('OK');

    // Question 5: the long description, typed on the phone through the QR code.
    await tv.expectMessage('Question 5 sur 5 — Décrivez le problème');
    await tv.goToKey((label) => label === '[extra]', '[extra]');
    await tv.expectFocused('Téléphone');
    await tv.press('OK');
    const panel = await tv.expectMessage(/tapez le code [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(panel.message)![1];
    await tv.screenshot('road-08-tv-phone-qr');
    const phone = await openPhone(journey.browser);
    await phone.openTextLink(`${journey.baseUrl}/phone/text.html#code=${code}`);
    expect(await phone.textPrompt()).toBe('Décrivez le problème');
    await phone.screenshot('road-09-phone-text');
    const description = 'Le lampadaire devant le 12 est éteint depuis trois soirs : la rue est toute noire.';
    await phone.sendText(description);
    await phone.screenshot('road-10-phone-text-sent');
    await tv.waitFor('the phone’s text in the keyboard', (s) => !!s.keyboard && s.keyboard.text === description, 15_000);
    await tv.screenshot('road-11-tv-text-from-phone');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');

    // The summary, then the send and its receipt number.
    const summary = await tv.expectMessage('Vérifiez avant d’envoyer');
    expect(summary.message).toContain('Éclairage public en panne');
    expect(summary.message).toContain('Devant le 12');
    expect(summary.message).toContain('Oui');
    expect(summary.message).toContain(description);
    expect(summary.message).toMatch(new RegExp('remarqué \\? — ' + (today === 1 ? '\\d+' : String(today - 1)) + ' '));
    await tv.expectFocused('Envoyer la demande');
    await tv.screenshot('road-12-tv-summary');
    await tv.press('OK');
    const sent = await tv.expectMessage(/porte le numéro [A-Z][A-Z0-9]*-\d{4}-\d+/, 15_000);
    const receipt = /numéro ([A-Z][A-Z0-9]*-\d{4}-\d+)/.exec(sent.message)![1]!;
    await tv.screenshot('road-13-tv-sent-receipt');
    expect(await journey.app.db.eServiceRequest.count()).toBe(1);

    // The city's clerk takes it in the console and asks a question.
    consolePage = await openConsole(journey.browser, journey.baseUrl);
    const page = consolePage.page;
    await consolePage.signIn(DEMO_STAFF.cityClerk, DEMO_STAFF_PASSWORD);
    await page.getByTestId('nav-eservices').click();
    await page.getByTestId(`eservice-row-${receipt}`).click();
    await page.getByTestId('eservice-answers').getByText('Éclairage public en panne').waitFor();
    await page.getByTestId('eservice-action-take').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'En traitement' }).waitFor();
    await page.getByTestId('eservice-message').fill('Le lampadaire est-il côté pair ou impair ? Précisez le numéro.');
    await page.locator('.eservice-fields label', { hasText: 'Où exactement ?' }).locator('input').check();
    await page.getByTestId('eservice-action-ask_information').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'Complément demandé' }).waitFor();
    await consolePage.screenshot('road-14-console-question-asked');

    // The tenant sees the question in "my requests" and answers the named question again with the remote.
    await tv.expectFocused('Voir mes demandes');
    await tv.press('OK');
    await tv.expectFocused(new RegExp('^La mairie vous pose une question · ' + receipt), 15_000);
    await tv.screenshot('road-15-tv-my-requests');
    await tv.press('OK');
    const asked = await tv.expectMessage('La mairie vous demande : « Le lampadaire est-il côté pair ou impair ? Précisez le numéro. »');
    expect(asked.message).toContain('Questions à revoir : Où exactement ?');
    await tv.expectFocused('Répondre aux questions');
    await tv.screenshot('road-16-tv-request-question');

    // The same in Arabic, on a second TV of the home: the request, then the question asked again, mirrored.
    const arTokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tvAr = await openTvAtHome(journey.browser, journey.baseUrl, arTokens, { language: 'ar' });
    await tvAr.press('Left', 'Left', 'OK');
    await tvAr.expectScreen('procedures');
    await tvAr.press('Down', 'Left', 'OK');
    await tvAr.expectScreen('eservices');
    await tvAr.expectFocused(/^طلباتي/, 10_000);
    await tvAr.press('OK');
    await tvAr.expectFocused(new RegExp(receipt), 15_000);
    await tvAr.press('OK');
    await tvAr.expectFocused('الإجابة عن الأسئلة', 10_000);
    await tvAr.screenshot('road-16b-tv-request-question-ar');
    await tvAr.press('OK');
    await tvAr.waitFor('the keyboard prefilled', (s) => !!s.keyboard && s.keyboard.text === 'Devant le 12');
    await tvAr.expectMessage('سؤال للمراجعة 1 من 1');
    await tvAr.screenshot('road-16c-tv-reanswer-question-ar');
    await tvAr.close();

    await tv.press('OK');
    // Only the named question, prefilled with the answer sent, on the same keyboard.
    await tv.expectMessage('Question à revoir 1 sur 1 — Où exactement ?');
    await tv.waitFor('the keyboard prefilled', (s) => !!s.keyboard && s.keyboard.text === 'Devant le 12');
    await tv.goToKey((label) => label === '[erase]', '[erase]');
    await tv.press('OK', 'OK');
    await tv.typeWithRemote('14 pair');
    await tv.waitFor('the new answer typed', (s) => !!s.keyboard && s.keyboard.text === 'Devant le 14 pair');
    await tv.screenshot('road-17-tv-reanswer-question');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    const check = await tv.expectMessage('Vérifiez vos nouvelles réponses');
    expect(check.message).toContain('Où exactement ? — Devant le 12 → Devant le 14 pair');
    // The questions not named are not asked again.
    expect(check.message).not.toContain('Quel est le problème');
    await tv.expectFocused('Envoyer mes réponses');
    await tv.screenshot('road-18-tv-reanswer-summary');
    await tv.press('OK');
    await tv.expectMessage('Vos réponses sont parties', 15_000);
    await tv.expectMessage('État : En traitement');
    await tv.screenshot('road-19-tv-answers-sent');
    const stored = (
      await journey.app.inject({ url: `/api/v1/eservices/requests`, headers: { authorization: `Bearer ${tokens.access_token}` } })
    )
      .json()
      .items.find((item: { receiptNumber: string }) => item.receiptNumber === receipt);
    const answered = (
      await journey.app.inject({
        url: `/api/v1/eservices/requests/${stored.id}`,
        headers: { authorization: `Bearer ${tokens.access_token}` },
      })
    ).json();
    expect(answered.answers).toMatchObject({ kind: 'lighting', where: 'Devant le 14 pair', dangerous: true, description });

    // The clerk sees the change live, old → new, and accepts; the TV shows the decision without a key press.
    await page.locator('[data-testid="eservice-status"]', { hasText: 'En traitement' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('eservice-change-where').getByText('Où exactement ? : Devant le 12 → Devant le 14 pair').waitFor();
    await page.getByTestId('eservice-answers').getByText('Devant le 14 pair').waitFor();
    await consolePage.screenshot('road-20-console-answer-changed');
    await page.getByTestId('eservice-message').fill('Une équipe passe demain matin. Merci pour votre signalement.');
    await page.getByTestId('eservice-action-accept').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'Acceptée' }).waitFor();
    await consolePage.screenshot('road-21-console-accepted');
    const decided = await tv.expectMessage('État : Acceptée', 15_000);
    expect(decided.message).toContain('Une équipe passe demain matin');
    await tv.screenshot('road-22-tv-answer-shown');
  });
});
