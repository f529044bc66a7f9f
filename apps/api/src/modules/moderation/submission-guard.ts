// What every neighbour's post, reply and message passes before it is stored: not suspended, no forbidden word.
import type { PrismaClient } from '@prisma/client';
import type { ProblemLanguage } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { TenantPlace } from '../places/tenant-place';
import { forbiddenWordMatcher, forbiddenWordsFor } from './forbidden-words';

export interface SubmissionGuard {
  /** Throws posting_suspended or forbidden_word; the draft is untouched, so the tenant can fix the text. */
  check(place: TenantPlace, fields: Record<string, string | undefined>, language?: ProblemLanguage): Promise<void>;
}

/** The end of the tenant's current suspension, or null. */
export async function suspendedUntil(db: PrismaClient, tenantId: string, now = new Date()): Promise<Date | null> {
  const latest = await db.moderationAction.findFirst({
    where: { tenantId, kind: 'SUSPEND', suspendedUntil: { gt: now } },
    orderBy: { suspendedUntil: 'desc' },
    select: { suspendedUntil: true },
  });
  return latest?.suspendedUntil ?? null;
}

function untilText(until: Date, language: ProblemLanguage): string {
  const when = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(until);
  return language === 'en' ? `You may post again from ${when}.` : `Vous pourrez de nouveau publier à partir du ${when}.`;
}

export function submissionGuard(db: PrismaClient, deploymentWords: string[]): SubmissionGuard {
  return {
    async check(place, fields, language = 'fr') {
      const until = await suspendedUntil(db, place.tenantId);
      if (until) throw new DomainError('posting_suspended', untilText(until, language), { until: until.toISOString() });
      const words = await forbiddenWordsFor(db, place.residenceId, place.cityId, deploymentWords);
      const match = forbiddenWordMatcher(words).find(fields);
      if (match) {
        const detail = language === 'en' ? `Forbidden word: “${match.word}”.` : `Mot interdit : « ${match.word} ».`;
        throw new DomainError('forbidden_word', detail, {
          word: match.word,
          errors: [{ field: match.field, message: `contains the forbidden word "${match.word}"` }],
        });
      }
    },
  };
}
