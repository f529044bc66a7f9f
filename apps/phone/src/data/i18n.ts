// The data page's words, in the languages of the TV.
export type DataLanguage = 'fr' | 'en' | 'ar';

const fr = {
  title: 'Mes données',
  checking: 'Vérification du code…',
  loading: 'Préparation de vos données…',
  greeting: 'Bonjour {name} !',
  help: 'Voici tout ce que Palier garde à votre sujet. Le fichier (format JSON) s’enregistre sur ce téléphone ; gardez-le pour vous.',
  download: 'Télécharger mes données',
  downloaded: 'Fichier « {file} » enregistré. Vous pouvez revenir à la télévision.',
  controller: 'Responsable : {name}',
  'section.profile': 'Votre profil et votre logement',
  'section.devices': 'Téléviseurs et appareils : {count}',
  'section.noticeReads': 'Avis lus : {count}',
  'section.posts': 'Annonces publiées : {count}',
  'section.replies': 'Réponses écrites : {count}',
  'section.eventSignups': 'Inscriptions à des événements : {count}',
  'section.conversations': 'Conversations privées : {count}',
  'section.faultReports': 'Signalements au bailleur : {count}',
  'section.calls': 'Appels vidéo : {count}',
  'section.phoneHandoffs': 'Liens vers le téléphone : {count}',
  invalidLink: 'Ce lien n’est pas complet. Scannez à nouveau le code affiché sur la télévision.',
  refused: 'Ce code n’est plus valable. Demandez-en un nouveau sur la télévision.',
  failed: 'Vos données n’ont pas pu être préparées : {reason}',
  network: 'Pas de connexion. Vérifiez le Wi-Fi ou les données mobiles, puis réessayez.',
};
type Messages = typeof fr;
export type DataMessage = keyof Messages;

const en: Messages = {
  title: 'My data',
  checking: 'Checking the code…',
  loading: 'Preparing your data…',
  greeting: 'Hello {name}!',
  help: 'Here is everything Palier keeps about you. The file (JSON format) is saved on this phone; keep it to yourself.',
  download: 'Download my data',
  downloaded: 'File “{file}” saved. You can go back to the TV.',
  controller: 'Controller: {name}',
  'section.profile': 'Your profile and your home',
  'section.devices': 'TVs and devices: {count}',
  'section.noticeReads': 'Notices read: {count}',
  'section.posts': 'Posts: {count}',
  'section.replies': 'Replies written: {count}',
  'section.eventSignups': 'Event sign-ups: {count}',
  'section.conversations': 'Private conversations: {count}',
  'section.faultReports': 'Reports to the landlord: {count}',
  'section.calls': 'Video calls: {count}',
  'section.phoneHandoffs': 'Links to the phone: {count}',
  invalidLink: 'This link is incomplete. Scan the code on the TV again.',
  refused: 'This code is no longer valid. Ask the TV for a new one.',
  failed: 'Your data could not be prepared: {reason}',
  network: 'No connection. Check Wi-Fi or mobile data, then try again.',
};

const ar: Messages = {
  title: 'بياناتي',
  checking: 'جارٍ التحقق من الرمز…',
  loading: 'جارٍ تحضير بياناتك…',
  greeting: 'مرحبًا {name}!',
  help: 'هذا كل ما يحتفظ به Palier عنك. يُحفظ الملف (بصيغة JSON) على هذا الهاتف؛ احتفظ به لنفسك.',
  download: 'تنزيل بياناتي',
  downloaded: 'تم حفظ الملف «{file}». يمكنك العودة إلى التلفاز.',
  controller: 'المسؤول عن البيانات: {name}',
  'section.profile': 'ملفك الشخصي ومسكنك',
  'section.devices': 'أجهزة التلفاز والأجهزة: {count}',
  'section.noticeReads': 'الإعلانات المقروءة: {count}',
  'section.posts': 'المنشورات: {count}',
  'section.replies': 'الردود المكتوبة: {count}',
  'section.eventSignups': 'التسجيل في الفعاليات: {count}',
  'section.conversations': 'المحادثات الخاصة: {count}',
  'section.faultReports': 'البلاغات إلى المؤجر: {count}',
  'section.calls': 'مكالمات الفيديو: {count}',
  'section.phoneHandoffs': 'روابط الهاتف: {count}',
  invalidLink: 'هذا الرابط غير مكتمل. امسح الرمز الظاهر على التلفاز مرة أخرى.',
  refused: 'هذا الرمز لم يعد صالحًا. اطلب رمزًا جديدًا من التلفاز.',
  failed: 'تعذّر تحضير بياناتك: {reason}',
  network: 'لا يوجد اتصال. تحقق من شبكة Wi-Fi أو بيانات الهاتف، ثم أعد المحاولة.',
};

const catalogues: Record<DataLanguage, Messages> = { fr, en, ar };

export function dataLanguage(requested: string | null, preferred: readonly string[]): DataLanguage {
  for (const tag of [requested ?? '', ...preferred]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code === 'fr' || code === 'en' || code === 'ar') return code;
  }
  return 'fr';
}

export function dataText(language: DataLanguage, key: DataMessage, values: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
