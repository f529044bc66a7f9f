// A fault report's last steps as lines ("• mardi 24 novembre, 14:05 : Reçu"), for the tenant's own screen (Procedures)
// and for a neighbour who follows it in the tenant's name (Helping): one wording of the timeline for both.
import type { TenantReport } from '@palier/contracts/src/reports';
import { format, formatDateTime, type Language } from '../i18n';
import type { ReportWords } from '../i18n/reports';

export interface TimelineVoice {
  /** Whose report it is, when a helper reads it: the tenant's messages then say their name instead of "Vous". */
  tenantName?: string;
  /** "{what} (par {name})": how a step a helper did is said; the tenant's screen says "en votre nom". */
  byHelper?: string;
}

export function reportTimelineLines(report: TenantReport, w: ReportWords, language: Language, last = 4, voice: TimelineVoice = {}): string[] {
  // The status lines already say that slots were offered or taken: the tenant reads each step once.
  return report.timeline
    .filter((event) => event.kind !== 'SLOTS_OFFERED' && event.kind !== 'SLOT_ACCEPTED')
    .slice(-last)
    .map((event) => {
      const when = formatDateTime(event.at, language);
      let what: string;
      if (event.kind === 'STATUS') what = w[('status.' + event.status) as keyof ReportWords] + (event.body ? ' — ' + event.body : '');
      else if (event.kind === 'MESSAGE') {
        const by = event.author === 'HELPER' ? 'HELPER' : event.author === 'TENANT' ? 'TENANT' : 'STAFF';
        if (voice.tenantName !== undefined && by !== 'STAFF') {
          const name = by === 'TENANT' ? voice.tenantName : event.authorName || '';
          what = format(w['event.MESSAGE.STAFF'], { name, body: event.body || '' });
        } else what = format(w[('event.MESSAGE.' + by) as keyof ReportWords], { name: event.authorName || '', body: event.body || '' });
      } else what = format(w[('event.' + event.kind) as keyof ReportWords] || '', { body: event.body || '' });
      // A helper acted under the tenant's mandate: who did it is said.
      if (event.author === 'HELPER' && event.kind !== 'MESSAGE') what = format(voice.byHelper || w.byHelper, { what, name: event.authorName || '' });
      return '• ' + when + ' : ' + what;
    });
}
