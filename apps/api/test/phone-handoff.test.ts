// The phone hand-off: the TV shows a code, the phone claims it once and gets a token good for that one task.
import { randomUUID } from 'node:crypto';
import { TokenVerifier } from 'livekit-server-sdk';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../../../test/support/journeys';
import { describeWithLivekit, startTestLivekit } from '../../../test/support/livekit';
import { ALWAYS_OPEN, setCallCentreHours } from '../../../test/support/calls';

describeWithLivekit('phone hand-off', () => {
  let livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  let api: TestApi;
  let tenantB: TokenResponse;
  let tenantA: TokenResponse;
  let callId: string;

  beforeAll(async () => {
    livekit = await startTestLivekit();
    api = await startTestApi({ devicePollIntervalSeconds: 1, livekit: livekit.config });
    [tenantB, tenantA] = await Promise.all([activateTv(api.app, LAURIERS_B_TENANT), activateTv(api.app, LAURIERS_A_TENANT)]);
    await setCallCentreHours(api.app, ALWAYS_OPEN);
    const call = await api.app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { ...bearer(tenantB), 'idempotency-key': randomUUID() },
      payload: { to: { kind: 'CALL_CENTRE' } },
    });
    expect(call.statusCode).toBe(201);
    callId = call.json().id;
  });
  afterAll(async () => {
    await api?.close();
    await livekit?.stop();
  });

  const start = (tokens: TokenResponse, body: object) =>
    api.app.inject({ method: 'POST', url: '/api/v1/handoffs', headers: bearer(tokens), payload: body });
  const claim = (code: string, remoteAddress = '198.51.100.40') =>
    api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', remoteAddress, payload: { code } });

  it('gives the TV a short code and a phone link, and the phone a token that opens this call as its camera', async () => {
    const handoff = await start(tenantB, { purpose: 'call_camera', subjectId: callId });
    expect(handoff.statusCode).toBe(201);
    expect(handoff.json().code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // The code travels in the fragment, so it never reaches a server's access log.
    expect(handoff.json().url).toBe(`http://palier.test/phone/#code=${handoff.json().code}`);

    const claimed = await claim(handoff.json().code.toLowerCase().replace('-', ' '));
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ purpose: 'call_camera', subjectId: callId, firstName: expect.any(String) });

    const phone = { authorization: `Bearer ${claimed.json().accessToken}` };
    const token = await api.app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/phone-token`, headers: phone });
    expect(token.statusCode).toBe(200);
    const grants = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(token.json().token);
    expect(grants.video).toMatchObject({ room: `call-${callId}`, roomJoin: true });
    expect(grants.video?.canPublishSources?.map(String).sort()).toEqual(['camera', 'microphone']);
    expect(grants.sub).toMatch(/-phone$/);
  });

  it('works once: a second phone scanning the same code is refused', async () => {
    const { code } = (await start(tenantB, { purpose: 'call_camera', subjectId: callId })).json();
    const [first, second] = await Promise.all([claim(code), claim(code)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const again = await claim(code);
    expect(again.json().code).toBe('handoff_code_used');
  });

  it('expires when nobody scans it in time', async () => {
    const hurried = await api.buildInstance({ handoffCodeTtlSeconds: 0 });
    const { code } = (
      await hurried.inject({
        method: 'POST',
        url: '/api/v1/handoffs',
        headers: bearer(tenantB),
        payload: { purpose: 'call_camera', subjectId: callId },
      })
    ).json();
    const late = await claim(code);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('handoff_code_expired');
    expect((await claim('ACDE-FGHJ')).json().code).toBe('handoff_code_unknown');
  });

  it('opens nothing else: not the tenant API, not another call, not another tenant’s call', async () => {
    const { code } = (await start(tenantB, { purpose: 'call_camera', subjectId: callId })).json();
    const phone = { authorization: `Bearer ${(await claim(code)).json().accessToken}` };
    expect((await api.app.inject({ url: '/api/v1/me', headers: phone })).json().code).toBe('invalid_token');
    expect((await api.app.inject({ url: '/api/v1/notices', headers: phone })).statusCode).toBe(401);
    const otherCall = await api.app.inject({ method: 'POST', url: `/api/v1/calls/${randomUUID()}/phone-token`, headers: phone });
    expect(otherCall.statusCode).toBe(403);
    // A TV token is no phone hand-off token either.
    expect(
      (await api.app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/phone-token`, headers: bearer(tenantB) })).statusCode,
    ).toBe(401);
    // And a tenant cannot hand off a call that is not theirs.
    const foreign = await start(tenantA, { purpose: 'call_camera', subjectId: callId });
    expect(foreign.statusCode).toBe(404);
  });

  it('limits guessing of codes', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 32; attempt += 1)
      statuses.push((await claim(`GUES-S${String(attempt).padStart(3, 'A')}`, '198.51.100.77')).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});
