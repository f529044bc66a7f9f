// The notices' own words beyond the list and detail (urgent strip on home, reminders, pictures), in the TV's three
// languages.
import type { Language } from './index';

const fr = {
  stripLabel: 'Avis urgent non lu',
  stripHint: 'Bas puis OK : lire',
  stripFocusedHint: 'OK : lire',
  stripSpoken: 'Avis urgent non lu : {title}. Appuyez sur bas puis OK pour le lire.',
  reminderLabel: 'Rappel',
  reminder: 'Vous n’avez pas encore lu : {title}',
  reminderAction: 'OK : lire · Retour : plus tard',
  pictureLoading: 'Image en cours de chargement',
};

export type NoticeWords = typeof fr;

const en: NoticeWords = {
  stripLabel: 'Unread urgent notice',
  stripHint: 'Down then OK: read',
  stripFocusedHint: 'OK: read',
  stripSpoken: 'Unread urgent notice: {title}. Press down then OK to read it.',
  reminderLabel: 'Reminder',
  reminder: 'You have not read yet: {title}',
  reminderAction: 'OK: read · Back: later',
  pictureLoading: 'Picture loading',
};

const ar: NoticeWords = {
  stripLabel: 'إشعار عاجل غير مقروء',
  stripHint: 'أسفل ثم موافق: اقرأ',
  stripFocusedHint: 'موافق: اقرأ',
  stripSpoken: 'إشعار عاجل غير مقروء: {title}. اضغط أسفل ثم موافق لقراءته.',
  reminderLabel: 'تذكير',
  reminder: 'لم تقرأ بعد: {title}',
  reminderAction: 'موافق: اقرأ · رجوع: لاحقاً',
  pictureLoading: 'جارٍ تحميل الصورة',
};

const catalogues: Record<Language, NoticeWords> = { fr, en, ar };

export function noticeWords(language: Language): NoticeWords {
  return catalogues[language] || fr;
}
