// "Les personnes que j'aide": a neighbour who was given the right to act for a tenant follows that tenant's fault reports
// in their name, in the TV's three languages. The Settings row that opens it is in mandates-entry.ts.
import type { Language } from './index';

const fr = {
  title: 'Les personnes que j’aide',
  help: 'Ces voisins vous ont donné le droit de suivre leurs signalements au bailleur ou leurs démarches en leur nom. Choisissez une personne avec OK.',
  none: 'Personne ne vous a encore donné le droit d’agir en son nom. Un voisin peut le faire depuis « Mes aidants », avec votre référence de locataire. Appuyez sur Retour pour revenir aux réglages.',
  loading: 'Chargement…',
  failed: 'Impossible d’afficher cela pour le moment. Réessayez dans un instant.',
  personLine: '{name} — {what}',
  withdrawnLine: '{name} — accord retiré',
  'can.both': 'démarches et signalements',
  'can.eservices': 'démarches de la mairie',
  'can.reports': 'signalements au bailleur',
  personHelp: 'Vous agissez au nom de {name}. Ce que vous faites est inscrit à votre nom et {name} le voit.',
  personNone: '{name} n’a aucun signalement en cours.',
  eservicesOnly: '{name} vous a donné le droit de faire ses démarches de la mairie : faites-les depuis la console ou le téléphone. Sur la télévision, vous suivez ses signalements.',
  reportLine: '{number} · {what} — {status}',
  byHelper: '{what} (par {name})',
  addInformation: 'Ajouter une information',
  acceptSlot: 'Accepter ce créneau : {when}',
  slotOffered: 'Le bailleur propose un rendez-vous : vous pouvez en accepter un pour {name}.',
  writeTitle: 'Information pour le bailleur, au nom de {name}',
  writePlaceholder: 'Tapez l’information à ajouter',
  tooShort: 'Écrivez au moins un mot.',
  sending: 'Envoi…',
  informationAdded: 'C’est envoyé : le bailleur et {name} voient votre information.',
  slotAccepted: 'Rendez-vous accepté pour {name}.',
  withdrawnMessage: '{name} a retiré son accord : vous ne pouvez plus agir en son nom.',
  back: 'Retour',
};
export type HelpingWords = typeof fr;

const en: HelpingWords = {
  title: 'People I help',
  help: 'These neighbours gave you the right to follow their reports to the landlord or their procedures in their name. Choose a person with OK.',
  none: 'Nobody has given you the right to act in their name yet. A neighbour can do it from “My helpers” with your tenant reference. Press Back to return to the settings.',
  loading: 'Loading…',
  failed: 'This cannot be shown right now. Try again in a moment.',
  personLine: '{name} — {what}',
  withdrawnLine: '{name} — consent withdrawn',
  'can.both': 'procedures and reports',
  'can.eservices': 'town-hall procedures',
  'can.reports': 'reports to the landlord',
  personHelp: 'You act in the name of {name}. What you do is recorded in your name and {name} sees it.',
  personNone: '{name} has no report in progress.',
  eservicesOnly: '{name} gave you the right to do their town-hall procedures: do them from the console or the phone. On the TV you follow their reports.',
  reportLine: '{number} · {what} — {status}',
  byHelper: '{what} (by {name})',
  addInformation: 'Add information',
  acceptSlot: 'Accept this slot: {when}',
  slotOffered: 'The landlord offers an appointment: you can accept one for {name}.',
  writeTitle: 'Information for the landlord, in the name of {name}',
  writePlaceholder: 'Type the information to add',
  tooShort: 'Write at least one word.',
  sending: 'Sending…',
  informationAdded: 'Sent: the landlord and {name} see your information.',
  slotAccepted: 'Appointment accepted for {name}.',
  withdrawnMessage: '{name} withdrew their consent: you can no longer act in their name.',
  back: 'Back',
};

const ar: HelpingWords = {
  title: 'الأشخاص الذين أساعدهم',
  help: 'منحك هؤلاء الجيران حق متابعة بلاغاتهم إلى المؤجر أو إجراءاتهم باسمهم. اختر شخصًا بزر OK.',
  none: 'لم يمنحك أحد بعد حق التصرف باسمه. يمكن للجار فعل ذلك من «مساعديّ» برقم المستأجر الخاص بك. اضغط رجوع للعودة إلى الإعدادات.',
  loading: 'جارٍ التحميل…',
  failed: 'لا يمكن عرض ذلك الآن. حاول مرة أخرى بعد قليل.',
  personLine: '{name} — {what}',
  withdrawnLine: '{name} — تم سحب الموافقة',
  'can.both': 'الإجراءات والبلاغات',
  'can.eservices': 'إجراءات البلدية',
  'can.reports': 'البلاغات إلى المؤجر',
  personHelp: 'أنت تتصرف باسم {name}. ما تفعله يُسجَّل باسمك ويراه {name}.',
  personNone: 'ليس لدى {name} أي بلاغ جارٍ.',
  eservicesOnly: 'منحك {name} حق القيام بإجراءات البلدية: قم بها من لوحة التحكم أو الهاتف. على التلفاز تتابع بلاغاته.',
  reportLine: '{number} · {what} — {status}',
  byHelper: '{what} (بواسطة {name})',
  addInformation: 'إضافة معلومة',
  acceptSlot: 'قبول هذا الموعد: {when}',
  slotOffered: 'يقترح المؤجر موعدًا: يمكنك قبول أحدها من أجل {name}.',
  writeTitle: 'معلومة للمؤجر باسم {name}',
  writePlaceholder: 'اكتب المعلومة المراد إضافتها',
  tooShort: 'اكتب كلمة واحدة على الأقل.',
  sending: 'جارٍ الإرسال…',
  informationAdded: 'تم الإرسال: يرى المؤجر و{name} معلومتك.',
  slotAccepted: 'تم قبول الموعد من أجل {name}.',
  withdrawnMessage: 'سحب {name} موافقته: لم يعد بإمكانك التصرف باسمه.',
  back: 'رجوع',
};

const catalogues: Record<Language, HelpingWords> = { fr, en, ar };

export function helpingWords(language: Language): HelpingWords {
  return catalogues[language] || fr;
}
