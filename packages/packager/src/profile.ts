// A landlord's deployment profile: tv-manifests/<name>.json, validated by profile.schema.json, then checked for
// what a schema cannot say (files present, icon sizes, readable colours, version).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { manifestsDir, repoVersion } from './paths';
import { pngSize } from './images';

export type PlatformName = 'tizen' | 'webos' | 'hbbtv';
export const PLATFORMS: PlatformName[] = ['tizen', 'webos', 'hbbtv'];

export interface ProfileFile {
  appId: string;
  appName: string;
  description?: string;
  version?: string;
  landlord: { name: string; website?: string; email?: string };
  branding: { logo: string; icon: string; colours: { background: string; surface: string; accent: string } };
  apiUrl: string;
  defaultLanguage: 'fr' | 'en' | 'ar';
  platforms: PlatformName[];
  calls?: boolean;
  tizen?: { packageId: string; requiredVersion?: string };
  webos?: { vendor?: string };
  hbbtv?: {
    orgId: number;
    appId: number;
    baseUrl: string;
    controlCode?: 'AUTOSTART' | 'PRESENT';
    visibility?: 'VISIBLE_ALL' | 'NOT_VISIBLE_USERS' | 'NOT_VISIBLE_ALL';
    priority?: number;
    boundary?: string[];
  };
}

/** A validated profile with its name, its resolved files and the version the packages carry. */
export interface Profile extends ProfileFile {
  name: string;
  file: string;
  version: string;
  calls: boolean;
  logoFile: string;
  iconFile: string;
}

export class ProfileError extends Error {
  constructor(
    readonly profile: string,
    readonly problems: string[],
  ) {
    super(`Profile "${profile}" is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

// The text on screen is Palier's light #f7f4ec; the landlord's colours sit behind it.
const TEXT_COLOUR = '#f7f4ec';
const MIN_CONTRAST = 4.5;

let validator: ReturnType<Ajv['compile']> | null = null;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(path.join(manifestsDir, 'profile.schema.json'), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** "branding.colours.accent" from Ajv's "/branding/colours/accent", with the property a required-error is about. */
function fieldOf(error: ErrorObject): string {
  const pointer = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') pointer.push((error.params as { missingProperty: string }).missingProperty);
  if (error.keyword === 'additionalProperties') pointer.push((error.params as { additionalProperty: string }).additionalProperty);
  return pointer.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '') || '(profile)';
}

function describe(error: ErrorObject, data: unknown): string | null {
  const field = fieldOf(error);
  const value = error.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  switch (error.keyword) {
    case 'required':
      return `${field}: is required`;
    case 'additionalProperties':
      return `${field}: is not a profile field`;
    case 'pattern':
      return `${field}: must match ${(error.params as { pattern: string }).pattern}${shown}`;
    case 'enum':
      return `${field}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}${shown}`;
    case 'if':
      return null; // the "then" error that follows names the missing field
    default:
      return `${field}: ${error.message}${shown}`;
  }
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** Checks a profile's data; `file` is where it was read from (paths in it are relative to that folder). */
export function checkProfile(name: string, data: unknown, file: string): Profile {
  const schemaErrors = validate(data)
    .map((error) => describe(error, data))
    .filter((problem): problem is string => !!problem);
  if (schemaErrors.length > 0) throw new ProfileError(name, [...new Set(schemaErrors)]);

  const profile = data as ProfileFile;
  const problems: string[] = [];
  const dir = path.dirname(file);
  const logoFile = path.resolve(dir, profile.branding.logo);
  const iconFile = path.resolve(dir, profile.branding.icon);

  const logo = existsSync(logoFile) ? pngSize(readFileSync(logoFile)) : null;
  if (!existsSync(logoFile)) problems.push(`branding.logo: no file at ${logoFile}`);
  else if (!logo) problems.push(`branding.logo: ${profile.branding.logo} is not a PNG`);
  else if (Math.abs(logo.width / logo.height - 2) > 0.05) problems.push(`branding.logo: must be 2:1 (got ${logo.width}×${logo.height})`);

  const icon = existsSync(iconFile) ? pngSize(readFileSync(iconFile)) : null;
  if (!existsSync(iconFile)) problems.push(`branding.icon: no file at ${iconFile}`);
  else if (!icon) problems.push(`branding.icon: ${profile.branding.icon} is not a PNG`);
  else if (icon.width !== icon.height || icon.width < 512)
    problems.push(`branding.icon: must be square and at least 512×512 (got ${icon.width}×${icon.height})`);

  for (const key of ['background', 'surface'] as const) {
    const ratio = contrast(TEXT_COLOUR, profile.branding.colours[key]);
    if (ratio < MIN_CONTRAST) {
      problems.push(
        `branding.colours.${key}: text would be hard to read on it (contrast ${ratio.toFixed(1)}:1 with ${TEXT_COLOUR}, needs ${MIN_CONTRAST}:1)`,
      );
    }
  }

  try {
    new URL(profile.apiUrl);
  } catch {
    problems.push(`apiUrl: not a URL (got ${JSON.stringify(profile.apiUrl)})`);
  }

  const base = repoVersion();
  const version = profile.version ?? base;
  if (profile.version) {
    const [major, minor] = base.split('.');
    if (!profile.version.startsWith(`${major}.${minor}.`) || compareVersions(profile.version, base) < 0) {
      problems.push(
        `version: must be a patch of the repo's version ${base} (same ${major}.${minor}, patch not lower; got "${profile.version}")`,
      );
    }
  }

  if (problems.length > 0) throw new ProfileError(name, problems);
  return { ...profile, name, file, version, calls: profile.calls !== false, logoFile, iconFile };
}

/** Reads tv-manifests/<name>.json (or a path to a profile file). */
export function loadProfile(nameOrFile: string, dir = manifestsDir): Profile {
  const file = nameOrFile.endsWith('.json') ? path.resolve(nameOrFile) : path.join(dir, `${nameOrFile}.json`);
  const name = path.basename(file, '.json');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new ProfileError(name, ['(name): profile names are lower case letters, digits and dashes']);
  if (!existsSync(file)) throw new ProfileError(name, [`(file): no profile at ${file}`]);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(name, [`(file): not JSON: ${(error as Error).message}`]);
  }
  return checkProfile(name, data, file);
}
