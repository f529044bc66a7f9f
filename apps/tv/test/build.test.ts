// The TV bundle as a 2017 TV and a 2 Mbit/s line see it: every legacy chunk is ES5, and the downloads stay small.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';

const tvRoot = resolve(__dirname, '..');
const dist = join(tvRoot, 'dist');
const assets = join(dist, 'assets');

/** Budgets, gzipped: what a tenant's TV downloads on first start (fonts are counted apart, they are cached for good). */
const MODERN_JS_BUDGET_KB = 180;
const LEGACY_JS_BUDGET_KB = 240;
/**
 * The call chunk (livekit-client and its polyfills) is downloaded on the first call only, never at start. livekit-client
 * is ~151 KB gzipped as ES2015 and cannot shrink much (WebRTC signalling, protobuf); the ES5 build adds Babel's helpers.
 */
const MODERN_CALL_JS_BUDGET_KB = 160;
const LEGACY_CALL_JS_BUDGET_KB = 185;
/** Screens a route loads on first use (the neighbours' feed) and what only they use: downloaded when opened, not at start. */
const MODERN_SCREENS_JS_BUDGET_KB = 40;
const LEGACY_SCREENS_JS_BUDGET_KB = 50;
const LINE_MBIT_PER_S = 2;

const isCallChunk = (file: string) => /^livekit-/.test(file);

/** A chunk's name without its hash and without "-legacy": "Feed-Cyu-FCUE.js" and "Feed-legacy-Ab12Cd34.js" are "Feed". */
function chunkBase(file: string): string {
  return file.slice(0, -'-12345678.js'.length).replace(/-legacy$/, '');
}

/**
 * The chunks a start does not load: everything the modern entry does not reach through static imports (routes loaded
 * on first use and what only they import), the call chunk apart. Legacy chunks are matched by name.
 */
function lazyChunkBases(files: string[]): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([\w-]+\.js)"/.exec(html)?.[1] as string;
  const reached = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (reached.has(file)) continue;
    reached.add(file);
    const source = readFileSync(join(assets, file), 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) queue.push(match[1] as string);
  }
  const modern = files.filter((file) => file.endsWith('.js') && !file.includes('-legacy'));
  return new Set(modern.filter((file) => !reached.has(file) && !isCallChunk(file)).map(chunkBase));
}

function gzipKb(files: string[]): number {
  return files.reduce((total, file) => total + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0) / 1024;
}

function secondsOnTheLine(kb: number): string {
  return ((kb * 1024 * 8) / (LINE_MBIT_PER_S * 1_000_000)).toFixed(1);
}

describe('the TV build', () => {
  let files: string[] = [];
  let lazy = new Set<string>();
  const isScreenChunk = (file: string) => lazy.has(chunkBase(file));

  beforeAll(() => {
    // Jest's global setup builds the TV app when it is stale (test/support/global-setup.ts), before any test runs.
    files = readdirSync(assets);
    lazy = lazyChunkBases(files);
  });

  it('uses relative paths (served at /tv/ or packaged), reads palier-config.js, and loads the legacy bundle for engines without modules', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain('./assets/');
    expect(html).toContain('<script src="./palier-config.js"></script>');
    expect(html).toMatch(/nomodule/);
    expect(html).toMatch(/-legacy-[\w-]+\.js/);
  });

  it('has legacy chunks that a Chromium 47 (ES5) engine can parse', () => {
    const legacy = files.filter((file) => /-legacy.*\.js$/.test(file) && !file.endsWith('.map'));
    expect(legacy.length).toBeGreaterThanOrEqual(2);
    const failures: string[] = [];
    for (const file of legacy) {
      try {
        parse(readFileSync(join(assets, file), 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('loads livekit-client only when a call starts, in its own chunk', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const calls = files.filter((file) => isCallChunk(file) && file.endsWith('.js'));
    expect(calls.filter((file) => !file.includes('-legacy'))).toHaveLength(1);
    expect(calls.filter((file) => file.includes('-legacy'))).toHaveLength(1);
    for (const file of calls) expect(html).not.toContain(file);
    const entry = files.find((file) => /^index-[\w-]+\.js$/.test(file) && !file.includes('-legacy')) as string;
    const source = readFileSync(join(assets, entry), 'utf8');
    // Only a dynamic import() names it: a static import would put it back on the first load.
    expect(source).toMatch(/import\("\.\/livekit-[\w-]+\.js"\)/);
    expect(source).not.toMatch(/from\s*"\.\/livekit-/);
  });

  it('stays within its download budget on a 2 Mbit/s line', () => {
    const js = files.filter((file) => file.endsWith('.js'));
    const modern = js.filter((file) => !file.includes('-legacy') && !isCallChunk(file) && !isScreenChunk(file));
    const legacy = js.filter((file) => file.includes('-legacy') && !isCallChunk(file) && !isScreenChunk(file));
    const modernScreensKb = gzipKb(js.filter((file) => isScreenChunk(file) && !file.includes('-legacy')));
    const legacyScreensKb = gzipKb(js.filter((file) => isScreenChunk(file) && file.includes('-legacy')));
    const modernCallKb = gzipKb(js.filter((file) => isCallChunk(file) && !file.includes('-legacy')));
    const legacyCallKb = gzipKb(js.filter((file) => isCallChunk(file) && file.includes('-legacy')));
    const fonts = files.filter((file) => file.endsWith('.woff2'));
    const modernKb = gzipKb(modern);
    const legacyKb = gzipKb(legacy);
    const fontKb = fonts.reduce((total, file) => total + statSync(join(assets, file)).size, 0) / 1024;
    process.stdout.write(
      `TV bundle (gzip): modern JS ${modernKb.toFixed(1)} KB (${secondsOnTheLine(modernKb)} s at ${LINE_MBIT_PER_S} Mbit/s, budget ${MODERN_JS_BUDGET_KB} KB); ` +
        `legacy JS ${legacyKb.toFixed(1)} KB (${secondsOnTheLine(legacyKb)} s, budget ${LEGACY_JS_BUDGET_KB} KB); fonts ${fontKb.toFixed(1)} KB woff2; ` +
        `on the first call: modern ${modernCallKb.toFixed(1)} KB (${secondsOnTheLine(modernCallKb)} s, budget ${MODERN_CALL_JS_BUDGET_KB} KB), ` +
        `legacy ${legacyCallKb.toFixed(1)} KB (${secondsOnTheLine(legacyCallKb)} s, budget ${LEGACY_CALL_JS_BUDGET_KB} KB); ` +
        `screens loaded on first use (${[...lazy].join(', ')}): modern ${modernScreensKb.toFixed(1)} KB (budget ${MODERN_SCREENS_JS_BUDGET_KB} KB), ` +
        `legacy ${legacyScreensKb.toFixed(1)} KB (budget ${LEGACY_SCREENS_JS_BUDGET_KB} KB)\n`,
    );
    expect(modernKb).toBeLessThan(MODERN_JS_BUDGET_KB);
    expect(legacyKb).toBeLessThan(LEGACY_JS_BUDGET_KB);
    expect(modernCallKb).toBeLessThan(MODERN_CALL_JS_BUDGET_KB);
    expect(legacyCallKb).toBeLessThan(LEGACY_CALL_JS_BUDGET_KB);
    expect(modernScreensKb).toBeLessThan(MODERN_SCREENS_JS_BUDGET_KB);
    expect(legacyScreensKb).toBeLessThan(LEGACY_SCREENS_JS_BUDGET_KB);
  });
});
