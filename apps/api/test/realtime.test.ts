// Events reach the sockets they are for, across API instances through Redis, and a reconnecting TV catches up.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, testRedisUrl, type TestApi } from '../../../test/support/test-api';
import { TestSocket } from '../../../test/support/realtime-socket';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';

const redisAvailable = Boolean(testRedisUrl());
if (!redisAvailable) console.warn('realtime across instances: SKIPPED because no Redis is configured (PALIER_TEST_REDIS_URL)');

describe('realtime events', () => {
  let api: TestApi;
  let second: FastifyInstance;
  let tenantB: TokenResponse;
  let tenantA: TokenResponse;
  let caretakerCookie: string;
  let buildingB: string;
  let residence: string;

  beforeAll(async () => {
    api = await startTestApi({ devicePollIntervalSeconds: 1 });
    second = await api.buildInstance();
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    await second.listen({ host: '127.0.0.1', port: 0 });
    [tenantB, tenantA] = await Promise.all([activateTv(api.app, LAURIERS_B_TENANT), activateTv(api.app, LAURIERS_A_TENANT)]);
    caretakerCookie = (await signInStaff(api.app, DEMO_STAFF.caretakerLauriers)).cookie;
    const places = (await api.app.inject({ url: '/api/v1/staff/places', headers: { cookie: caretakerCookie } })).json().items;
    buildingB = places.find((p: { name: string }) => p.name.startsWith('Bâtiment B')).id;
    residence = places.find((p: { kind: string }) => p.kind === 'RESIDENCE').id;
  });
  afterAll(() => api.close());

  const publish = (app: FastifyInstance, audience: { kind: string; id: string }, title: string, urgent = false) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/staff/notices',
      headers: { cookie: caretakerCookie, 'idempotency-key': randomUUID() },
      payload: { title, body: 'Détails de l’annonce.', category: 'INFORMATION', urgent, audience },
    });

  (redisAvailable ? it : it.skip)(
    'pushes a notice published on one instance to TVs connected to another, only where it is addressed',
    async () => {
      const tvB = await TestSocket.open(second, { accessToken: tenantB.access_token });
      const tvA = await TestSocket.open(second, { accessToken: tenantA.access_token });
      await tvB.next((m) => m.type === 'ready');
      await tvA.next((m) => m.type === 'ready');

      const published = await publish(api.app, { kind: 'BUILDING', id: buildingB }, 'Coupure d’eau', true);
      const event = await tvB.next((m) => m.type === 'event' && m.name === 'notice.published');
      expect(event).toMatchObject({
        type: 'event',
        id: expect.stringMatching(/^[0-9]+$/),
        name: 'notice.published',
        data: { noticeId: published.json().id, urgent: true },
      });

      await publish(api.app, { kind: 'RESIDENCE', id: residence }, 'Pour toute la résidence');
      await tvA.next((m) => m.type === 'event' && m.name === 'notice.published');
      expect(
        tvA.messages.filter((m) => m.type === 'event' && 'noticeId' in m.data && m.data.noticeId === published.json().id),
      ).toHaveLength(0);
      tvA.close();
      tvB.close();
    },
  );

  it('replays what a reconnecting TV missed, after the last event it handled', async () => {
    const tv = await TestSocket.open(api.app, { accessToken: tenantB.access_token });
    await tv.next((m) => m.type === 'ready');
    const first = await publish(api.app, { kind: 'BUILDING', id: buildingB }, 'Premier');
    const seen = (await tv.next((m) => m.type === 'event' && 'noticeId' in m.data && m.data.noticeId === first.json().id)) as {
      id: string;
    };
    tv.close();

    const missed = await publish(api.app, { kind: 'BUILDING', id: buildingB }, 'Pendant la coupure');
    const back = await TestSocket.open(api.app, { accessToken: tenantB.access_token, lastEventId: seen.id });
    const ready = await back.next((m) => m.type === 'ready');
    expect(ready).toMatchObject({ replayed: 1 });
    expect(back.messages[0]).toMatchObject({ type: 'event', name: 'notice.published', data: { noticeId: missed.json().id } });
    back.close();
  });

  it('tells staff in the console when a home reads their notice', async () => {
    const consoleSocket = await TestSocket.open(api.app, {}, caretakerCookie);
    await consoleSocket.next((m) => m.type === 'ready');
    const { id } = (await publish(api.app, { kind: 'RESIDENCE', id: residence }, 'À lire')).json();
    await api.app.inject({
      method: 'PUT',
      url: `/api/v1/notices/${id}/read`,
      headers: { authorization: `Bearer ${tenantA.access_token}` },
    });
    const event = await consoleSocket.next((m) => m.type === 'event' && m.name === 'notice.read');
    expect(event).toMatchObject({ data: { noticeId: id, readHomeCount: 1 } });
    consoleSocket.close();
  });

  it('closes sockets that do not authenticate', async () => {
    const stranger = await TestSocket.open(api.app, { accessToken: 'forged' });
    expect(await stranger.next((m) => m.type === 'error')).toEqual({ type: 'error', code: 'invalid_token' });
    const anonymous = await TestSocket.open(api.app, {});
    expect(await anonymous.next((m) => m.type === 'error')).toEqual({ type: 'error', code: 'unauthenticated' });
  });
});
