// Town-hall e-services through the public API: drafts that resume, idempotent submission validated against its own
// version, the clerk's scope and status machine, and the tenant's answer to a request for information.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { hashPassword } from '../src/modules/accounts/secrets';
import { DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';

const OTHER_TOWN_HALL_CLERK = 'demarches@mairie15-16.demo';

type Form = { formId: string; versionId: string; version: number; title: { fr: string }; draft: unknown };

const pothole = {
  kind: 'pothole',
  where: 'Devant le 12 avenue de Frais-Vallon',
  noticedOn: '2026-11-20',
  dangerous: true,
  description: 'Un trou profond sur la chaussée, les voitures font des écarts.',
};

describe('town-hall e-services', () => {
  let api: TestApi;
  let tenant: TokenResponse; // Les Lauriers (13e–14e)
  let savine: TokenResponse; // La Savine (15e–16e)
  let townHallClerk: { cookie: string };
  let cityClerk: { cookie: string };
  let otherTownHallClerk: { cookie: string };
  let landlordAdmin: { cookie: string };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    const db = api.app.db;
    // The 15e–16e town hall, with a clerk of its own.
    const other = await db.district.findUniqueOrThrow({ where: { code: 'MRS-8' } });
    const organisation = await db.organisation.create({
      data: {
        kind: 'TOWN_HALL',
        name: 'Mairie des 15e et 16e arrondissements',
        slug: 'mairie-15-16',
        cityId: other.cityId,
        districtId: other.id,
      },
    });
    await db.staffMember.create({
      data: {
        organisationId: organisation.id,
        email: OTHER_TOWN_HALL_CLERK,
        fullName: 'Karim Benali',
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        roles: ['CLERK'],
      },
    });
    [tenant, savine] = await Promise.all([activateTv(api.app, LAURIERS_A_TENANT), activateTv(api.app, SAVINE_TENANT)]);
    [townHallClerk, cityClerk, otherTownHallClerk, landlordAdmin] = await Promise.all([
      signInStaff(api.app, 'demarches@mairie13-14.demo'),
      signInStaff(api.app, 'communication@marseille.demo'),
      signInStaff(api.app, OTHER_TOWN_HALL_CLERK),
      signInStaff(api.app, 'admin@hmp.demo'),
    ]);
  });
  afterAll(async () => api?.close());

  const tv = (tokens: TokenResponse, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const staff = (who: { cookie: string }, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
  const submit = (tokens: TokenResponse, versionId: string, answers: object, key: string = randomUUID()) =>
    tv(tokens, 'POST', '/api/v1/eservices/requests', { versionId, answers }, key);

  async function formsOf(tokens: TokenResponse): Promise<Form[]> {
    const response = await tv(tokens, 'GET', '/api/v1/eservices/forms');
    expect(response.statusCode).toBe(200);
    return response.json().items;
  }
  async function formTitled(tokens: TokenResponse, title: string): Promise<Form> {
    const form = (await formsOf(tokens)).find((candidate) => candidate.title.fr === title);
    if (!form) throw new Error(`no form "${title}"`);
    return form;
  }
  const ROAD = 'Signaler un problème sur la voie publique';
  const BULKY = 'Faire enlever des encombrants';

  it('shows each tenant the forms of their town hall and their city, with questions in order', async () => {
    const lauriersTitles = (await formsOf(tenant)).map((form) => form.title.fr);
    expect(lauriersTitles).toEqual([
      'Demander un acte d’état civil',
      ROAD,
      BULKY,
      'Vérifier mon inscription sur les listes électorales',
      'Rencontrer un conseiller de la mairie',
    ]);
    // La Savine is in another district: the city's forms only.
    expect((await formsOf(savine)).map((form) => form.title.fr)).toEqual([ROAD, 'Vérifier mon inscription sur les listes électorales']);
    const bulky = await formTitled(tenant, BULKY);
    expect((await tv(savine, 'GET', `/api/v1/eservices/forms/${bulky.formId}`)).statusCode).toBe(404);

    const road = await tv(tenant, 'GET', `/api/v1/eservices/forms/${(await formTitled(tenant, ROAD)).formId}`);
    expect(road.json().questions.map((question: { name: string; widget: string }) => `${question.name}:${question.widget}`)).toEqual([
      'kind:choice',
      'where:text',
      'noticedOn:date',
      'dangerous:yesNo',
      'description:longText',
    ]);
    expect(road.json().questions[0].choices[0]).toEqual({
      value: 'pothole',
      label: { fr: 'Nid-de-poule, chaussée abîmée', en: 'Pothole, damaged road', ar: 'حفرة أو طريق متضرر' },
    });
  });

  it('keeps a draft at every step and resumes it where the tenant stopped', async () => {
    const road = await formTitled(tenant, ROAD);
    expect(road.draft).toBeNull();
    expect((await tv(tenant, 'GET', `/api/v1/eservices/drafts/${road.formId}`)).statusCode).toBe(404);

    const step1 = { versionId: road.versionId, step: 1, answers: { kind: 'pothole' } };
    expect((await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${road.formId}`, step1)).statusCode).toBe(200);
    const step2 = { versionId: road.versionId, step: 2, answers: { kind: 'pothole', where: pothole.where } };
    const saved = await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${road.formId}`, step2);
    // The same PUT again (a retry) changes nothing.
    const again = await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${road.formId}`, step2);
    expect(again.json()).toMatchObject({ step: 2, answers: step2.answers });

    // A wrong answer is refused at its step, naming the question.
    const wrong = await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${road.formId}`, {
      ...step2,
      step: 3,
      answers: { ...step2.answers, noticedOn: '20/11/2026' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'eservice_answers_invalid',
      errors: [{ field: '/answers/noticedOn', message: 'must match format "date"' }],
    });

    // Power cut: the TV starts again and finds the draft, at the same step, with its version's questions.
    expect(saved.json().step).toBe(2);
    expect((await formTitled(tenant, ROAD)).draft).toEqual({ versionId: road.versionId, step: 2, updatedAt: again.json().updatedAt });
    const resumed = await tv(tenant, 'GET', `/api/v1/eservices/drafts/${road.formId}`);
    expect(resumed.json()).toMatchObject({ step: 2, answers: step2.answers, versionId: road.versionId });
    expect(resumed.json().form.questions[resumed.json().step].name).toBe('noticedOn');

    const sent = await submit(tenant, road.versionId, pothole);
    expect(sent.statusCode).toBe(201);
    // Sending clears the draft.
    expect((await tv(tenant, 'GET', `/api/v1/eservices/drafts/${road.formId}`)).statusCode).toBe(404);
  });

  it('refuses a submission that does not match its version, naming each failing field', async () => {
    const road = await formTitled(tenant, ROAD);
    const refused = await submit(tenant, road.versionId, {
      ...pothole,
      kind: 'volcano',
      noticedOn: 'yesterday',
      description: undefined,
      colour: 'red',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('eservice_answers_invalid');
    expect(refused.json().errors).toEqual(
      expect.arrayContaining([
        { field: '/answers/description', message: 'is required' },
        { field: '/answers/colour', message: 'is not a question of this form' },
        { field: '/answers/kind', message: 'must be equal to one of the allowed values' },
        { field: '/answers/noticedOn', message: 'must match format "date"' },
      ]),
    );
    expect(refused.json().errors).toHaveLength(4);
    // A number where a yes/no is asked: types are taken as sent, never coerced.
    const coerced = await submit(tenant, road.versionId, { ...pothole, dangerous: 'true' });
    expect(coerced.json().errors).toEqual([{ field: '/answers/dangerous', message: 'must be boolean' }]);
    // And without an Idempotency-Key nothing is sent at all.
    const noKey = await api.app.inject({
      method: 'POST',
      url: '/api/v1/eservices/requests',
      headers: bearer(tenant),
      payload: { versionId: road.versionId, answers: pothole },
    });
    expect(noKey.statusCode).toBe(400);
  });

  it('creates exactly one request from concurrent retries with one Idempotency-Key, on two API instances', async () => {
    const road = await formTitled(tenant, ROAD);
    const second = await api.buildInstance();
    const key = randomUUID();
    const send = (app: typeof api.app) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/eservices/requests',
        headers: { ...bearer(tenant), 'idempotency-key': key },
        payload: { versionId: road.versionId, answers: pothole },
      });
    const responses = await Promise.all(Array.from({ length: 8 }, (_, index) => send(index % 2 === 0 ? api.app : second)));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
    const ids = new Set(responses.map((response) => response.json().id));
    expect(ids.size).toBe(1);
    const receipt = responses[0]!.json().receiptNumber;
    expect(receipt).toMatch(/^MRS-\d{4}-\d{6}$/);
    expect(responses.every((response) => response.json().receiptNumber === receipt)).toBe(true);
    expect(await api.app.db.eServiceRequest.count({ where: { idempotencyKey: { endsWith: `:${key}` } } })).toBe(1);
    // A retry much later still gets the same request.
    const later = await send(api.app);
    expect([later.statusCode, later.json().id]).toEqual([200, responses[0]!.json().id]);
  });

  it('validates against the version the tenant started on, even after a newer one is published', async () => {
    const bulky = await formTitled(tenant, BULKY);
    const v1 = (await tv(tenant, 'GET', `/api/v1/eservices/forms/${bulky.formId}`)).json();
    await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${bulky.formId}`, {
      versionId: v1.versionId,
      step: 2,
      answers: { items: ['mattress'], volume: 'small' },
    });

    // The clerk makes the notes compulsory and adds a phone number: version 2.
    const schema = structuredClone(v1.schema);
    schema.required = [...schema.required, 'accessNotes', 'phone'];
    schema.properties.phone = { type: 'string', pattern: '^0[1-9][0-9]{8}$', maxLength: 10 };
    schema['x-palier'].order.push('phone');
    schema['x-palier'].questions.phone = { title: { fr: 'Votre téléphone' }, widget: 'text' };
    const saved = await staff(townHallClerk, 'PUT', `/api/v1/staff/eservices/forms/${bulky.formId}/draft`, { schema });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, status: 'DRAFT' });
    // Tenants still get version 1 until it is published.
    expect((await tv(tenant, 'GET', `/api/v1/eservices/forms/${bulky.formId}`)).json().version).toBe(1);
    const published = await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${bulky.formId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().versions.map((version: { status: string }) => version.status)).toEqual(['SUPERSEDED', 'PUBLISHED']);
    expect((await tv(tenant, 'GET', `/api/v1/eservices/forms/${bulky.formId}`)).json().version).toBe(2);

    // The draft stays on version 1, and is sent and validated against it: no phone, no notes needed.
    const draft = (await tv(tenant, 'GET', `/api/v1/eservices/drafts/${bulky.formId}`)).json();
    expect(draft.versionId).toBe(v1.versionId);
    expect(draft.form.questions.map((question: { name: string }) => question.name)).not.toContain('phone');
    const sent = await submit(tenant, draft.versionId, { items: ['mattress'], volume: 'small', preferredDate: '2026-12-05' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ version: 1, status: 'SUBMITTED', receiptNumber: expect.stringMatching(/^M13-\d{4}-\d{6}$/) });
    // The same answers on version 2 are refused for what version 2 requires.
    const v2 = await submit(tenant, published.json().versions[1].id, { items: ['mattress'], volume: 'small', preferredDate: '2026-12-05' });
    expect(v2.statusCode).toBe(422);
    expect(
      v2
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['/answers/accessNotes', '/answers/phone']);
    // A published version never changes: the next edit is version 3.
    const next = await staff(townHallClerk, 'PUT', `/api/v1/staff/eservices/forms/${bulky.formId}/draft`, { schema });
    expect(next.json().version).toBe(3);
    expect((await staff(townHallClerk, 'GET', `/api/v1/staff/eservices/forms/${bulky.formId}/versions/2`)).json().schema).toEqual(schema);
  });

  it('checks a clerk’s schema when saved, with errors that point at what is wrong', async () => {
    const road = await formTitled(tenant, ROAD);
    const schema = (await tv(tenant, 'GET', `/api/v1/eservices/forms/${road.formId}`)).json().schema;
    const broken = structuredClone(schema);
    broken.properties.kind.type = 'strng';
    const typo = await staff(cityClerk, 'PUT', `/api/v1/staff/eservices/forms/${road.formId}/draft`, { schema: broken });
    expect(typo.statusCode).toBe(422);
    expect(typo.json().code).toBe('eservice_schema_invalid');
    expect(typo.json().errors[0].field).toBe('/properties/kind/type');

    const unknownKeyword = structuredClone(schema);
    unknownKeyword.properties.where.maxLenght = 10;
    const strict = await staff(cityClerk, 'POST', '/api/v1/staff/eservices/schema-check', { schema: unknownKeyword });
    expect(strict.json()).toMatchObject({ valid: false, errors: [{ message: expect.stringContaining('unknown keyword: "maxLenght"') }] });

    const missingLabel = structuredClone(schema);
    missingLabel.properties.kind.enum.push('flood');
    missingLabel['x-palier'].order = missingLabel['x-palier'].order.filter((name: string) => name !== 'dangerous');
    missingLabel.properties.where = { type: 'integer' };
    const checked = await staff(cityClerk, 'POST', '/api/v1/staff/eservices/schema-check', { schema: missingLabel });
    expect(checked.json().errors).toEqual(
      expect.arrayContaining([
        { field: '/x-palier/questions/kind/choices', message: 'must give a label for "flood"' },
        { field: '/x-palier/order', message: 'must list the question "dangerous"' },
        { field: '/properties/where', message: expect.stringContaining('a text needs') },
      ]),
    );
    const fine = await staff(cityClerk, 'POST', '/api/v1/staff/eservices/schema-check', { schema });
    expect(fine.json()).toMatchObject({ valid: true, errors: [] });
    expect(fine.json().questions).toHaveLength(5);
  });

  it('keeps each town hall to its own forms and requests', async () => {
    const road = await formTitled(tenant, ROAD);
    const bulky = await formTitled(tenant, BULKY);
    const sent = (await submit(tenant, road.versionId, pothole)).json();
    const queueIds = async (who: { cookie: string }) =>
      (await staff(who, 'GET', '/api/v1/staff/eservices/requests?limit=100')).json().items.map((item: { id: string }) => item.id);
    expect(await queueIds(cityClerk)).toContain(sent.id);
    expect(await queueIds(townHallClerk)).not.toContain(sent.id);
    expect(await queueIds(otherTownHallClerk)).toEqual([]);
    for (const who of [townHallClerk, otherTownHallClerk]) {
      expect((await staff(who, 'GET', `/api/v1/staff/eservices/requests/${sent.id}`)).statusCode).toBe(404);
      expect((await staff(who, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, { action: 'take' })).statusCode).toBe(
        404,
      );
    }
    expect((await staff(otherTownHallClerk, 'GET', `/api/v1/staff/eservices/forms/${bulky.formId}`)).statusCode).toBe(404);
    expect((await staff(otherTownHallClerk, 'POST', `/api/v1/staff/eservices/forms/${bulky.formId}/retire`)).statusCode).toBe(404);
    expect((await staff(otherTownHallClerk, 'GET', '/api/v1/staff/eservices/forms')).json().items).toEqual([]);
    // A landlord's staff have no e-services desk at all.
    expect((await staff(landlordAdmin, 'GET', '/api/v1/staff/eservices/requests')).statusCode).toBe(403);
    // And a tenant sees only their own requests.
    expect((await tv(savine, 'GET', `/api/v1/eservices/requests/${sent.id}`)).statusCode).toBe(404);
  });

  it('lets a clerk take, ask for information, then accept; the tenant answers on the TV and follows the timeline', async () => {
    const road = await formTitled(tenant, ROAD);
    const sent = (await submit(tenant, road.versionId, { ...pothole, where: 'avenue de Frais-Vallon' })).json();
    const act = (body: object) => staff(cityClerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, body);

    // Illegal transitions are refused: nothing is decided before someone took it.
    expect((await act({ action: 'accept' })).json().code).toBe('eservice_transition_refused');
    expect((await act({ action: 'ask_information', message: 'Où ?' })).statusCode).toBe(409);
    const taken = await act({ action: 'take' });
    expect(taken.json()).toMatchObject({
      status: 'IN_REVIEW',
      assignee: { name: 'François Lambert' },
      actions: ['ask_information', 'accept', 'reject'],
    });
    expect((await act({ action: 'take' })).statusCode).toBe(409);
    expect((await act({ action: 'reject' })).json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.message' }] });
    expect((await act({ action: 'ask_information', message: 'x', fields: ['colour'] })).statusCode).toBe(400);

    const asked = await act({ action: 'ask_information', message: 'À quel numéro de l’avenue exactement ?', fields: ['where'] });
    expect(asked.json().status).toBe('INFO_REQUESTED');
    const onTv = (await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.id}`)).json();
    expect(onTv).toMatchObject({
      awaitingTenant: true,
      infoRequest: { message: 'À quel numéro de l’avenue exactement ?', fields: ['where'] },
    });
    const events = await api.app.db.realtimeEvent.findMany({ where: { audienceKind: 'TENANT', type: 'eservice.updated' } });
    expect(events.map((event) => event.payload)).toContainEqual({ requestId: sent.id, status: 'INFO_REQUESTED', change: 'info_requested' });

    // Only the questions asked may change; the answer is retried with one key and recorded once.
    // Every answer carries an Idempotency-Key: a TV retries.
    const keyless = await tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, { message: 'Au 12.' });
    expect([keyless.statusCode, keyless.json().code]).toEqual([400, 'validation_failed']);
    const notAsked = await tv(
      tenant,
      'POST',
      `/api/v1/eservices/requests/${sent.id}/information`,
      { answers: { kind: 'lighting' } },
      randomUUID(),
    );
    expect(notAsked.json()).toMatchObject({
      code: 'eservice_answers_invalid',
      errors: [{ field: '/answers/kind', message: 'was not asked again' }],
    });
    const key = randomUUID();
    const answer = { message: 'C’est devant le numéro 12.', answers: { where: 'Devant le 12 avenue de Frais-Vallon' } };
    const [first, retry] = await Promise.all([
      tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, answer, key),
      tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, answer, key),
    ]);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(first.json()).toMatchObject({
      status: 'IN_REVIEW',
      answers: { where: 'Devant le 12 avenue de Frais-Vallon' },
      infoRequest: null,
    });
    // Answering again once the clerk has it back is refused.
    expect(
      (await tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, { message: 'encore' }, randomUUID())).statusCode,
    ).toBe(409);

    const accepted = await act({ action: 'accept', message: 'Une équipe passe cette semaine.' });
    expect(accepted.json()).toMatchObject({ status: 'ACCEPTED', actions: [] });
    expect((await act({ action: 'reject', message: 'non' })).statusCode).toBe(409);

    const followed = (await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.id}`)).json();
    expect(
      followed.timeline.map((event: { kind: string; author: string; authorName: string }) => [event.kind, event.author, event.authorName]),
    ).toEqual([
      ['SUBMITTED', 'TENANT', expect.any(String)],
      ['TAKEN', 'STAFF', 'François'],
      ['INFO_REQUESTED', 'STAFF', 'François'],
      ['INFO_PROVIDED', 'TENANT', expect.any(String)],
      ['ACCEPTED', 'STAFF', 'François'],
    ]);
    expect(followed.timeline[3]).toMatchObject({ message: 'C’est devant le numéro 12.', fields: ['where'] });
    const mine = (await tv(tenant, 'GET', '/api/v1/eservices/requests')).json();
    expect(mine.items[0]).toMatchObject({ id: sent.id, status: 'ACCEPTED', awaitingTenant: false });
  });

  it('takes new answers to the named questions only: checked against the request’s version, applied once, old → new', async () => {
    // A form of its own, so that a version 2 can be published under the request without touching the others' forms.
    const created = await staff(townHallClerk, 'POST', '/api/v1/staff/eservices/forms', {
      slug: 'stationnement-resident',
      receiptPrefix: 'M13',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['plate', 'cars', 'since'],
        properties: {
          plate: { type: 'string', minLength: 4, maxLength: 10 },
          cars: { type: 'integer', minimum: 1, maximum: 3 },
          since: { type: 'string', format: 'date' },
          note: { type: 'string', maxLength: 200 },
        },
        'x-palier': {
          title: { fr: 'Carte de stationnement résident' },
          order: ['plate', 'cars', 'since', 'note'],
          questions: {
            plate: { title: { fr: 'Immatriculation' }, widget: 'text' },
            cars: { title: { fr: 'Nombre de véhicules' }, widget: 'number' },
            since: { title: { fr: 'Installé depuis' }, widget: 'date' },
            note: { title: { fr: 'Remarque' }, widget: 'text' },
          },
        },
      },
    });
    const formId = created.json().id;
    await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${formId}/publish`);
    const hooked = await staff(townHallClerk, 'PUT', `/api/v1/staff/eservices/forms/${formId}/webhook`, {
      url: 'http://127.0.0.1:9/palier',
    });
    expect(hooked.statusCode).toBe(200);
    const form = await formTitled(tenant, 'Carte de stationnement résident');
    const sent = (await submit(tenant, form.versionId, { plate: 'AB-123-CD', cars: 1, since: '2024-03-01' })).json();
    const act = (body: object) => staff(townHallClerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, body);
    await act({ action: 'take' });
    await act({
      action: 'ask_information',
      message: 'La plaque et le nombre de véhicules ne correspondent pas.',
      fields: ['plate', 'cars'],
    });
    // Version 2 asks one more required question: the request stays on version 1, and so does its re-answer.
    const v2 = (await staff(townHallClerk, 'GET', `/api/v1/staff/eservices/forms/${formId}/versions/1`)).json().schema;
    v2.required.push('colour');
    v2.properties.colour = { type: 'string', maxLength: 20 };
    v2['x-palier'].order.push('colour');
    v2['x-palier'].questions.colour = { title: { fr: 'Couleur' }, widget: 'text' };
    expect((await staff(townHallClerk, 'PUT', `/api/v1/staff/eservices/forms/${formId}/draft`, { schema: v2 })).statusCode).toBe(200);
    expect((await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${formId}/publish`)).statusCode).toBe(200);

    const reanswer = (answers: object, key: string = randomUUID()) =>
      tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, { answers }, key);
    // A refused answer names the failing question; nothing changes.
    const refused = await reanswer({ plate: 'AB-456-CD', cars: 7 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'eservice_answers_invalid', errors: [{ field: '/answers/cars' }] });
    expect(refused.json().errors).toHaveLength(1);
    expect((await reanswer({ plate: 'AB-456-CD', cars: 'deux' })).json().errors[0].field).toBe('/answers/cars');
    // Only the named questions may change.
    const notNamed = await reanswer({ plate: 'AB-456-CD', since: '2023-01-01' });
    expect(notNamed.json()).toMatchObject({
      code: 'eservice_answers_invalid',
      errors: [{ field: '/answers/since', message: 'was not asked again' }],
    });
    const unchanged = (await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.id}`)).json();
    expect(unchanged).toMatchObject({ status: 'INFO_REQUESTED', answers: { plate: 'AB-123-CD', cars: 1, since: '2024-03-01' } });

    // The TV sends both named answers (one unchanged) with a key; a retry with the same key is applied once.
    const deliveriesBefore = await api.app.db.eServiceWebhookDelivery.count({ where: { requestId: sent.id } });
    const key = randomUUID();
    const first = await reanswer({ plate: 'AB-456-CD', cars: 1 }, key);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'IN_REVIEW',
      answers: { plate: 'AB-456-CD', cars: 1, since: '2024-03-01' },
      infoRequest: null,
    });
    expect(first.json().answers).not.toHaveProperty('colour');
    const retried = await reanswer({ plate: 'AB-456-CD', cars: 1 }, key);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().timeline).toEqual(first.json().timeline);
    expect(await api.app.db.eServiceRequestEvent.count({ where: { requestId: sent.id, kind: 'INFO_PROVIDED' } })).toBe(1);
    expect(await api.app.db.eServiceWebhookDelivery.count({ where: { requestId: sent.id } })).toBe(deliveriesBefore + 1);

    // The timeline says what changed, old → new: the clerk's console shows it, and the tenant's TV too.
    const provided = {
      kind: 'INFO_PROVIDED',
      author: 'TENANT',
      fields: ['plate'],
      changes: [{ field: 'plate', before: 'AB-123-CD', after: 'AB-456-CD' }],
    };
    const inConsole = (await staff(townHallClerk, 'GET', `/api/v1/staff/eservices/requests/${sent.id}`)).json();
    expect(inConsole.timeline.at(-1)).toMatchObject(provided);
    expect(inConsole.timeline.at(-2)).toMatchObject({ kind: 'INFO_REQUESTED', fields: ['plate', 'cars'], changes: [] });
    expect(first.json().timeline.at(-1)).toMatchObject(provided);
  });

  it('clears an optional named answer given as null, and refuses to clear a required one, naming it', async () => {
    const created = await staff(townHallClerk, 'POST', '/api/v1/staff/eservices/forms', {
      slug: 'macaron-visiteur',
      receiptPrefix: 'M13',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['plate'],
        properties: {
          plate: { type: 'string', minLength: 4, maxLength: 10 },
          note: { type: 'string', maxLength: 200 },
          until: { type: 'string', format: 'date' },
        },
        'x-palier': {
          title: { fr: 'Macaron visiteur' },
          order: ['plate', 'note', 'until'],
          questions: {
            plate: { title: { fr: 'Immatriculation' }, widget: 'text' },
            note: { title: { fr: 'Remarque' }, widget: 'text' },
            until: { title: { fr: 'Jusqu’au' }, widget: 'date' },
          },
        },
      },
    });
    const formId = created.json().id;
    expect((await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${formId}/publish`)).statusCode).toBe(200);
    const form = await formTitled(tenant, 'Macaron visiteur');
    const sent = (await submit(tenant, form.versionId, { plate: 'AB-123-CD', note: 'Garage au sous-sol' })).json();
    const act = (body: object) => staff(townHallClerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, body);
    await act({ action: 'take' });
    await act({ action: 'ask_information', message: 'Le garage n’a rien à voir ici.', fields: ['plate', 'note', 'until'] });
    const reanswer = (answers: object) =>
      tv(tenant, 'POST', `/api/v1/eservices/requests/${sent.id}/information`, { answers }, randomUUID());

    // The plate is required: clearing it is refused, naming it, and nothing changes.
    const refused = await reanswer({ plate: null, note: null });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'eservice_answers_invalid',
      errors: [{ field: '/answers/plate', message: 'is required' }],
    });
    expect(refused.json().errors).toHaveLength(1);
    expect((await tv(tenant, 'GET', `/api/v1/eservices/requests/${sent.id}`)).json()).toMatchObject({
      status: 'INFO_REQUESTED',
      answers: { plate: 'AB-123-CD', note: 'Garage au sous-sol' },
    });

    // The note is optional: null clears it. Clearing "until", never answered, is no change.
    const cleared = await reanswer({ plate: 'AB-123-CD', note: null, until: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().answers).toEqual({ plate: 'AB-123-CD' });
    expect(cleared.json().timeline.at(-1)).toMatchObject({
      kind: 'INFO_PROVIDED',
      fields: ['note'],
      changes: [{ field: 'note', before: 'Garage au sous-sol', after: null }],
    });
    const inConsole = (await staff(townHallClerk, 'GET', `/api/v1/staff/eservices/requests/${sent.id}`)).json();
    expect(inConsole.answers).toEqual({ plate: 'AB-123-CD' });
  });

  it('pages the clerk’s queue by keyset, oldest first, filtered by form and status', async () => {
    const road = await formTitled(tenant, ROAD);
    for (let index = 0; index < 3; index += 1) await submit(savine, road.versionId, pothole);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; submittedAt: string; status: string; formId: string }[]; nextCursor: string | null } = (
        await staff(
          cityClerk,
          'GET',
          `/api/v1/staff/eservices/requests?limit=2&status=SUBMITTED&formId=${road.formId}${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      expect(page.items.every((item) => item.status === 'SUBMITTED' && item.formId === road.formId)).toBe(true);
      seen.push(...page.items.map((item) => item.submittedAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort()).toEqual(seen);
  });

  it('accepts no new drafts or requests on a retired form, and keeps processing those already sent', async () => {
    const created = await staff(townHallClerk, 'POST', '/api/v1/staff/eservices/forms', {
      slug: 'permis-de-detention',
      receiptPrefix: 'M13',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['dogName'],
        properties: { dogName: { type: 'string', maxLength: 50 } },
        'x-palier': {
          title: { fr: 'Permis de détention de chien' },
          order: ['dogName'],
          questions: { dogName: { title: { fr: 'Nom du chien' }, widget: 'text' } },
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const formId = created.json().id;
    // Not visible until published.
    expect((await formsOf(tenant)).some((form) => form.formId === formId)).toBe(false);
    await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${formId}/publish`);
    const form = await formTitled(tenant, 'Permis de détention de chien');
    const sent = (await submit(tenant, form.versionId, { dogName: 'Rex' })).json();
    await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${formId}`, { versionId: form.versionId, step: 0, answers: {} });

    const retired = await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/forms/${formId}/retire`);
    expect(retired.json().retiredAt).not.toBeNull();
    expect((await formsOf(tenant)).some((candidate) => candidate.formId === formId)).toBe(false);
    // The district's TVs were told to re-read their list, on publication and on retirement.
    const changes = await api.app.db.realtimeEvent.findMany({
      where: { type: 'eservice.forms_changed', audienceKind: 'DISTRICT' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((event) => event.payload).filter((payload) => (payload as { formId: string }).formId === formId)).toEqual([
      { formId, change: 'published' },
      { formId, change: 'retired' },
    ]);
    expect((await submit(tenant, form.versionId, { dogName: 'Médor' })).json().code).toBe('eservice_form_retired');
    expect(
      (await tv(tenant, 'PUT', `/api/v1/eservices/drafts/${formId}`, { versionId: form.versionId, step: 1, answers: {} })).statusCode,
    ).toBe(409);
    expect((await tv(tenant, 'GET', `/api/v1/eservices/drafts/${formId}`)).json().form.acceptsRequests).toBe(false);
    const take = await staff(townHallClerk, 'POST', `/api/v1/staff/eservices/requests/${sent.id}/transitions`, { action: 'take' });
    expect(take.json().status).toBe('IN_REVIEW');
  });
});
