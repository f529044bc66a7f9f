// The landlord's deployment, read at run time from palier-config.js beside index.html (written by the packager).
import type { Language } from './i18n';
import { isLanguage } from './i18n';

/** What tv-manifests/<profile>.json hands the app; every field is optional (the API's own /tv/ serves no profile). */
export interface Deployment {
  profile: string;
  appName: string;
  landlord: string;
  apiUrl: string;
  defaultLanguage: Language;
  /** Relative to index.html, e.g. brand/logo.png */
  logo: string;
  colours: { background?: string; surface?: string; accent?: string };
  version: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

let cached: Deployment | null = null;

export function deployment(): Deployment {
  if (cached) return cached;
  const raw = (window as unknown as { __PALIER_CONFIG__?: Record<string, unknown> }).__PALIER_CONFIG__ || {};
  const colours = (raw.colours && typeof raw.colours === 'object' ? raw.colours : {}) as Record<string, unknown>;
  const picked: Deployment['colours'] = {};
  (['background', 'surface', 'accent'] as const).forEach((name) => {
    const value = colours[name];
    if (typeof value === 'string' && HEX.test(value)) picked[name] = value;
  });
  cached = {
    profile: text(raw.profile),
    appName: text(raw.appName) || 'Palier',
    landlord: text(raw.landlord),
    apiUrl: text(raw.apiUrl),
    defaultLanguage: isLanguage(raw.defaultLanguage) ? raw.defaultLanguage : 'fr',
    logo: text(raw.logo),
    colours: picked,
    version: text(raw.version),
  };
  return cached;
}
