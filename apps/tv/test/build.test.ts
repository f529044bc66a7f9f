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
const LINE_MBIT_PER_S = 2;

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

  it('stays within its download budget on a 2 Mbit/s line', () => {
    const js = files.filter((file) => file.endsWith('.js'));
    const modern = js.filter((file) => !file.includes('-legacy'));
    const legacy = js.filter((file) => file.includes('-legacy'));
    const fonts = files.filter((file) => file.endsWith('.woff2'));
    const modernKb = gzipKb(modern);
    const legacyKb = gzipKb(legacy);
    const fontKb = fonts.reduce((total, file) => total + statSync(join(assets, file)).size, 0) / 1024;
    process.stdout.write(
      `TV bundle (gzip): modern JS ${modernKb.toFixed(1)} KB (${secondsOnTheLine(modernKb)} s at ${LINE_MBIT_PER_S} Mbit/s, budget ${MODERN_JS_BUDGET_KB} KB); ` +
        `legacy JS ${legacyKb.toFixed(1)} KB (${secondsOnTheLine(legacyKb)} s, budget ${LEGACY_JS_BUDGET_KB} KB); fonts ${fontKb.toFixed(1)} KB woff2\n`,
    );
    expect(modernKb).toBeLessThan(MODERN_JS_BUDGET_KB);
    expect(legacyKb).toBeLessThan(LEGACY_JS_BUDGET_KB);
  });
});
