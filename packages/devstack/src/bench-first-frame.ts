// Video-call latency for `npm run bench`: from the agent answering (the claim request) to the first remote video frame
// presented on the tenant's TV — the real TV app in Debian's Chromium, the real API, a real LiveKit server, a fake
// camera on the agent's side — against a baseline measured in the same run: two bare livekit-client pages in a room,
// from the publisher joining and publishing its camera to the subscriber's first presented frame.
// Both ends time the first frame with requestVideoFrameCallback in the page (the TV app exposes it as
// window.__palier.call.remoteVideoFirstFrameAt), converted to this process's clock by a round-trip calibration.
import { AccessToken } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import type { CallToken } from '@palier/contracts';
import { launchChromium, openTv, type Tv } from '../../../test/e2e/support/tv';
import { openLivekitPeer, servePeerPages, type LivekitPeer, type PeerPages } from '../../../test/e2e/support/livekit-peer';
import { summarise, type LatencySummary } from './bench-calls';
import type { LivekitServer } from './livekit';

const FRAME_TIMEOUT_MS = 30_000;

export interface FirstFrameOptions {
  apiUrl: string;
  livekit: LivekitServer;
  /** The TV's session, as the app stores it after activation. */
  tenantTokens: { accessToken: string; refreshToken: string };
  staffCookie: string;
  iterations: number;
  log?: (message: string) => void;
}

export interface FirstFrameResult {
  baseline: LatencySummary;
  palier: LatencySummary;
  /** The browser's version, for the table's footnote. */
  chromium: string;
}

/**
 * This process's performance.now() minus the page's, from the round trip that was shortest out of a few: the error is
 * at most half of it (both clocks are monotonic on the same machine, so the offset holds for the page's life).
 */
async function clockOffset(page: Page): Promise<number> {
  let best = { roundTrip: Infinity, offset: 0 };
  for (let i = 0; i < 7; i += 1) {
    const before = performance.now();
    const pageNow = (await page.evaluate('performance.now()')) as number;
    const after = performance.now();
    if (after - before < best.roundTrip) best = { roundTrip: after - before, offset: (before + after) / 2 - pageNow };
  }
  return best.offset;
}

async function until<T>(description: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = FRAME_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`expected ${description} within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first frame's time on this process's clock, checked to fall between the start and the moment it was read. */
function sample(pageTime: number, offset: number, started: number): number {
  const at = pageTime + offset;
  if (at < started || at > performance.now()) throw new Error('a first frame timed outside its own sample: the clocks disagree');
  return at - started;
}

async function peerToken(livekit: LivekitServer, room: string, identity: string): Promise<CallToken> {
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: '10m' });
  token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
  return { url: livekit.url, token: await token.toJwt() } as CallToken;
}

/** Joins a room without publishing, shows what it receives, and notes when its first video frame was presented. */
async function subscribe(page: Page, token: CallToken): Promise<void> {
  // A string, not a function: tsx may wrap inner functions in helpers the page does not have.
  await page.evaluate(`(async function (url, token) {
    var LK = window.LivekitClient;
    var room = new LK.Room({ adaptiveStream: false, dynacast: false });
    window.room = room;
    window.firstFrameAt = 0;
    var video = document.getElementById('remote');
    video.srcObject = null;
    video.requestVideoFrameCallback(function (now, frame) { window.firstFrameAt = frame.presentationTime || now; });
    room.on(LK.RoomEvent.TrackSubscribed, function (track) {
      if (track.kind === 'video') track.attach(video);
    });
    await room.connect(url, token, { autoSubscribe: true });
  })(${JSON.stringify(token.url)}, ${JSON.stringify(token.token)})`);
}

/** (e) the floor: the publisher joins and publishes its fake camera, the subscriber already in the room sees it. */
async function measureBaseline(browser: Browser, peers: PeerPages, options: FirstFrameOptions): Promise<LatencySummary> {
  const subscriber = await openLivekitPeer(browser, peers.url);
  const publisher = await openLivekitPeer(browser, peers.url);
  const offset = await clockOffset(subscriber.page);
  const samples: number[] = [];
  try {
    for (let i = 0; i < options.iterations; i += 1) {
      const room = `bench-baseline-${i}-${Date.now()}`;
      await subscribe(subscriber.page, await peerToken(options.livekit, room, 'subscriber'));
      const token = await peerToken(options.livekit, room, 'publisher');
      const started = performance.now();
      await publisher.join(token, { camera: true });
      const firstFrameAt = await until(
        'a first frame on the subscriber',
        () => subscriber.page.evaluate('window.firstFrameAt') as Promise<number>,
        (at) => at > 0,
      );
      samples.push(sample(firstFrameAt, offset, started));
      await publisher.leave();
      await subscriber.leave();
    }
  } finally {
    await subscriber.page.context().close();
    await publisher.page.context().close();
  }
  return summarise('(e) bare LiveKit: peer publishes → other peer’s first frame', samples);
}

async function openCallsScreen(tv: Tv): Promise<void> {
  await tv.expectScreen('home');
  await tv.press('Right', 'Right', 'Right');
  await tv.expectFocused('Appels');
  await tv.press('OK');
  await tv.expectScreen('calls');
  await tv.expectFocused('Appeler mon bailleur');
}

async function staffPost<T>(options: FirstFrameOptions, path: string): Promise<T> {
  const response = await fetch(`${options.apiUrl}/api/v1/staff/calls/${path}`, {
    method: 'POST',
    headers: { cookie: options.staffCookie },
  });
  if (!response.ok) throw new Error(`POST …/staff/calls/${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * (f) the real path: the tenant calls the call-centre from the TV and waits in the queue (in the room already, as the
 * app joins while waiting); the agent claims the call, asks for its token and joins with its camera, as the console
 * does; the sample ends when the TV app presents the agent's first frame. Then the agent hangs up and the TV goes idle.
 */
async function measurePalier(browser: Browser, peers: PeerPages, options: FirstFrameOptions): Promise<LatencySummary> {
  const tv = await openTv(browser, options.apiUrl, { language: 'fr', tokens: options.tenantTokens });
  const agent: LivekitPeer = await openLivekitPeer(browser, peers.url);
  const samples: number[] = [];
  try {
    await openCallsScreen(tv);
    const offset = await clockOffset(tv.page);
    for (let i = 0; i < options.iterations; i += 1) {
      await tv.press('OK');
      // Waiting in the queue, and already in the room: what the agent's answer has to reach.
      const waiting = await tv.waitFor(
        'the call queued with its media connected',
        (s) => s.call.state === 'queued' && s.call.media === 'connected',
        FRAME_TIMEOUT_MS,
      );
      const callId = waiting.call.id;
      const started = performance.now();
      await staffPost(options, `${encodeURIComponent(callId)}/claim`);
      await agent.join(await staffPost<CallToken>(options, `${encodeURIComponent(callId)}/token`), { camera: true });
      const shown = await tv.waitFor(
        'the first remote frame presented',
        (s) => s.call.id === callId && s.call.remoteVideoFirstFrameAt > 0,
        FRAME_TIMEOUT_MS,
      );
      samples.push(sample(shown.call.remoteVideoFirstFrameAt, offset, started));
      await staffPost(options, `${encodeURIComponent(callId)}/hang-up`);
      await agent.leave();
      await tv.expectCallState('idle', FRAME_TIMEOUT_MS);
      await tv.expectFocused('Appeler mon bailleur');
    }
  } finally {
    await tv.close();
    await agent.page.context().close();
  }
  return summarise('(f) API + TV app: agent claims → first frame on the TV', samples);
}

export async function measureFirstFrames(options: FirstFrameOptions): Promise<FirstFrameResult> {
  const served = await fetch(`${options.apiUrl}/tv/`);
  if (!served.ok || !/<script[^>]+src=[^>]*assets\//.test(await served.text()))
    throw new Error(`the API serves no built TV app at /tv/ (${served.status}): npm run build -w @palier/tv`);
  const [browser, peers] = await Promise.all([launchChromium({ fakeMedia: true }), servePeerPages()]);
  try {
    options.log?.(`first video frame: ${options.iterations} peer-to-peer publications, then ${options.iterations} calls from the TV`);
    const baseline = await measureBaseline(browser, peers, options);
    const palier = await measurePalier(browser, peers, options);
    return { baseline, palier, chromium: browser.version() };
  } finally {
    await browser.close();
    await peers.close();
  }
}
