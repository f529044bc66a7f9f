// A tenant (A) gives a neighbour (B) the right to do her fault reports and town-hall procedures. From her own TV, in
// "Les personnes que j'aide", B reports a leak in A's name with the fault-report wizard ("Au nom de A" on every step,
// A's home, a photo from B's phone), and the report is in A's list as filed by B in A's name, with the photo; the
// wizard's place step in Arabic, mirrored.
// Then the landlord offers slots on A's report and B accepts one with the remote; the town hall asks A a question and B
// answers it, which sends the request back to the clerk with B's answer. Last, A withdraws the right while B is in the
// wizard: sending brings back B's list saying so, and nothing is filed. Screenshots in test-output/screenshots.
import sharp from 'sharp';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { openPhone } from './support/phone';
import {
  LAURIERS_A_TENANT,
  LAURIERS_B_TENANT,
  activateTv,
  bearer,
  offerTwoSlots,
  roadProblemTheClerkAsksAbout,
  requestAs,
  type TenantRequest,
} from '../support/journeys';
import type { TokenResponse } from '@palier/contracts';

jest.setTimeout(240_000);

describe('a neighbour reports a fault, accepts a slot and answers the town hall for a tenant', () => {
  const journey = useJourney();
  let tv: Tv;
  let tenantA: TokenResponse;
  let tenantB: TokenResponse;
  let mandateId: string;
  /** A's first name, as B's TV shows her. */
  let nameA: string;
  /** B as A's timelines name her. */
  let helperName: string;

  const asA = (...request: TenantRequest) => requestAs(journey.app, tenantA, ...request);

  /** B's TV, open on "Les personnes que j'aide" (Settings leads there; the first journey walks that way). */
  const openHelping = async (language: 'fr' | 'ar') => {
    await tv?.close();
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tenantB, { language });
    await tv.page.evaluate(`window.location.hash = '#/helping'`);
    await tv.expectScreen('helping');
  };

  /** Down the person's list until the focus is on the row wanted (reports first, then requests). */
  const downTo = async (label: RegExp) => {
    for (let presses = 0; presses < 12; presses += 1) {
      const { focused } = await tv.state();
      if (label.test(focused)) return;
      await tv.press('Down');
      await tv.page.waitForTimeout(150);
    }
    await tv.expectFocused(label, 10_000);
  };

  beforeAll(async () => {
    tenantA = await activateTv(journey.app, LAURIERS_A_TENANT);
    tenantB = await activateTv(journey.app, LAURIERS_B_TENANT);
    const granted = await asA('POST', '/api/v1/mandates', {
      helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT },
      scopes: ['eservices', 'reports'],
    });
    expect(granted.statusCode).toBe(201);
    mandateId = granted.json().id;
    helperName = granted.json().helper.name;
    const received = (await journey.app.inject({ method: 'GET', url: '/api/v1/mandates/received', headers: bearer(tenantB) })).json().items;
    nameA = received[0].tenant.name;
  });

  it('files a leak in her name from the TV, and the report is hers, marked as done by B', async () => {
    // B's TV: Settings → "Voir les personnes que j'aide" → A: "Signaler une panne" comes first.
    tv = await openTvAtHome(journey.browser, journey.baseUrl, tenantB, { language: 'fr' });
    await tv.goToHelpingInSettings();
    await tv.press('OK');
    await tv.expectScreen('helping');
    await tv.expectFocused(`${nameA} — démarches et signalements`, 15_000);
    await tv.press('OK');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    await tv.expectFocused('Signaler une panne', 15_000);
    await tv.screenshot('helper-report-01-person');

    // The wizard says in whose name on its first step; Back goes back to A, on the same button.
    await tv.press('OK');
    await tv.expectScreen('procedures');
    await tv.expectFocused(/Plomberie/, 15_000);
    await tv.expectText(`Au nom de ${nameA}`);
    await tv.screenshot('helper-report-02-category');
    await tv.press('Back');
    await tv.expectScreen('helping');
    await tv.expectMessage(`Vous agissez au nom de ${nameA}.`);
    await tv.expectFocused('Signaler une panne', 15_000);

    // Again, to the end: plumbing, A's kitchen, in the next few days, a ready-made sentence, a photo from B's phone, the
    // summary, sent.
    await tv.press('OK');
    await tv.expectFocused(/Plomberie/, 15_000);
    await tv.press('OK');
    await tv.expectFocused(`Chez ${nameA} · Cuisine`);
    await tv.expectText(`Au nom de ${nameA}`);
    await tv.screenshot('helper-report-03-place');
    await tv.press('OK');
    await tv.expectFocused('Dans les prochains jours');
    await tv.press('OK');
    await tv.expectFocused('Fuite sous l’évier');
    await tv.press('OK');
    const photos = await tv.expectMessage(/tapez le code [A-Z0-9]{4}-[A-Z0-9]{4}/, 15_000);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(photos.message)![1];
    await tv.expectText(`Au nom de ${nameA}`);
    await tv.screenshot('helper-report-04a-photos-qr');
    const phone = await openPhone(journey.browser);
    await phone.page.goto(`${journey.baseUrl}/phone/photos.html#code=${code}`);
    await phone.page.locator('#ready').waitFor({ state: 'visible' });
    // B holds the phone: it greets her, and says whose report the photos are for.
    expect(await phone.page.locator('#title').innerText()).toBe(`Photos pour le signalement de ${nameA}`);
    expect(await phone.page.locator('#greeting').innerText()).toBe(`Bonjour ${helperName} !`);
    const picture = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 110, b: 90 } } })
      .jpeg()
      .toBuffer();
    await phone.page.locator('#pick').setInputFiles({ name: 'evier.jpg', mimeType: 'image/jpeg', buffer: picture });
    await phone.page.locator('#sent img').waitFor({ state: 'visible' });
    await phone.screenshot('helper-report-04b-phone-photo-sent');
    await phone.page.context().close();
    await tv.expectMessage('1 photo(s) reçue(s)', 15_000);
    await tv.expectFocused('Continuer');
    await tv.screenshot('helper-report-04c-photo-arrived');
    await tv.press('OK');
    await tv.expectFocused('Envoyer le signalement');
    await tv.expectMessage(`Chez ${nameA} · Cuisine`);
    await tv.expectMessage('1 photo(s) reçue(s)');
    await tv.expectText(`Au nom de ${nameA}`);
    await tv.screenshot('helper-report-04-summary');
    await tv.press('OK');
    const sent = await tv.expectMessage(/Le signalement R-\d{4}-\d{6} est fait au nom de/, 15_000);
    const number = /(R-\d{4}-\d{6})/.exec(sent.message)![1]!;
    await tv.expectFocused(`Revenir aux signalements de ${nameA}`);
    await tv.screenshot('helper-report-05-sent');

    // Back to A's list, on the report just filed.
    await tv.press('OK');
    await tv.expectScreen('helping');
    await tv.expectFocused(new RegExp(`^${number} · Plomberie`), 15_000);
    await tv.screenshot('helper-report-06-back-to-person');

    // A's own list has it, filed by B in her name, and it is among what was done in her name.
    const mine = (await asA('GET', '/api/v1/reports')).json().items;
    const filed = mine.find((item: { number: string }) => item.number === number);
    expect(filed).toMatchObject({ category: 'PLUMBING', status: 'RECEIVED' });
    const report = (await asA('GET', `/api/v1/reports/${filed.id}`)).json();
    expect(report).toMatchObject({ location: 'HOME', spot: 'KITCHEN', description: 'Fuite sous l’évier' });
    expect(report.photos).toHaveLength(1);
    expect((await journey.app.inject({ url: report.photos[0].thumbUrl })).statusCode).toBe(200);
    expect(report.timeline[0]).toMatchObject({ kind: 'STATUS', status: 'RECEIVED', author: 'HELPER', authorName: helperName });
    const actions = (await asA('GET', `/api/v1/mandates/${mandateId}/actions`)).json().items;
    expect(actions).toEqual([expect.objectContaining({ scope: 'reports', kind: 'REPORTED', receiptNumber: number, helperName })]);

    // The wizard in Arabic: mirrored, in A's name, A's home.
    await openHelping('ar');
    await tv.expectFocused(new RegExp(`^${nameA} — `), 15_000);
    await tv.press('OK');
    await tv.expectFocused('الإبلاغ عن عطل', 15_000);
    await tv.press('OK');
    await tv.expectScreen('procedures');
    await tv.expectText(`باسم ${nameA}`, 15_000);
    await tv.press('OK');
    await tv.expectFocused(`في منزل ${nameA} · المطبخ`);
    await tv.screenshot('helper-report-07-ar-place');
    await tv.press('Back', 'Back');
    await tv.expectScreen('helping');
    await tv.expectFocused('الإبلاغ عن عطل', 15_000);
  });

  it('accepts the landlord’s slot and answers the town hall in her name', async () => {
    // A reported a radiator; the caretaker offers two slots.
    const reported = await asA('POST', '/api/v1/reports', {
      category: 'HEATING',
      location: 'HOME',
      spot: 'LIVING_ROOM',
      urgency: 'NORMAL',
      description: 'Le radiateur du séjour reste froid',
    });
    expect(reported.statusCode).toBe(201);
    const radiator: { id: string; number: string } = reported.json();
    const offeredSlots = await offerTwoSlots(journey.app, radiator.id);
    // A sent the road-problem form; the city's clerk asks where exactly.
    const { request, clerk } = await roadProblemTheClerkAsksAbout(journey.app, tenantA, 'Devant quel numéro ?');

    // B opens A's radiator report: the landlord's offer, and "Accepter ce créneau" for each slot.
    await openHelping('fr');
    await tv.expectFocused(`${nameA} — démarches et signalements`, 15_000);
    await tv.press('OK');
    await tv.expectFocused('Signaler une panne', 15_000);
    await downTo(new RegExp(`^${radiator.number} · `));
    await tv.press('OK');
    await tv.expectMessage(`Le bailleur propose un rendez-vous : vous pouvez en accepter un pour ${nameA}.`, 15_000);
    await tv.expectFocused(/^Accepter ce créneau : /);
    await tv.screenshot('helper-slot-01-offered');
    await tv.press('Down');
    await tv.expectFocused(/^Accepter ce créneau : /);
    await tv.press('OK');
    await tv.expectMessage(`Rendez-vous accepté pour ${nameA}.`, 15_000);
    await tv.expectMessage('Rendez-vous fixé');
    await tv.expectFocused('Ajouter une information');
    await tv.screenshot('helper-slot-02-accepted');

    // A's report: the appointment is booked on the second slot, accepted by B in her name.
    const booked = (await asA('GET', `/api/v1/reports/${radiator.id}`)).json();
    expect(booked.status).toBe('APPOINTMENT_BOOKED');
    expect(booked.slots.find((one: { state: string }) => one.state === 'ACCEPTED')).toMatchObject({ id: offeredSlots[1]!.id });
    expect(booked.timeline[booked.timeline.length - 1]).toMatchObject({ author: 'HELPER', authorName: helperName });
    expect(
      booked.timeline.some((event: { kind: string; author: string }) => event.kind === 'SLOT_ACCEPTED' && event.author === 'HELPER'),
    ).toBe(true);

    // Back to A's list, then her town-hall request: the clerk's question, and "Répondre".
    await tv.press('Back');
    await tv.expectFocused(new RegExp(`^${radiator.number} · `), 15_000);
    await downTo(new RegExp(`^${request.receiptNumber} · `));
    await tv.press('OK');
    await tv.expectMessage('La mairie demande : « Devant quel numéro ? »', 15_000);
    await tv.expectFocused('Répondre');
    await tv.screenshot('helper-answer-01-question');
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.typeWithRemote('Devant la poste');
    await tv.screenshot('helper-answer-02-typed');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectMessage(`C’est envoyé : la mairie et ${nameA} voient votre réponse.`, 15_000);
    await tv.expectMessage(/Réponse envoyée : Devant la poste/);
    await tv.expectFocused('Retour');
    await tv.screenshot('helper-answer-03-sent');

    // The request is back with the clerk, with B's answer, written by B in A's name.
    const seen = (
      await journey.app.inject({ method: 'GET', url: `/api/v1/staff/eservices/requests/${request.id}`, headers: { cookie: clerk.cookie } })
    ).json();
    expect(seen.status).toBe('IN_REVIEW');
    expect(seen.infoRequest).toBeNull();
    expect(seen.timeline[seen.timeline.length - 1]).toMatchObject({
      kind: 'INFO_PROVIDED',
      author: 'HELPER',
      authorName: helperName,
      message: 'Devant la poste',
    });
  });

  /** B opens A, "Signaler une panne", plumbing in A's kitchen, in the next few days: the focus on a ready sentence. */
  const toALeakDescription = async () => {
    await openHelping('fr');
    await tv.expectFocused(`${nameA} — démarches et signalements`, 15_000);
    await tv.press('OK');
    await tv.expectFocused('Signaler une panne', 15_000);
    await tv.press('OK');
    await tv.expectFocused(/Plomberie/, 15_000);
    await tv.press('OK');
    await tv.expectFocused(`Chez ${nameA} · Cuisine`);
    await tv.press('OK');
    await tv.expectFocused('Dans les prochains jours');
    await tv.press('OK');
    await tv.expectFocused('Fuite sous l’évier');
  };

  it('says so, and leads back to A, when A narrows the right to her town-hall procedures while B is in the wizard', async () => {
    const before = (await asA('GET', '/api/v1/reports')).json().items.length;
    await toALeakDescription();
    await tv.press('OK');
    await tv.expectFocused('Continuer sans photo', 15_000);
    await tv.press('OK');
    await tv.expectFocused('Envoyer le signalement');

    expect((await asA('PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['eservices'] })).statusCode).toBe(200);
    await tv.press('OK');
    await tv.expectMessage(`${nameA} ne vous permet plus de faire ses signalements au bailleur.`, 15_000);
    await tv.expectFocused(`Retour à ${nameA}`);
    await tv.expectNoText(`Au nom de ${nameA}`, 2_000);
    await tv.screenshot('helper-report-07c-narrowed-in-wizard');
    await tv.press('Back');
    await tv.expectScreen('helping', 15_000);
    await tv.expectFocused('Nouvelle démarche de la mairie', 15_000);
    expect((await asA('GET', '/api/v1/reports')).json().items).toHaveLength(before);
    expect((await asA('PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['eservices', 'reports'] })).statusCode).toBe(200);
  });

  it('stops cleanly when A withdraws the right while B is in the wizard', async () => {
    const before = (await asA('GET', '/api/v1/reports')).json().items.length;
    await toALeakDescription();
    // Her own words this time, on the keyboard, below the on-behalf line.
    await downTo(/^Écrire moi-même$/);
    await tv.press('OK');
    await tv.waitFor('the keyboard', (s) => !!s.keyboard);
    await tv.expectText(`Au nom de ${nameA}`);
    await tv.typeWithRemote('Odeur');
    await tv.screenshot('helper-report-07b-own-words');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');
    await tv.expectFocused('Continuer sans photo', 15_000);
    await tv.press('OK');
    await tv.expectFocused('Envoyer le signalement');
    await tv.expectMessage('« Odeur »');

    expect((await asA('DELETE', `/api/v1/mandates/${mandateId}`)).statusCode).toBe(200);
    await tv.press('OK');
    await tv.expectScreen('helping', 15_000);
    await tv.expectMessage(`${nameA} a retiré son accord : vous ne pouvez plus agir en son nom.`, 15_000);
    await tv.expectFocused('Retour', 15_000);
    await tv.screenshot('helper-report-08-withdrawn-in-wizard');
    expect((await asA('GET', '/api/v1/reports')).json().items).toHaveLength(before);
  });
});
