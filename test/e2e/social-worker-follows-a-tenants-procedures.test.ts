// A tenant names the city's social worker as their helper for fault reports and town-hall procedures; she signs in to
// the console, finds the tenant in "Personnes que j'aide", files a fault report for them, accepts the caretaker's slot
// and answers the clerk's question on their road-problem request; the tenant's own API shows each step done by her on
// their behalf; the caretaker and the clerk act while her page is open and it follows without a click, keeping what
// she is typing; the tenant withdraws the right and the page turns read-only at once, and the list shows the mandate
// withdrawn. Screenshots in test-output/screenshots.
import { useJourney } from './support/journey';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, requestAs, type TenantRequest } from '../support/journeys';
import { signInStaff } from '../support/journeys';

jest.setTimeout(120_000);

describe('a social worker follows a tenant’s procedures from the console', () => {
  const journey = useJourney();
  let console_: ConsolePage;

  it('files a fault report in the tenant’s name, and stops the moment the tenant withdraws the right', async () => {
    const tokens = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tenant = await journey.app.db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_A_TENANT } });
    const fullName = `${tenant.firstName} ${tenant.lastName}`;
    const asTenant = (...request: TenantRequest) => requestAs(journey.app, tokens, ...request);
    // The tenant sent the road-problem form from their TV; the city's clerk asks where exactly.
    const forms = (await asTenant('GET', '/api/v1/eservices/forms')).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const lighting = {
      kind: 'lighting',
      where: 'Rue des Lilas',
      noticedOn: '2026-11-24',
      dangerous: false,
      description: 'Le lampadaire ne s’allume plus.',
    };
    const request = (await asTenant('POST', '/api/v1/eservices/requests', { versionId: road.versionId, answers: lighting })).json();
    const clerk = await signInStaff(journey.app, DEMO_STAFF.cityClerk);
    const transition = (body: object) =>
      journey.app.inject({
        method: 'POST',
        url: `/api/v1/staff/eservices/requests/${request.id}/transitions`,
        headers: { cookie: clerk.cookie },
        payload: body,
      });
    await transition({ action: 'take' });
    expect((await transition({ action: 'ask_information', message: 'Devant quel numéro ?', fields: ['where'] })).statusCode).toBe(200);
    const granted = await asTenant('POST', '/api/v1/mandates', {
      helper: { kind: 'STAFF', email: DEMO_STAFF.socialWorker },
      scopes: ['eservices', 'reports'],
    });
    expect(granted.statusCode).toBe(201);
    const mandateId: string = granted.json().id;

    // She signs in: her only page is the people she helps, the tenant first with their building and what she may do.
    console_ = await openConsole(journey.browser, journey.baseUrl);
    await console_.signIn(DEMO_STAFF.socialWorker, DEMO_STAFF_PASSWORD);
    const page = console_.page;
    await page.getByTestId('helping-page').waitFor();
    const row = page.getByTestId('helped-tenant').filter({ hasText: fullName });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Bâtiment A[\s\S]*Démarches de la mairie · Signalements[\s\S]*Actif/);
    await console_.screenshot('helper-console-01-people-i-help');

    // She opens the tenant and reports the leak they told her about.
    await row.click();
    await page.getByTestId('helped-tenant-detail').waitFor();
    await page.getByTestId('report-category').selectOption('PLUMBING');
    await page.getByTestId('report-location').selectOption('HOME');
    await page.getByTestId('report-spot').selectOption('KITCHEN');
    await page.getByTestId('report-description').fill('Fuite sous l’évier de la cuisine depuis hier soir.');
    await page.getByTestId('report-send').click();
    const notice = page.getByTestId('helping-notice');
    await notice.waitFor();
    const number = (await notice.innerText()).match(/R-\d{4}-\d+/)?.[0];
    expect(await notice.innerText()).toContain(`envoyé au nom de ${fullName}`);
    expect(number).toBeDefined();
    const detail = page.getByTestId('helped-report-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toMatch(/Reçu[^\n]*Leïla[^\n]*au nom du locataire/);
    await page.getByTestId('helped-report').filter({ hasText: number! }).waitFor();
    await console_.screenshot('helper-console-02-report-filed');

    // The caretaker offers two slots; she accepts the first for the tenant.
    const caretaker = await signInStaff(journey.app, DEMO_STAFF.caretakerLauriers);
    const reportId = (await asTenant('GET', '/api/v1/reports')).json().items[0].id as string;
    const day = new Date(Date.now() + 3 * 86_400_000);
    day.setUTCHours(8, 0, 0, 0);
    const slot = (hours: number) => ({
      startsAt: new Date(day.getTime() + hours * 3_600_000).toISOString(),
      endsAt: new Date(day.getTime() + (hours + 2) * 3_600_000).toISOString(),
    });
    const offered = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/staff/reports/${reportId}/slots`,
      headers: { cookie: caretaker.cookie },
      payload: { slots: [slot(0), slot(4)] },
    });
    expect(offered.statusCode).toBe(200);
    await page.getByTestId('helped-report').filter({ hasText: number! }).click();
    await detail.getByRole('button', { name: 'Accepter ce créneau' }).first().click();
    await page.getByText('Créneau accepté.').waitFor();
    expect(await detail.innerText()).toMatch(/Rendez-vous fixé/);
    // The accepted slot reads as a date in the timeline, not as the API's ISO string.
    const at = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(slot(0).startsAt));
    expect(await detail.innerText()).toMatch(new RegExp(`Créneau accepté : [^\\n]*${at}`));
    expect(await detail.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect((await asTenant('GET', `/api/v1/reports/${reportId}`)).json()).toMatchObject({ status: 'APPOINTMENT_BOOKED' });

    // She answers the clerk's question for the tenant: a new "where" and a word.
    await page.getByTestId('helped-request').filter({ hasText: request.receiptNumber }).click();
    const asked = page.getByTestId('helped-request-detail');
    await asked.getByText('Question de la mairie : Devant quel numéro ?').waitFor();
    await asked.getByLabel('Nouvelle réponse à « Où exactement ? »').fill('Devant le 4 rue des Lilas');
    await page.getByTestId('eservice-answer').fill('Le lampadaire est juste devant l’entrée du bâtiment A.');
    await asked.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Réponse envoyée à la mairie.').waitFor();
    expect(await asked.innerText()).toMatch(/Complément reçu[^\n]*Leïla[^\n]*au nom du locataire/);
    await console_.screenshot('helper-console-02b-clerk-answered');
    const answered = (await asTenant('GET', `/api/v1/eservices/requests/${request.id}`)).json();
    expect(answered).toMatchObject({ status: 'IN_REVIEW', answers: { where: 'Devant le 4 rue des Lilas' } });
    expect(answered.timeline[answered.timeline.length - 1]).toMatchObject({ kind: 'INFO_PROVIDED', author: 'HELPER' });

    // The tenant's side: the report is theirs, filed by her on their behalf, and listed in what was done in their name.
    const mine = (await asTenant('GET', '/api/v1/reports')).json().items;
    const filed = mine.find((item: { number: string }) => item.number === number);
    expect(filed).toBeDefined();
    const filedTimeline = (await asTenant('GET', `/api/v1/reports/${filed.id}`)).json().timeline;
    expect(filedTimeline[0]).toMatchObject({ author: 'HELPER', authorName: expect.stringContaining('Leïla') });
    const actions = (await asTenant('GET', `/api/v1/mandates/${mandateId}/actions`)).json().items;
    expect(actions).toEqual([
      expect.objectContaining({ scope: 'eservices', kind: 'INFO_PROVIDED', receiptNumber: request.receiptNumber }),
      expect.objectContaining({ scope: 'reports', kind: 'SLOT_ACCEPTED', receiptNumber: number }),
      expect.objectContaining({ scope: 'reports', kind: 'REPORTED', receiptNumber: number }),
    ]);

    // The caretaker starts the work and writes while she types more for the tenant, and the clerk asks again: her page
    // follows without a click (the report's step, its list row, the new question) and keeps what she typed.
    const live = page.getByTestId('live-status');
    expect(await live.getAttribute('data-status')).toBe('live');
    await page.getByTestId('report-information').fill('Le voisin du dessous a aussi une tache au plafond.');
    const onReport = (what: string, payload: object) =>
      journey.app.inject({
        method: 'POST',
        url: `/api/v1/staff/reports/${reportId}/${what}`,
        headers: { cookie: caretaker.cookie },
        payload,
      });
    expect((await onReport('transitions', { action: 'start' })).statusCode).toBe(200);
    expect((await onReport('messages', { body: 'Le plombier arrive demain matin.' })).statusCode).toBe(200);
    await detail.getByText('Le plombier arrive demain matin.', { exact: false }).waitFor();
    expect(await detail.locator('h4').innerText()).toBe(`${number} — En cours`);
    await page.getByTestId('helped-report').filter({ hasText: number! }).filter({ hasText: 'En cours' }).waitFor();
    expect(await page.getByTestId('report-information').inputValue()).toBe('Le voisin du dessous a aussi une tache au plafond.');
    expect((await transition({ action: 'ask_information', message: 'De quelle couleur est le lampadaire ?', fields: [] })).statusCode).toBe(
      200,
    );
    await asked.getByText('Question de la mairie : De quelle couleur est le lampadaire ?').waitFor();
    await console_.screenshot('helper-console-02c-changed-live');

    // The tenant withdraws while her page is open: it turns read-only at once, without her doing anything.
    const timeline = (await asTenant('GET', `/api/v1/reports/${filed.id}`)).json().timeline;
    expect((await asTenant('DELETE', `/api/v1/mandates/${mandateId}`)).statusCode).toBe(200);
    const withdrawn = page.getByTestId('mandate-withdrawn');
    await withdrawn.waitFor();
    expect(await withdrawn.innerText()).toContain(`${fullName} vient de retirer le droit d’agir en son nom : rien n’a été envoyé.`);
    expect(await page.getByTestId('new-report').count()).toBe(0);
    expect(await page.getByTestId('report-information').count()).toBe(0);
    expect(await page.getByTestId('helped-tenant').filter({ hasText: fullName }).innerText()).toMatch(/Retiré le/);
    await console_.screenshot('helper-console-03-withdrawn-while-open');
    // Nothing was added to the tenant's report.
    const after = (await asTenant('GET', `/api/v1/reports/${filed.id}`)).json().timeline;
    expect(after).toHaveLength(timeline.length);

    // Back to the list: the tenant is still there, withdrawn, and opening them explains it rather than failing.
    await withdrawn.getByRole('button', { name: 'Retour à la liste' }).click();
    const again = page.getByTestId('helped-tenant').filter({ hasText: fullName });
    await again.filter({ hasText: 'Retiré le' }).waitFor();
    await again.click();
    expect(await page.getByTestId('mandate-withdrawn').innerText()).toContain(`${fullName} a retiré le droit d’agir en son nom`);
    await console_.screenshot('helper-console-04-withdrawn-read-only');
  });
});
