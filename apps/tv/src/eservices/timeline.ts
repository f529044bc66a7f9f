// An e-service request's last steps as lines ("• mardi 24 novembre, 14:05 : Demande envoyée"), for the tenant's own
// screen (EServices) and for a neighbour who follows it in the tenant's name (Helping): one wording for both.
import type { TenantEServiceRequest } from '@palier/contracts/src/eservices';
import { format, formatDateTime, type Language } from '../i18n';
import type { EServiceWords } from '../i18n/eservices';
import { answerText, localized } from './answers';

/**
 * `voice` replaces the wording of some events ('event.SUBMITTED'…): the tenant's screen says "Vous avez envoyé", a
 * helper's says it without "vous".
 */
export function requestTimelineLines(
  request: TenantEServiceRequest,
  w: EServiceWords,
  language: Language,
  last = 5,
  voice: Record<string, string> = {},
): string[] {
  return request.timeline.slice(-last).map((event) => {
    const key = 'event.' + event.kind;
    const what = format(voice[key] || w[key as keyof EServiceWords] || event.kind, {
      name: event.authorName || w.clerk,
      message: event.message || '',
    });
    // The answers given again, old → new, as the clerk sees them.
    const changes = (event.changes || [])
      .map((change) => {
        const question = request.form.questions.filter((one) => one.name === change.field)[0];
        if (!question) return '';
        return (
          localized(question.title, language) +
          ' ' +
          format(w.reanswerLine, {
            before: answerText(question, change.before, w, language),
            after: answerText(question, change.after, w, language),
          })
        );
      })
      .filter((text) => !!text);
    return '• ' + formatDateTime(event.at, language) + ' : ' + what.replace(/ : $|: $/, '') + (changes.length ? ' — ' + changes.join(' ; ') : '');
  });
}
