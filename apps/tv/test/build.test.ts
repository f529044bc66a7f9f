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
/** A screen loaded when first opened (procedures, e-services): about a fifth of a second each at 2 Mbit/s. */
const SCREEN_JS_BUDGET_KB = 45;
const LEGACY_JS_BUDGET_KB = 240;
/**
 * The call chunk (livekit-client and its polyfills) is downloaded on the first call only, never at start. livekit-client
 * is ~151 KB gzipped as ES2015 and cannot shrink much (WebRTC signalling, protobuf); the ES5 build adds Babel's helpers.
 */
const MODERN_CALL_JS_BUDGET_KB = 160;
const LEGACY_CALL_JS_BUDGET_KB = 185;
const LINE_MBIT_PER_S = 2;

const isCallChunk = (file: string) => /^livekit-/.test(file);

function gzipKb(files: string[]): number {
  return files.reduce((total, file) => total + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0) / 1024;
}

function secondsOnTheLine(kb: number): string {
  return ((kb * 1024 * 8) / (LINE_MBIT_PER_S * 1_000_000)).toFixed(1);
}

describe('the TV build', () => {
  let files: string[] = [];

  beforeAll(() => {
    // Jest's global setup builds the TV app when it is stale (test/support/global-setup.ts), before any test runs.
    files = readdirSync(assets);
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
    // Screens loaded when first opened (import() in the entry, e.g. procedures, e-services) are not part of the first
    // start; each has a budget of its own below.
    const entry = js.find((file) => /^index-[\w-]+\.js$/.test(file) && !file.includes('-legacy')) as string;
    const lazyNames = Array.from(readFileSync(join(assets, entry), 'utf8').matchAll(/import\("\.\/([A-Za-z]+)-[\w-]+\.js"\)/g))
      .map((match) => match[1] as string)
      .filter((name) => name !== 'livekit');
    const isScreenChunk = (file: string) => lazyNames.some((name) => file.startsWith(name + '-'));
    // What a chunk pulls in with it: its static imports (modern `from"./x.js"`; legacy, the deps of System.register),
    // never the lists of chunks to preload for a dynamic import().
    const importsOf = (file: string) => {
      const source = readFileSync(join(assets, file), 'utf8');
      const names = file.includes('-legacy')
        ? Array.from((/System\.register\(\[([^\]]*)\]/.exec(source)?.[1] ?? '').matchAll(/"\.\/([\w-]+\.js)"/g))
        : Array.from(source.matchAll(/from\s*"\.\/([\w-]+\.js)"/g));
      return names.map((match) => match[1] as string).filter((name) => js.includes(name) && !isCallChunk(name));
    };
    const withImports = (roots: string[]): Set<string> => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        importsOf(file).forEach(visit);
      };
      roots.forEach(visit);
      return seen;
    };
    // The first start: the entry and what it imports statically (plus the legacy polyfills). A chunk shared by screens
    // only (the keyboard, the paged list) comes with the first of those screens opened: it counts in their budget.
    const legacyEntry = js.find((file) => /^index-legacy-[\w-]+\.js$/.test(file)) as string;
    const polyfills = js.filter((file) => /^polyfills-legacy-/.test(file));
    const modern = [...withImports([entry])];
    const legacy = [...withImports([legacyEntry, ...polyfills])];
    const atStart = new Set([...modern, ...legacy]);
    const screens = js
      .filter(isScreenChunk)
      .map((file) => ({ file, kb: gzipKb([...withImports([file])].filter((chunk) => !atStart.has(chunk))) }));
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
        `legacy ${legacyCallKb.toFixed(1)} KB (${secondsOnTheLine(legacyCallKb)} s, budget ${LEGACY_CALL_JS_BUDGET_KB} KB)\n`,
    );
    process.stdout.write(
      `screens loaded when opened, with the chunks they share (gzip): ${screens.map((screen) => `${screen.file} ${screen.kb.toFixed(1)} KB`).join(', ')}\n`,
    );
    expect(lazyNames).toEqual(expect.arrayContaining(['Procedures', 'EServices']));
    for (const screen of screens) expect(screen.kb).toBeLessThan(SCREEN_JS_BUDGET_KB);
    expect(modernKb).toBeLessThan(MODERN_JS_BUDGET_KB);
    expect(legacyKb).toBeLessThan(LEGACY_JS_BUDGET_KB);
    expect(modernCallKb).toBeLessThan(MODERN_CALL_JS_BUDGET_KB);
    expect(legacyCallKb).toBeLessThan(LEGACY_CALL_JS_BUDGET_KB);
  });
});
