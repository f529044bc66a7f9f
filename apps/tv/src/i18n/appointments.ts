// The appointments screen's words (the landlord's agency, the town hall, the city), in the TV's three languages.
import type { Language } from './index';

const fr = {
  title: 'Rendez-vous',
  menuBook: 'Prendre un rendez-vous',
  menuMine: 'Mes rendez-vous',
  menuHelp: 'Avec l’agence de votre bailleur, la mairie de secteur ou la Ville.',
  whoTitle: 'Avec qui ?',
  whoHelp: 'Choisissez l’organisme.',
  'kind.LANDLORD': 'Votre agence : {name}',
  'kind.TOWN_HALL': 'Votre mairie : {name}',
  'kind.CITY': '{name}',
  subjectTitle: 'Pour quoi ?',
  noServices: 'Aucun rendez-vous n’est proposé pour l’instant. Revenez plus tard.',
  dayTitle: 'Quel jour ?',
  dayHelp: '{subject}',
  dayChoice: '{day} · {count} libre(s)',
  noDays: 'Aucun créneau libre pour l’instant. Revenez dans quelques jours.',
  moreDays: 'Jours suivants',
  timeTitle: 'À quelle heure ?',
  timeHelp: '{day} — {place}',
  moreTimes: 'Plus tard',
  noTimes: 'Plus aucun horaire libre ce jour-là. Choisissez un autre jour.',
  otherDay: 'Un autre jour',
  confirmTitle: 'Vérifiez votre rendez-vous',
  moveConfirmTitle: 'Déplacer votre rendez-vous',
  summary: '{subject}\n{organisation}\nLe {when}\n{place}\n{address}',
  moveFrom: 'Au lieu du {when}',
  confirm: 'Confirmer le rendez-vous',
  confirmMove: 'Déplacer ici',
  changeTime: 'Changer d’horaire',
  booking: 'Réservation en cours…',
  doneTitle: 'Rendez-vous confirmé',
  movedTitle: 'Rendez-vous déplacé',
  done: 'Vous êtes attendu le {when}.\n{place}, {address}\nNous vous le rappellerons la veille.',
  bring: 'À apporter : {what}',
  slotTaken: 'Ce créneau vient d’être pris par quelqu’un d’autre. Voici les horaires encore libres.',
  mineTitle: 'Mes rendez-vous',
  mineEmpty: 'Vous n’avez aucun rendez-vous à venir.',
  mineChoice: '{day} {time} · {subject}',
  detailTitle: 'Votre rendez-vous',
  detail: '{subject}\n{organisation}\nLe {when}\n{place}, {address}',
  cutoffPassed: 'Il est trop tard pour le modifier ici : appelez le service si vous ne pouvez pas venir.',
  changeableUntil: 'Vous pouvez le déplacer ou l’annuler jusqu’au {when}.',
  move: 'Déplacer',
  cancel: 'Annuler le rendez-vous',
  cancelQuestion: 'Annuler ce rendez-vous ?',
  cancelHelp: 'Le {when} : {subject}. La place sera rendue à quelqu’un d’autre.',
  cancelYes: 'Oui, annuler',
  cancelledTitle: 'Rendez-vous annulé',
  cancelled: 'Votre rendez-vous du {when} est annulé.',
  cancelledByStaff: 'Annulé par le service. Motif : {reason}',
  newAppointment: 'Prendre un autre rendez-vous',
  toMine: 'Voir mes rendez-vous',
  back: 'Retour',
  loading: 'Chargement…',
  failed: 'Impossible de joindre Palier. Réessayez dans un instant.',
  cutoffRefused: 'Il est trop tard pour modifier ce rendez-vous en ligne. Appelez le service.',
  notActive: 'Ce rendez-vous est déjà annulé ou passé.',
  qrHelp: 'Scannez avec votre téléphone pour l’ajouter à son agenda.',
};
export type AppointmentWords = typeof fr;

const en: AppointmentWords = {
  title: 'Appointments',
  menuBook: 'Book an appointment',
  menuMine: 'My appointments',
  menuHelp: 'With your landlord’s agency, your town hall or the city.',
  whoTitle: 'With whom?',
  whoHelp: 'Choose the organisation.',
  'kind.LANDLORD': 'Your agency: {name}',
  'kind.TOWN_HALL': 'Your town hall: {name}',
  'kind.CITY': '{name}',
  subjectTitle: 'What for?',
  noServices: 'No appointments are offered at the moment. Please come back later.',
  dayTitle: 'Which day?',
  dayHelp: '{subject}',
  dayChoice: '{day} · {count} free',
  noDays: 'No free slot at the moment. Please come back in a few days.',
  moreDays: 'Later days',
  timeTitle: 'What time?',
  timeHelp: '{day} — {place}',
  moreTimes: 'Later',
  noTimes: 'No free time left that day. Please choose another day.',
  otherDay: 'Another day',
  confirmTitle: 'Check your appointment',
  moveConfirmTitle: 'Move your appointment',
  summary: '{subject}\n{organisation}\n{when}\n{place}\n{address}',
  moveFrom: 'Instead of {when}',
  confirm: 'Confirm the appointment',
  confirmMove: 'Move it here',
  changeTime: 'Change the time',
  booking: 'Booking…',
  doneTitle: 'Appointment confirmed',
  movedTitle: 'Appointment moved',
  done: 'You are expected {when}.\n{place}, {address}\nWe will remind you the day before.',
  bring: 'Please bring: {what}',
  slotTaken: 'Someone else has just taken this slot. Here are the times still free.',
  mineTitle: 'My appointments',
  mineEmpty: 'You have no upcoming appointment.',
  mineChoice: '{day} {time} · {subject}',
  detailTitle: 'Your appointment',
  detail: '{subject}\n{organisation}\n{when}\n{place}, {address}',
  cutoffPassed: 'It is too late to change it here: please call the service if you cannot come.',
  changeableUntil: 'You can move or cancel it until {when}.',
  move: 'Move',
  cancel: 'Cancel the appointment',
  cancelQuestion: 'Cancel this appointment?',
  cancelHelp: '{when}: {subject}. The place will be given to someone else.',
  cancelYes: 'Yes, cancel',
  cancelledTitle: 'Appointment cancelled',
  cancelled: 'Your appointment of {when} is cancelled.',
  cancelledByStaff: 'Cancelled by the service. Reason: {reason}',
  newAppointment: 'Book another appointment',
  toMine: 'See my appointments',
  back: 'Back',
  loading: 'Loading…',
  failed: 'Palier cannot be reached. Please try again in a moment.',
  cutoffRefused: 'It is too late to change this appointment online. Please call the service.',
  notActive: 'This appointment is already cancelled or over.',
  qrHelp: 'Scan with your phone to add it to its calendar.',
};

const ar: AppointmentWords = {
  title: 'المواعيد',
  menuBook: 'حجز موعد',
  menuMine: 'مواعيدي',
  menuHelp: 'مع وكالة المؤجر أو البلدية أو المدينة.',
  whoTitle: 'مع من؟',
  whoHelp: 'اختر الجهة.',
  // The canvas draws mixed runs left to right: with the Latin name first, an Arabic reader meets « وكالتك » first.
  'kind.LANDLORD': '{name} — وكالتك',
  'kind.TOWN_HALL': '{name} — بلديتك',
  'kind.CITY': '{name}',
  subjectTitle: 'لأي غرض؟',
  noServices: 'لا توجد مواعيد متاحة حاليًا. عد لاحقًا.',
  dayTitle: 'أي يوم؟',
  dayHelp: '{subject}',
  dayChoice: '{day} · {count} متاح',
  noDays: 'لا يوجد وقت متاح حاليًا. عد بعد بضعة أيام.',
  moreDays: 'الأيام التالية',
  timeTitle: 'في أي ساعة؟',
  timeHelp: '{day} — {place}',
  moreTimes: 'لاحقًا',
  noTimes: 'لم يعد هناك وقت متاح في ذلك اليوم. اختر يومًا آخر.',
  otherDay: 'يوم آخر',
  confirmTitle: 'تحقق من موعدك',
  moveConfirmTitle: 'تغيير موعدك',
  summary: '{subject}\n{organisation}\n{when}\n{place}\n{address}',
  moveFrom: 'بدلًا من {when}',
  confirm: 'تأكيد الموعد',
  confirmMove: 'انقل الموعد إلى هنا',
  changeTime: 'تغيير الساعة',
  booking: 'جارٍ الحجز…',
  doneTitle: 'تم تأكيد الموعد',
  movedTitle: 'تم تغيير الموعد',
  done: 'ننتظرك {when}.\n{place}، {address}\nسنذكرك في اليوم السابق.',
  bring: 'يرجى إحضار: {what}',
  slotTaken: 'حجز شخص آخر هذا الوقت للتو. إليك الأوقات التي لا تزال متاحة.',
  mineTitle: 'مواعيدي',
  mineEmpty: 'ليس لديك أي موعد قادم.',
  mineChoice: '{day} {time} · {subject}',
  detailTitle: 'موعدك',
  detail: '{subject}\n{organisation}\n{when}\n{place}، {address}',
  cutoffPassed: 'فات الأوان لتغييره هنا: اتصل بالجهة إذا لم تستطع الحضور.',
  changeableUntil: 'يمكنك تغييره أو إلغاؤه حتى {when}.',
  move: 'تغيير الموعد',
  cancel: 'إلغاء الموعد',
  cancelQuestion: 'هل تريد إلغاء هذا الموعد؟',
  cancelHelp: '{when}: {subject}. سيُعطى المكان لشخص آخر.',
  cancelYes: 'نعم، إلغاء',
  cancelledTitle: 'تم إلغاء الموعد',
  cancelled: 'تم إلغاء موعدك {when}.',
  cancelledByStaff: 'ألغته الجهة. السبب: {reason}',
  newAppointment: 'حجز موعد آخر',
  toMine: 'عرض مواعيدي',
  back: 'رجوع',
  loading: 'جارٍ التحميل…',
  failed: 'تعذر الاتصال بـ Palier. حاول مرة أخرى بعد قليل.',
  cutoffRefused: 'فات الأوان لتغيير هذا الموعد عبر الإنترنت. اتصل بالجهة.',
  notActive: 'هذا الموعد ملغى أو انتهى.',
  qrHelp: 'امسح الرمز بهاتفك لإضافته إلى تقويمه.',
};

const catalogues: Record<Language, AppointmentWords> = { fr, en, ar };

export function appointmentWords(language: Language): AppointmentWords {
  return catalogues[language] || fr;
}

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/**
 * "mardi 1 décembre" from the API's Paris date ('2026-12-01'), in the tenant's locale. The date is formatted as a
 * calendar date (UTC noon, UTC zone), so the TV's own clock and zone cannot shift it by a day.
 */
export function appointmentDay(localDate: string, language: Language, short = false): string {
  const parts = localDate.split('-');
  const date = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]), 12));
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return localDate;
  try {
    return new Intl.DateTimeFormat(locales[language], {
      timeZone: 'UTC',
      weekday: short ? 'short' : 'long',
      day: 'numeric',
      month: short ? 'short' : 'long',
    }).format(date);
  } catch {
    return localDate;
  }
}

/** "mardi 1 décembre à 09:30" / "Tuesday 1 December at 09:30". */
export function appointmentWhen(localDate: string, localTime: string, language: Language): string {
  const day = appointmentDay(localDate, language);
  return language === 'fr' ? day + ' à ' + localTime : language === 'en' ? day + ' at ' + localTime : day + ' الساعة ' + localTime;
}
