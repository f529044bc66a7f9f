// The on-screen keyboard's words (its special keys, its counter), in the TV's three languages.
import type { Language } from './index';

const fr = {
  space: 'Espace',
  erase: 'Effacer',
  capitals: 'Majuscules',
  done: 'Terminé',
  /** The layout key's label names the layout it switches to, in that layout's own script. */
  toArabic: 'عربي',
  toLatin: 'ABC',
  count: '{count} / {limit}',
  full: 'Texte complet : {limit} caractères au plus',
  spokenKey: 'Touche {label}',
  typed: 'Texte : {text}',
  empty: 'Vide',
};
export type KeyboardWords = typeof fr;

const en: KeyboardWords = {
  space: 'Space',
  erase: 'Delete',
  capitals: 'Capitals',
  done: 'Done',
  toArabic: 'عربي',
  toLatin: 'ABC',
  count: '{count} / {limit}',
  full: 'Text full: {limit} characters at most',
  spokenKey: 'Key {label}',
  typed: 'Text: {text}',
  empty: 'Empty',
};

const ar: KeyboardWords = {
  space: 'مسافة',
  erase: 'حذف',
  capitals: 'أحرف كبيرة',
  done: 'تم',
  toArabic: 'عربي',
  toLatin: 'ABC',
  count: '{count} / {limit}',
  full: 'النص مكتمل: {limit} حرفًا على الأكثر',
  spokenKey: 'مفتاح {label}',
  typed: 'النص: {text}',
  empty: 'فارغ',
};

const catalogues: Record<Language, KeyboardWords> = { fr, en, ar };

export function keyboardWords(language: Language): KeyboardWords {
  return catalogues[language] || fr;
}
