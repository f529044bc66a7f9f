// The other end of a call, when no app page exists for it yet: a bare LiveKit participant in a Chromium page (livekit-
// client's UMD build on a loopback page, a secure context, so the fake camera and microphone work):
//   const agent = await openLivekitPeer(browser, peerPages.url);
//   await agent.join(await staff.agentCallToken(callId), { camera: true });
//   expect(await agent.remoteVideoFrames()).toBeGreaterThan(0);
import { createServer, type Server } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallToken } from '@palier/contracts';
import { SCREENSHOT_DIR } from './tv';

export interface PeerPages {
  url: string;
  close(): Promise<void>;
}

/** Serves one page that loads livekit-client and shows what it receives in a <video> element. */
export function servePeerPages(): Promise<PeerPages> {
  // The package's "require" export is its UMD build, which defines window.LivekitClient in a page.
  const script = readFileSync(require.resolve('livekit-client'));
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>LiveKit peer</title>
<style>body{margin:0;background:#111;color:#eee;font:20px sans-serif} video{width:640px;height:360px;background:#000;display:block}</style>
<script src="/livekit-client.js"></script></head>
<body><p id="status">idle</p><video id="remote" autoplay playsinline muted></video></body></html>`;
  const server: Server = createServer((request, response) => {
    if (request.url === '/livekit-client.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

export class LivekitPeer {
  constructor(readonly page: Page) {}

  /** Connects with the token and publishes the microphone, and the (fake) camera when asked. */
  async join(token: CallToken, options: { camera: boolean }): Promise<void> {
    // A string, not a function: TypeScript runners may wrap inner functions in helpers the page does not have.
    await this.page.evaluate(`(async function (url, token, camera) {
      var LK = window.LivekitClient;
      var room = new LK.Room();
      window.room = room;
      var video = document.getElementById('remote');
      room.on(LK.RoomEvent.TrackSubscribed, function (track) {
        if (track.kind === 'video') track.attach(video);
      });
      await room.connect(url, token);
      await room.localParticipant.setMicrophoneEnabled(true);
      if (camera) await room.localParticipant.setCameraEnabled(true);
      document.getElementById('status').textContent = 'in room ' + room.name;
    })(${JSON.stringify(token.url)}, ${JSON.stringify(token.token)}, ${options.camera ? 'true' : 'false'})`);
  }

  /** Frames decoded from the other side's video. */
  remoteVideoFrames(): Promise<number> {
    return this.page.evaluate(`(function () {
      var video = document.getElementById('remote');
      return video && video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality().totalVideoFrames : 0;
    })()`) as Promise<number>;
  }

  async leave(): Promise<void> {
    await this.page.evaluate(`window.room ? window.room.disconnect() : null`);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

export async function openLivekitPeer(browser: Browser, pagesUrl: string): Promise<LivekitPeer> {
  const context = await browser.newContext({ viewport: { width: 800, height: 480 } });
  const page = await context.newPage();
  await page.goto(pagesUrl);
  return new LivekitPeer(page);
}
