// The tenant's own profile: first name and places only, and the language they chose.
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_B_TENANT, activateTv, bearer, startDeviceFlow } from '../../../test/support/journeys';
import { demoActivationCode } from '../../../prisma/demo-letters';

describe('tenant profile', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
  });
  afterAll(() => api.close());

  it('lets the activation page show whose account and which TV before confirming', async () => {
    const authorization = await startDeviceFlow(api.app, 'Téléviseur de la chambre');
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/activation/check',
      payload: {
        userCode: authorization.user_code.toLowerCase(),
        reference: LAURIERS_B_TENANT.toLowerCase(),
        activationCode: demoActivationCode(LAURIERS_B_TENANT),
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ deviceLabel: 'Téléviseur de la chambre', firstName: expect.any(String) });
    expect(response.json()).not.toHaveProperty('lastName');
  });

  it('keeps the language the tenant picks, and refuses one Palier does not speak', async () => {
    const tokens = await activateTv(api.app, LAURIERS_B_TENANT);
    const changed = await api.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language: 'ar' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().language).toBe('ar');
    expect((await api.app.inject({ url: '/api/v1/me', headers: bearer(tokens) })).json().language).toBe('ar');
    const unknown = await api.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: bearer(tokens), payload: { language: 'tlh' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.language');
  });
});
