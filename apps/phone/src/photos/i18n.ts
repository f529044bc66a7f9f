// The photo page's words, in the languages of the TV.
export type PhotoLanguage = 'fr' | 'en' | 'ar';

const fr = {
  titleAny: 'Vos photos',
  title: 'Photos pour votre signalement',
  postTitle: 'Photos pour votre message aux voisins',
  postHelp: 'Prenez ou choisissez jusqu’à 4 photos. Elles apparaissent tout de suite sur votre télévision, où vous pouvez en retirer.',
  checking: 'Vérification du code…',
  greeting: 'Bonjour {name} !',
  help: 'Prenez en photo le problème. Les photos apparaissent tout de suite sur votre télévision.',
  titleFor: 'Photos pour le signalement de {name}',
  helpFor:
    'Prenez en photo le problème. Les photos apparaissent tout de suite sur votre télévision, pour le signalement que vous faites au nom de {name}.',
  pick: 'Prendre ou choisir une photo',
  sending: 'Envoi de la photo…',
  sent: 'Photo envoyée ({count}). Vous pouvez en ajouter d’autres, ou revenir à la télévision.',
  invalidLink: 'Ce lien n’est pas complet. Scannez à nouveau le code affiché sur la télévision.',
  refused: 'Ce code n’est plus valable. Demandez-en un nouveau sur la télévision.',
  photoFailed: 'Cette photo n’a pas pu être envoyée : {reason}',
  network: 'Pas de connexion. Vérifiez le Wi-Fi ou les données mobiles, puis réessayez.',
  photoAlt: 'Photo envoyée {count}',
};
type Messages = typeof fr;

const en: Messages = {
  titleAny: 'Your photos',
  title: 'Photos for your report',
  postTitle: 'Photos for your post to the neighbours',
  postHelp: 'Take or choose up to 4 photos. They appear on your TV straight away, where you can remove them.',
  checking: 'Checking the code…',
  greeting: 'Hello {name}!',
  help: 'Take a photo of the problem. Photos appear on your TV straight away.',
  titleFor: 'Photos for the report of {name}',
  helpFor: 'Take a photo of the problem. Photos appear on your TV straight away, for the report you make in the name of {name}.',
  pick: 'Take or choose a photo',
  sending: 'Sending the photo…',
  sent: 'Photo sent ({count}). You can add more, or go back to the TV.',
  invalidLink: 'This link is incomplete. Scan the code on the TV again.',
  refused: 'This code is no longer valid. Ask the TV for a new one.',
  photoFailed: 'This photo could not be sent: {reason}',
  network: 'No connection. Check Wi-Fi or mobile data, then try again.',
  photoAlt: 'Photo sent {count}',
};

const ar: Messages = {
  titleAny: 'صورك',
  title: 'صور لبلاغك',
  postTitle: 'صور لرسالتك إلى الجيران',
  postHelp: 'التقط أو اختر حتى 4 صور. تظهر على تلفازك فورًا، ويمكنك حذفها من هناك.',
  checking: 'جارٍ التحقق من الرمز…',
  greeting: 'مرحبًا {name}!',
  help: 'التقط صورة للمشكلة. تظهر الصور على تلفازك فورًا.',
  titleFor: 'صور لبلاغ {name}',
  helpFor: 'التقط صورة للمشكلة. تظهر الصور على تلفازك فورًا، للبلاغ الذي تقدمه باسم {name}.',
  pick: 'التقط صورة أو اخترها',
  sending: 'جارٍ إرسال الصورة…',
  sent: 'تم إرسال الصورة ({count}). يمكنك إضافة المزيد أو العودة إلى التلفاز.',
  invalidLink: 'هذا الرابط غير مكتمل. امسح الرمز الظاهر على التلفاز مرة أخرى.',
  refused: 'هذا الرمز لم يعد صالحًا. اطلب رمزًا جديدًا من التلفاز.',
  photoFailed: 'تعذر إرسال هذه الصورة: {reason}',
  network: 'لا يوجد اتصال. تحقق من الواي فاي أو بيانات الهاتف ثم أعد المحاولة.',
  photoAlt: 'الصورة المرسلة {count}',
};

export type PhotoMessage = keyof Messages;
const catalogues: Record<PhotoLanguage, Messages> = { fr, en, ar };

export function photoLanguage(requested: string | null, browser: readonly string[]): PhotoLanguage {
  for (const tag of [requested ?? '', ...browser]) {
    const short = tag.slice(0, 2).toLowerCase();
    if (short === 'fr' || short === 'en' || short === 'ar') return short;
  }
  return 'fr';
}

export function photoText(language: PhotoLanguage, key: PhotoMessage, values: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
