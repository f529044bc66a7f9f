// Webhook URLs cannot make Palier call its own network (SSRF) unless ESERVICE_WEBHOOK_ALLOW_PRIVATE is on: the clerk's
// URL is refused when saved (http, private/loopback/link-local addresses, names resolving to them), and a URL that
// reaches such an address at send time (DNS changed since) is refused before any connection, the attempt logged.
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { loadConfig } from '../src/config';
import { forbiddenRange, publicOnlyLookup, webhookUrlProblem } from '../src/modules/eservices/webhook-target';

const SECRET = 'whsec_test_' + 'k'.repeat(32);
const refusing = { allowPrivateTargets: false };

describe('webhook targets', () => {
  it('calls every non-public address forbidden, IPv4-mapped IPv6 included', () => {
    expect(forbiddenRange('127.0.0.1')).toBe('loopback');
    expect(forbiddenRange('10.20.30.40')).toBe('private');
    expect(forbiddenRange('172.16.0.1')).toBe('private');
    expect(forbiddenRange('192.168.1.1')).toBe('private');
    expect(forbiddenRange('169.254.169.254')).toBe('linkLocal');
    expect(forbiddenRange('100.64.0.1')).toBe('carrierGradeNat');
    expect(forbiddenRange('0.0.0.0')).toBe('unspecified');
    expect(forbiddenRange('::1')).toBe('loopback');
    expect(forbiddenRange('fe80::1')).toBe('linkLocal');
    expect(forbiddenRange('fd00::1')).toBe('uniqueLocal');
    expect(forbiddenRange('::ffff:10.0.0.1')).toBe('private');
    expect(forbiddenRange('93.184.216.34')).toBeNull();
    expect(forbiddenRange('2606:4700:4700::1111')).toBeNull();
  });

  it('requires https unless private targets are allowed, and then takes http://127.0.0.1', () => {
    expect(webhookUrlProblem('http://mairie.example/palier', refusing)).toBe('must start with https://');
    expect(webhookUrlProblem('https://[::1]:8443/hook', refusing)).toBe('::1 is a loopback address');
    expect(webhookUrlProblem('https://palier:pw@mairie.example/', refusing)).toBe('must not carry a user name or password');
    expect(webhookUrlProblem('https://mairie.example/palier', refusing)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', { allowPrivateTargets: true })).toBeNull();
    expect(webhookUrlProblem('ftp://127.0.0.1/hook', { allowPrivateTargets: true })).toBe('must start with https://');
  });

  it('refuses, at connection time, a name that resolves to a loopback address', async () => {
    const outcome = await new Promise<{ code?: string; message?: string }>((resolve) =>
      publicOnlyLookup('localhost', {}, (error) => resolve({ code: error?.code, message: error?.message })),
    );
    expect(outcome.code).toBe('EWEBHOOKTARGET');
    expect(outcome.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/);
  });

  it('is off by default in production, on by default in development and tests, and can be set', () => {
    const production = {
      NODE_ENV: 'production',
      TOKEN_SECRET: 'x'.repeat(64),
      PUBLIC_URL: 'https://palier.example',
      DATABASE_URL: 'postgresql://db/palier',
    };
    const livekit = { LIVEKIT_URL: 'wss://lk.example', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 's'.repeat(32) };
    expect(loadConfig({ ...production, ...livekit }).eserviceWebhooks.allowPrivateTargets).toBe(false);
    expect(loadConfig({ ...production, ...livekit, ESERVICE_WEBHOOK_ALLOW_PRIVATE: 'on' }).eserviceWebhooks.allowPrivateTargets).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://db/palier' }).eserviceWebhooks.allowPrivateTargets).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://db/palier', ESERVICE_WEBHOOK_ALLOW_PRIVATE: 'off' })
        .eserviceWebhooks.allowPrivateTargets,
    ).toBe(false);
  });

  describe('through the API, with private targets refused (as in production)', () => {
    let api: TestApi;
    let tenant: TokenResponse;
    let clerk: { cookie: string };
    let roadFormId: string;
    let roadVersionId: string;
    let listener: Server;
    const connections: Socket[] = [];

    beforeAll(async () => {
      api = await startTestApi({
        devicePollIntervalSeconds: 1,
        // The worker is run by hand (runOnce) so each attempt is the test's.
        eserviceWebhooks: {
          enabled: false,
          pollIntervalMs: 50,
          batchSize: 10,
          maxAttempts: 4,
          backoffBaseMs: 200,
          maxBackoffMs: 2_000,
          timeoutMs: 2_000,
          allowPrivateTargets: false,
        },
      });
      tenant = await activateTv(api.app, LAURIERS_A_TENANT);
      clerk = await signInStaff(api.app, 'communication@marseille.demo');
      const forms = (await api.app.inject({ url: '/api/v1/eservices/forms', headers: bearer(tenant) })).json().items;
      const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
      roadFormId = road.formId;
      roadVersionId = road.versionId;
      // Something listening on loopback, as Redis or PostgreSQL would: it must never see a connection.
      listener = createServer((socket) => {
        connections.push(socket);
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      await api?.close();
    });

    const setWebhook = (url: string | null) =>
      api.app.inject({
        method: 'PUT',
        url: `/api/v1/staff/eservices/forms/${roadFormId}/webhook`,
        headers: { cookie: clerk.cookie },
        payload: { url, secret: SECRET },
      });

    it('refuses http and private, loopback and link-local targets when the clerk saves the URL', async () => {
      const port = (listener.address() as AddressInfo).port;
      const refused: Array<[string, string]> = [
        [`http://127.0.0.1:${port}/hook`, 'must start with https://'],
        ['http://mairie.example/palier', 'must start with https://'],
        [`https://127.0.0.1:${port}/hook`, '127.0.0.1 is a loopback address'],
        ['https://10.0.0.5/hook', '10.0.0.5 is a private address'],
        ['https://192.168.1.20/hook', '192.168.1.20 is a private address'],
        ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a linkLocal address'],
        ['https://[::ffff:172.16.0.1]/hook', '::ffff:ac10:1 is a private address'],
        [
          `https://localhost:${port}/hook`,
          expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/) as never,
        ],
      ];
      for (const [url, message] of refused) {
        const response = await setWebhook(url);
        expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
        expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.url', message }] });
      }
      const form = await api.app.db.eServiceForm.findUniqueOrThrow({ where: { id: roadFormId } });
      expect(form.webhookUrl).toBeNull();
      expect(connections).toHaveLength(0);
    });

    it('refuses at send time a URL that now reaches a private address, logs why, and never connects', async () => {
      const port = (listener.address() as AddressInfo).port;
      // Saved while its name pointed elsewhere (or while the flag was on): the send checks again.
      await api.app.db.eServiceForm.update({
        where: { id: roadFormId },
        data: { webhookUrl: `https://localhost:${port}/hook`, webhookSecret: SECRET },
      });
      const sent = await api.app.inject({
        method: 'POST',
        url: '/api/v1/eservices/requests',
        headers: { ...bearer(tenant), 'idempotency-key': randomUUID() },
        payload: {
          versionId: roadVersionId,
          answers: {
            kind: 'lighting',
            where: 'Rue des Lilas',
            noticedOn: '2026-11-24',
            dangerous: false,
            description: 'Lampadaire éteint.',
          },
        },
      });
      expect(sent.statusCode).toBe(201);
      expect(await api.app.eserviceWebhooks.runOnce()).toBe(1);
      const deliveries = (
        await api.app.inject({ url: `/api/v1/staff/eservices/forms/${roadFormId}/deliveries`, headers: { cookie: clerk.cookie } })
      ).json().items;
      const delivery = deliveries.find((item: { requestId: string }) => item.requestId === sent.json().id);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(delivery.log).toEqual([
        expect.objectContaining({
          statusCode: null,
          error: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/),
        }),
      ]);
      expect(connections).toHaveLength(0);
    });
  });
});
