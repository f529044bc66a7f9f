// One set-up for every journey: the real API on a free port serving the built TV, console and phone apps, and Chromium.
//   const journey = useJourney({ appointmentReminders: … });
//   it('…', async () => { const tv = await openTvAtHome(journey.browser, journey.baseUrl, await activateTv(journey.app, …)); });
// What only some journeys need (LiveKit, a package built for this API's address) starts in `beforeApi`, which knows
// the address before the API listens on it, and stops after the API.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import type { Config } from '../../../apps/api/src/config';
import { freePort } from '../../../packages/devstack/src/free-port';
import { launchChromium } from '../../support/chromium';
import { startTestApi, type TestApi } from '../../support/test-api';

const repoRoot = path.resolve(__dirname, '../../..');

export type ApiOptions = Partial<Config> & { withRedis?: boolean };

export interface JourneyOptions extends ApiOptions {
  /** Chromium's fake camera and microphone, for the calls. */
  fakeMedia?: boolean;
  /**
   * Started once the API's address is known and before it listens (a LiveKit server calling the API's webhook, packages
   * built to call this API); what it returns joins the API's options, and `stop` runs after the API has closed.
   */
  beforeApi?: (baseUrl: string) => Promise<{ options?: ApiOptions; stop?: () => Promise<unknown> }>;
}

export interface Journey {
  api: TestApi;
  app: FastifyInstance;
  /** http://127.0.0.1:<port>, what the TV, the console and the phone open and what the API's links name. */
  baseUrl: string;
  browser: Browser;
  /** Closes the pages given (a failed close is no reason to stop), then the browser, the API and what `beforeApi` started. */
  close(...pages: Array<{ close(): Promise<unknown> } | undefined>): Promise<void>;
}

interface Closable {
  close(): Promise<unknown>;
}

/** The built apps (the jest global setup rebuilds them); E2E_TV_DIST / E2E_PHONE_DIST point at another build. */
function builtApps(): ApiOptions {
  return {
    tvDist: process.env.E2E_TV_DIST ?? path.join(repoRoot, 'apps/tv/dist'),
    consoleDist: path.join(repoRoot, 'apps/console/dist'),
    phoneDist: process.env.E2E_PHONE_DIST ?? path.join(repoRoot, 'apps/phone/dist'),
  };
}

/** Starts a journey's API and browser; if a part fails to start, what did start is closed before the error is thrown. */
export async function startJourney(options: JourneyOptions = {}): Promise<Journey> {
  const { fakeMedia = false, beforeApi, ...apiOptions } = options;
  // The verification URI and the links the API sends must name an address the browser can reach: the port comes first.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopBeforeApi: (() => Promise<unknown>) | undefined;
  let api: TestApi | undefined;
  let browser: Browser | undefined;
  const close = async (...pages: Array<Closable | undefined>) => {
    for (const page of pages) await page?.close().catch(() => undefined);
    await browser?.close();
    await api?.close();
    await stopBeforeApi?.();
  };
  try {
    const before = beforeApi ? await beforeApi(baseUrl) : {};
    stopBeforeApi = before.stop;
    api = await startTestApi({
      publicUrl: baseUrl,
      devicePollIntervalSeconds: 1,
      ...builtApps(),
      ...before.options,
      ...apiOptions,
    });
    await api.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium({ fakeMedia });
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { api, app: api.app, baseUrl, browser, close };
}

/**
 * The journey of a test file: started before its tests and closed after them (with every page the browser holds);
 * its fields are there from the first beforeAll declared after it.
 */
export function useJourney(options: JourneyOptions = {}, timeoutMs?: number): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    Object.assign(journey, await startJourney(options));
  }, timeoutMs);
  afterAll(() => journey.close?.());
  return journey;
}

/** Reads until `done` holds (something the API or a page does a moment later), at most `timeoutMs`; returns the last read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}
