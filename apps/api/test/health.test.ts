import { startTestApi, type TestApi } from '../../../test/support/test-api';

describe('health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('says it is alive', async () => {
    const response = await api.app.inject('/health/live');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL (and Redis, when configured) answer', async () => {
    const response = await api.app.inject('/health/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json().checks.database).toBe('ok');
    expect(response.json().checks.redis).toBe(api.config.redisUrl ? 'ok' : 'not configured');
  });

  it('is not ready when the database is gone', async () => {
    const broken = await api.buildInstance({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/none' });
    const response = await broken.inject('/health/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'down', checks: { database: 'down' } });
  });

  it('answers unknown routes with a problem document', async () => {
    const response = await api.app.inject({ url: '/nowhere', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found', title: 'Not found.', status: 404 });
  });
});
