// One landlord, one or all platforms: make sure the TV build is fresh, then package, check and summarise each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tizenIdentities } from './certificates';
import type { PackageResult } from './checks';
import type { PlatformContext } from './context';
import { packageHbbtv } from './hbbtv';
import { defaultOutDir, defaultTvDist, repoRoot } from './paths';
import { loadProfile, PLATFORMS, type PlatformName, type Profile } from './profile';
import { packageTizen } from './tizen';
import { packageWebos } from './webos';

export interface PackageOptions {
  /** A profile name in tv-manifests/, a path to a profile file, or a loaded profile. */
  profile: string | Profile;
  platforms: PlatformName[] | 'all';
  /** The built TV app; apps/tv/dist (rebuilt first when stale) by default. */
  tvDist?: string;
  /** dist/packages by default; each profile gets its own folder in it. */
  outDir?: string;
  /** Overrides the profile's API URL (a staging API, a test). */
  apiUrl?: string;
  /** Where development signing certificates live (.data/tizen-certificates). */
  devCertificatesDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export function parsePlatforms(value: string | undefined): PlatformName[] | 'all' {
  if (!value || value === 'all') return 'all';
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !PLATFORMS.includes(name as PlatformName));
  if (unknown.length > 0) throw new Error(`--platform: ${unknown.join(', ')} is not one of tizen, webos, hbbtv, all`);
  return names as PlatformName[];
}

/** Builds the TV app if its sources changed since the last build (the same rule as npm start and npm test). */
async function ensureTvBuilt(log: (line: string) => void): Promise<void> {
  const { WEB_APPS, isStale } = await import('@palier/devstack/src/web-apps');
  const { runCommand } = await import('@palier/devstack/src/database');
  const tv = WEB_APPS.find((app) => app.workspace === '@palier/tv')!;
  const { stale, reason } = await isStale(tv);
  if (!stale) return;
  log(`building the TV app (${reason})…`);
  await runCommand('npm', ['run', 'build', '-w', tv.workspace], { quiet: true });
}

export async function packageApp(options: PackageOptions): Promise<PackageResult[]> {
  const log = options.log ?? (() => undefined);
  const profile = typeof options.profile === 'string' ? loadProfile(options.profile) : options.profile;
  const platforms = options.platforms === 'all' ? profile.platforms : options.platforms;
  const outside = platforms.filter((platform) => !profile.platforms.includes(platform));
  if (outside.length > 0) {
    throw new Error(`Profile "${profile.name}": platforms does not list ${outside.join(', ')} (it lists ${profile.platforms.join(', ')})`);
  }
  const tvDist = options.tvDist ?? defaultTvDist;
  if (!options.tvDist) await ensureTvBuilt(log);
  const outRoot = options.outDir ?? defaultOutDir;
  const workDir = mkdtempSync(path.join(tmpdir(), `palier-package-${profile.name}-`));
  const context: PlatformContext = {
    profile,
    tvDist,
    outDir: path.join(outRoot, profile.name),
    workDir,
    apiUrl: options.apiUrl,
    relativeTo: repoRoot,
  };
  const results: PackageResult[] = [];
  try {
    for (const platform of platforms) {
      const started = Date.now();
      log(`${platform}: packaging ${profile.appName} ${profile.version} for ${profile.landlord.name}…`);
      if (platform === 'tizen')
        results.push(packageTizen(context, tizenIdentities(options.env ?? process.env, options.devCertificatesDir)));
      else if (platform === 'webos') results.push(packageWebos(context));
      else results.push(packageHbbtv(context));
      log(`${platform}: built and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}
