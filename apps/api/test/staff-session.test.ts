// Staff sign in with email and password (argon2id) and a session cookie; guessing is limited.
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { signInStaff } from '../../../test/support/journeys';
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
