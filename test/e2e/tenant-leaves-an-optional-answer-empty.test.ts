// The town hall asks a tenant to review two answers of her visitor-permit request: the plate (required) and a remark
// (optional). On her TV she keeps the plate, and for the remark is offered to leave it empty ("Ne pas répondre")
// before any keyboard; she looks at the keyboard, comes back, leaves it empty, checks old → new and sends. The request
// then holds no remark. Screenshots in test-output/screenshots.
import { randomUUID } from 'node:crypto';
import { useJourney } from './support/journey';
import { openTvAtHome, type Tv } from './support/tv';
import { DEMO_STAFF } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../support/journeys';

jest.setTimeout(180_000);

const TITLE = 'Macaron visiteur';

describe('a tenant leaves an optional answer empty when asked again', () => {
  const journey = useJourney();
  let tv: Tv;

  it('offers "Ne pas répondre" for the optional question and sends it cleared', async () => {
    const clerk = await signInStaff(journey.app, DEMO_STAFF.townHallClerk);
    const asClerk = (method: 'POST' | 'GET', url: string, payload?: object) =>
      journey.app.inject({ method, url, headers: clerk, ...(payload ? { payload } : {}) });
    const created = await asClerk('POST', '/api/v1/staff/eservices/forms', {
      slug: 'macaron-visiteur',
      receiptPrefix: 'M13',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['plate'],
        properties: { plate: { type: 'string', minLength: 4, maxLength: 10 }, note: { type: 'string', maxLength: 200 } },
        'x-palier': {
          title: { fr: TITLE },
          order: ['plate', 'note'],
          questions: {
            plate: { title: { fr: 'Immatriculation' }, widget: 'text' },
            note: { title: { fr: 'Remarque' }, widget: 'text' },
          },
        },
      },
    });
    const formId = created.json().id as string;
    expect((await asClerk('POST', `/api/v1/staff/eservices/forms/${formId}/publish`)).statusCode).toBe(200);
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const forms = (await journey.app.inject({ url: '/api/v1/eservices/forms', headers: bearer(tokens) })).json().items;
    const form = forms.find((one: { title: { fr: string } }) => one.title.fr === TITLE);
    const sent = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/eservices/requests',
      headers: { ...bearer(tokens), 'idempotency-key': randomUUID() },
      payload: { versionId: form.versionId, answers: { plate: 'AB-123-CD', note: 'Garage au sous-sol' } },
    });
    const requestId = sent.json().id as string;
    const act = (body: object) => asClerk('POST', `/api/v1/staff/eservices/requests/${requestId}/transitions`, body);
    expect((await act({ action: 'take' })).statusCode).toBe(200);
    const asked = await act({
      action: 'ask_information',
      message: 'Vérifiez la plaque ; la remarque est inutile.',
      fields: ['plate', 'note'],
    });
    expect(asked.statusCode).toBe(200);

    // First a look in Arabic, on a second TV of the home: the same choice, mirrored.
    const arTokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tvAr = await openTvAtHome(journey.browser, journey.baseUrl, arTokens, { language: 'ar' });
    await tvAr.page.evaluate("window.location.hash = '#/eservices'");
    await tvAr.expectScreen('eservices');
    await tvAr.expectFocused(/^طلباتي/, 10_000);
    await tvAr.press('OK');
    await tvAr.expectFocused(/M13-/, 15_000);
    await tvAr.press('OK');
    await tvAr.expectFocused('الإجابة عن الأسئلة', 10_000);
    await tvAr.press('OK');
    await tvAr.waitFor('the keyboard prefilled', (s) => !!s.keyboard && s.keyboard.text === 'AB-123-CD');
    await tvAr.goToKey((label) => label === '[done]', '[done]');
    await tvAr.press('OK');
    await tvAr.expectFocused('تقديم إجابة');
    await tvAr.expectMessage('إجابتك: Garage au sous-sol');
    await tvAr.screenshot('optional-answer-01b-choice-ar');
    await tvAr.close();

    tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    await tv.page.evaluate("window.location.hash = '#/eservices'");
    await tv.expectScreen('eservices');
    await tv.expectFocused(/^Mes demandes/, 10_000);
    await tv.press('OK');
    await tv.expectFocused(/^La mairie vous pose une question/, 15_000);
    await tv.press('OK');
    await tv.expectFocused('Répondre aux questions', 10_000);
    await tv.press('OK');

    // The plate is required: its keyboard at once, prefilled; kept as it is.
    await tv.expectMessage('Question à revoir 1 sur 2 — Immatriculation');
    await tv.waitFor('the keyboard prefilled', (s) => !!s.keyboard && s.keyboard.text === 'AB-123-CD');
    await tv.goToKey((label) => label === '[done]', '[done]');
    await tv.press('OK');

    // The remark is optional: first the choice, with the answer sent before.
    const choice = await tv.expectMessage('Question à revoir 2 sur 2 — Remarque (facultatif) — Votre réponse : Garage au sous-sol');
    expect(choice.message).toContain('vous pouvez la laisser sans réponse');
    await tv.expectFocused('Donner une réponse');
    await tv.screenshot('optional-answer-01-choice');
    // Giving an answer opens its keyboard, prefilled; Back comes back to the choice.
    await tv.press('OK');
    await tv.waitFor('the keyboard prefilled', (s) => !!s.keyboard && s.keyboard.text === 'Garage au sous-sol');
    await tv.press('Back');
    await tv.expectFocused('Donner une réponse');
    await tv.press('Down');
    await tv.expectFocused('Ne pas répondre');
    await tv.press('OK');

    const check = await tv.expectMessage('Vérifiez vos nouvelles réponses');
    expect(check.message).toContain('Immatriculation — AB-123-CD (inchangée)');
    expect(check.message).toContain('Remarque — Garage au sous-sol → (pas de réponse)');
    await tv.screenshot('optional-answer-02-summary');
    // Back to the remark: the choice remembers it is left empty.
    await tv.press('Back');
    await tv.expectFocused('Ne pas répondre');
    await tv.press('OK');
    await tv.expectFocused('Envoyer mes réponses');
    await tv.press('OK');
    await tv.expectMessage('Vos réponses sont parties', 15_000);
    await tv.screenshot('optional-answer-03-sent');

    const stored = (await journey.app.inject({ url: `/api/v1/eservices/requests/${requestId}`, headers: bearer(tokens) })).json();
    expect(stored).toMatchObject({ status: 'IN_REVIEW', answers: { plate: 'AB-123-CD' } });
    expect(stored.answers).not.toHaveProperty('note');
    expect(stored.timeline.at(-1)).toMatchObject({
      kind: 'INFO_PROVIDED',
      changes: [{ field: 'note', before: 'Garage au sous-sol', after: null }],
    });
  });
});
