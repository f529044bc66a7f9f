// A tenant names the caretaker of Les Lauriers (a CARETAKER, not a social worker) as their helper for town-hall
// procedures while he is signed in. "Personnes que j'aide" joins his own pages at once, without a reload, and stays
// after one; for the tenant he starts the
// road-problem form ("Nouvelle démarche"), which is saved as the tenant's own draft as he answers; a description too
// short for the town hall is named next to its question; the summary, then the send: the first answer is lost on the
// way, and sending again with the same Idempotency-Key makes one request, whose receipt number he reads. The tenant's API
// shows the request in their name, sent by him, and in what was done under the mandate; then he resumes a draft the
// tenant started on their TV. Screenshots in test-output/screenshots.
import { until, useJourney } from './support/journey';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(120_000);

const ROAD_PROBLEM = 'Signaler un problème sur la voie publique';
const BULKY_WASTE = 'Faire enlever des encombrants';

describe('a caretaker named helper fills in a town-hall form for the tenant', () => {
  const journey = useJourney();
  let console_: ConsolePage;

  it('starts the road-problem form, saves the tenant’s draft, names a refused answer, and sends it once', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tenant = await journey.app.db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_A_TENANT } });
    const fullName = `${tenant.firstName} ${tenant.lastName}`;
    const asTenant = (method: 'GET' | 'POST', url: string, payload?: object) =>
      journey.app.inject({ method, url, headers: bearer(tokens), ...(payload ? { payload } : {}) });

    // The caretaker signs in: his own pages, none for helping anyone yet.
    console_ = await openConsole(journey.browser, journey.baseUrl);
    await console_.signIn(DEMO_STAFF.caretakerLauriers, DEMO_STAFF_PASSWORD);
    const page = console_.page;
    for (const own of ['notices', 'reports', 'agenda']) await page.getByTestId(`nav-${own}`).waitFor();
    expect(await page.getByTestId('nav-helping').count()).toBe(0);

    // The tenant names him helper from her TV: the page joins his menu live.
    const granted = await asTenant('POST', '/api/v1/mandates', {
      helper: { kind: 'STAFF', email: DEMO_STAFF.caretakerLauriers },
      scopes: ['eservices'],
    });
    expect(granted.statusCode).toBe(201);
    const mandateId: string = granted.json().id;
    const road = (await asTenant('GET', '/api/v1/eservices/forms'))
      .json()
      .items.find((form: { title: { fr: string } }) => form.title.fr === ROAD_PROBLEM);
    const requestsBefore = (await asTenant('GET', '/api/v1/eservices/requests')).json().items.length;

    await page.getByTestId('nav-helping').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('nav-helping').innerText()).toBe('Personnes que j’aide');
    await console_.screenshot('caretaker-helper-00-named-live');
    // His own pages stay, and a reload at #helping stays there.
    for (const own of ['notices', 'reports', 'agenda']) await page.getByTestId(`nav-${own}`).waitFor();
    await page.getByTestId('nav-helping').click();
    await page.getByTestId('helping-page').waitFor();
    await page.reload();
    await page.getByTestId('helping-page').waitFor();
    expect(page.url()).toMatch(/#helping$/);
    await page.getByTestId('helped-tenant').filter({ hasText: fullName }).click();
    const detail = page.getByTestId('helped-tenant-detail');
    await detail.waitFor();
    await console_.screenshot('caretaker-helper-01-people-i-help');

    // "Nouvelle démarche": the tenant's forms; he starts the road problem.
    await page.getByTestId('new-eservice-open').click();
    const forms = page.getByTestId('eservice-forms');
    await forms.getByText(ROAD_PROBLEM).waitFor();
    await console_.screenshot('caretaker-helper-02-forms');
    await page.getByRole('button', { name: `Commencer — ${ROAD_PROBLEM}` }).click();
    const form = page.getByTestId('eservice-form');
    await form.waitFor();

    // Each answer settles into the tenant's own draft: their TV would resume it at the next question.
    await form.getByLabel('Quel est le problème ?').selectOption('lighting');
    await form.getByLabel('Où exactement ?').fill('Devant le 12 avenue de Frais-Vallon');
    await form.getByLabel('Quand l’avez-vous remarqué ?').fill('2026-11-24');
    await form.getByRole('group', { name: 'Est-ce dangereux pour les passants ?' }).getByLabel('Oui').check();
    await page
      .getByTestId('eservice-draft-status')
      .getByText(/Brouillon enregistré/)
      .waitFor();
    const draft = await until(
      async () => (await asTenant('GET', `/api/v1/eservices/drafts/${road.formId}`)).json(),
      (found) => found.answers?.dangerous === true,
    );
    expect(draft).toMatchObject({
      step: 4,
      answers: { kind: 'lighting', where: 'Devant le 12 avenue de Frais-Vallon', noticedOn: '2026-11-24', dangerous: true },
    });

    // Too short for the town hall: the API refuses it, and the reason stands next to the question.
    await form.getByLabel('Décrivez le problème').fill('Éteint');
    await page.getByTestId('eservice-review').click();
    const refused = page.getByTestId('helper-eservice-description-error');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('10 caractères au moins.');
    expect(await form.getByLabel('Décrivez le problème').getAttribute('aria-invalid')).toBe('true');
    await console_.screenshot('caretaker-helper-03-answer-refused');

    await form.getByLabel('Décrivez le problème').fill('Le lampadaire ne s’allume plus depuis trois jours.');
    await page.getByTestId('eservice-review').click();
    const summary = page.getByTestId('eservice-summary');
    await summary.waitFor();
    const answers = await summary.innerText();
    expect(answers).toMatch(/Quel est le problème \?\s+Éclairage public en panne/);
    expect(answers).toMatch(/Est-ce dangereux pour les passants \?\s+Oui/);
    expect(answers).toContain('24 novembre 2026');
    // At the summary on the tenant's TV too.
    expect((await asTenant('GET', `/api/v1/eservices/drafts/${road.formId}`)).json()).toMatchObject({
      step: 5,
      answers: { description: 'Le lampadaire ne s’allume plus depuis trois jours.' },
    });
    await console_.screenshot('caretaker-helper-04-summary');

    // The first send reaches the API but its answer is lost: the console says so and he sends again.
    const keys: string[] = [];
    await page.route('**/eservices/requests', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.getByTestId('eservice-send').click();
    await page
      .getByTestId('new-eservice-error')
      .getByText(/ne répond pas/)
      .waitFor();
    await page.getByTestId('eservice-send').click();
    const sent = page.getByTestId('eservice-sent');
    await sent.waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const receipt = (await sent.innerText()).match(/Numéro de récépissé : (\S+)\./)?.[1];
    expect(await sent.innerText()).toContain(`Demande envoyée au nom de ${fullName}.`);
    expect(receipt).toMatch(/-\d{4}-\d+$/);
    // The request opens in the tenant's list, sent by the caretaker on the tenant's behalf.
    const request = page.getByTestId('helped-request-detail');
    await request.getByText(receipt!).waitFor();
    expect(await request.innerText()).toMatch(/Demande envoyée[^\n]*Mourad Belkacem[^\n]*au nom du locataire/);
    await console_.screenshot('caretaker-helper-05-sent');

    // The tenant's side: one request, theirs, sent by the caretaker under the mandate; the draft is gone.
    const mine = (await asTenant('GET', '/api/v1/eservices/requests')).json().items;
    expect(mine).toHaveLength(requestsBefore + 1);
    const created = mine.find((item: { receiptNumber: string }) => item.receiptNumber === receipt);
    const full = (await asTenant('GET', `/api/v1/eservices/requests/${created.id}`)).json();
    expect(full.answers).toEqual({
      kind: 'lighting',
      where: 'Devant le 12 avenue de Frais-Vallon',
      noticedOn: '2026-11-24',
      dangerous: true,
      description: 'Le lampadaire ne s’allume plus depuis trois jours.',
    });
    expect(full.timeline[0]).toMatchObject({ kind: 'SUBMITTED', author: 'HELPER', authorName: expect.stringContaining('Mourad Belkacem') });
    expect((await asTenant('GET', `/api/v1/mandates/${mandateId}/actions`)).json().items).toEqual([
      expect.objectContaining({
        scope: 'eservices',
        kind: 'SUBMITTED',
        receiptNumber: receipt,
        helperName: expect.stringContaining('Mourad Belkacem'),
      }),
    ]);
    expect((await asTenant('GET', `/api/v1/eservices/drafts/${road.formId}`)).statusCode).toBe(404);

    // The other way round: the tenant started the bulky-waste form on their TV; he resumes that very draft.
    const bulky = (await asTenant('GET', '/api/v1/eservices/forms'))
      .json()
      .items.find((form: { title: { fr: string } }) => form.title.fr === BULKY_WASTE);
    const started = await journey.app.inject({
      method: 'PUT',
      url: `/api/v1/eservices/drafts/${bulky.formId}`,
      headers: bearer(tokens),
      payload: { versionId: bulky.versionId, step: 1, answers: { items: ['mattress'] } },
    });
    expect(started.statusCode).toBe(200);
    await sent.getByRole('button', { name: 'Faire une autre démarche' }).click();
    const row = page.getByTestId('eservice-forms').locator('li').filter({ hasText: BULKY_WASTE });
    await row.getByText('Brouillon en cours : question 2 sur 4').waitFor();
    await row.getByRole('button', { name: `Reprendre le brouillon — ${BULKY_WASTE}` }).click();
    const items = page.getByTestId('eservice-form').getByRole('group', { name: 'Que faut-il enlever ?' });
    await items.waitFor();
    expect(await items.getByLabel('Matelas, sommier').isChecked()).toBe(true);
    expect(await items.getByLabel('Meubles').isChecked()).toBe(false);
    await console_.screenshot('caretaker-helper-06-tenants-draft-resumed');
    // Going on with required questions left empty: each says so, and the first one takes the focus.
    await page.getByTestId('eservice-review').click();
    await page.getByTestId('helper-eservice-volume-error').getByText('Réponse obligatoire.').waitFor();
    expect(await page.getByTestId('eservice-summary').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('helper-eservice-volume');
  });
});
