// The neighbours' feed words (list, post, replies, writing, templates per kind), in the TV's three languages, and the
// feed's relative ages ("il y a 5 min") in the tenant's locale.
import type { PostKind } from '@palier/contracts/src/feed';
import type { Language } from './index';

type Templates = Record<PostKind, string[]>;

const fr = {
  title: 'Voisins',
  help: 'Entraide et échanges de votre résidence',
  write: '✎ Écrire',
  all: 'Tout',
  kind: {
    HELP_REQUEST: 'Demande d’aide',
    HELP_OFFER: 'Offre d’aide',
    SERVICE_EXCHANGE: 'Échange de services',
    LEND_GIVE: 'Prêt ou don',
    LOST_FOUND: 'Perdu, trouvé',
    EVENT: 'Événement',
    DISCUSSION: 'Discussion',
  } as Record<PostKind, string>,
  audience: { BUILDING: 'Mon immeuble', RESIDENCE: 'Ma résidence', DISTRICT: 'Mon quartier' },
  audienceHelp: {
    BUILDING: 'Seuls les voisins de votre immeuble le verront.',
    RESIDENCE: 'Les voisins de toute la résidence le verront.',
    DISTRICT: 'Les habitants du quartier le verront.',
  },
  author: '{name} · {building}',
  you: 'Vous',
  replies: '{count} réponses',
  repliesOne: '1 réponse',
  repliesNone: 'Pas encore de réponse',
  eventWhen: 'Le {when}, {place}',
  placesLeft: '{count} places restantes',
  placesLeftOne: '1 place restante',
  full: 'Complet',
  noLimit: 'Places illimitées',
  signedUp: 'Vous êtes inscrit(e)',
  empty: 'Aucun message pour le moment.',
  emptyKind: 'Aucun message de ce type pour le moment.',
  emptyHelp: 'Soyez le premier : appuyez sur « Écrire » ou sur la touche verte.',
  loadingMore: 'Chargement des messages suivants…',
  position: 'Message {index} sur {total}',
  newPost: 'Nouveau message de {name}',
  shortcutWrite: 'Écrire',
  // post detail
  repliesTitle: 'Réponses',
  moreReplies: 'Voir les réponses suivantes',
  quickTitle: 'Répondre',
  quick: ['Merci !', 'Je suis intéressé(e)', 'Avec plaisir', 'Je peux vous aider'],
  ownReply: 'Écrire une réponse…',
  replySent: 'Réponse envoyée.',
  sending: 'Envoi…',
  signUp: 'Je m’inscris',
  cancelSignUp: 'Annuler mon inscription',
  signedUpDone: 'Vous êtes inscrit(e). À bientôt !',
  cancelledDone: 'Votre inscription est annulée.',
  eventFull: 'Cet événement est complet : il ne reste plus de place.',
  forbiddenWord: 'Votre texte contient un mot interdit sur Palier. Modifiez-le puis renvoyez-le.',
  invalid: 'Ce message n’est pas complet : vérifiez chaque étape.',
  removed: 'Ce message n’existe plus.',
  // writing
  continueDraft: 'Reprendre mon brouillon',
  continueDraftHelp: 'Vous aviez commencé un message ({kind}). Voulez-vous le reprendre ?',
  newDraft: 'Commencer un nouveau message',
  kindTitle: 'Que voulez-vous publier ?',
  audienceTitle: 'Qui peut le voir ?',
  templateTitle: 'Choisissez un texte, ou écrivez le vôtre',
  freeText: '✎ Écrire mon propre texte',
  freeTextTitle: 'Écrivez votre message',
  freeTextHelp: 'Tapez votre texte avec les flèches et OK, puis choisissez « Terminé ».',
  complete: '✎ Compléter le texte',
  tooShort: 'Écrivez au moins 3 lettres.',
  replyTitle: 'Votre réponse',
  dayTitle: 'Quel jour ?',
  timeTitle: 'À quelle heure ?',
  placeTitle: 'Où ?',
  capacityTitle: 'Combien de places ?',
  capacity: '{count} places',
  unlimited: 'Sans limite',
  previewTitle: 'Vérifiez avant de publier',
  preview: '{kind} · {audience}\n« {body} »',
  previewEvent: '\n{when}, {place} · {capacity}',
  publish: 'Publier',
  edit: 'Modifier',
  publishing: 'Publication…',
  published: 'Votre message est publié. Vos voisins le voient déjà.',
  toFeed: 'Voir le fil',
  saved: 'Brouillon enregistré',
  today: 'Aujourd’hui',
  tomorrow: 'Demain',
  places: ['Salle commune', 'Hall d’entrée', 'Jardin de la résidence', 'Devant l’immeuble', 'Chez moi'],
  templates: {
    HELP_REQUEST: [
      'Je cherche quelqu’un pour m’aider à porter mes courses',
      'Qui peut m’aider à remplir un papier administratif ?',
      'J’ai besoin d’aide pour monter un meuble',
      'Qui peut arroser mes plantes pendant mon absence ?',
    ],
    HELP_OFFER: [
      'Je peux faire des courses pour un voisin',
      'Je peux aider à remplir des papiers',
      'Je peux garder un animal quelques jours',
      'Je peux accompagner quelqu’un à un rendez-vous',
    ],
    SERVICE_EXCHANGE: ['Cours d’informatique contre repassage', 'Aide aux devoirs contre petits travaux', 'Couture contre cuisine'],
    LEND_GIVE: ['Je prête une perceuse', 'Je donne des vêtements d’enfant', 'Je prête un escabeau', 'Je donne des livres'],
    LOST_FOUND: [
      'J’ai trouvé des clés dans le hall',
      'J’ai perdu mes clés',
      'J’ai trouvé un colis devant ma porte',
      'Un chat s’est perdu dans la résidence',
    ],
    EVENT: ['Goûter entre voisins', 'Vide-grenier de la résidence', 'Jardinage collectif', 'Après-midi jeux de société'],
    DISCUSSION: [
      'Bonjour à tous, je viens d’arriver dans la résidence',
      'Quelqu’un connaît un bon médecin dans le quartier ?',
      'Merci à tous pour votre aide',
    ],
  } as Templates,
  ago: { now: 'à l’instant' },
};
export type FeedWords = typeof fr;

const en: FeedWords = {
  title: 'Neighbours',
  help: 'Help and exchanges in your residence',
  write: '✎ Write',
  all: 'All',
  kind: {
    HELP_REQUEST: 'Help request',
    HELP_OFFER: 'Help offer',
    SERVICE_EXCHANGE: 'Service exchange',
    LEND_GIVE: 'Lend or give',
    LOST_FOUND: 'Lost and found',
    EVENT: 'Event',
    DISCUSSION: 'Discussion',
  },
  audience: { BUILDING: 'My building', RESIDENCE: 'My residence', DISTRICT: 'My district' },
  audienceHelp: {
    BUILDING: 'Only the neighbours of your building will see it.',
    RESIDENCE: 'Neighbours in the whole residence will see it.',
    DISTRICT: 'People of the district will see it.',
  },
  author: '{name} · {building}',
  you: 'You',
  replies: '{count} replies',
  repliesOne: '1 reply',
  repliesNone: 'No reply yet',
  eventWhen: '{when}, {place}',
  placesLeft: '{count} places left',
  placesLeftOne: '1 place left',
  full: 'Full',
  noLimit: 'No limit',
  signedUp: 'You are signed up',
  empty: 'No post yet.',
  emptyKind: 'No post of this kind yet.',
  emptyHelp: 'Be the first: press “Write” or the green key.',
  loadingMore: 'Loading more posts…',
  position: 'Post {index} of {total}',
  newPost: 'New post from {name}',
  shortcutWrite: 'Write',
  repliesTitle: 'Replies',
  moreReplies: 'See the next replies',
  quickTitle: 'Reply',
  quick: ['Thank you!', 'I am interested', 'With pleasure', 'I can help'],
  ownReply: 'Write a reply…',
  replySent: 'Reply sent.',
  sending: 'Sending…',
  signUp: 'Sign me up',
  cancelSignUp: 'Cancel my place',
  signedUpDone: 'You are signed up. See you there!',
  cancelledDone: 'Your place is cancelled.',
  eventFull: 'This event is full: no place is left.',
  forbiddenWord: 'Your text contains a word that is forbidden on Palier. Change it and send it again.',
  invalid: 'This post is not complete: check each step.',
  removed: 'This post no longer exists.',
  continueDraft: 'Continue my draft',
  continueDraftHelp: 'You had started a post ({kind}). Do you want to continue it?',
  newDraft: 'Start a new post',
  kindTitle: 'What do you want to post?',
  audienceTitle: 'Who can see it?',
  templateTitle: 'Pick a text, or write your own',
  freeText: '✎ Write my own text',
  freeTextTitle: 'Write your post',
  freeTextHelp: 'Type your text with the arrows and OK, then choose “Done”.',
  complete: '✎ Add to the text',
  tooShort: 'Write at least 3 letters.',
  replyTitle: 'Your reply',
  dayTitle: 'Which day?',
  timeTitle: 'What time?',
  placeTitle: 'Where?',
  capacityTitle: 'How many places?',
  capacity: '{count} places',
  unlimited: 'No limit',
  previewTitle: 'Check before posting',
  preview: '{kind} · {audience}\n“{body}”',
  previewEvent: '\n{when}, {place} · {capacity}',
  publish: 'Post',
  edit: 'Change',
  publishing: 'Posting…',
  published: 'Your post is published. Your neighbours can already see it.',
  toFeed: 'See the feed',
  saved: 'Draft saved',
  today: 'Today',
  tomorrow: 'Tomorrow',
  places: ['Common room', 'Entrance hall', 'Residence garden', 'In front of the building', 'At my home'],
  templates: {
    HELP_REQUEST: [
      'I am looking for someone to help me carry my shopping',
      'Who can help me fill in a form?',
      'I need help to assemble a piece of furniture',
      'Who can water my plants while I am away?',
    ],
    HELP_OFFER: [
      'I can do the shopping for a neighbour',
      'I can help fill in forms',
      'I can look after a pet for a few days',
      'I can go with someone to an appointment',
    ],
    SERVICE_EXCHANGE: ['Computer lessons for ironing', 'Homework help for small repairs', 'Sewing for cooking'],
    LEND_GIVE: ['I lend a drill', 'I give children’s clothes', 'I lend a stepladder', 'I give books'],
    LOST_FOUND: ['I found keys in the hall', 'I lost my keys', 'I found a parcel at my door', 'A cat is lost in the residence'],
    EVENT: ['Neighbours’ tea party', 'Residence jumble sale', 'Gardening together', 'Board games afternoon'],
    DISCUSSION: [
      'Hello everyone, I have just moved into the residence',
      'Does anyone know a good doctor nearby?',
      'Thank you all for your help',
    ],
  },
  ago: { now: 'just now' },
};

const ar: FeedWords = {
  title: 'الجيران',
  help: 'التعاون والتبادل في إقامتك',
  write: '✎ اكتب',
  all: 'الكل',
  kind: {
    HELP_REQUEST: 'طلب مساعدة',
    HELP_OFFER: 'عرض مساعدة',
    SERVICE_EXCHANGE: 'تبادل خدمات',
    LEND_GIVE: 'إعارة أو هبة',
    LOST_FOUND: 'مفقودات',
    EVENT: 'نشاط',
    DISCUSSION: 'نقاش',
  },
  audience: { BUILDING: 'عمارتي', RESIDENCE: 'إقامتي', DISTRICT: 'حيّي' },
  audienceHelp: {
    BUILDING: 'لن يراه إلا جيران عمارتك.',
    RESIDENCE: 'سيراه جيران الإقامة كلها.',
    DISTRICT: 'سيراه سكان الحي.',
  },
  author: '{name} · {building}',
  you: 'أنت',
  replies: '{count} ردود',
  repliesOne: 'رد واحد',
  repliesNone: 'لا توجد ردود بعد',
  eventWhen: '{when}، {place}',
  placesLeft: 'بقي {count} مكان',
  placesLeftOne: 'بقي مكان واحد',
  full: 'مكتمل',
  noLimit: 'أماكن غير محدودة',
  signedUp: 'أنت مسجل',
  empty: 'لا توجد رسائل حاليًا.',
  emptyKind: 'لا توجد رسائل من هذا النوع حاليًا.',
  emptyHelp: 'كن الأول: اضغط «اكتب» أو الزر الأخضر.',
  loadingMore: 'جارٍ تحميل الرسائل التالية…',
  position: 'الرسالة {index} من {total}',
  newPost: 'رسالة جديدة من {name}',
  shortcutWrite: 'اكتب',
  repliesTitle: 'الردود',
  moreReplies: 'عرض الردود التالية',
  quickTitle: 'الرد',
  quick: ['شكرًا', 'أنا مهتم', 'بكل سرور', 'أستطيع المساعدة'],
  ownReply: 'اكتب ردًا',
  replySent: 'تم إرسال الرد.',
  sending: 'جارٍ الإرسال…',
  signUp: 'سجّلني',
  cancelSignUp: 'إلغاء تسجيلي',
  signedUpDone: 'تم تسجيلك. إلى اللقاء!',
  cancelledDone: 'تم إلغاء تسجيلك.',
  eventFull: 'هذا النشاط مكتمل: لم يبق أي مكان.',
  forbiddenWord: 'نصك يحتوي على كلمة ممنوعة في باليي. عدّله ثم أعد إرساله.',
  invalid: 'هذه الرسالة غير مكتملة: راجع كل خطوة.',
  removed: 'هذه الرسالة لم تعد موجودة.',
  continueDraft: 'متابعة المسودة',
  continueDraftHelp: 'كنت قد بدأت رسالة ({kind}). هل تريد متابعتها؟',
  newDraft: 'بدء رسالة جديدة',
  kindTitle: 'ماذا تريد أن تنشر؟',
  audienceTitle: 'من يمكنه رؤيتها؟',
  templateTitle: 'اختر نصًا أو اكتب نصك',
  freeText: '✎ كتابة نصي',
  freeTextTitle: 'اكتب رسالتك',
  freeTextHelp: 'اكتب نصك بالأسهم وزر OK، ثم اختر «تم».',
  complete: '✎ إكمال النص',
  tooShort: 'اكتب 3 أحرف على الأقل.',
  replyTitle: 'ردك',
  dayTitle: 'أي يوم؟',
  timeTitle: 'في أي ساعة؟',
  placeTitle: 'أين؟',
  capacityTitle: 'كم عدد الأماكن؟',
  capacity: '{count} مكان',
  unlimited: 'بدون حد',
  previewTitle: 'تحقق قبل النشر',
  preview: '{kind} · {audience}\n«{body}»',
  previewEvent: '\n{when}، {place} · {capacity}',
  publish: 'نشر',
  edit: 'تعديل',
  publishing: 'جارٍ النشر…',
  published: 'تم نشر رسالتك. جيرانك يرونها الآن.',
  toFeed: 'عرض الرسائل',
  saved: 'تم حفظ المسودة',
  today: 'اليوم',
  tomorrow: 'غدًا',
  places: ['القاعة المشتركة', 'بهو المدخل', 'حديقة الإقامة', 'أمام العمارة', 'في منزلي'],
  templates: {
    HELP_REQUEST: [
      'أبحث عن شخص يساعدني في حمل مشترياتي',
      'من يستطيع مساعدتي في ملء ورقة إدارية؟',
      'أحتاج مساعدة في تركيب قطعة أثاث',
      'من يستطيع سقي نباتاتي أثناء غيابي؟',
    ],
    HELP_OFFER: [
      'أستطيع التسوق لأحد الجيران',
      'أستطيع المساعدة في ملء الأوراق',
      'أستطيع رعاية حيوان بضعة أيام',
      'أستطيع مرافقة شخص إلى موعد',
    ],
    SERVICE_EXCHANGE: ['دروس حاسوب مقابل الكي', 'مساعدة في الواجبات مقابل أعمال صغيرة', 'خياطة مقابل طبخ'],
    LEND_GIVE: ['أعير مثقابًا', 'أهدي ملابس أطفال', 'أعير سلمًا', 'أهدي كتبًا'],
    LOST_FOUND: ['وجدت مفاتيح في البهو', 'أضعت مفاتيحي', 'وجدت طردًا أمام بابي', 'قطة ضائعة في الإقامة'],
    EVENT: ['لقاء شاي بين الجيران', 'سوق مستعمل للإقامة', 'بستنة جماعية', 'أمسية ألعاب'],
    DISCUSSION: ['مرحبًا بالجميع، وصلت حديثًا إلى الإقامة', 'هل يعرف أحد طبيبًا جيدًا في الحي؟', 'شكرًا للجميع على مساعدتكم'],
  },
  ago: { now: 'الآن' },
};

const catalogues: Record<Language, FeedWords> = { fr, en, ar };

export function feedWords(language: Language): FeedWords {
  return catalogues[language] || fr;
}

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** "il y a 5 min", "hier" … in the tenant's locale; a date past a week. */
export function formatAge(iso: string, language: Language, now = Date.now()): string {
  const at = new Date(iso).getTime();
  if (isNaN(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 60) return feedWords(language).ago.now;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86400],
  ];
  const hasRelative = typeof Intl !== 'undefined' && typeof (Intl as { RelativeTimeFormat?: unknown }).RelativeTimeFormat === 'function';
  if (Math.abs(seconds) < 7 * 86400 && hasRelative) {
    const [unit, size] = Math.abs(seconds) < 3600 ? units[0]! : Math.abs(seconds) < 86400 ? units[1]! : units[2]!;
    try {
      return new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto', style: 'long' }).format(Math.round(seconds / size), unit);
    } catch {
      // falls through to the date
    }
  }
  try {
    return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long' }).format(new Date(at));
  } catch {
    return new Date(at).toDateString();
  }
}

/** "samedi 28 novembre" for the event's day picker. */
export function formatEventDay(date: Date, language: Language): string {
  try {
    return new Intl.DateTimeFormat(locales[language], { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  } catch {
    return date.toDateString();
  }
}
