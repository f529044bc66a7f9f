// A tenant gives a social worker the right to do procedures and fault reports in their name with the remote (Settings →
// Mes aidants, e-mail typed on the on-screen keyboard, what she may do chosen, confirmed in a dialog); the social worker
// sends a town-hall request and reports a leak in the tenant's name through the API; the tenant sees both in the
// helper's activity and "by Nadia, on your behalf" in the report's timeline, narrows the right to town-hall procedures
// (her next report is refused), withdraws it, and she is refused (403 mandate_withdrawn). Then the same screen in
// Arabic. Screenshots in test-output/screenshots.
import { randomUUID } from 'node:crypto';
import { useJourney } from './support/journey';
import { openTv, type Tv } from './support/tv';
import { DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, signInStaff } from '../support/journeys';
import { hashPassword } from '../../apps/api/src/modules/accounts/secrets';

jest.setTimeout(240_000);

// Short, so typing it with the remote stays quick.
const SOCIAL_WORKER = 'nadia@ccas.fr';
const HELPER_NAME = 'Nadia Roux (Ville de Marseille)';

describe('a tenant gives a helper the right to act in their name', () => {
  const journey = useJourney();
  let tv: Tv;

  beforeAll(async () => {
    const city = await journey.app.db.organisation.findUniqueOrThrow({ where: { slug: 'marseille' } });
    await journey.app.db.staffMember.create({
      data: {
        organisationId: city.id,
        email: SOCIAL_WORKER,
        fullName: 'Nadia Roux',
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        roles: ['AGENT'],
      },
    });
  });

  const mandates = 'mandates' as never;

  it('adds a social worker with the remote, sees what she sent, withdraws the right, and she is refused', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const session = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
    tv = await openTv(journey.browser, journey.baseUrl, { language: 'fr', tokens: session });
    await tv.expectScreen('home', 20_000);
    await tv.press('Right', 'Right', 'Right', 'Right', 'OK');
    await tv.expectScreen('settings');
    // Language, text size, voice, my data, then my helpers.
    await tv.press('Down', 'Down', 'Down', 'Down');
    await tv.expectFocused('Gérer mes aidants');
    await tv.screenshot('mandates-01-settings-entry');
    await tv.press('OK');
    await tv.expectScreen(mandates);
    await tv.expectMessage('Vous n’avez encore donné ce droit à personne.');
    await tv.expectFocused('Ajouter un aidant');
    await tv.screenshot('mandates-02-empty-list');

    await tv.press('OK');
    await tv.expectFocused('Un travailleur social ou un agent (son e-mail)');
    await tv.screenshot('mandates-03-kind');
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    // A wrong address first: the TV says what is missing, the keyboard stays.
    await tv.typeWithRemote('nadia');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage('il faut un @ et un point');
    await tv.screenshot('mandates-04-incomplete-email');
    await tv.typeWithRemote('@ccas.fr');
    await tv.waitFor('the whole address typed', (s) => s.keyboard?.text.toLowerCase() === SOCIAL_WORKER);
    await tv.screenshot('mandates-05-email-typed');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    // What she may do: town-hall procedures and fault reports, the first choice.
    await tv.expectFocused('Mes démarches de la mairie et mes signalements');
    await tv.screenshot('mandates-05b-scopes');
    await tv.press('OK');
    const asked = await tv.waitFor('the confirmation dialog', (s) => !!s.dialog);
    expect(asked.dialog.toLowerCase()).toBe(
      `donner ce droit ? ${SOCIAL_WORKER} pourra faire vos démarches de la mairie, signaler vos pannes au bailleur et les suivre en votre nom.`,
    );
    await tv.expectFocused('Annuler');
    await tv.screenshot('mandates-06-confirm-dialog');
    await tv.press('Left');
    await tv.expectFocused('Donner le droit');
    await tv.press('OK');
    await tv.expectMessage(
      `${HELPER_NAME} peut maintenant faire vos démarches de la mairie, signaler vos pannes au bailleur et les suivre.`,
    );
    await tv.expectMessage('Rien n’a encore été fait en votre nom.');
    await tv.expectFocused('Changer ce qu’il peut faire');
    await tv.screenshot('mandates-07-granted');

    // The social worker sends the road-problem form in the tenant's name.
    const socialWorker = await signInStaff(journey.app, SOCIAL_WORKER);
    const staffCall = (method: 'GET' | 'POST', url: string, payload?: object) =>
      journey.app.inject({
        method,
        url,
        headers: { cookie: socialWorker.cookie, 'idempotency-key': randomUUID() },
        ...(payload ? { payload } : {}),
      });
    const received = (await staffCall('GET', '/api/v1/staff/mandates')).json().items;
    expect(received).toHaveLength(1);
    const base = `/api/v1/mandates/${received[0].id}/eservices`;
    const forms = (await staffCall('GET', `${base}/forms`)).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const lighting = {
      kind: 'lighting',
      where: 'Rue des Lilas',
      noticedOn: '2026-11-24',
      dangerous: false,
      description: 'Le lampadaire ne s’allume plus le soir.',
    };
    const sent = await staffCall('POST', `${base}/requests`, { versionId: road.versionId, answers: lighting });
    expect(sent.statusCode).toBe(201);
    const receipt: string = sent.json().receiptNumber;
    // And reports the kitchen leak the tenant told her about.
    const leak = { category: 'PLUMBING', location: 'HOME', spot: 'KITCHEN', urgency: 'NORMAL', description: 'Fuite sous l’évier' };
    const reported = await staffCall('POST', `/api/v1/mandates/${received[0].id}/reports`, leak);
    expect(reported.statusCode).toBe(201);
    const reportNumber: string = reported.json().number;

    // The tenant goes back to the list and opens the helper: the request and the report are there.
    await tv.press('Down', 'Down', 'OK');
    await tv.expectScreen(mandates);
    // Back from a helper, the focus is on that helper again; "Ajouter un aidant" is just above.
    await tv.expectFocused(`${HELPER_NAME} — peut agir`, 10_000);
    await tv.press('Up');
    await tv.expectFocused('Ajouter un aidant');
    await tv.press('Down');
    await tv.expectFocused(`${HELPER_NAME} — peut agir`);
    await tv.screenshot('mandates-08-list-with-helper');
    await tv.press('OK');
    await tv.expectMessage(new RegExp(`demande envoyée, dossier ${receipt}`));
    await tv.expectMessage(new RegExp(`panne signalée, signalement ${reportNumber}`));
    await tv.expectFocused('Changer ce qu’il peut faire');
    await tv.screenshot('mandates-09-activity');

    // Town-hall procedures only, from now on: her next report is refused.
    await tv.press('OK');
    await tv.expectFocused('Mes démarches de la mairie et mes signalements');
    await tv.press('Down');
    await tv.expectFocused('Seulement mes démarches de la mairie');
    await tv.press('OK');
    await tv.expectMessage(`C’est noté : ${HELPER_NAME} peut maintenant faire vos démarches de la mairie.`);
    await tv.expectFocused('Changer ce qu’il peut faire');
    await tv.screenshot('mandates-09b-scopes-changed');
    const narrowed = await staffCall('POST', `/api/v1/mandates/${received[0].id}/reports`, leak);
    expect([narrowed.statusCode, narrowed.json().code]).toEqual([403, 'forbidden']);

    // Withdraw, after the dialog.
    await tv.press('Down');
    await tv.expectFocused('Retirer le droit');
    await tv.press('OK');
    await tv.waitFor('the withdrawal dialog', (s) => s.dialog === `Retirer ce droit ? ${HELPER_NAME} ne pourra plus agir en votre nom.`);
    await tv.screenshot('mandates-10-withdraw-dialog');
    await tv.press('Left', 'OK');
    await tv.expectMessage(
      `Le droit est retiré : ${HELPER_NAME} ne peut plus agir en votre nom. Ce qui a déjà été fait reste visible ici.`,
    );
    await tv.expectMessage(new RegExp(`demande envoyée, dossier ${receipt}`));
    await tv.expectFocused('Retour');
    await tv.screenshot('mandates-11-withdrawn');

    const refused = await staffCall('POST', `${base}/requests`, { versionId: road.versionId, answers: lighting });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('mandate_withdrawn');

    await tv.press('OK');
    await tv.expectFocused(`${HELPER_NAME} — droit retiré`, 10_000);
    await tv.screenshot('mandates-12-list-withdrawn');
    await tv.press('Back');
    await tv.expectScreen('settings');

    // The report is the tenant's: its timeline says who filed it in their name.
    await tv.page.evaluate(`window.location.hash = '#/procedures'`);
    await tv.expectFocused('Signaler un problème', 15_000);
    await tv.press('Right');
    await tv.expectFocused('Mes signalements');
    await tv.press('OK');
    await tv.expectFocused(new RegExp(`^${reportNumber} · `), 15_000);
    await tv.press('OK');
    await tv.expectMessage('Reçu (par Nadia, en votre nom)', 15_000);
    await tv.screenshot('mandates-12b-report-by-helper');

    // The same screens in Arabic, mirrored.
    await tv.close();
    tv = await openTv(journey.browser, journey.baseUrl, { language: 'ar', tokens: session });
    await tv.expectScreen('home', 20_000);
    await tv.page.evaluate(`window.location.hash = '#/mandates'`);
    await tv.expectScreen(mandates);
    await tv.expectFocused('إضافة مساعد');
    await tv.press('Down');
    await tv.expectFocused(`${HELPER_NAME} — الحق مسحوب`);
    await tv.screenshot('mandates-13-ar-list');
    await tv.press('OK');
    await tv.expectMessage(new RegExp(`تم إرسال الطلب، الملف ${receipt}`));
    await tv.screenshot('mandates-14-ar-activity');
    await tv.press('Back', 'Up', 'OK', 'OK');
    // An e-mail address is typed in Latin letters, even on an Arabic TV.
    await tv.waitFor('the Latin keyboard', (s) => !!s.keyboard && s.keyboard.layout === 'latin');
    await tv.screenshot('mandates-15-ar-keyboard');
  });
});
