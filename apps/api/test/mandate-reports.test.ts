// Mandates covering fault reports, through the public API: the tenant chooses the scopes, a helper files and follows a
// report in the tenant's name (everything the tenant can do from the TV, photos from the helper's phone included), the
// tenant reads who did what "on their behalf", and a withdrawn or narrower right is refused.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { hashPassword } from '../src/modules/accounts/secrets';
import { DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';

const SOCIAL_WORKER = 'assistante.sociale@marseille.demo';

const leak = {
  category: 'PLUMBING',
  location: 'HOME',
  spot: 'KITCHEN',
  urgency: 'NORMAL',
  template: 'leak_under_sink',
  description: 'Fuite sous l’évier de la cuisine',
};

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe('mandates covering fault reports', () => {
  let api: TestApi;
  let tenant: TokenResponse; // gives the mandates
  let neighbour: TokenResponse; // a helper with a tenant account
  let stranger: TokenResponse;
  let socialWorker: { cookie: string };
  let otherStaff: { cookie: string };
  let caretaker: { cookie: string };

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
    [socialWorker, otherStaff, caretaker] = await Promise.all([
      signInStaff(api.app, SOCIAL_WORKER),
      signInStaff(api.app, 'accueil@hmp.demo'),
      signInStaff(api.app, 'gardien.lauriers@hmp.demo'),
    ]);
  });
  afterAll(async () => api?.close());

  const tv = (tokens: TokenResponse, method: Method, url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const staff = (who: { cookie: string }, method: Method, url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const grant = (helper: object, scopes?: string[]) => tv(tenant, 'POST', '/api/v1/mandates', { helper, ...(scopes ? { scopes } : {}) });

  it('lets a social worker file a report for the tenant and do everything the tenant could, written as theirs', async () => {
    const granted = await grant({ kind: 'STAFF', email: SOCIAL_WORKER }, ['eservices', 'reports']);
    expect(granted.statusCode).toBe(201);
    expect(granted.json().scopes).toEqual(['eservices', 'reports']);
    const mandateId = granted.json().id as string;
    const base = `/api/v1/mandates/${mandateId}/reports`;

    // Filed in the tenant's name; a retry with the same key is the same report.
    const key = randomUUID();
    const filed = await staff(socialWorker, 'POST', base, leak, key);
    expect(filed.statusCode).toBe(201);
    const report = filed.json();
    const retried = await staff(socialWorker, 'POST', base, leak, key);
    expect([retried.statusCode, retried.json().id]).toEqual([200, report.id]);

    // It is the tenant's report: on their TV, in the landlord's queue, and says who filed it.
    const onTv = (await tv(tenant, 'GET', `/api/v1/reports/${report.id}`)).json();
    expect(onTv.timeline[0]).toMatchObject({ kind: 'STATUS', status: 'RECEIVED', author: 'HELPER', authorName: 'Nadia' });
    expect((await tv(tenant, 'GET', '/api/v1/reports')).json().items.map((item: { id: string }) => item.id)).toContain(report.id);
    const inConsole = (await staff(caretaker, 'GET', `/api/v1/staff/reports/${report.id}`)).json();
    expect(inConsole.tenant.reference).toBe(LAURIERS_A_TENANT);
    expect(inConsole.timeline[0]).toMatchObject({ author: 'HELPER', authorName: 'Nadia Roux (Ville de Marseille)' });
    expect((await staff(socialWorker, 'GET', base)).json().items.map((item: { id: string }) => item.id)).toContain(report.id);

    // Information, then the offered slot taken, by the helper.
    const informed = await staff(socialWorker, 'POST', `${base}/${report.id}/messages`, { body: 'Le voisin du dessous a une tache.' });
    expect(informed.statusCode).toBe(200);
    await staff(caretaker, 'POST', `/api/v1/staff/reports/${report.id}/transitions`, { action: 'acknowledge' });
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(8, 0, 0, 0);
    const at = (hours: number) => new Date(tomorrow.getTime() + hours * 3_600_000).toISOString();
    const offered = await staff(caretaker, 'POST', `/api/v1/staff/reports/${report.id}/slots`, {
      slots: [
        { startsAt: at(0), endsAt: at(2) },
        { startsAt: at(6), endsAt: at(8) },
      ],
    });
    const slotId = offered.json().slots.find((slot: { state: string }) => slot.state === 'OFFERED').id;
    const accepted = await staff(socialWorker, 'POST', `${base}/${report.id}/appointment`, { slotId });
    expect(accepted.json()).toMatchObject({ status: 'APPOINTMENT_BOOKED' });

    // Resolved by the caretaker; rated, reopened, then cancelled by the helper.
    await staff(caretaker, 'POST', `/api/v1/staff/reports/${report.id}/transitions`, { action: 'resolve' });
    expect((await staff(socialWorker, 'POST', `${base}/${report.id}/rating`, { stars: 4 })).json().rating).toBe(4);
    const again = await staff(socialWorker, 'POST', `${base}/${report.id}/rating`, { stars: 5 });
    expect(again.json().code).toBe('report_already_rated');
    expect((await staff(socialWorker, 'POST', `${base}/${report.id}/reopen`, { body: 'Ça goutte encore.' })).json().status).toBe(
      'RECEIVED',
    );
    const cancelled = await staff(socialWorker, 'POST', `${base}/${report.id}/cancel`);
    expect(cancelled.json().status).toBe('CANCELLED');

    // The tenant's timeline: every step the helper took is theirs, by first name.
    const timeline = (await tv(tenant, 'GET', `/api/v1/reports/${report.id}`)).json().timeline as {
      kind: string;
      status: string | null;
      author: string;
      authorName: string | null;
    }[];
    const byHelper = timeline.filter((event) => event.author === 'HELPER');
    expect(byHelper.map((event) => event.status ?? event.kind)).toEqual([
      'RECEIVED',
      'MESSAGE',
      'APPOINTMENT_BOOKED',
      'SLOT_ACCEPTED',
      'RATED',
      'RECEIVED',
      'CANCELLED',
    ]);
    expect(new Set(byHelper.map((event) => event.authorName))).toEqual(new Set(['Nadia']));

    // What was done in the tenant's name, newest first, page by page.
    const first = (await tv(tenant, 'GET', `/api/v1/mandates/${mandateId}/actions?limit=4`)).json();
    const second = (await tv(tenant, 'GET', `/api/v1/mandates/${mandateId}/actions?limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    const actions = [...first.items, ...second.items];
    expect(actions.map((action: { kind: string }) => action.kind)).toEqual([
      'CANCELLED',
      'REOPENED',
      'RATED',
      'SLOT_ACCEPTED',
      'MESSAGE',
      'REPORTED',
    ]);
    expect(actions[0]).toMatchObject({
      scope: 'reports',
      requestId: report.id,
      receiptNumber: report.number,
      helperName: 'Nadia Roux (Ville de Marseille)',
    });

    // Nobody else gets in through this mandate.
    expect((await staff(otherStaff, 'GET', base)).statusCode).toBe(404);
    expect((await tv(stranger, 'GET', `${base}/${report.id}`)).statusCode).toBe(404);
    expect((await api.app.inject({ url: base })).statusCode).toBe(401);

    // Withdrawn: refused at once on every route; what was done stays with the tenant.
    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    for (const response of [
      await staff(socialWorker, 'GET', base),
      await staff(socialWorker, 'GET', `${base}/${report.id}`),
      await staff(socialWorker, 'POST', base, leak, randomUUID()),
      await staff(socialWorker, 'POST', `${base}/${report.id}/messages`, { body: 'Encore moi' }),
    ]) {
      expect([response.statusCode, response.json().code]).toEqual([403, 'mandate_withdrawn']);
    }
    expect((await tv(tenant, 'GET', `/api/v1/mandates/${mandateId}/actions`)).json().items).toHaveLength(6);
  });

  it('lets the tenant choose the scopes: e-services alone keeps the helper out of reports, until granted again', async () => {
    const granted = await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT });
    expect(granted.json().scopes).toEqual(['eservices']);
    const mandateId = granted.json().id as string;
    const base = `/api/v1/mandates/${mandateId}/reports`;
    const refused = await tv(neighbour, 'GET', base);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
    expect((await tv(neighbour, 'POST', base, leak, randomUUID())).statusCode).toBe(403);

    // Granting again with both scopes is the same mandate, now covering reports.
    const widened = await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT }, ['eservices', 'reports']);
    expect([widened.statusCode, widened.json().id, widened.json().scopes]).toEqual([200, mandateId, ['eservices', 'reports']]);
    const filed = await tv(neighbour, 'POST', base, { ...leak, description: 'Le robinet fuit' }, randomUUID());
    expect(filed.statusCode).toBe(201);
    const neighbourName = widened.json().helper.name as string;
    const seen = (await tv(tenant, 'GET', `/api/v1/reports/${filed.json().id}`)).json();
    expect(seen.timeline[0]).toMatchObject({ author: 'HELPER', authorName: neighbourName });

    // The helper reaches the tenant's reports only, not their own nor anyone else's through the mandate.
    const own = (await tv(neighbour, 'POST', '/api/v1/reports', { ...leak, description: 'Chez moi' }, randomUUID())).json();
    expect((await tv(neighbour, 'GET', `${base}/${own.id}`)).statusCode).toBe(404);
    expect((await tv(neighbour, 'GET', base)).json().items.map((item: { id: string }) => item.id)).not.toContain(own.id);

    // Narrowed back to e-services: refused again, and e-services still work.
    await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT }, ['eservices']);
    expect((await tv(neighbour, 'GET', `${base}/${filed.json().id}`)).statusCode).toBe(403);
    expect((await tv(neighbour, 'GET', `/api/v1/mandates/${mandateId}/eservices/forms`)).statusCode).toBe(200);
    expect((await tv(neighbour, 'GET', '/api/v1/mandates/received')).json().items[0].scopes).toEqual(['eservices']);

    // From the helper's page on the TV: reports only, at once; nobody else may change it; not once withdrawn.
    const changed = await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['reports'] });
    expect([changed.statusCode, changed.json().scopes]).toEqual([200, ['reports']]);
    expect((await tv(neighbour, 'GET', `${base}/${filed.json().id}`)).statusCode).toBe(200);
    expect((await tv(neighbour, 'GET', `/api/v1/mandates/${mandateId}/eservices/forms`)).statusCode).toBe(403);
    expect((await tv(stranger, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['eservices'] })).statusCode).toBe(404);
    expect((await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: [] })).statusCode).toBe(400);
    expect((await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['calls'] })).statusCode).toBe(400);
    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    const late = await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['eservices', 'reports'] });
    expect([late.statusCode, late.json().code]).toEqual([409, 'mandate_not_active']);
  });

  it('lets a neighbour helper send photos from her phone for the tenant’s report, kept apart from the tenant’s own', async () => {
    const granted = await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT }, ['reports']);
    expect(granted.statusCode).toBe(201);
    const mandateId = granted.json().id as string;
    const base = `/api/v1/mandates/${mandateId}/reports`;
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 90, b: 60 } } })
      .jpeg()
      .toBuffer();
    const { firstName } = await api.app.db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_A_TENANT } });
    const helperName = granted.json().helper.name as string;
    /** Claims the code as the phone does: the helper's phone greets her and says for whom; the tenant's greets the tenant. */
    const phoneOf = async (start: { statusCode: number; json: () => { code: string } }, helper = true) => {
      expect(start.statusCode).toBe(201);
      const claimed = (
        await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: start.json().code } })
      ).json();
      expect(claimed).toMatchObject({ purpose: 'report_photos', firstName: helper ? helperName : firstName });
      expect(claimed.onBehalfOf).toBe(helper ? firstName : undefined);
      return { authorization: `Bearer ${claimed.accessToken}` };
    };
    const upload = (phone: { authorization: string }) =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/reports/photos',
        headers: { ...phone, 'content-type': 'image/jpeg' },
        payload: photo,
      });
    const idsOf = (response: { json: () => { items: Array<{ id: string }> } }) => response.json().items.map((item) => item.id);

    // The helper's phone sends one photo; the tenant's own phone another.
    const helperPhone = await phoneOf(await tv(neighbour, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'report_photos' }));
    const helperPhoto = await upload(helperPhone);
    expect(helperPhoto.statusCode).toBe(201);
    const tenantPhoto = await upload(await phoneOf(await tv(tenant, 'POST', '/api/v1/handoffs', { purpose: 'report_photos' }), false));
    expect(tenantPhoto.statusCode).toBe(201);

    // Each draft sees its own: the helper's under the mandate, the tenant's on her TV; the helper's own drafts see neither.
    expect(idsOf(await tv(neighbour, 'GET', `${base}/draft-photos`))).toEqual([helperPhoto.json().id]);
    expect(idsOf(await tv(tenant, 'GET', '/api/v1/reports/draft-photos'))).toEqual([tenantPhoto.json().id]);
    expect(idsOf(await tv(neighbour, 'GET', '/api/v1/reports/draft-photos'))).toEqual([]);
    // Neither can attach the other's photo, nor can the helper attach hers to her own report.
    const crossed = await tv(neighbour, 'POST', base, { ...leak, photoIds: [tenantPhoto.json().id] }, randomUUID());
    expect([crossed.statusCode, crossed.json().errors[0].field]).toEqual([400, 'body.photoIds']);
    expect((await tv(tenant, 'POST', '/api/v1/reports', { ...leak, photoIds: [helperPhoto.json().id] }, randomUUID())).statusCode).toBe(
      400,
    );
    expect((await tv(neighbour, 'POST', '/api/v1/reports', { ...leak, photoIds: [helperPhoto.json().id] }, randomUUID())).statusCode).toBe(
      400,
    );

    // The helper files the report with her photo: the tenant's report, its photo served like any other.
    const filed = await tv(
      neighbour,
      'POST',
      base,
      { ...leak, description: 'Tache au plafond', photoIds: [helperPhoto.json().id] },
      randomUUID(),
    );
    expect(filed.statusCode).toBe(201);
    const report = (await tv(tenant, 'GET', `/api/v1/reports/${filed.json().id}`)).json();
    expect(report.photos.map((one: { id: string }) => one.id)).toEqual([helperPhoto.json().id]);
    expect((await api.app.inject({ url: report.photos[0].thumbUrl })).statusCode).toBe(200);
    expect(idsOf(await tv(tenant, 'GET', '/api/v1/reports/draft-photos'))).toEqual([tenantPhoto.json().id]);

    // More photos for that report from the helper's phone: in its timeline as added by her, in the tenant's name.
    const morePhone = await phoneOf(
      await tv(neighbour, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'report_photos', subjectId: report.id }),
    );
    expect((await upload(morePhone)).statusCode).toBe(201);
    const added = (await tv(tenant, 'GET', `/api/v1/reports/${report.id}`)).json();
    expect(added.photos).toHaveLength(2);
    expect(added.timeline[added.timeline.length - 1]).toMatchObject({
      kind: 'PHOTO_ADDED',
      author: 'HELPER',
      authorName: helperName,
    });

    // Only report photos, only the tenant's reports, only for the helper.
    const other = await tv(neighbour, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'data_export' });
    expect([other.statusCode, other.json().code]).toEqual([403, 'forbidden']);
    const own = (await tv(neighbour, 'POST', '/api/v1/reports', { ...leak, description: 'Chez moi aussi' }, randomUUID())).json();
    const foreign = await tv(neighbour, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'report_photos', subjectId: own.id });
    expect(foreign.statusCode).toBe(404);
    expect((await tv(stranger, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'report_photos' })).statusCode).toBe(404);

    // Withdrawn: no new hand-off, and a phone already holding one sends nothing more.
    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    const late = await tv(neighbour, 'POST', `/api/v1/mandates/${mandateId}/handoffs`, { purpose: 'report_photos' });
    expect([late.statusCode, late.json().code]).toEqual([403, 'mandate_withdrawn']);
    const refused = await upload(helperPhone);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'mandate_withdrawn']);
    expect((await tv(tenant, 'GET', `/api/v1/reports/${report.id}`)).json().photos).toHaveLength(2);
  });
});
