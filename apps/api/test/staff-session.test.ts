// Staff sign in with email and password (argon2id) and a session cookie; guessing is limited.
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';

describe('staff session', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs in, sets an HttpOnly cookie, knows who is signed in, and signs out', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      payload: { email: 'ADMIN@hmp.demo', password: 'palier-demo' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fullName: 'Sandrine Aubert', roles: ['ADMIN'], organisation: { kind: 'LANDLORD' } });
    const cookie = response.cookies.find((c) => c.name === 'palier_staff')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const headers = { cookie: `palier_staff=${cookie.value}` };
    expect((await api.app.inject({ url: '/api/v1/staff/me', headers })).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'DELETE', url: '/api/v1/staff/session', headers })).statusCode).toBe(204);
    expect((await api.app.inject({ url: '/api/v1/staff/me', headers })).statusCode).toBe(401);
  });

  it('tells the console whether a tenant ever named the member helper, whatever their roles', async () => {
    const me = async (cookie: string) => (await api.app.inject({ url: '/api/v1/staff/me', headers: { cookie } })).json();
    const caretaker = await signInStaff(api.app, DEMO_STAFF.caretakerLauriers);
    const clerk = await signInStaff(api.app, DEMO_STAFF.townHallClerk);
    expect(await me(caretaker.cookie)).toMatchObject({ roles: ['CARETAKER'], helpsTenants: false });

    const tokens = await activateTv(api.app, LAURIERS_A_TENANT);
    const granted = await api.app.inject({
      method: 'POST',
      url: '/api/v1/mandates',
      headers: bearer(tokens),
      payload: { helper: { kind: 'STAFF', email: DEMO_STAFF.caretakerLauriers }, scopes: ['reports'] },
    });
    expect(granted.statusCode).toBe(201);
    expect(await me(caretaker.cookie)).toMatchObject({ helpsTenants: true });
    // The sign-in answer says it too, so the console draws the right pages from its first screen.
    const signIn = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      payload: { email: DEMO_STAFF.caretakerLauriers, password: 'palier-demo' },
    });
    expect(signIn.json()).toMatchObject({ helpsTenants: true });
    expect(await me(clerk.cookie)).toMatchObject({ helpsTenants: false });

    // Withdrawn, the mandate stays in the helper's list ("X a retiré son accord"): the page stays too.
    const withdrawn = await api.app.inject({ method: 'DELETE', url: `/api/v1/mandates/${granted.json().id}`, headers: bearer(tokens) });
    expect(withdrawn.json()).toMatchObject({ active: false });
    expect(await me(caretaker.cookie)).toMatchObject({ helpsTenants: true });
  });

  it('refuses a wrong password and an unknown email the same way', async () => {
    const wrong = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      payload: { email: DEMO_STAFF.agent, password: 'nope' },
    });
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      payload: { email: 'nobody@hmp.demo', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().title).toBe(wrong.json().title);
  });

  it('limits password guessing per account', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/v1/staff/session',
        remoteAddress: `203.0.113.${attempt + 10}`,
        payload: { email: DEMO_STAFF.moderator, password: `guess-${attempt}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right password waits until the window passes.
    const right = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      payload: { email: DEMO_STAFF.moderator, password: 'palier-demo' },
    });
    expect(right.statusCode).toBe(429);
  });

  it('keeps staff routes from tenants’ tokens and anonymous callers', async () => {
    expect((await api.app.inject({ url: '/api/v1/staff/places' })).statusCode).toBe(401);
    const { cookie } = await signInStaff(api.app, DEMO_STAFF.agent);
    expect((await api.app.inject({ url: '/api/v1/staff/places', headers: { cookie } })).statusCode).toBe(200);
    expect((await api.app.inject({ url: '/api/v1/staff/notices', headers: { cookie } })).statusCode).toBe(403);
  });
});
