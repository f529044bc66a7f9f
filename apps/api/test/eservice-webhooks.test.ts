// E-service webhooks against a real HTTP receiver: the signature verifies with a plain node:crypto HMAC check, refused
// attempts are retried with backoff and stop at the acknowledgement, attempts are bounded, and two API instances
// polling the same database never send a delivery twice.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { EServiceWebhookPayload, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';

const SECRET = 'whsec_test_' + 'k'.repeat(32);

interface Received {
  deliveryId: string;
  body: string;
  signature: string;
  verified: boolean;
  at: number;
}

/** What a town hall's system does: check the signature over the raw body, with the secret it was given. */
function verify(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A receiver that answers each call with the next status of `answers` (the last one repeats). */
async function startReceiver(answer: (callNumber: number, request: IncomingMessage) => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(request.headers['palier-signature'] ?? '');
      received.push({
        deliveryId: String(request.headers['palier-delivery']),
        body,
        signature,
        verified: verify(SECRET, signature, body),
        at: Date.now(),
      });
      response.statusCode = answer(received.length, request);
      response.end(response.statusCode < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/palier`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('e-service webhooks', () => {
  let api: TestApi;
  let tenant: TokenResponse;
  let clerk: { cookie: string };
  let roadFormId: string;
  let roadVersionId: string;
  const webhooks = {
    enabled: true,
    pollIntervalMs: 50,
    batchSize: 10,
    maxAttempts: 4,
    backoffBaseMs: 200,
    maxBackoffMs: 2_000,
    timeoutMs: 2_000,
    // The receivers here listen on 127.0.0.1 over http.
    allowPrivateTargets: true,
  };

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1, eserviceWebhooks: webhooks });
    tenant = await activateTv(api.app, LAURIERS_A_TENANT);
    clerk = await signInStaff(api.app, 'communication@marseille.demo');
    const forms = (await api.app.inject({ url: '/api/v1/eservices/forms', headers: bearer(tenant) })).json().items;
    const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
    roadFormId = road.formId;
    roadVersionId = road.versionId;
  });
  afterAll(async () => api?.close());

  const setWebhook = (url: string | null) =>
    api.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/eservices/forms/${roadFormId}/webhook`,
      headers: { cookie: clerk.cookie },
      payload: { url, secret: SECRET },
    });
  const submit = () =>
    api.app.inject({
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
          description: 'Le lampadaire ne s’allume plus.',
        },
      },
    });
  const log = async () =>
    (
      await api.app.inject({ url: `/api/v1/staff/eservices/forms/${roadFormId}/deliveries?limit=100`, headers: { cookie: clerk.cookie } })
    ).json().items as {
      id: string;
      requestId: string;
      type: string;
      status: string;
      attempts: number;
      log: { number: number; statusCode: number | null; error: string | null; durationMs: number }[];
    }[];

  it('signs each delivery, retries the refused attempts with backoff and stops at the acknowledgement', async () => {
    const receiver = await startReceiver((call) => (call <= 2 ? 503 : 204));
    try {
      const set = await setWebhook(receiver.url);
      expect(set.json().webhook).toEqual({ url: receiver.url, secret: SECRET });
      const sent = (await submit()).json();

      const delivery = await until(async () => (await log()).find((item) => item.requestId === sent.id && item.status === 'DELIVERED'));
      expect(receiver.received).toHaveLength(3);
      // Same delivery, same bytes, each attempt signed afresh and verified by a standard HMAC check.
      expect(new Set(receiver.received.map((call) => call.deliveryId))).toEqual(new Set([delivery.id]));
      expect(new Set(receiver.received.map((call) => call.body)).size).toBe(1);
      expect(receiver.received.every((call) => call.verified)).toBe(true);
      expect(verify('whsec_wrong_secret_' + 'x'.repeat(24), receiver.received[2]!.signature, receiver.received[2]!.body)).toBe(false);
      expect(verify(SECRET, receiver.received[2]!.signature, receiver.received[2]!.body.replace('Rue des Lilas', 'Rue des Roses'))).toBe(
        false,
      );
      // Backoff: the second wait (400 ms) is about twice the first (200 ms).
      const [first, second, third] = receiver.received.map((call) => call.at);
      expect(second! - first!).toBeGreaterThanOrEqual(200);
      expect(third! - second!).toBeGreaterThanOrEqual(400);

      const payload = JSON.parse(receiver.received[0]!.body) as EServiceWebhookPayload;
      expect(payload).toMatchObject({
        id: delivery.id,
        type: 'eservice.request.submitted',
        data: {
          request: {
            id: sent.id,
            receiptNumber: sent.receiptNumber,
            status: 'SUBMITTED',
            form: { id: roadFormId, slug: 'probleme-voie-publique', version: 1 },
            answers: { kind: 'lighting', where: 'Rue des Lilas' },
            applicant: { reference: LAURIERS_A_TENANT },
          },
        },
      });
      expect(delivery.log.map((attempt) => [attempt.number, attempt.statusCode])).toEqual([
        [1, 503],
        [2, 503],
        [3, 204],
      ]);
      expect(delivery.log[0]!.error).toBe('HTTP 503');
      expect(delivery.log[2]!.error).toBeNull();

      // Acknowledged: nothing more is sent, however long we wait.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.received).toHaveLength(3);

      // A clerk's decision is a delivery of its own.
      await api.app.inject({
        method: 'POST',
        url: `/api/v1/staff/eservices/requests/${sent.id}/transitions`,
        headers: { cookie: clerk.cookie },
        payload: { action: 'take' },
      });
      await until(() => receiver.received.length === 4);
      expect(JSON.parse(receiver.received[3]!.body)).toMatchObject({
        type: 'eservice.request.status_changed',
        data: { request: { status: 'IN_REVIEW' } },
      });
    } finally {
      await receiver.close();
    }
  });

  it('gives up after a bounded number of attempts, logs why, and tries once more on “retry now”', async () => {
    let accept = false;
    const receiver = await startReceiver(() => (accept ? 200 : 500));
    try {
      await setWebhook(receiver.url);
      const sent = (await submit()).json();
      const failed = await until(async () => (await log()).find((item) => item.requestId === sent.id && item.status === 'FAILED'));
      expect(failed.attempts).toBe(webhooks.maxAttempts);
      expect(failed.log.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 500]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(receiver.received.filter((call) => call.deliveryId === failed.id)).toHaveLength(4);

      accept = true;
      const retried = await api.app.inject({
        method: 'POST',
        url: `/api/v1/staff/eservices/forms/${roadFormId}/deliveries/${failed.id}/retry`,
        headers: { cookie: clerk.cookie },
      });
      expect(retried.json().status).toBe('PENDING');
      const delivered = await until(async () => (await log()).find((item) => item.id === failed.id && item.status === 'DELIVERED'));
      expect(delivered.log.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 500, 200]);
    } finally {
      await receiver.close();
    }
  });

  it('logs a receiver that does not answer, and a receiver that is not there', async () => {
    const silent = createServer(() => undefined); // takes the request and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      for (const [url, error] of [
        [`http://127.0.0.1:${(silent.address() as AddressInfo).port}/slow`, `no answer within ${webhooks.timeoutMs} ms`],
        [`http://127.0.0.1:${closedPort}/gone`, 'ECONNREFUSED'],
      ] as const) {
        await setWebhook(url);
        const sent = (await submit()).json();
        const delivery = await until(async () => (await log()).find((item) => item.requestId === sent.id && item.log.length > 0));
        expect(delivery.log[0]).toMatchObject({ statusCode: null, error });
      }
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      await setWebhook(null);
    }
  });

  it('never sends a delivery twice when several API instances poll the same database', async () => {
    await api.app.close(); // its worker stops; two fresh instances share the work
    const instances: FastifyInstance[] = await Promise.all([api.buildInstance(), api.buildInstance()]);
    const receiver = await startReceiver(() => 200);
    try {
      const app = instances[0]!;
      await app.inject({
        method: 'PUT',
        url: `/api/v1/staff/eservices/forms/${roadFormId}/webhook`,
        headers: { cookie: clerk.cookie },
        payload: { url: receiver.url },
      });
      const requestIds: string[] = [];
      for (let index = 0; index < 8; index += 1) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/eservices/requests',
          headers: { ...bearer(tenant), 'idempotency-key': randomUUID() },
          payload: {
            versionId: roadVersionId,
            answers: {
              kind: 'graffiti',
              where: `Mur n°${index}`,
              noticedOn: '2026-11-25',
              dangerous: false,
              description: 'Des tags sur le mur de l’école.',
            },
          },
        });
        requestIds.push(response.json().id);
      }
      const expected = await app.db.eServiceWebhookDelivery.findMany({ where: { requestId: { in: requestIds } }, select: { id: true } });
      expect(expected).toHaveLength(8);
      await until(
        async () => (await app.db.eServiceWebhookDelivery.count({ where: { requestId: { in: requestIds }, status: 'DELIVERED' } })) === 8,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const mine = receiver.received.filter((call) => expected.some((delivery) => delivery.id === call.deliveryId));
      expect(mine).toHaveLength(8);
      expect(new Set(mine.map((call) => call.deliveryId)).size).toBe(8);
    } finally {
      await receiver.close();
    }
  });
});
