// The e-services task for town-hall clerks: the requests queue and the forms (editor, versions, webhook, delivery log).
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { FormsTab } from './FormsTab';
import { RequestsTab } from './RequestsTab';
import { eserviceTranslator } from './messages';
import './eservices.css';

export function EServicesPage() {
  const { t } = useI18n();
  const language = t.language;
  const e = useMemo(() => eserviceTranslator(language), [language]);
  const [tab, setTab] = useState<'requests' | 'forms'>('requests');
  return (
    <div className="page" data-testid="eservices-page">
      <div className="page__header">
        <h1 className="page__title">{e('title')}</h1>
        <p className="page__intro">{e('intro')}</p>
      </div>
      <div className="tabs" role="tablist">
        {(['requests', 'forms'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tabs__tab${tab === id ? ' tabs__tab--current' : ''}`}
            onClick={() => setTab(id)}
            data-testid={`eservices-tab-${id}`}
          >
            {e(id === 'requests' ? 'tabRequests' : 'tabForms')}
          </button>
        ))}
      </div>
      {tab === 'requests' ? <RequestsTab e={e} language={language} /> : <FormsTab e={e} language={language} />}
    </div>
  );
}
