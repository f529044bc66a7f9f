// Mandates through the public API: a tenant lets a social worker (staff) and a neighbour (tenant) do procedures in
// their name, sees what they did, withdraws the right, and the helpers are refused from then on.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { hashPassword } from '../src/modules/accounts/secrets';
import { DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';

const SOCIAL_WORKER = 'assistante.sociale@marseille.demo';

const lighting = {
  kind: 'lighting',
  where: 'Rue des Lilas',
  noticedOn: '2026-11-24',
  dangerous: false,
  description: 'Le lampadaire ne s’allume plus le soir.',
};

describe('mandates', () => {
  let api: TestApi;
  let tenant: TokenResponse; // gives the mandates
  let neighbour: TokenResponse; // a helper with a tenant account
  let stranger: TokenResponse;
  let socialWorker: { cookie: string };
  let otherStaff: { cookie: string };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const city = await api.app.db.organisation.findUniqueOrThrow({ where: { slug: 'marseille' } });
    await api.app.db.staffMember.create({
      data: {
        organisationId: city.id,
        email: SOCIAL_WORKER,
        fullName: 'Nadia Roux',
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        roles: ['AGENT'],
      },
    });
    [tenant, neighbour, stranger] = await Promise.all([
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    [socialWorker, otherStaff] = await Promise.all([signInStaff(api.app, SOCIAL_WORKER), signInStaff(api.app, 'accueil@hmp.demo')]);
  });
  afterAll(async () => api?.close());

  const tv = (tokens: TokenResponse, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const staff = (who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });

  it('lets a social worker fill in and send a form in the tenant’s name, until the tenant withdraws the right', async () => {
    const granted = await tv(tenant, 'POST', '/api/v1/mandates', { helper: { kind: 'STAFF', email: SOCIAL_WORKER } });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({
      helper: { kind: 'STAFF', name: 'Nadia Roux (Ville de Marseille)' },
      scopes: ['eservices'],
      active: true,
    });
    const mandateId = granted.json().id;
    // Granting again is the same mandate.
    expect((await tv(tenant, 'POST', '/api/v1/mandates', { helper: { kind: 'STAFF', email: SOCIAL_WORKER } })).json().id).toBe(mandateId);
    const received = (await staff(socialWorker, 'GET', '/api/v1/staff/mandates')).json().items;
    expect(received).toEqual([
      expect.objectContaining({ id: mandateId, tenant: expect.objectContaining({ name: expect.stringMatching(/\S+ \S+/) }) }),
    ]);

    // The social worker sees the tenant's forms (their district's and city's), saves a draft and sends it.
    const base = `/api/v1/mandates/${mandateId}/eservices`;
    const forms = (await staff(socialWorker, 'GET', `${base}/forms`)).json().items;
    expect(forms).toHaveLength(5);
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    expect(
      (
        await staff(socialWorker, 'PUT', `${base}/drafts/${road.formId}`, {
          versionId: road.versionId,
          step: 1,
          answers: { kind: 'lighting' },
        })
      ).statusCode,
    ).toBe(200);
    // The tenant's own TV sees the same draft: it is theirs.
    expect((await tv(tenant, 'GET', `/api/v1/eservices/drafts/${road.formId}`)).json()).toMatchObject({
      step: 1,
      answers: { kind: 'lighting' },
    });
    const sent = await staff(socialWorker, 'POST', `${base}/requests`, { versionId: road.versionId, answers: lighting }, randomUUID());
    expect(sent.statusCode).toBe(201);

    // The request is the tenant's, and says who sent it.
    const onTv = (await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.json().id}`)).json();
    expect(onTv.timeline[0]).toMatchObject({ kind: 'SUBMITTED', author: 'HELPER', authorName: 'Nadia Roux (Ville de Marseille)' });
    const actions = (await tv(tenant, 'GET', `/api/v1/mandates/${mandateId}/actions`)).json().items;
    expect(actions).toEqual([
      expect.objectContaining({
        kind: 'SUBMITTED',
        receiptNumber: sent.json().receiptNumber,
        helperName: 'Nadia Roux (Ville de Marseille)',
      }),
    ]);

    // Nobody else gets in through this mandate.
    expect((await staff(otherStaff, 'GET', `${base}/forms`)).statusCode).toBe(404);
    expect((await tv(stranger, 'GET', `${base}/forms`)).statusCode).toBe(404);
    expect((await api.app.inject({ url: `${base}/forms` })).statusCode).toBe(401);

    // Withdrawn: refused at once, on every route; what was done stays visible to the tenant.
    const withdrawn = await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    expect(withdrawn.json()).toMatchObject({ active: false, withdrawnAt: expect.any(String) });
    for (const response of [
      await staff(socialWorker, 'GET', `${base}/forms`),
      await staff(socialWorker, 'GET', `${base}/requests/${sent.json().id}`),
      await staff(socialWorker, 'POST', `${base}/requests`, { versionId: road.versionId, answers: lighting }, randomUUID()),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('mandate_withdrawn');
    }
    expect((await staff(socialWorker, 'GET', '/api/v1/staff/mandates')).json().items).toEqual([]);
    expect((await tv(tenant, 'GET', `/api/v1/mandates/${mandateId}/actions`)).json().items).toHaveLength(1);
    expect((await tv(tenant, 'GET', '/api/v1/mandates')).json().items[0]).toMatchObject({ id: mandateId, active: false });
  });

  it('lets a neighbour answer the clerk’s question for the tenant, from their own TV', async () => {
    const granted = await tv(tenant, 'POST', '/api/v1/mandates', { helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT } });
    expect(granted.json().helper).toEqual({ kind: 'TENANT', name: expect.not.stringMatching(/\s/) });
    const mandateId = granted.json().id;
    expect((await tv(neighbour, 'GET', '/api/v1/mandates/received')).json().items.map((item: { id: string }) => item.id)).toEqual([
      mandateId,
    ]);
    expect((await tv(tenant, 'POST', '/api/v1/mandates', { helper: { kind: 'TENANT', reference: LAURIERS_A_TENANT } })).statusCode).toBe(
      400,
    );
    // One received mandate by its id (a helper's TV opened on a screen in the tenant's name): only to its helper.
    const one = await tv(neighbour, 'GET', `/api/v1/mandates/received/${mandateId}`);
    expect([one.statusCode, one.json()]).toEqual([
      200,
      expect.objectContaining({
        id: mandateId,
        scopes: ['eservices'],
        active: true,
        tenant: expect.objectContaining({ name: expect.not.stringMatching(/\s/) }),
      }),
    ]);
    for (const other of [tenant, stranger]) expect((await tv(other, 'GET', `/api/v1/mandates/received/${mandateId}`)).statusCode).toBe(404);
    expect((await tv(neighbour, 'GET', `/api/v1/mandates/received/${randomUUID()}`)).statusCode).toBe(404);

    const forms = (await tv(tenant, 'GET', '/api/v1/eservices/forms')).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const sent = (
      await tv(tenant, 'POST', '/api/v1/eservices/requests', { versionId: road.versionId, answers: lighting }, randomUUID())
    ).json();
    const clerk = await signInStaff(api.app, 'communication@marseille.demo');
    await staff(clerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, { action: 'take' });
    await staff(clerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, {
      action: 'ask_information',
      message: 'Quel numéro ?',
      fields: ['where'],
    });

    const base = `/api/v1/mandates/${mandateId}/eservices`;
    const mine = (await tv(neighbour, 'GET', `${base}/requests`)).json().items;
    expect(mine.find((item: { id: string }) => item.id === sent.id)).toMatchObject({ awaitingTenant: true });
    const answered = await tv(
      neighbour,
      'POST',
      `${base}/requests/${sent.id}/information`,
      { message: 'Au 4.', answers: { where: '4 rue des Lilas' } },
      randomUUID(),
    );
    expect(answered.json()).toMatchObject({ status: 'IN_REVIEW', answers: { where: '4 rue des Lilas' } });
    const timeline = (await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.id}`)).json().timeline;
    expect(timeline[timeline.length - 1]).toMatchObject({
      kind: 'INFO_PROVIDED',
      author: 'HELPER',
      authorName: granted.json().helper.name,
    });

    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    const refused = await tv(neighbour, 'GET', `${base}/requests/${sent.id}`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'mandate_withdrawn']);
    // Withdrawn, it still reads (active: false), so that the helper's TV can say so rather than "not found".
    expect((await tv(neighbour, 'GET', `/api/v1/mandates/received/${mandateId}`)).json()).toMatchObject({ id: mandateId, active: false });
    // The neighbour's own procedures are untouched.
    expect((await tv(neighbour, 'GET', '/api/v1/eservices/forms')).statusCode).toBe(200);
  });

  it('lists the people a social worker helps: active first with their home, then withdrawn ones, in keyset pages', async () => {
    const demoSocialWorker = await signInStaff(api.app, 'accompagnement@marseille.demo');
    const grant = async (who: TokenResponse, scopes: string[]) =>
      (await tv(who, 'POST', '/api/v1/mandates', { helper: { kind: 'STAFF', email: 'accompagnement@marseille.demo' }, scopes })).json();
    const first = await grant(stranger, ['reports']);
    const second = await grant(neighbour, ['eservices', 'reports']);
    const third = await grant(tenant, ['eservices']);
    await tv(neighbour, 'DELETE', `/api/v1/mandates/${second.id}`);

    const all = await staff(demoSocialWorker, 'GET', '/api/v1/staff/helped-tenants');
    expect(all.statusCode).toBe(200);
    const items = all.json().items;
    expect(items.map((item: { id: string }) => item.id)).toEqual([third.id, first.id, second.id]);
    expect(items[0]).toMatchObject({
      active: true,
      scopes: ['eservices'],
      tenant: {
        reference: LAURIERS_A_TENANT,
        name: expect.stringMatching(/\S+ \S+/),
        building: expect.any(String),
        residence: 'Les Lauriers',
      },
    });
    expect(items[2]).toMatchObject({ active: false, withdrawnAt: expect.any(String), scopes: ['eservices', 'reports'] });

    // One row a page walks through the active part into the withdrawn one, and stops.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = '/api/v1/staff/helped-tenants?limit=1' + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
      const page = (await staff(demoSocialWorker, 'GET', url)).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([third.id, first.id, second.id]);

    // Nobody else sees them; a forged cursor is a 400, no session a 401.
    expect((await staff(otherStaff, 'GET', '/api/v1/staff/helped-tenants')).json().items).toEqual([]);
    const forged = await staff(demoSocialWorker, 'GET', '/api/v1/staff/helped-tenants?cursor=x.nope');
    expect([forged.statusCode, forged.json().code]).toEqual([400, 'invalid_cursor']);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/staff/helped-tenants' })).statusCode).toBe(401);
  });
});
