// The long-text page's words, in the languages of the TV.
export type TextLanguage = 'fr' | 'en' | 'ar';

const fr = {
  title: 'Écrire pour votre télévision',
  checking: 'Vérification du code…',
  greeting: 'Bonjour {name} !',
  counter: '{count} / {limit} caractères',
  tooLong: 'Trop long : {limit} caractères au plus. Raccourcissez un peu.',
  empty: 'Écrivez quelque chose avant d’envoyer.',
  send: 'Envoyer à la télévision',
  sending: 'Envoi…',
  sent: 'C’est envoyé ! Votre texte s’affiche sur la télévision. Continuez avec la télécommande.',
  alreadySent: 'Ce texte a déjà été envoyé. Pour le changer, demandez un nouveau code sur la télévision.',
  invalidLink: 'Ce lien n’est pas complet. Scannez à nouveau le code affiché sur la télévision.',
  refused: 'Ce code n’est plus valable. Demandez-en un nouveau sur la télévision.',
  failed: 'Le texte n’a pas pu être envoyé : {reason}',
  network: 'Pas de connexion. Vérifiez le Wi-Fi ou les données mobiles, puis réessayez.',
};
type Messages = typeof fr;

const en: Messages = {
  title: 'Write for your TV',
  checking: 'Checking the code…',
  greeting: 'Hello {name}!',
  counter: '{count} / {limit} characters',
  tooLong: 'Too long: {limit} characters at most. Shorten it a little.',
  empty: 'Write something before sending.',
  send: 'Send to the TV',
  sending: 'Sending…',
  sent: 'Sent! Your text shows on the TV. Carry on with the remote.',
  alreadySent: 'This text was already sent. To change it, ask the TV for a new code.',
  invalidLink: 'This link is incomplete. Scan the code on the TV again.',
  refused: 'This code is no longer valid. Ask the TV for a new one.',
  failed: 'The text could not be sent: {reason}',
  network: 'No connection. Check Wi-Fi or mobile data, then try again.',
};

const ar: Messages = {
  title: 'اكتب لتلفازك',
  checking: 'جارٍ التحقق من الرمز…',
  greeting: 'مرحبًا {name}!',
  counter: '{count} / {limit} حرفًا',
  tooLong: 'النص طويل جدًا: {limit} حرفًا على الأكثر. اختصره قليلًا.',
  empty: 'اكتب شيئًا قبل الإرسال.',
  send: 'إرسال إلى التلفاز',
  sending: 'جارٍ الإرسال…',
  sent: 'تم الإرسال! يظهر نصك على التلفاز. تابع باستخدام جهاز التحكم.',
  alreadySent: 'تم إرسال هذا النص من قبل. لتغييره، اطلب رمزًا جديدًا من التلفاز.',
  invalidLink: 'هذا الرابط غير مكتمل. امسح الرمز الظاهر على التلفاز مرة أخرى.',
  refused: 'هذا الرمز لم يعد صالحًا. اطلب رمزًا جديدًا من التلفاز.',
  failed: 'تعذر إرسال النص: {reason}',
  network: 'لا يوجد اتصال. تحقق من الواي فاي أو بيانات الهاتف ثم أعد المحاولة.',
};

export type TextMessage = keyof Messages;
const catalogues: Record<TextLanguage, Messages> = { fr, en, ar };

export function textLanguage(requested: string | null, browser: readonly string[]): TextLanguage {
  for (const tag of [requested ?? '', ...browser]) {
    const short = tag.slice(0, 2).toLowerCase();
    if (short === 'fr' || short === 'en' || short === 'ar') return short;
  }
  return 'fr';
}

export function textWords(language: TextLanguage, key: TextMessage, values: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
