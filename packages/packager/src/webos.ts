// LG webOS: the app as an .ipk built by LG's own ares-package, with its appinfo.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAr, readTar, type ArchiveEntry } from './archive';
import { Checklist, es5Failures, missingScripts, type PackageResult } from './checks';
import type { PlatformContext } from './context';
import { resizeSquarePng, pngSize } from './images';
import { renderTemplate } from './templates';
import { stageApp } from './stage';

export const WEBOS_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** LG's store asks for an 80×80 icon and a 130×130 large icon. */
const ICONS = { 'icon.png': 80, 'largeIcon.png': 130 } as const;

export function appInfoJson(context: PlatformContext): string {
  const { profile } = context;
  return renderTemplate('webos/appinfo.json', {
    appId: profile.appId,
    version: profile.version,
    vendor: profile.webos?.vendor ?? profile.landlord.name,
    appName: profile.appName,
    background: profile.branding.colours.background,
  });
}

function aresPackage(appDir: string, outDir: string): string {
  const bin = require.resolve('@webos-tools/cli/bin/ares-package.js');
  try {
    // --no-minify: the bundle is already minified, and its ES5 output must reach the TV unchanged.
    return execFileSync(process.execPath, [bin, appDir, '--outdir', outDir, '--no-minify'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`ares-package failed: ${[failure.stdout, failure.stderr].filter(Boolean).join('\n') || failure.message}`, {
      cause: error,
    });
  }
}

export function packageWebos(context: PlatformContext): PackageResult {
  const { profile } = context;
  const appDir = path.join(context.workDir, 'webos');
  stageApp({ tvDist: context.tvDist, dir: appDir, profile, apiUrl: context.apiUrl, legacyOnly: true });
  const icon = readFileSync(profile.iconFile);
  for (const [name, size] of Object.entries(ICONS)) writeFileSync(path.join(appDir, name), resizeSquarePng(icon, size));
  writeFileSync(path.join(appDir, 'appinfo.json'), appInfoJson(context));
  const outDir = path.join(context.outDir, 'webos');
  mkdirSync(outDir, { recursive: true });
  const output = path.join(outDir, `${profile.appId}_${profile.version}_all.ipk`);
  rmSync(output, { force: true });
  aresPackage(appDir, outDir);
  return checkWebosPackage(output, context, path.join(appDir, 'assets'));
}

/** Unpacks the .ipk as the TV's installer does (ar, then the two tarballs) and checks what it finds. */
export function checkWebosPackage(file: string, context: PlatformContext, stagedAssets?: string): PackageResult {
  const { profile } = context;
  const checks = new Checklist();
  const members = readAr(readFileSync(file));
  const member = (name: string) => members.find((entry) => entry.name === name)?.data;
  const appRoot = `usr/palm/applications/${profile.appId}/`;
  let data: ArchiveEntry[] = [];
  let app: ArchiveEntry[] = [];

  checks.check('is an ipk: debian-binary 2.0, control.tar.gz, data.tar.gz', () => {
    if (members.map((entry) => entry.name).join(',') !== 'debian-binary,control.tar.gz,data.tar.gz')
      return `members ${members.map((e) => e.name).join(', ')}`;
    if (member('debian-binary')!.toString() !== '2.0\n') return 'debian-binary is not 2.0';
    data = readTar(member('data.tar.gz')!);
    app = data
      .filter((entry) => entry.name.startsWith(appRoot))
      .map((entry) => ({ name: entry.name.slice(appRoot.length), data: entry.data }));
    return app.length === 0 ? `nothing under ${appRoot}` : null;
  });
  checks.check('control names the package and version', () => {
    const control =
      readTar(member('control.tar.gz')!)
        .find((entry) => entry.name === 'control')
        ?.data.toString('utf8') ?? '';
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(control)?.[1];
    if (field('Package') !== profile.appId) return `Package is ${field('Package')}`;
    if (field('Version') !== profile.version) return `Version is ${field('Version')}`;
    return field('Architecture') === 'all' ? null : 'Architecture is not all';
  });
  const names = () => new Set(app.map((entry) => entry.name));
  const text = (name: string) => app.find((entry) => entry.name === name)?.data.toString('utf8') ?? '';
  checks.check('appinfo.json has what LG requires and names files the package has', () => {
    const info = JSON.parse(text('appinfo.json')) as Record<string, unknown>;
    const expected: Record<string, unknown> = {
      id: profile.appId,
      version: profile.version,
      type: 'web',
      title: profile.appName,
      supportsAudioGuidance: true,
      disableBackHistoryAPI: true,
    };
    const wrong = Object.entries(expected).filter(([key, value]) => info[key] !== value);
    if (wrong.length > 0)
      return wrong.map(([key, value]) => `${key} is ${JSON.stringify(info[key])}, not ${JSON.stringify(value)}`).join('; ');
    if (typeof info.vendor !== 'string' || !info.vendor) return 'no vendor';
    for (const key of ['main', 'icon', 'largeIcon'])
      if (!names().has(info[key] as string)) return `${key} ${info[key]} is not in the package`;
    for (const [name, size] of Object.entries(ICONS)) {
      const png = pngSize(app.find((entry) => entry.name === name)!.data);
      if (!png || png.width !== size || png.height !== size) return `${name} is not ${size}×${size}`;
    }
    return null;
  });
  checks.check('packageinfo.json points at the app', () => {
    const info = data.find((entry) => entry.name === `usr/palm/packages/${profile.appId}/packageinfo.json`);
    if (!info) return 'missing';
    const parsed = JSON.parse(info.data.toString('utf8')) as { app?: string; version?: string };
    return parsed.app === profile.appId && parsed.version === profile.version ? null : JSON.stringify(parsed);
  });
  checks.check('index.html loads only scripts the package has', () => {
    const missing = missingScripts(text('index.html'), names());
    return missing.length > 0 ? `missing ${missing.join(', ')}` : null;
  });
  checks.check('all JavaScript is ES5 (webOS 4, Chromium 53)', () => {
    const failures = es5Failures(app);
    return failures.length > 0 ? failures.join('; ') : null;
  });
  if (stagedAssets) {
    checks.check('the bundle reached the package unchanged (ares-package did not re-minify it)', () => {
      const changed = app
        .filter((entry) => entry.name.startsWith('assets/') && entry.name.endsWith('.js'))
        .filter((entry) => !readFileSync(path.join(stagedAssets, entry.name.slice('assets/'.length))).equals(entry.data));
      return changed.length > 0 ? changed.map((entry) => entry.name).join(', ') : null;
    });
  }
  const bytes = statSync(file).size;
  checks.check('size within budget', () => (bytes > WEBOS_BUDGET_BYTES ? `${bytes} bytes` : null));
  checks.throwIfFailed('webos');
  return {
    platform: 'webos',
    output: file,
    extras: [],
    version: profile.version,
    size: { label: 'ipk', bytes, budget: WEBOS_BUDGET_BYTES },
    checks: checks.passed,
    notes: [],
  };
}
