// The requests queue (status, form, age; oldest first) beside the request being processed: answers, timeline, actions.
import { useCallback, useEffect, useState } from 'react';
import {
  eserviceRequestStatuses,
  localized,
  type EServiceRequestStatus,
  type EventMessage,
  type StaffEServiceFormSummary,
  type StaffEServiceRequest,
  type StaffEServiceRequestQuery,
  type StaffEServiceRequestSummary,
} from '@palier/contracts';
import { problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { useOpenItem, usePages } from '../../api/usePages';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import type { Language } from '../../i18n/catalogue';
import { AnswerList } from './AnswerList';
import { answerText } from './answers';
import { eservices } from './client';
import { dateTime, statusKey, type EServiceMessageKey, type EServiceTranslate } from './messages';

interface Filters {
  status: string;
  formId: string;
  minAgeDays: string;
}

function toQuery(filters: Filters, cursor?: string): StaffEServiceRequestQuery {
  return {
    ...(filters.status ? { status: [filters.status as EServiceRequestStatus] } : {}),
    ...(filters.formId ? { formId: filters.formId } : {}),
    ...(filters.minAgeDays ? { minAgeDays: Number(filters.minAgeDays) } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 25,
  };
}

export function RequestsTab({ e, language }: { e: EServiceTranslate; language: Language }) {
  const i18n = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: '', formId: '', minAgeDays: '' });
  const [forms, setForms] = useState<StaffEServiceFormSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const fetch = useCallback((cursor?: string) => eservices.staffEServiceRequests(toQuery(filters, cursor)), [filters]);
  const { items, nextCursor, status, error, reload, more } = usePages<StaffEServiceRequestSummary>(fetch);
  const open = useOpenItem<StaffEServiceRequest>(selected, (id) => eservices.staffEServiceRequest(id));
  const detail = open.item;

  useEffect(() => {
    eservices.staffEServiceForms({ limit: 100 }).then(
      (page) => setForms(page.items),
      () => undefined,
    );
  }, []);
  useRealtime(
    (event: EventMessage) => {
      if (event.name !== 'eservice.updated') return;
      void reload();
      if (event.data.requestId === selected) void open.reload();
    },
    () => void reload(),
  );
  const set = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));

  return (
    <>
      <div className="eservice-filters" role="search">
        <label className="field">
          <span className="field__label">{e('filterStatus')}</span>
          <select value={filters.status} onChange={(event) => set({ status: event.target.value })} data-testid="eservice-filter-status">
            <option value="">{e('open')}</option>
            {eserviceRequestStatuses.map((value) => (
              <option key={value} value={value}>
                {e(statusKey(value))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{e('filterForm')}</span>
          <select value={filters.formId} onChange={(event) => set({ formId: event.target.value })} data-testid="eservice-filter-form">
            <option value="">{e('all')}</option>
            {forms.map((form) => (
              <option key={form.id} value={form.id}>
                {localized(form.title, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{e('filterAge')}</span>
          <select value={filters.minAgeDays} onChange={(event) => set({ minAgeDays: event.target.value })}>
            <option value="">{e('ageAny')}</option>
            {[2, 7, 15, 30].map((days) => (
              <option key={days} value={days}>
                {e('ageDays', { days })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="workspace">
        <section className="panel" aria-busy={status === 'loading' || undefined}>
          {status === 'loading' && <Spinner label={e('loading')} />}
          {status === 'failed' && (
            <Alert tone="error" title={e('failed')}>
              {problemText(error, i18n.t)}
            </Alert>
          )}
          {status === 'ready' && items.length === 0 && <p className="empty">{e('emptyRequests')}</p>}
          <ul className="eservice-list" data-testid="eservice-queue">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={`eservice-row${item.id === selected ? ' eservice-row--selected' : ''}${item.status === 'INFO_REQUESTED' ? ' eservice-row--waiting' : ''}`}
                  onClick={() => setSelected(item.id)}
                  data-testid={`eservice-row-${item.receiptNumber}`}
                  aria-current={item.id === selected || undefined}
                >
                  <span className="eservice-row__head">
                    <strong>{item.receiptNumber}</strong>
                    <span className="tag">{e(statusKey(item.status))}</span>
                  </span>
                  <span>{localized(item.title, language)}</span>
                  <span className="muted">
                    {item.tenant.name} · {item.ageDays === 0 ? e('ageToday') : e('age', { days: item.ageDays })} ·{' '}
                    {item.assignee?.name ?? e('unassigned')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {nextCursor && (
            <button type="button" className="button button--ghost" onClick={() => void more()}>
              {e('more')}
            </button>
          )}
        </section>
        <section className="panel" data-testid="eservice-detail">
          {detail ? (
            <RequestDetail key={detail.id} request={detail} e={e} language={language} onChanged={open.setItem} />
          ) : (
            <p className="empty">{e('pickRequest')}</p>
          )}
        </section>
      </div>
    </>
  );
}

function RequestDetail({
  request,
  e,
  language,
  onChanged,
}: {
  request: StaffEServiceRequest;
  e: EServiceTranslate;
  language: Language;
  onChanged: (request: StaffEServiceRequest) => void;
}) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);

  const act = async (action: StaffEServiceRequest['actions'][number]) => {
    if ((action === 'ask_information' || action === 'reject') && !message.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(
        await eservices.transitionEServiceRequest(request.id, {
          action,
          ...(message.trim() && action !== 'take' ? { message: message.trim() } : {}),
          ...(action === 'ask_information' && fields.length > 0 ? { fields } : {}),
        }),
      );
      if (action !== 'take') setMessage('');
      setFields([]);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const questions = request.form.questions;
  const titleOf = (name: string) => {
    const question = questions.find((candidate) => candidate.name === name);
    return question ? localized(question.title, language) : name;
  };

  return (
    <div className="eservice-detail">
      <div className="panel__header">
        <h2 className="panel__title" data-testid="eservice-receipt">
          {request.receiptNumber} · {localized(request.title, language)}
        </h2>
        <span className="tag" data-testid="eservice-status">
          {e(statusKey(request.status))}
        </span>
      </div>
      <dl className="eservice-facts">
        <dt>{e('applicant')}</dt>
        <dd>
          {request.tenant.name} ({request.tenant.reference})
        </dd>
        <dt>{e('address')}</dt>
        <dd>{request.tenantAddress}</dd>
        <dt>{e('submitted')}</dt>
        <dd>
          {dateTime(language, request.submittedAt)} · {e('version', { version: request.version })}
        </dd>
        <dt>{e('assignee')}</dt>
        <dd>{request.assignee?.name ?? e('unassigned')}</dd>
      </dl>
      {request.infoRequest && (
        <Alert tone="info" testId="eservice-awaiting">
          {e('awaiting', { message: request.infoRequest.message })}
        </Alert>
      )}
      <h3>{e('answers')}</h3>
      <AnswerList questions={questions} answers={request.answers} e={e} language={language} />
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      {request.actions.length > 0 && (
        <div className="eservice-actions">
          {request.actions.some((action) => action !== 'take') && (
            <label className={missing ? 'field field--invalid' : 'field'}>
              <span className="field__label">{e('messageLabel')}</span>
              <textarea
                value={message}
                onChange={(event) => setMessage(event.target.value)}
                rows={3}
                maxLength={2000}
                data-testid="eservice-message"
              />
              {missing && <span className="field__error">{e('messageRequired')}</span>}
            </label>
          )}
          {request.actions.includes('ask_information') && (
            <fieldset className="eservice-fields">
              <legend className="field__label">{e('askFields')}</legend>
              {questions.map((question) => (
                <label key={question.name} className="field--check">
                  <input
                    type="checkbox"
                    checked={fields.includes(question.name)}
                    onChange={(event) =>
                      setFields(event.target.checked ? [...fields, question.name] : fields.filter((name) => name !== question.name))
                    }
                  />
                  <span>{localized(question.title, language)}</span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="form__actions">
            {request.actions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button${action === 'accept' || action === 'take' ? ' button--primary' : action === 'reject' ? ' button--danger' : ''}`}
                disabled={busy}
                data-testid={`eservice-action-${action}`}
                onClick={() => void act(action)}
              >
                {e(`action.${action}` as EServiceMessageKey)}
              </button>
            ))}
          </div>
        </div>
      )}
      <h3>{e('timeline')}</h3>
      <ol className="eservice-timeline" data-testid="eservice-timeline">
        {request.timeline.map((event) => (
          <li key={event.id}>
            <span className="muted">{dateTime(language, event.at)}</span> <strong>{e(`event.${event.kind}` as EServiceMessageKey)}</strong>{' '}
            <span className="muted">
              —{' '}
              {event.author === 'STAFF'
                ? event.authorName
                : `${e(`by.${event.author}` as EServiceMessageKey)}${event.authorName ? ` (${event.authorName})` : ''}`}
            </span>
            {event.message && (
              <p className="eservice-timeline__body" dir="auto">
                {event.message}
              </p>
            )}
            {event.kind === 'INFO_REQUESTED' && event.fields.length > 0 && (
              <p className="muted">{e('askedFields', { fields: event.fields.map(titleOf).join(', ') })}</p>
            )}
            {event.kind === 'INFO_PROVIDED' && event.changes.length > 0 && (
              <ul className="eservice-changes" data-testid="eservice-changes">
                {event.changes.map((change) => {
                  const question = questions.find((candidate) => candidate.name === change.field);
                  const text = (value: unknown) => (question ? answerText(question, value, e, language) : String(value ?? e('noAnswer')));
                  return (
                    <li key={change.field} data-testid={`eservice-change-${change.field}`}>
                      {e('changeLine', { question: titleOf(change.field), before: text(change.before), after: text(change.after) })}
                    </li>
                  );
                })}
              </ul>
            )}
            {event.kind === 'INFO_PROVIDED' && event.changes.length === 0 && event.fields.length > 0 && (
              <p className="muted">{e('changedFields', { fields: event.fields.map(titleOf).join(', ') })}</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
