// The packages the operator installs, opened in Chromium dressed as each TV: a 2017 engine (the built-ins Chromium
// 47–56 lacked removed, WebGL refused, so the app picks canvas) with Tizen's, webOS's or HbbTV's APIs and key codes.
// The tenant activates the TV, opens the notices with the red key and comes back home with the platform's Back key.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useJourney } from './support/journey';
import { approve, LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT } from '../support/journeys';
import { Tv } from './support/tv';
import { packageApp } from '../../packages/packager/src/package';
import { readAr, readTar, readZip } from '../../packages/packager/src/archive';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../..');

/** What a Samsung 2017 / LG webOS 4 engine lacks, removed before any script runs; and no WebGL. */
const OLD_ENGINE = `(function () {
  function drop(owner, name) {
    try { delete owner[name]; } catch (e) {}
    if (owner[name] !== undefined) { try { Object.defineProperty(owner, name, { value: undefined, configurable: true, writable: true }); } catch (e) {} }
  }
  ['fromEntries', 'hasOwn'].forEach(function (n) { drop(Object, n); });
  ['flat', 'flatMap', 'at'].forEach(function (n) { drop(Array.prototype, n); });
  ['replaceAll', 'matchAll', 'trimStart', 'trimEnd'].forEach(function (n) { drop(String.prototype, n); });
  drop(Promise.prototype, 'finally');
  ['allSettled', 'any'].forEach(function (n) { drop(Promise, n); });
  ['IntersectionObserver', 'ResizeObserver', 'WeakRef', 'FinalizationRegistry', 'queueMicrotask', 'structuredClone', 'globalThis'].forEach(function (n) { drop(window, n); });
  var getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type) {
    if (/webgl/i.test(String(type))) return null;
    return getContext.apply(this, arguments);
  };
  window.__oldEngine = { fromEntries: typeof Object.fromEntries, globalThis: typeof window.globalThis };
})();`;

/** The platform APIs each TV gives its apps, recording what the app asks of them. */
const PLATFORM_APIS = {
  tizen: `window.__platformCalls = [];
    window.tizen = {
      tvinputdevice: { registerKey: function (name) { window.__platformCalls.push('registerKey:' + name); } },
      application: { getCurrentApplication: function () { return {
        appInfo: { id: 'PalierHMP1.PalierHMP' },
        exit: function () { window.__platformCalls.push('exit'); },
        getRequestedAppControl: function () { return { appControl: { operation: 'launch', data: [{ key: 'from', value: ['tizen-test'] }] } }; }
      }; } }
    };`,
  webos: `window.__platformCalls = [];
    window.PalmSystem = { launchParams: '{"from":"webos-test"}', activate: function () { window.__platformCalls.push('activate'); }, platformBack: function () { window.__platformCalls.push('platformBack'); } };`,
  hbbtv: `window.__platformCalls = [];
    window.oipfObjectFactory = {};
    window.KeyEvent = { VK_BACK: 8, VK_ENTER: 13, VK_LEFT: 37, VK_UP: 38, VK_RIGHT: 39, VK_DOWN: 40, VK_RED: 403, VK_GREEN: 404, VK_YELLOW: 405, VK_BLUE: 406 };
    HTMLObjectElement.prototype.getOwnerApplication = function () { return {
      show: function () { window.__platformCalls.push('show'); },
      destroyApplication: function () { window.__platformCalls.push('destroyApplication'); },
      privateData: { keyset: { RED: 1, GREEN: 2, YELLOW: 4, BLUE: 8, NAVIGATION: 16, VCR: 32, SCROLL: 64, INFO: 128, NUMERIC: 256, ALPHA: 512, OTHER: 1024,
        setValue: function (mask) { window.__platformCalls.push('keyset:' + mask); } } }
    }; };`,
} as const;

type Platform = keyof typeof PLATFORM_APIS;

const cases: Array<{ platform: Platform; entry: string; back: number; tenant: string }> = [
  { platform: 'tizen', entry: 'index.html', back: 10009, tenant: LAURIERS_B_TENANT },
  { platform: 'webos', entry: 'index.html', back: 461, tenant: LAURIERS_A_TENANT },
  { platform: 'hbbtv', entry: 'index.xhtml', back: 8, tenant: SAVINE_TENANT },
];

const TYPES: Record<string, string> = {
  // A terminal gets application/vnd.hbbtv.xhtml+xml; desktop Chromium parses the same page as XHTML with this type.
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The operator's web server for the hosted HbbTV app: static files, no policy headers of the API's. */
function serveFolder(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

describe('a tenant uses the packaged TV app on each platform, on a 2017 engine without WebGL', () => {
  // The packages call this API: they are built once its address is known, before it listens.
  const journey = useJourney({ beforeApi: async (url) => ({ options: await servePackagesFor(url) }) });
  let work: string;
  let hbbtvHost: { server: Server; url: string };

  afterAll(async () => {
    await new Promise((resolve) => (hbbtvHost ? hbbtvHost.server.close(resolve) : resolve(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Packages the app for every platform, calling `apiUrl`; returns the API's options that serve what each TV installs. */
  async function servePackagesFor(apiUrl: string) {
    work = mkdtempSync(path.join(tmpdir(), 'palier-packaged-'));
    // The operator's command, pointed at this test's API; the global setup already built apps/tv/dist.
    const results = await packageApp({
      profile: 'hmp-demo',
      platforms: 'all',
      tvDist: path.join(repoRoot, 'apps/tv/dist'),
      outDir: path.join(work, 'packages'),
      devCertificatesDir: path.join(work, 'certificates'),
      apiUrl,
      env: {},
    });
    // What each TV installs, unpacked side by side and served by the API under /tv/<platform>/.
    const served = path.join(work, 'served');
    const unpack = (platform: string, files: Array<{ name: string; data: Buffer }>) => {
      for (const file of files) {
        const target = path.join(served, platform, file.name);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.data);
      }
    };
    const output = (platform: string) => results.find((result) => result.platform === platform)!.output;
    unpack('tizen', readZip(readFileSync(output('tizen'))));
    const appRoot = 'usr/palm/applications/fr.hmp.palier/';
    const data = readTar(readAr(readFileSync(output('webos'))).find((member) => member.name === 'data.tar.gz')!.data);
    unpack(
      'webos',
      data.filter((file) => file.name.startsWith(appRoot)).map((file) => ({ name: file.name.slice(appRoot.length), data: file.data })),
    );
    // index.html is required by the API's static plugin to serve a folder at /tv/.
    writeFileSync(path.join(served, 'index.html'), '<!doctype html><title>packaged apps</title>');
    // The HbbTV app is hosted by the operator, on another origin than the API.
    const hbbtvRoot = path.join(work, 'hbbtv-host');
    cpSync(output('hbbtv'), hbbtvRoot, { recursive: true });
    hbbtvHost = await serveFolder(hbbtvRoot);

    return { tvDist: served, corsOrigins: [hbbtvHost.url] };
  }

  it.each(cases)('$platform: activation → home → notices (red key) → home (Back $back)', async ({ platform, entry, back, tenant }) => {
    const context = await journey.browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // While the tenant has not yet approved, the token endpoint answers 400 authorization_pending (RFC 8628).
      const pending = /status of 400/.test(message.text()) && /\/oauth\/token$/.test(message.location().url);
      if (message.type() === 'error' && !pending) errors.push(`${message.text()} (${message.location().url})`);
    });
    await page.addInitScript(OLD_ENGINE);
    await page.addInitScript(PLATFORM_APIS[platform]);
    // No renderMode in the URL: the app must find out by itself that WebGL is missing.
    const url = platform === 'hbbtv' ? `${hbbtvHost.url}/${entry}?inspector=1` : `${journey.baseUrl}/tv/${platform}/${entry}?inspector=1`;
    await page.goto(url);
    const tv = new Tv(page, context, url);
    try {
      const started = await tv
        .waitFor('the app to start', (s) => !!s.route && s.route !== 'boot', 30_000)
        .catch((error: Error) => {
          throw new Error(`${error.message}\nerrors in the page: ${errors.join(' | ')}`);
        });
      expect(started.platform).toBe(platform);
      expect(started.renderMode).toBe('canvas');
      // The legacy (SystemJS) bundle runs, on an engine where the newer built-ins were missing at start.
      expect(await page.evaluate('[typeof window.System, window.__oldEngine.fromEntries, window.__oldEngine.globalThis]')).toEqual([
        'object',
        'undefined',
        'undefined',
      ]);
      expect(await page.evaluate('window.__PALIER_CONFIG__.landlord')).toBe('Habitat Marseille Provence');

      await tv.expectScreen('activation');
      const userCode = await tv.activationCode();
      await tv.screenshot(`packaged-${platform}-01-activation`);
      const decision = await approve(journey.app, userCode, tenant);
      expect(decision.statusCode).toBe(200);

      await tv.expectScreen('home', 20_000);
      await tv.screenshot(`packaged-${platform}-02-home`);
      await tv.sendKeyCode(403); // red: the notices
      await tv.expectScreen('notices');
      await tv.screenshot(`packaged-${platform}-03-notices`);
      await tv.sendKeyCode(back);
      await tv.expectScreen('home');
      await tv.screenshot(`packaged-${platform}-04-back-home`);

      const calls = (await page.evaluate('window.__platformCalls')) as string[];
      if (platform === 'tizen')
        expect(calls).toEqual(
          expect.arrayContaining(['registerKey:ColorF0Red', 'registerKey:ColorF3Blue', 'registerKey:0', 'registerKey:9']),
        );
      if (platform === 'hbbtv') {
        expect(calls).toContain('show');
        expect(calls).toContain(`keyset:${1 | 2 | 4 | 8 | 16 | 256}`);
      }
      // Back on the home screen asks before leaving; leaving goes through the platform's own exit.
      await tv.sendKeyCode(back);
      await tv.waitFor('the leave question', (s) => !!s.dialog);
      await tv.screenshot(`packaged-${platform}-05-leave`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
