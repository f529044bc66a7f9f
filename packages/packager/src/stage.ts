// Copies the TV build into a package's folder and makes it the landlord's: palier-config.js, logo, title, language.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Profile } from './profile';

export interface StageOptions {
  /** The built TV app (apps/tv/dist). */
  tvDist: string;
  /** Where the app files go (emptied first). */
  dir: string;
  profile: Profile;
  /** Overrides the profile's API URL (a test, a staging API). */
  apiUrl?: string;
  /**
   * Installed apps (Tizen, webOS) run from file:// where module scripts are refused by some engines: keep only the
   * ES5 (SystemJS) bundle, which every TV runs, and drop the modern chunks.
   */
  legacyOnly: boolean;
}

export const CONFIG_FILE = 'palier-config.js';
export const LOGO_FILE = 'brand/logo.png';

/** The settings the app reads at start (apps/tv/src/deployment.ts). */
export function deploymentConfig(profile: Profile, apiUrl?: string): Record<string, unknown> {
  return {
    profile: profile.name,
    appName: profile.appName,
    landlord: profile.landlord.name,
    apiUrl: apiUrl ?? profile.apiUrl,
    defaultLanguage: profile.defaultLanguage,
    logo: LOGO_FILE,
    colours: profile.branding.colours,
    version: profile.version,
  };
}

/** index.html as an installed app needs it: the legacy loader only, no module scripts, no CORS mode on file://. */
export function legacyOnlyIndex(html: string): string {
  return html
    .replace(/\s*<script type="module"[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/\s*<script nomodule>[\s\S]*?<\/script>/g, '')
    .replace(/ nomodule/g, '')
    .replace(/ crossorigin/g, '');
}

export function brandIndex(html: string, profile: Profile): string {
  const title = profile.appName.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/<html lang="[^"]*"/, `<html lang="${profile.defaultLanguage}"`);
}

/** The scripts index.html loads, in order, as paths relative to it. */
export function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\b(?:src|data-src)="([^"]+)"/g)].map((match) => match[1].replace(/^\.\//, ''));
}

export function stageApp(options: StageOptions): void {
  const { dir, profile } = options;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(options.tvDist, dir, { recursive: true, filter: (source) => !source.endsWith('.map') && !path.basename(source).startsWith('.') });
  const assets = path.join(dir, 'assets');
  if (options.legacyOnly) {
    for (const file of readdirSync(assets)) if (file.endsWith('.js') && !file.includes('-legacy')) unlinkSync(path.join(assets, file));
  }
  const indexFile = path.join(dir, 'index.html');
  let html = brandIndex(readFileSync(indexFile, 'utf8'), profile);
  if (options.legacyOnly) html = legacyOnlyIndex(html);
  writeFileSync(indexFile, html);
  writeFileSync(
    path.join(dir, CONFIG_FILE),
    `// ${profile.appName} for ${profile.landlord.name}: written by @palier/packager from tv-manifests/${profile.name}.json.\n` +
      `window.__PALIER_CONFIG__ = ${JSON.stringify(deploymentConfig(profile, options.apiUrl))};\n`,
  );
  mkdirSync(path.join(dir, 'brand'), { recursive: true });
  cpSync(profile.logoFile, path.join(dir, LOGO_FILE));
}
