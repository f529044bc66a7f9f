// Reporting a post, a reply or a private message to the moderators ("Signaler"), in the TV's three languages.
import type { ContentReportReason } from '@palier/contracts/src/moderation';
import type { Language } from './index';

const fr = {
  report: '⚑ Signaler',
  reportReply: 'Signaler cette réponse',
  titlePost: 'Signaler ce message',
  titleReply: 'Signaler cette réponse',
  reportMessage: '⚑ Signaler ce message',
  titleMessage: 'Signaler ce message privé',
  whyMessage:
    'Pourquoi ? Les modérateurs de votre bailleur pourront lire cette conversation pour comprendre, et c’est noté. Le voisin ne saura pas que c’est vous.',
  why: 'Pourquoi ? Les modérateurs de votre bailleur vont le regarder. Le voisin ne saura pas que c’est vous.',
  reason: {
    ABUSE: 'Insulte ou harcèlement',
    DISCRIMINATION: 'Discrimination',
    SPAM: 'Spam ou publicité',
    PERSONAL_INFORMATION: 'Informations personnelles',
    DANGEROUS: 'Contenu dangereux',
    OTHER: 'Autre raison',
  } as Record<ContentReportReason, string>,
  commentQuestion: 'Voulez-vous ajouter un mot pour les modérateurs ?',
  sendNow: 'Envoyer sans commentaire',
  writeComment: 'Écrire un commentaire',
  commentTitle: 'Votre commentaire pour les modérateurs',
  commentHelp: 'Tapez avec les touches ci-dessous, puis « Terminé ».',
  sending: 'Envoi du signalement…',
  thanks: 'Merci. Votre signalement a été transmis aux modérateurs.',
  already: 'Vous aviez déjà signalé ce message. Merci, c’est bien noté.',
  gone: 'Ce message n’est plus visible : il a peut-être déjà été retiré.',
  own: 'Vous ne pouvez pas signaler votre propre message.',
  failed: 'Le signalement n’a pas pu être envoyé. Réessayez dans un instant.',
  backToPost: 'Revenir au message',
  backToConversation: 'Revenir à la conversation',
  retry: 'Réessayer',
};
export type ModerationWords = typeof fr;

const en: ModerationWords = {
  report: '⚑ Report',
  reportReply: 'Report this reply',
  titlePost: 'Report this post',
  titleReply: 'Report this reply',
  reportMessage: '⚑ Report this message',
  titleMessage: 'Report this private message',
  whyMessage:
    'Why? Your landlord’s moderators may read this conversation to understand, and that is logged. Your neighbour will not know it was you.',
  why: 'Why? Your landlord’s moderators will look at it. Your neighbour will not know it was you.',
  reason: {
    ABUSE: 'Insult or harassment',
    DISCRIMINATION: 'Discrimination',
    SPAM: 'Spam or advertising',
    PERSONAL_INFORMATION: 'Personal information',
    DANGEROUS: 'Dangerous content',
    OTHER: 'Another reason',
  },
  commentQuestion: 'Would you like to add a word for the moderators?',
  sendNow: 'Send without a comment',
  writeComment: 'Write a comment',
  commentTitle: 'Your comment for the moderators',
  commentHelp: 'Type with the keys below, then “Done”.',
  sending: 'Sending the report…',
  thanks: 'Thank you. Your report has been sent to the moderators.',
  already: 'You had already reported this. Thank you, it is noted.',
  gone: 'This post is no longer visible: it may already have been removed.',
  own: 'You cannot report your own post.',
  failed: 'The report could not be sent. Try again in a moment.',
  backToPost: 'Back to the post',
  backToConversation: 'Back to the conversation',
  retry: 'Try again',
};

const ar: ModerationWords = {
  report: '⚑ إبلاغ',
  reportReply: 'الإبلاغ عن هذا الرد',
  titlePost: 'الإبلاغ عن هذه الرسالة',
  titleReply: 'الإبلاغ عن هذا الرد',
  reportMessage: '⚑ الإبلاغ عن هذه الرسالة',
  titleMessage: 'الإبلاغ عن هذه الرسالة الخاصة',
  whyMessage: 'لماذا؟ قد يقرأ مشرفو المؤجر هذه المحادثة لفهم الأمر، ويُسجَّل ذلك. لن يعرف جارك أنك أنت من أبلغ.',
  why: 'لماذا؟ سينظر فيه مشرفو المؤجر. لن يعرف جارك أنك أنت من أبلغ.',
  reason: {
    ABUSE: 'شتم أو تحرش',
    DISCRIMINATION: 'تمييز',
    SPAM: 'رسائل مزعجة أو إعلانات',
    PERSONAL_INFORMATION: 'معلومات شخصية',
    DANGEROUS: 'محتوى خطير',
    OTHER: 'سبب آخر',
  },
  commentQuestion: 'هل تريد إضافة كلمة للمشرفين؟',
  sendNow: 'إرسال بدون تعليق',
  writeComment: 'كتابة تعليق',
  commentTitle: 'تعليقك للمشرفين',
  commentHelp: 'اكتب بالأزرار أدناه، ثم «تم».',
  sending: 'جارٍ إرسال البلاغ…',
  thanks: 'شكرًا. تم إرسال بلاغك إلى المشرفين.',
  already: 'لقد أبلغت عن هذا من قبل. شكرًا، تم تسجيله.',
  gone: 'هذه الرسالة لم تعد ظاهرة: ربما أزيلت بالفعل.',
  own: 'لا يمكنك الإبلاغ عن رسالتك.',
  failed: 'تعذر إرسال البلاغ. حاول مرة أخرى بعد لحظة.',
  backToPost: 'العودة إلى الرسالة',
  backToConversation: 'العودة إلى المحادثة',
  retry: 'إعادة المحاولة',
};

const catalogues: Record<Language, ModerationWords> = { fr, en, ar };

export function moderationWords(language: Language): ModerationWords {
  return catalogues[language] || fr;
}
