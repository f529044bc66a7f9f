// What the author of moderated content reads on their TV: a personal notice, in their language, saying what and why.
import type { ModerationDecision, ModerationTargetKind } from '@palier/contracts';
import { sendPersonalNotice } from '../notices/personal';
import type { ModerationContext } from './service';

type Language = 'fr' | 'en' | 'ar';
/** A moderator's decision, or AUTO_HIDE: enough neighbours reported the content that it is hidden until reviewed. */
type Told = Exclude<ModerationDecision, 'KEEP'> | 'AUTO_HIDE';

const WHAT: Record<Language, Record<ModerationTargetKind, string>> = {
  fr: { POST: 'votre message', REPLY: 'votre réponse', USER: 'votre compte', MESSAGE: 'votre message privé' },
  en: { POST: 'your post', REPLY: 'your reply', USER: 'your account', MESSAGE: 'your private message' },
  ar: { POST: 'منشورك', REPLY: 'ردّك', USER: 'حسابك', MESSAGE: 'رسالتك الخاصة' },
};

const TITLES: Record<Language, Record<Told, string>> = {
  fr: {
    AUTO_HIDE: 'Un de vos messages est masqué en attendant la modération',
    HIDE: 'Un de vos messages a été masqué',
    DELETE: 'Un de vos messages a été supprimé',
    WARN: 'Avertissement de la modération',
    SUSPEND: 'Vos publications sont suspendues',
  },
  en: {
    AUTO_HIDE: 'One of your posts is hidden until a moderator reviews it',
    HIDE: 'One of your posts has been hidden',
    DELETE: 'One of your posts has been deleted',
    WARN: 'A warning from the moderators',
    SUSPEND: 'Your posting is suspended',
  },
  ar: {
    AUTO_HIDE: 'إحدى رسائلك مخفية بانتظار المراجعة',
    HIDE: 'تم إخفاء إحدى رسائلك',
    DELETE: 'تم حذف إحدى رسائلك',
    WARN: 'تنبيه من المشرفين',
    SUSPEND: 'تم إيقاف نشرك مؤقتاً',
  },
};

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ar: 'ar' };

function when(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date);
}

export interface AuthorNoticeInput {
  actionId: string;
  tenantId: string;
  organisationId: string;
  /** null when Palier decided (the report threshold). */
  staffId: string | null;
  decision: Told;
  targetKind: ModerationTargetKind;
  contentExcerpt: string;
  /** As the moderator wrote it: quoted, not translated. */
  reason: string;
  suspendedUntil: Date | null;
}

export function authorNoticeText(
  input: Omit<AuthorNoticeInput, 'actionId' | 'tenantId' | 'organisationId' | 'staffId'>,
  language: Language,
) {
  const what = WHAT[language][input.targetKind];
  const quoted = language === 'en' ? `“${input.contentExcerpt}”` : `« ${input.contentExcerpt} »`;
  const subject = input.targetKind === 'USER' ? what : `${what} ${quoted}`;
  const until = input.suspendedUntil ? when(input.suspendedUntil, language) : '';
  const lines: Record<Language, Record<Told, string>> = {
    fr: {
      AUTO_HIDE: `Plusieurs voisins ont signalé ${subject} : il est masqué en attendant qu’un modérateur le regarde. S’il respecte les règles du réseau des voisins, il réapparaîtra.`,
      HIDE: `Un modérateur a masqué ${subject} : vos voisins ne le voient plus.`,
      DELETE: `Un modérateur a supprimé ${subject}.`,
      WARN: `Un modérateur vous adresse un avertissement au sujet de ${subject}. Merci de respecter les règles du réseau des voisins.`,
      SUSPEND: `Un modérateur a suspendu vos publications jusqu’au ${until} : d’ici là, vous ne pouvez ni publier, ni répondre, ni écrire à un voisin.`,
    },
    en: {
      AUTO_HIDE: `Several neighbours have reported ${subject}: it is hidden until a moderator looks at it. If it follows the rules of the neighbours’ network, it will show again.`,
      HIDE: `A moderator has hidden ${subject}: your neighbours no longer see it.`,
      DELETE: `A moderator has deleted ${subject}.`,
      WARN: `A moderator is warning you about ${subject}. Please follow the rules of the neighbours’ network.`,
      SUSPEND: `A moderator has suspended your posting until ${until}: until then you cannot post, reply or message a neighbour.`,
    },
    ar: {
      AUTO_HIDE: `أبلغ عدة جيران عن ${subject}: أصبح مخفياً إلى أن يراجعه أحد المشرفين. إذا كان يحترم قواعد شبكة الجيران فسيظهر من جديد.`,
      HIDE: `قام أحد المشرفين بإخفاء ${subject}: لم يعد جيرانك يرونه.`,
      DELETE: `قام أحد المشرفين بحذف ${subject}.`,
      WARN: `يوجّه إليك أحد المشرفين تنبيهاً بخصوص ${subject}. يرجى احترام قواعد شبكة الجيران.`,
      SUSPEND: `قام أحد المشرفين بإيقاف نشرك حتى ${until}: حتى ذلك الحين لا يمكنك النشر أو الرد أو مراسلة جار.`,
    },
  };
  const why: Record<Language, string> = { fr: 'Motif : ', en: 'Reason: ', ar: 'السبب: ' };
  // The threshold stores `threshold:<n>`, worded here in the author's language.
  const threshold = /^threshold:(\d+)$/.exec(input.reason);
  const reason = threshold
    ? {
        fr: `signalé par ${threshold[1]} voisins différents.`,
        en: `reported by ${threshold[1]} different neighbours.`,
        ar: `أبلغ عنه ${threshold[1]} جيران مختلفين.`,
      }[language]
    : input.reason;
  return {
    title: TITLES[language][input.decision],
    body: `${lines[language][input.decision]}\n\n${why[language]}${reason}`,
  };
}

export async function tellAuthor(ctx: ModerationContext, input: AuthorNoticeInput): Promise<void> {
  const tenant = await ctx.db.tenant.findUnique({ where: { id: input.tenantId }, select: { language: true } });
  if (!tenant) return; // they left meanwhile: nobody to tell
  const language: Language = tenant.language === 'en' || tenant.language === 'ar' ? tenant.language : 'fr';
  const { title, body } = authorNoticeText(input, language);
  await sendPersonalNotice(ctx.db, ctx.bus, {
    tenantId: input.tenantId,
    organisationId: input.organisationId,
    authorStaffId: input.staffId,
    category: 'INFORMATION',
    urgent: false,
    title,
    body,
    validUntil: input.suspendedUntil ?? null,
    idempotencyKey: `moderation-action:${input.actionId}`,
  });
}
