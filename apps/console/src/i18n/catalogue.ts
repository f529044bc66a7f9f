// Looking up and filling the console's messages, in French first and English second. No React here: tests use it directly.
import { fr, type MessageKey } from './fr';
import { en } from './en';

export type Language = 'fr' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;
export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** Numbers and dates in a message follow the language of its words. */
  readonly language: Language;
}

export const languages: readonly Language[] = ['fr', 'en'];
export const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

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

/** The saved choice wins; otherwise English only for a browser that asks for English first; French by default. */
export function pickLanguage(saved: string | null | undefined, preferred: readonly string[] = []): Language {
  if (saved === 'fr' || saved === 'en') return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
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
