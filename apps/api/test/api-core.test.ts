// The API's cross-cutting promises: OpenAPI, configuration errors, rate limits, security headers, request ids.
import SwaggerParser from '@apidevtools/swagger-parser';
import { loadConfig, ConfigError } from '../src/config';
import { startTestApi, type TestApi } from '../../../test/support/test-api';

describe('API core', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ rateLimitPerMinute: 5 });
  });
  afterAll(() => api.close());

  it('serves a valid OpenAPI document describing every public route', async () => {
    const document = (await api.app.inject('/openapi.json')).json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/oauth/token',
        '/oauth/device_authorization',
        '/api/v1/notices',
        '/api/v1/staff/notices',
        '/api/v1/me/devices/{deviceId}',
        '/health/ready',
      ]),
    );
  });

  it('limits requests per client, in Redis when there is one, with a problem document', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await api.app.inject({ url: '/api/v1/notices', remoteAddress: '198.51.100.99' })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await api.app.inject({ url: '/api/v1/notices', remoteAddress: '198.51.100.99' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    // Another API instance sharing Redis sees the same count.
    if (api.config.redisUrl) {
      const other = await api.buildInstance();
      expect((await other.inject({ url: '/api/v1/notices', remoteAddress: '198.51.100.99' })).statusCode).toBe(429);
    }
  });

  it('sends security headers and a request id, and accepts the caller’s request id', async () => {
    const response = await api.app.inject({ url: '/health/live', headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('answers a malformed JSON body with a 400 problem, not a crash', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/staff/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a bad configuration naming every bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', NODE_ENV: 'production' });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'PORT', 'TOKEN_SECRET', 'PUBLIC_URL']) expect(message).toContain(name);
    }
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });
});
