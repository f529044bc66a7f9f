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
  phoneKey: 'Téléphone',
  phoneTitle: 'Écrire sur votre téléphone',
  phoneHelp:
    'Scannez ce code avec l’appareil photo de votre téléphone, ou ouvrez {url} et tapez le code {code}. Écrivez, puis appuyez sur « Envoyer à la télévision ».',
  phonePreparing: 'Préparation du code…',
  phoneWaiting: 'En attente de votre texte…',
  phoneCancel: 'Revenir au clavier',
  phoneRetry: 'Réessayer',
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
  phoneKey: 'Phone',
  phoneTitle: 'Write on your phone',
  phoneHelp: 'Scan this code with your phone’s camera, or open {url} and type the code {code}. Write, then press “Send to the TV”.',
  phonePreparing: 'Preparing the code…',
  phoneWaiting: 'Waiting for your text…',
  phoneCancel: 'Back to the keyboard',
  phoneRetry: 'Try again',
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
  phoneKey: 'الهاتف',
  phoneTitle: 'اكتب على هاتفك',
  phoneHelp: 'امسح هذا الرمز بكاميرا هاتفك، أو افتح {url} واكتب الرمز {code}. اكتب ثم اضغط «إرسال إلى التلفاز».',
  phonePreparing: 'جارٍ تحضير الرمز…',
  phoneWaiting: 'في انتظار نصك…',
  phoneCancel: 'العودة إلى لوحة المفاتيح',
  phoneRetry: 'إعادة المحاولة',
};

const catalogues: Record<Language, KeyboardWords> = { fr, en, ar };

export function keyboardWords(language: Language): KeyboardWords {
  return catalogues[language] || fr;
}
