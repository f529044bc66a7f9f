// The caller's open fault reports, shown beside a queued or answered call.
import type { CallerIdentity } from '@palier/contracts';
import { useI18n } from '../../i18n/I18nProvider';
import { categoryLabel, reportTranslator, statusKey } from '../reports/messages';

/** The caller's open fault reports: what the call is most likely about. */
export function OpenReports({ reports }: { reports: CallerIdentity['openReports'] }) {
  const { t, language } = useI18n();
  if (reports.length === 0) return <p className="queue__reports muted">{t('caller.noOpenReports')}</p>;
  const report = reportTranslator(language);
  return (
    <div className="queue__reports" data-testid="caller-open-reports">
      <p className="muted">{t('caller.openReports', { count: reports.length })}</p>
      <ul>
        {reports.map((entry) => (
          <li key={entry.id}>
            <strong>{entry.number}</strong> · {categoryLabel(language, entry.category)} · {report(statusKey(entry.status))}
          </li>
        ))}
      </ul>
    </div>
  );
}
