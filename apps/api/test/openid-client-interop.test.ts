// An independent, standard OAuth client (openid-client) runs the whole device flow against our metadata.
import * as oauth from 'openid-client';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, approve } from '../../../test/support/journeys';
import { freePort } from '../../../packages/devstack/src/free-port';

describe('interoperability with openid-client', () => {
  let api: TestApi;
  let issuer: string;
  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    api = await startTestApi({ publicUrl: issuer, devicePollIntervalSeconds: 1 });
    await api.app.listen({ host: '127.0.0.1', port });
  });
  afterAll(() => api.close());

  it('discovers the server, gets a device code, polls until approved, refreshes and revokes', async () => {
    const config = await oauth.discovery(new URL(issuer), 'palier-tv', undefined, oauth.None(), {
      execute: [oauth.allowInsecureRequests],
      algorithm: 'oauth2',
    });
    expect(config.serverMetadata().device_authorization_endpoint).toBe(`${issuer}/oauth/device_authorization`);

    const authorization = await oauth.initiateDeviceAuthorization(config, { scope: 'tenant' });
    expect(authorization.user_code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    // The tenant approves on their phone while the client polls.
    setTimeout(() => void approve(api.app, authorization.user_code, LAURIERS_A_TENANT), 1_500);
    const tokens = await oauth.pollDeviceAuthorizationGrant(config, authorization);
    expect(tokens.token_type?.toLowerCase()).toBe('bearer');
    expect(tokens.refresh_token).toBeTruthy();

    const me = await fetch(`${issuer}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);

    const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    await oauth.tokenRevocation(config, refreshed.refresh_token!);
    await expect(oauth.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  }, 30_000);
});
