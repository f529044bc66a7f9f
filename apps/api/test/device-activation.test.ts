// A TV is activated with the OAuth 2.0 device authorization grant (RFC 8628) and keeps rotating refresh tokens.
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_B_TENANT, activateTv, approve, bearer, pollToken, refresh, startDeviceFlow } from '../../../test/support/journeys';
import { USER_CODE_ALPHABET } from '@palier/contracts';

describe('TV activation (RFC 8628)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
  });
  afterAll(() => api.close());

  it('publishes authorization server metadata (RFC 8414)', async () => {
    const metadata = (await api.app.inject('/.well-known/oauth-authorization-server')).json();
    expect(metadata).toMatchObject({
      issuer: 'http://palier.test',
      device_authorization_endpoint: 'http://palier.test/oauth/device_authorization',
      token_endpoint: 'http://palier.test/oauth/token',
      grant_types_supported: expect.arrayContaining(['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token']),
    });
  });

  it('gives a user code of 8 characters without look-alikes and a verification URI with the code in it', async () => {
    const authorization = await startDeviceFlow(api.app);
    const code = authorization.user_code.replace('-', '');
    expect(code).toHaveLength(8);
    expect([...code].every((char) => USER_CODE_ALPHABET.includes(char))).toBe(true);
    expect(USER_CODE_ALPHABET).not.toMatch(/[0O1IL5S2Z8B]/);
    expect(authorization.verification_uri).toBe('http://palier.test/activate');
    expect(authorization.verification_uri_complete).toBe(`http://palier.test/activate?user_code=${authorization.user_code}`);
    expect(authorization.interval).toBe(1);
  });

  it('refuses an unknown client with invalid_client', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/oauth/device_authorization',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'client_id=somebody-else',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers authorization_pending, then slow_down when polled too fast, then tokens once the tenant approved', async () => {
    const authorization = await startDeviceFlow(api.app);
    const first = await pollToken(api.app, authorization.device_code);
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ error: 'authorization_pending' });
    expect(first.headers['cache-control']).toBe('no-store');

    const tooFast = await pollToken(api.app, authorization.device_code);
    expect(tooFast.json()).toMatchObject({ error: 'slow_down' });

    const approval = await approve(api.app, authorization.user_code, LAURIERS_B_TENANT);
    expect(approval.statusCode).toBe(200);
    expect(approval.json()).toEqual({ status: 'approved' });

    // slow_down is a variant of authorization_pending (§3.5): once approved, the next poll gets the tokens.
    const granted = await pollToken(api.app, authorization.device_code);
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) });
  });

  it('adds 5 seconds to the interval at each slow_down, for this and every later poll', async () => {
    const authorization = await startDeviceFlow(api.app);
    await pollToken(api.app, authorization.device_code);
    expect((await pollToken(api.app, authorization.device_code)).json().error).toBe('slow_down');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // 1.1 s is past the original 1 s interval but not past the 6 s it became.
    expect((await pollToken(api.app, authorization.device_code)).json().error).toBe('slow_down');
  });

  it('issues tokens once, after approval, when polled at the interval', async () => {
    const authorization = await startDeviceFlow(api.app);
    await approve(api.app, authorization.user_code, LAURIERS_B_TENANT);
    const tokens = await pollToken(api.app, authorization.device_code);
    expect(tokens.statusCode).toBe(200);
    expect(tokens.json()).toMatchObject({ token_type: 'Bearer', scope: 'tenant', expires_in: 900 });
    const replay = await pollToken(api.app, authorization.device_code);
    expect(replay.json()).toMatchObject({ error: 'invalid_grant' });

    const me = await api.app.inject({ url: '/api/v1/me', headers: bearer(tokens.json()) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      firstName: expect.any(String),
      building: { name: 'Bâtiment B' },
      residence: { name: 'Les Lauriers' },
    });
    expect(me.json()).not.toHaveProperty('lastName');
  });

  it('answers access_denied when the tenant refuses the TV', async () => {
    const authorization = await startDeviceFlow(api.app);
    const refusal = await approve(api.app, authorization.user_code, LAURIERS_B_TENANT, false);
    expect(refusal.json()).toEqual({ status: 'denied' });
    const poll = await pollToken(api.app, authorization.device_code);
    expect(poll.json()).toMatchObject({ error: 'access_denied' });
  });

  it('answers expired_token once the device code has expired, and the page says the code expired', async () => {
    const shortLived = await api.buildInstance({ deviceCodeTtlSeconds: 1 });
    const authorization = await startDeviceFlow(shortLived);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await pollToken(shortLived, authorization.device_code)).json()).toMatchObject({ error: 'expired_token' });
    const late = await approve(shortLived, authorization.user_code, LAURIERS_B_TENANT);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'user_code_expired' });
  });

  it('refuses a wrong activation code without saying whether the reference exists', async () => {
    const authorization = await startDeviceFlow(api.app);
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/activation/check',
      remoteAddress: '198.51.100.20',
      headers: { 'accept-language': 'en' },
      payload: { userCode: authorization.user_code, reference: LAURIERS_B_TENANT, activationCode: 'WRONG-CODE1' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'invalid_activation', title: expect.stringContaining('Check your landlord') });
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/api/v1/activation/check',
      remoteAddress: '198.51.100.20',
      payload: { userCode: authorization.user_code, reference: 'HMP-NOPE-0000', activationCode: 'WRONG-CODE1' },
    });
    expect(unknown.json().code).toBe('invalid_activation');
  });

  it('rejects a malformed activation request with the failing fields named', async () => {
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/activation/check', payload: { userCode: 'AB' } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.userCode', 'body.reference', 'body.activationCode']));
  });

  it('limits guessing of activation codes per reference and logs it', async () => {
    const authorization = await startDeviceFlow(api.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/v1/activation/check',
        remoteAddress: `192.0.2.${attempt + 1}`,
        payload: { userCode: authorization.user_code, reference: 'HMP-SAV-1-0101', activationCode: `GUESS${attempt}XX` },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('serves the activation page in French by default, with the code from the QR link filled in', async () => {
    const page = await api.app.inject({ url: '/activate?user_code=ACDE-FGHJ' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Connecter mon téléviseur');
    expect(page.body).toContain('value="ACDE-FGHJ"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
    const arabic = await api.app.inject({ url: '/activate?lang=ar' });
    expect(arabic.body).toContain('dir="rtl"');
  });
});

describe('refresh tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
  });
  afterAll(() => api.close());

  it('rotate on every use, and reusing an old one revokes the whole family', async () => {
    const tokens = await activateTv(api.app, LAURIERS_B_TENANT);
    const rotated = await refresh(api.app, tokens.refresh_token);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().refresh_token).not.toBe(tokens.refresh_token);

    const stolen = await refresh(api.app, tokens.refresh_token);
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json()).toMatchObject({ error: 'invalid_grant' });

    // The legitimate holder's newer token died with the family.
    const afterTheft = await refresh(api.app, rotated.json().refresh_token);
    expect(afterTheft.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unknown refresh token and an unsupported grant', async () => {
    expect((await refresh(api.app, 'not-a-token')).json()).toMatchObject({ error: 'invalid_grant' });
    const response = await api.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=password&client_id=palier-tv',
    });
    expect(response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('lets the tenant list devices and revoke one, which ends its access at once', async () => {
    const living = await activateTv(api.app, LAURIERS_B_TENANT);
    const bedroom = await activateTv(api.app, LAURIERS_B_TENANT);
    const list = await api.app.inject({ url: '/api/v1/me/devices', headers: bearer(living) });
    expect(list.statusCode).toBe(200);
    const devices = list.json().items as { id: string; current: boolean }[];
    expect(devices.filter((device) => device.current)).toHaveLength(1);
    const bedroomId = devices.find((device) => !device.current && device.id)!;
    const otherIds = devices.filter((device) => !device.current).map((device) => device.id);
    for (const id of otherIds) {
      const revoked = await api.app.inject({ method: 'DELETE', url: `/api/v1/me/devices/${id}`, headers: bearer(living) });
      expect(revoked.statusCode).toBe(204);
    }
    expect(bedroomId).toBeDefined();
    const refused = await api.app.inject({ url: '/api/v1/me', headers: bearer(bedroom) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_token');
    expect((await refresh(api.app, bedroom.refresh_token)).json()).toMatchObject({ error: 'invalid_grant' });
    expect((await api.app.inject({ url: '/api/v1/me', headers: bearer(living) })).statusCode).toBe(200);
  });

  it('knows where the tenant lives at each request, and refuses a token naming another tenant than its TV', async () => {
    const tv = await activateTv(api.app, LAURIERS_B_TENANT);
    const claims = api.app.accessTokens.verify(tv.access_token)!;
    const tenant = await api.app.db.tenant.findUniqueOrThrow({ where: { id: claims.tenantId }, include: { home: true } });
    // The tenant moves to another home of the residence: the very next request is addressed there.
    const elsewhere = await api.app.db.home.findFirstOrThrow({ where: { id: { not: tenant.homeId } }, include: { building: true } });
    await api.app.db.tenant.update({ where: { id: tenant.id }, data: { homeId: elsewhere.id } });
    const device = await api.app.authenticateDevice(tv.access_token);
    expect(device.place).toMatchObject({ tenantId: tenant.id, homeId: elsewhere.id, buildingId: elsewhere.buildingId });
    expect(device.place.residenceId).toBe(elsewhere.building.residenceId);
    await api.app.db.tenant.update({ where: { id: tenant.id }, data: { homeId: tenant.homeId } });

    // A token properly signed, but for another tenant than the one this TV belongs to.
    const other = await api.app.db.tenant.findFirstOrThrow({ where: { id: { not: tenant.id } } });
    const mismatched = api.app.accessTokens.sign({ tenantId: other.id, deviceId: claims.deviceId });
    const refused = await api.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${mismatched}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_token');
    // And one for a TV that does not exist.
    const unknown = api.app.accessTokens.sign({ tenantId: tenant.id, deviceId: '00000000-0000-4000-8000-000000000000' });
    expect((await api.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${unknown}` } })).json().code).toBe('invalid_token');
  });

  it('refuses requests without a token or with a forged one', async () => {
    const none = await api.app.inject({ url: '/api/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthenticated');
    const forged = await api.app.inject({
      url: '/api/v1/me',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' },
    });
    expect(forged.json().code).toBe('invalid_token');
  });
});
