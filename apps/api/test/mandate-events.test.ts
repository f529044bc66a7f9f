// What helpers hear in realtime: a change of the tenant's report or request reaches each active helper whose mandate
// covers it (on their TV's or console's own audience, replayed after a reconnection), never a withdrawn helper or one
// without the scope; the tenant giving, narrowing or withdrawing the right tells the helper at once.
import { randomUUID } from 'node:crypto';
import { Prisma } from '@prisma/client';
import type { EventMessage, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { TestSocket } from '../../../test/support/realtime-socket';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import { activeHelpersSql } from '../src/modules/mandates/helper-events';

const leak = {
  category: 'PLUMBING',
  location: 'HOME',
  spot: 'KITCHEN',
  urgency: 'NORMAL',
  template: 'leak_under_sink',
  description: 'Fuite sous l’évier de la cuisine',
};

const lighting = {
  kind: 'lighting',
  where: 'Rue des Lilas',
  noticedOn: '2026-11-24',
  dangerous: false,
  description: 'Le lampadaire ne s’allume plus le soir.',
};

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Stored = { audience: string; name: string; data: Record<string, unknown> };

describe('helpers hear about the procedures they follow', () => {
  let api: TestApi;
  let tenant: TokenResponse; // gives the mandates
  let neighbour: TokenResponse; // helper for reports
  let otherNeighbour: TokenResponse; // helper for e-services only
  let socialWorker: { cookie: string }; // helper for both
  let caretaker: { cookie: string };
  let clerk: { cookie: string };
  let ids: { tenant: string; neighbour: string; otherNeighbour: string; socialWorker: string; agent: string; landlord: string };
  const mandates = { neighbour: '', otherNeighbour: '', socialWorker: '', agent: '' };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    [tenant, neighbour, otherNeighbour] = await Promise.all([
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    [socialWorker, caretaker, clerk] = await Promise.all([
      signInStaff(api.app, DEMO_STAFF.socialWorker),
      signInStaff(api.app, DEMO_STAFF.caretakerLauriers),
      signInStaff(api.app, DEMO_STAFF.cityClerk),
    ]);
    const db = api.app.db;
    const tenantId = async (reference: string) => (await db.tenant.findUniqueOrThrow({ where: { reference } })).id;
    const staffId = async (email: string) => (await db.staffMember.findUniqueOrThrow({ where: { email } })).id;
    const landlord = await db.tenant.findUniqueOrThrow({
      where: { reference: LAURIERS_A_TENANT },
      select: { home: { select: { building: { select: { residence: { select: { landlordId: true } } } } } } },
    });
    ids = {
      tenant: await tenantId(LAURIERS_A_TENANT),
      neighbour: await tenantId(LAURIERS_B_TENANT),
      otherNeighbour: await tenantId(SAVINE_TENANT),
      socialWorker: await staffId(DEMO_STAFF.socialWorker),
      agent: await staffId(DEMO_STAFF.agent),
      landlord: landlord.home.building.residence.landlordId,
    };
  });
  afterAll(async () => api?.close());

  const tv = (tokens: TokenResponse, method: Method, url: string, payload?: object, key?: string) =>
    api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const staff = (who: { cookie: string }, method: Method, url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
  const grant = async (helper: object, scopes: string[]) => {
    const response = await tv(tenant, 'POST', '/api/v1/mandates', { helper, scopes });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const lastEventId = async () =>
    (await api.app.db.realtimeEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? BigInt(0);
  const eventsAfter = async (after: bigint): Promise<Stored[]> =>
    (await api.app.db.realtimeEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' } })).map((row) => ({
      audience: `${row.audienceKind}:${row.audienceId}`,
      name: row.type,
      data: row.payload as Record<string, unknown>,
    }));
  const fileReport = async () => {
    const filed = await tv(tenant, 'POST', '/api/v1/reports', leak, randomUUID());
    expect(filed.statusCode).toBe(201);
    return filed.json().id as string;
  };
  const caretakerDoes = (reportId: string, action: string) =>
    staff(caretaker, 'POST', `/api/v1/staff/reports/${reportId}/transitions`, { action });

  it('tells the tenant and each active helper with the scope, and nobody else, when the landlord changes a report', async () => {
    mandates.neighbour = await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT }, ['reports']);
    mandates.otherNeighbour = await grant({ kind: 'TENANT', reference: SAVINE_TENANT }, ['eservices']);
    mandates.socialWorker = await grant({ kind: 'STAFF', email: DEMO_STAFF.socialWorker }, ['eservices', 'reports']);
    mandates.agent = await grant({ kind: 'STAFF', email: DEMO_STAFF.agent }, ['reports']);
    expect((await tv(tenant, 'DELETE', `/api/v1/mandates/${mandates.agent}`)).statusCode).toBe(200);
    const reportId = await fileReport();

    const before = await lastEventId();
    expect((await caretakerDoes(reportId, 'acknowledge')).statusCode).toBe(200);
    const events = await eventsAfter(before);
    const data = { reportId, status: 'ACKNOWLEDGED', change: 'status' };
    expect(events).toEqual([
      { audience: `TENANT:${ids.tenant}`, name: 'report.updated', data },
      { audience: `TENANT:${ids.neighbour}`, name: 'mandate.report_updated', data: { ...data, mandateId: mandates.neighbour } },
      { audience: `STAFF:${ids.socialWorker}`, name: 'mandate.report_updated', data: { ...data, mandateId: mandates.socialWorker } },
      { audience: `ORGANISATION:${ids.landlord}`, name: 'report.updated', data },
    ]);
    // Each helper can read what the event names through their mandate: it says no more than that route does.
    const read = await tv(neighbour, 'GET', `/api/v1/mandates/${mandates.neighbour}/reports/${reportId}`);
    expect(read.json()).toMatchObject({ id: reportId, status: 'ACKNOWLEDGED' });
  });

  it('tells the helpers with the e-services scope when the town hall changes a request', async () => {
    const forms = (await tv(tenant, 'GET', '/api/v1/eservices/forms')).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    const sent = await tv(tenant, 'POST', '/api/v1/eservices/requests', { versionId: road.versionId, answers: lighting }, randomUUID());
    const requestId = sent.json().id as string;

    const before = await lastEventId();
    expect((await staff(clerk, 'POST', `/api/v1/staff/eservices/requests/${requestId}/transitions`, { action: 'take' })).statusCode).toBe(
      200,
    );
    const data = { requestId, status: 'IN_REVIEW', change: 'taken' };
    const toHelpers = (await eventsAfter(before)).filter((event) => event.name.startsWith('mandate.'));
    expect(toHelpers).toEqual([
      { audience: `TENANT:${ids.otherNeighbour}`, name: 'mandate.eservice_updated', data: { ...data, mandateId: mandates.otherNeighbour } },
      { audience: `STAFF:${ids.socialWorker}`, name: 'mandate.eservice_updated', data: { ...data, mandateId: mandates.socialWorker } },
    ]);
    const read = await tv(otherNeighbour, 'GET', `/api/v1/mandates/${mandates.otherNeighbour}/eservices/requests/${requestId}`);
    expect(read.json()).toMatchObject({ id: requestId, status: 'IN_REVIEW' });
  });

  it('reaches the helper’s TV and console over their sockets, and replays to a TV that was away', async () => {
    const reportId = await fileReport();
    const neighbourTv = await TestSocket.open(api.app, { accessToken: neighbour.access_token });
    const consoleSocket = await TestSocket.open(api.app, {}, socialWorker.cookie);
    await Promise.all([neighbourTv.next((m) => m.type === 'ready'), consoleSocket.next((m) => m.type === 'ready')]);

    await caretakerDoes(reportId, 'acknowledge');
    const isAbout = (m: EventMessage) => m.name === 'mandate.report_updated' && m.data.reportId === reportId;
    const seen = (await neighbourTv.next((m) => m.type === 'event' && isAbout(m))) as EventMessage;
    expect(seen.data).toMatchObject({ mandateId: mandates.neighbour, status: 'ACKNOWLEDGED' });
    expect(await consoleSocket.next((m) => m.type === 'event' && isAbout(m))).toMatchObject({ data: { mandateId: mandates.socialWorker } });
    neighbourTv.close();

    // Away: the landlord goes on, and the tenant withdraws the neighbour's right.
    await caretakerDoes(reportId, 'start');
    expect((await tv(tenant, 'DELETE', `/api/v1/mandates/${mandates.neighbour}`)).statusCode).toBe(200);
    await consoleSocket.next((m) => m.type === 'event' && m.name === 'mandate.report_updated' && m.data.status === 'IN_PROGRESS');

    const back = await TestSocket.open(api.app, { accessToken: neighbour.access_token, lastEventId: seen.id });
    expect(await back.next((m) => m.type === 'ready')).toEqual({ type: 'ready', replayed: 2 });
    expect(back.messages.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'mandate.report_updated', data: expect.objectContaining({ reportId, status: 'IN_PROGRESS' }) }),
      expect.objectContaining({
        name: 'mandate.changed',
        data: { mandateId: mandates.neighbour, change: 'withdrawn', scopes: ['reports'], active: false, at: expect.any(String) },
      }),
    ]);

    // Withdrawn, the neighbour hears nothing more of the tenant's reports; the social worker still does.
    await caretakerDoes(reportId, 'resolve');
    await consoleSocket.next((m) => m.type === 'event' && m.name === 'mandate.report_updated' && m.data.status === 'RESOLVED');
    expect(back.messages.filter((m) => m.type === 'event' && m.name === 'mandate.report_updated')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ status: 'IN_PROGRESS' }) }),
    ]);
    back.close();
    consoleSocket.close();
  });

  it('tells the helper once when the tenant gives, narrows or withdraws the right, and not for a repeat', async () => {
    const before = await lastEventId();
    const mandateId = await grant({ kind: 'TENANT', reference: LAURIERS_B_TENANT }, ['reports']);
    // The same choice again changes nothing, so tells nothing.
    await tv(tenant, 'POST', '/api/v1/mandates', { helper: { kind: 'TENANT', reference: LAURIERS_B_TENANT }, scopes: ['reports'] });
    await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['reports', 'eservices'] });
    await tv(tenant, 'PUT', `/api/v1/mandates/${mandateId}/scopes`, { scopes: ['eservices', 'reports'] });
    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    await tv(tenant, 'DELETE', `/api/v1/mandates/${mandateId}`);
    const changes = (await eventsAfter(before)).filter((event) => event.name === 'mandate.changed');
    expect(changes.map(({ audience, data }) => [audience, data.mandateId, data.change, data.scopes, data.active])).toEqual([
      [`TENANT:${ids.neighbour}`, mandateId, 'granted', ['reports'], true],
      [`TENANT:${ids.neighbour}`, mandateId, 'scopes', ['reports', 'eservices'], true],
      // The same scopes in another order changed nothing to tell, but are stored as the tenant last gave them.
      [`TENANT:${ids.neighbour}`, mandateId, 'withdrawn', ['eservices', 'reports'], false],
    ]);
  });

  it('finds a tenant’s active helpers with one index scan, whatever the number of mandates', async () => {
    const plan = await api.app.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off'); // a tiny test table would otherwise be read whole
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${activeHelpersSql(ids.tenant, 'reports')}`);
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('"Mandate_tenantId_createdAt_id_idx"');
    expect(text).not.toContain('Seq Scan');
  });

  it('takes what the helpers heard about a tenant away with the tenant who leaves Palier', async () => {
    const before = await lastEventId();
    await caretakerDoes(await fileReport(), 'acknowledge');
    expect((await eventsAfter(before)).some((event) => event.audience === `STAFF:${ids.socialWorker}`)).toBe(true);
    const erased = await tv(tenant, 'DELETE', '/api/v1/me', { confirm: 'ERASE_MY_DATA' });
    expect(erased.statusCode).toBe(204);
    const left = await api.app.db.realtimeEvent.findMany({ where: { type: { startsWith: 'mandate.' } } });
    expect(left).toEqual([]);
  });
});
