// A city clerk processes a tenant's road-problem request in the console (take, ask for the exact address, the tenant
// answers, accept), then edits the form (a mistake shown by pointer, fixed), publishes version 2, sets the webhook
// and reads the delivery log. Screenshots at each step in test-output/screenshots.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenResponse } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openConsole, type ConsolePage } from './support/console';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { LAURIERS_A_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(180_000);

describe('a city clerk publishes a form and processes a request', () => {
  const journey = useJourney({
    eserviceWebhooks: {
      enabled: true,
      pollIntervalMs: 100,
      batchSize: 10,
      maxAttempts: 5,
      backoffBaseMs: 300,
      maxBackoffMs: 2_000,
      timeoutMs: 2_000,
      // The receivers here listen on 127.0.0.1 over http.
      allowPrivateTargets: true,
    },
  });
  let consolePage: ConsolePage;
  let tenant: TokenResponse;
  let receiver: Server;
  let receiverCalls = 0;

  beforeAll(async () => {
    // The city's own software: busy the first time, then it acknowledges.
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        receiverCalls += 1;
        response.statusCode = receiverCalls === 1 ? 503 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    tenant = await activateTv(journey.app, LAURIERS_A_TENANT);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  async function roadForm() {
    const forms = (await journey.app.inject({ url: '/api/v1/eservices/forms', headers: bearer(tenant) })).json().items;
    return forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
  }
  async function submitRoadProblem(where: string) {
    const form = await roadForm();
    const response = await journey.app.inject({
      method: 'POST',
      url: '/api/v1/eservices/requests',
      headers: { ...bearer(tenant), 'idempotency-key': randomUUID() },
      payload: {
        versionId: form.versionId,
        answers: {
          kind: 'lighting',
          where,
          noticedOn: '2026-11-23',
          dangerous: true,
          description: 'Le lampadaire est éteint depuis trois soirs, la rue est noire.',
        },
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; receiptNumber: string };
  }

  it('takes, asks, gets the answer live, accepts; then publishes version 2 and watches the webhook deliveries', async () => {
    const sent = await submitRoadProblem('avenue de Frais-Vallon');
    consolePage = await openConsole(journey.browser, journey.baseUrl);
    const page = consolePage.page;
    await consolePage.signIn(DEMO_STAFF.cityClerk, DEMO_STAFF_PASSWORD);
    await page.getByTestId('nav-eservices').click();
    await page.getByTestId(`eservice-row-${sent.receiptNumber}`).click();
    await page.getByTestId('eservice-answers').getByText('Éclairage public en panne').waitFor();
    await consolePage.screenshot('eservice-01-console-request');

    await page.getByTestId('eservice-action-take').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'En traitement' }).waitFor();
    // Asking without a question is stopped in the page.
    await page.getByTestId('eservice-action-ask_information').click();
    await page.getByText('Écrivez votre question ou le motif du refus.').waitFor();
    await page.getByTestId('eservice-message').fill('À quel numéro de l’avenue exactement ?');
    await page.locator('.eservice-fields label', { hasText: 'Où exactement ?' }).locator('input').check();
    await page.getByTestId('eservice-action-ask_information').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'Complément demandé' }).waitFor();
    await consolePage.screenshot('eservice-02-console-information-asked');

    // The tenant answers from the TV; the console shows it without a reload.
    const answered = await journey.app.inject({
      method: 'POST',
      url: `/api/v1/eservices/requests/${sent.id}/information`,
      headers: { ...bearer(tenant), 'idempotency-key': randomUUID() },
      payload: { message: 'Devant le numéro 12.', answers: { where: '12 avenue de Frais-Vallon' } },
    });
    expect(answered.statusCode).toBe(200);
    await page.locator('[data-testid="eservice-status"]', { hasText: 'En traitement' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('eservice-timeline').getByText('Devant le numéro 12.').waitFor();
    await page.getByTestId('eservice-answers').getByText('12 avenue de Frais-Vallon').waitFor();
    await page.getByTestId('eservice-message').fill('Une équipe passe demain matin. Merci pour votre signalement.');
    await page.getByTestId('eservice-action-accept').click();
    await page.locator('[data-testid="eservice-status"]', { hasText: 'Acceptée' }).waitFor();
    await consolePage.screenshot('eservice-03-console-accepted');
    const followed = (await journey.app.inject({ url: `/api/v1/eservices/requests/${sent.id}`, headers: bearer(tenant) })).json();
    expect(followed.timeline.map((event: { kind: string }) => event.kind)).toEqual([
      'SUBMITTED',
      'TAKEN',
      'INFO_REQUESTED',
      'INFO_PROVIDED',
      'ACCEPTED',
    ]);

    // The form: a mistake is named by its place in the schema, then fixed, saved as version 2 and published.
    await page.getByTestId('eservices-tab-forms').click();
    await page.getByTestId('eservice-form-probleme-voie-publique').click();
    const editor = page.getByTestId('schema-editor');
    await editor.waitFor();
    await page.locator('[data-testid="schema-status"][data-valid="true"]').waitFor();
    expect(await page.getByTestId('preview-question').count()).toBe(5);
    const original = await editor.inputValue();
    await editor.fill(original.replace('"widget": "date"', '"widget": "calendar"'));
    await page.getByTestId('schema-errors').getByText('/x-palier/questions/noticedOn/widget').waitFor();
    await consolePage.screenshot('eservice-04-console-schema-error');
    await editor.fill(original.replace('Quand l’avez-vous remarqué ?', 'Depuis quand ?'));
    await page.locator('[data-testid="schema-status"][data-valid="true"]').waitFor();
    await page.getByTestId('form-preview').getByText('Depuis quand ?').waitFor();
    await page.getByTestId('eservice-save-draft').click();
    await page.getByTestId('eservice-notice').getByText('Brouillon v2 enregistré.').waitFor();
    await page.getByTestId('eservice-publish').click();
    await page.getByTestId('eservice-notice').getByText('Version 2 publiée').waitFor();
    await page.locator('[data-testid="eservice-version-1"][data-status="SUPERSEDED"]').waitFor();
    await consolePage.screenshot('eservice-05-console-published');
    const current = (
      await journey.app.inject({ url: `/api/v1/eservices/forms/${(await roadForm()).formId}`, headers: bearer(tenant) })
    ).json();
    expect(current.version).toBe(2);
    expect(current.questions[2].title.fr).toBe('Depuis quand ?');

    // The webhook: the city's software refuses the first attempt, acknowledges the second.
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/palier`;
    await page.getByTestId('webhook-url').fill(url);
    await page.getByTestId('webhook-save').click();
    await page.getByText('Webhook enregistré.').waitFor();
    expect(await page.getByTestId('webhook-secret').inputValue()).toMatch(/^whsec_/);
    const second = await submitRoadProblem('Rue des Lilas');
    await page.waitForFunction(() => true);
    for (let tries = 0; tries < 30; tries += 1) {
      await page.getByTestId('delivery-refresh').click();
      if ((await page.locator('[data-testid="delivery"][data-status="DELIVERED"]').count()) > 0) break;
      await page.waitForTimeout(300);
    }
    const delivered = page.locator('[data-testid="delivery"][data-status="DELIVERED"]').first();
    await delivered.waitFor();
    expect(await delivered.innerText()).toContain(second.receiptNumber);
    expect(await delivered.innerText()).toContain('503');
    await delivered.scrollIntoViewIfNeeded();
    await consolePage.screenshot('eservice-06-console-deliveries');
  });
});
