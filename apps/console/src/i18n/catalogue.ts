// Looking up and filling the console's messages, in French first, then English and Arabic (right-to-left). No React here: tests use it directly.
import { fr, type MessageKey } from './fr';
import { en } from './en';
import { ar } from './ar';

export type Language = 'fr' | 'en' | 'ar';
export type { MessageKey };
export type Params = Record<string, string | number>;
export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** Numbers and dates in a message follow the language of its words. */
  readonly language: Language;
}

export const languages: readonly Language[] = ['fr', 'en', 'ar'];
export const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en, ar };

/** Arabic is written right to left: the whole page mirrors. */
export const direction = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/** Staff and tenants in France read Western digits, in Arabic too: `nu-latn` keeps 0-9 instead of ٠-٩. */
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** The locale that formats dates and numbers in the given language (every page uses this one table). */
export const localeOf = (language: Language): string => locales[language];

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing silently. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  const t = (key: MessageKey, params?: Params) => fill(catalogue[key] ?? fr[key] ?? key, params);
  return Object.assign(t, { language });
}

const isLanguage = (value: string | null | undefined): value is Language => languages.includes(value as Language);

/** The saved choice wins; otherwise the browser's first language the console speaks; French by default. */
export function pickLanguage(saved: string | null | undefined, preferred: readonly string[] = []): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

export function homes(t: Translate, count: number): string {
  if (count === 0) return t('homes.none');
  if (count === 1) return t('homes.one');
  return t('homes.count', { count: formatNumber(count, t.language) });
}

let currentLocale = locales.fr;
export function setFormattingLanguage(language: Language): void {
  currentLocale = locales[language];
}

export function formatNumber(value: number, language?: Language): string {
  return new Intl.NumberFormat(language ? locales[language] : currentLocale).format(value);
}

export function formatDateTime(iso: string, language?: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language ? locales[language] : currentLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatTime(iso: string, language?: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language ? locales[language] : currentLocale, { timeStyle: 'short' }).format(date);
}
