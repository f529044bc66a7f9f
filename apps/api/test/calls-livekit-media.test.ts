// A real call through a real LiveKit server: participants join from headless Chromium with livekit-client and fake
// media, LiveKit's own webhooks reach the API, and the call's state follows who is in the room.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../test/support/chromium';
import { RoomServiceClient } from 'livekit-server-sdk';
import { PalierClient, type CallToken, type TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { activateTv, signInStaff } from '../../../test/support/journeys';
import { ALWAYS_OPEN, setCallCentreHours } from '../../../test/support/calls';
import { freePort } from '../../../packages/devstack/src/free-port';
import { describeWithLivekit, startTestLivekit } from '../../../test/support/livekit';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import { LIVEKIT_WEBHOOK_PATH } from '../src/modules/calls/routes';

/** A blank page on a loopback origin (a secure context, so getUserMedia works) with livekit-client loaded. */
function servePage(): Promise<{ server: Server; url: string }> {
  const script = readFileSync(path.resolve(__dirname, '../../../node_modules/livekit-client/dist/livekit-client.umd.js'));
  const server = createServer((request, response) => {
    if (request.url === '/livekit-client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/livekit-client.js"></script>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

/** Joins the room from the page, publishing what the token allows; resolves once connected. */
async function join(page: Page, token: CallToken, camera: boolean): Promise<void> {
  await page.evaluate(
    async ({ url, token, camera }) => {
      const { Room } = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
      const room = new Room();
      (window as unknown as { room: unknown }).room = room;
      (window as unknown as { remoteVideo: number }).remoteVideo = 0;
      room.on('trackSubscribed', (track) => {
        if (track.kind === 'video') (window as unknown as { remoteVideo: number }).remoteVideo += 1;
      });
      await room.connect(url, token);
      await room.localParticipant.setMicrophoneEnabled(true);
      if (camera) await room.localParticipant.setCameraEnabled(true);
    },
    { url: token.url, token: token.token, camera },
  );
}

async function leave(page: Page) {
  await page.evaluate(async () => {
    await (window as unknown as { room: { disconnect(): Promise<void> } }).room.disconnect();
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithLivekit('a video call on a real LiveKit server', () => {
  let livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  let api: TestApi;
  let baseUrl: string;
  let browser: Browser;
  let page: { server: Server; url: string };
  let rooms: RoomServiceClient;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    livekit = await startTestLivekit([`${baseUrl}${LIVEKIT_WEBHOOK_PATH}`]);
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    api = await startTestApi({ devicePollIntervalSeconds: 1, livekit: livekit.config });
    await api.app.listen({ host: '127.0.0.1', port });
    await setCallCentreHours(api.app, ALWAYS_OPEN);
    [browser, page] = await Promise.all([launchChromium({ fakeMedia: true }), servePage()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    page?.server.close();
    await api?.close();
    await livekit?.stop();
  });

  function tenantClient(tokens: TokenResponse) {
    return new PalierClient({ baseUrl, accessToken: () => tokens.access_token });
  }
  function staffClient(cookie: string) {
    return new PalierClient({
      baseUrl,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } }),
    });
  }

  it('follows the room: the agent answers, media flows both ways, both leave and the call ends with its room gone', async () => {
    const tenant = tenantClient(await activateTv(api.app, 'HMP-LAU-C-0405'));
    const agent = staffClient((await signInStaff(api.app, DEMO_STAFF.agent)).cookie);

    const call = await tenant.startCall({ kind: 'CALL_CENTRE' }, randomUUID());
    expect(call.state).toBe('QUEUED');
    const tvPage = await browser.newPage();
    await tvPage.goto(page.url);
    await join(tvPage, await tenant.callToken(call.id, { participant: 'tv' }), false);
    const tvIdentity = `tenant-${(await tenant.me()).id}`;
    // LiveKit's participant_joined webhook reached the API.
    const present = await until(
      () => api.app.db.callPresence.findMany({ where: { callId: call.id, present: true } }),
      (rows) => rows.length > 0,
    );
    expect(present.map((row) => row.identity)).toEqual([tvIdentity]);

    expect((await agent.callQueue()).items.map((entry) => entry.callId)).toContain(call.id);
    const claimed = await agent.claimCall(call.id);
    const agentPage = await browser.newPage();
    await agentPage.goto(page.url);
    await join(agentPage, await agent.agentCallToken(call.id), true);
    expect((await tenant.call(call.id)).state).toBe('ANSWERED');
    // The tenant's TV receives the agent's (fake) camera.
    expect(
      await until(
        () => tvPage.evaluate(() => (window as unknown as { remoteVideo: number }).remoteVideo),
        (count) => count > 0,
      ),
    ).toBe(1);
    expect((await rooms.listParticipants(call.roomName)).map((participant) => participant.identity).sort()).toEqual(
      [tvIdentity, `staff-${claimed.agent!.id}`].sort(),
    );

    // One leaves: the call goes on. Both have left: LiveKit's webhooks end it.
    await leave(agentPage);
    await until(
      () => api.app.db.callPresence.count({ where: { callId: call.id, present: true } }),
      (count) => count === 1,
    );
    expect((await tenant.call(call.id)).state).toBe('ANSWERED');
    await leave(tvPage);
    const ended = await until(
      () => tenant.call(call.id),
      (current) => current.state !== 'ANSWERED',
    );
    expect(ended).toMatchObject({ state: 'ENDED', endReason: 'participants_left' });
    const gone = await until(
      () => rooms.listRooms(),
      (list) => !list.some((room) => room.name === call.roomName),
    );
    expect(gone.map((room) => room.name)).not.toContain(call.roomName);
    await Promise.all([tvPage.close(), agentPage.close()]);
  }, 60_000);

  it('cancels a queued call when the caller’s TV leaves the room', async () => {
    const tenant = tenantClient(await activateTv(api.app, 'HMP-LAU-C-0305'));
    const call = await tenant.startCall({ kind: 'CALL_CENTRE' }, randomUUID());
    const tvPage = await browser.newPage();
    await tvPage.goto(page.url);
    await join(tvPage, await tenant.callToken(call.id, { participant: 'tv' }), false);
    await until(
      () => api.app.db.callPresence.count({ where: { callId: call.id, present: true } }),
      (count) => count === 1,
    );
    await tvPage.close();
    const after = await until(
      () => tenant.call(call.id),
      (current) => current.state !== 'QUEUED',
    );
    expect(after).toMatchObject({ state: 'CANCELLED', endReason: 'caller_left' });
    expect((await tenant.currentCall()).call).toBeNull();
  }, 60_000);
});
