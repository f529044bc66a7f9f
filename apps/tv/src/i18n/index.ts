// Every user-facing string goes through here: catalogues per language, interpolation, and dates in the tenant's locale.
import type { Language } from '@palier/contracts/src/tenants';
import fr, { type Catalogue } from './fr';
import en from './en';
import ar from './ar';

export type { Catalogue, Language };
export const languages: Language[] = ['fr', 'en', 'ar'];
export const languageNames: Record<Language, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

const catalogues: Record<Language, Catalogue> = { fr, en, ar };
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar' };

export function catalogue(language: Language): Catalogue {
  return catalogues[language] || fr;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en' || value === 'ar';
}

export function isRtl(language: Language): boolean {
  return language === 'ar';
}

export function localeOf(language: Language): string {
  return locales[language];
}

/** Replaces {name} placeholders. */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

function hasIntl(): boolean {
  return typeof Intl !== 'undefined' && typeof Intl.DateTimeFormat === 'function';
}

/** "mardi 24 novembre, 14:05" in the tenant's locale (digits stay Western in Arabic: easier to match with letters). */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return '';
  if (!hasIntl()) return date.toLocaleString();
  const locale = language === 'ar' ? 'ar-u-nu-latn' : locales[language];
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function formatDay(date: Date, language: Language): string {
  if (!hasIntl()) return date.toDateString();
  const locale = language === 'ar' ? 'ar-u-nu-latn' : locales[language];
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  } catch {
    return date.toDateString();
  }
}
