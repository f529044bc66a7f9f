// "People I help": a staff helper (a social worker) follows and does the procedures of the tenants who gave them a
// mandate. Every call goes through /api/v1/mandates/:mandateId/… (client.asHelper), so the API logs it in the tenant's
// timelines as done on their behalf; a withdrawal seen by any call turns the page read-only at once.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  REPORT_CATEGORIES,
  commonAreaSpots,
  homeSpots,
  reportUrgencies,
  type EServiceRequestEvent,
  type HelpedTenant,
  type PalierClient,
  type ReportCategory,
  type ReportEvent,
  type ReportLocation,
  type ReportUrgency,
  type TenantEServiceRequest,
  type TenantReport,
} from '@palier/contracts';
import { api } from '../../api/client';
import { problemOf, problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { LiveIndicator } from '../../components/LiveIndicator';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, type Language } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';
import { categoryLabel, reportEventLabel, reportTranslator, statusKey as reportStatusKey } from '../reports/messages';
import { eserviceTranslator, statusKey as eserviceStatusKey } from '../eservices/messages';
import { answersFrom, applyMandateChange, markWithdrawn, mergeHelped, typedQuestions } from './helping';
import { useHelperEvents } from './useHelperEvents';
import { useHelpedList } from './useHelpedList';
import { helpingTranslator, type HelpingTranslate } from './messages';
import { NewEService } from './NewEService';
import { useMandateCall } from './useMandateCall';
import './helping.css';

const client = api as unknown as PalierClient;
type ReportSpot = (typeof homeSpots)[number] | (typeof commonAreaSpots)[number];

function newKey(): string {
  return crypto.randomUUID();
}

export function HelpingPage() {
  const i18n = useI18n();
  const language = i18n.t.language;
  const h = useMemo(() => helpingTranslator(language), [language]);
  const session = useSession();
  // useSession() gives a new handle() each render: read it through a ref so loading does not loop.
  const handleRef = useRef(session.handle);
  handleRef.current = session.handle;
  const handle = useCallback((error: unknown) => handleRef.current(error), []);
  const [items, setItems] = useState<HelpedTenant[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [failure, setFailure] = useState<unknown>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** Set when an action learnt that the tenant withdrew while the page was open. */
  const [withdrawnNow, setWithdrawnNow] = useState<string | null>(null);

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      const page = await client.helpedTenants({ limit: 20 });
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setStatus('ready');
    } catch (error) {
      if (handle(error)) return;
      setFailure(error);
      setStatus('failed');
    }
  }, [handle]);
  useEffect(() => {
    void load();
  }, [load]);
  // A new mandate is a new row (re-read); a narrowed or withdrawn one changes in place, its open view with it (a
  // withdrawal said as loudly as one an action runs into: whatever was being written was not sent).
  const live = useHelperEvents(
    (change) => {
      if (change.change === 'granted') return void load();
      if (change.change === 'withdrawn') setWithdrawnNow(change.mandateId);
      setItems((shown) => applyMandateChange(shown, change));
    },
    () => void load(),
  );

  const more = async () => {
    if (!nextCursor) return;
    try {
      const page = await client.helpedTenants({ limit: 20, cursor: nextCursor });
      setItems((shown) => mergeHelped(shown, page.items));
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (!handle(error)) setFailure(error);
    }
  };

  const onWithdrawn = useCallback((mandateId: string) => {
    setWithdrawnNow(mandateId);
    setItems((shown) => markWithdrawn(shown, mandateId, new Date().toISOString()));
  }, []);

  const selected = items.find((item) => item.id === selectedId) ?? null;

  return (
    <div className="page" data-testid="helping-page">
      <div className="page__header">
        <h1 className="page__title">{h('title')}</h1>
        <p className="page__intro">{h('intro')}</p>
        <LiveIndicator status={live} live={h('live')} />
      </div>
      <div className="helping">
        <section className="helping__list" aria-label={h('title')}>
          {status === 'loading' && <Spinner label={h('loading')} />}
          {status === 'failed' && (
            <Alert
              tone="error"
              title={h('failed')}
              action={
                <button className="button button--small" onClick={() => void load()}>
                  {h('retry')}
                </button>
              }
            >
              {problemText(failure, i18n.t)}
            </Alert>
          )}
          {status === 'ready' && items.length === 0 && <p className="muted">{h('empty')}</p>}
          <ul className="helping__people">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  className={`helping__person${item.id === selectedId ? ' helping__person--selected' : ''}${item.active ? '' : ' helping__person--withdrawn'}`}
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(item.id)}
                  data-testid="helped-tenant"
                >
                  <span className="helping__name">{item.tenant.name}</span>
                  <span className="helping__home">
                    {item.tenant.building}, {item.tenant.residence}
                  </span>
                  <span className="helping__scopes">{item.scopes.map((scope) => h(`scope.${scope}`)).join(' · ')}</span>
                  <span className={`tag ${item.active ? 'tag--event' : 'tag--muted'}`}>
                    {item.active ? h('active') : h('withdrawn', { date: formatDateTime(item.withdrawnAt!, language) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {nextCursor && (
            <button className="button button--ghost" onClick={() => void more()}>
              {h('more')}
            </button>
          )}
        </section>
        <section className="helping__detail" aria-live="polite">
          {!selected && <p className="muted">{h('pick')}</p>}
          {selected && (
            <HelpedTenantView
              key={selected.id}
              helped={selected}
              h={h}
              language={language}
              withdrawnNow={withdrawnNow === selected.id}
              onWithdrawn={() => onWithdrawn(selected.id)}
              onBack={() => {
                setSelectedId(null);
                setWithdrawnNow(null);
                void load();
              }}
            />
          )}
        </section>
      </div>
    </div>
  );
}

interface ViewProps {
  helped: HelpedTenant;
  h: HelpingTranslate;
  language: Language;
  withdrawnNow: boolean;
  onWithdrawn: () => void;
  onBack: () => void;
}

function HelpedTenantView({ helped, h, language, withdrawnNow, onWithdrawn, onBack }: ViewProps) {
  const helper = useMemo(() => client.asHelper(helped.id), [helped.id]);
  const { tenant } = helped;
  return (
    <div data-testid="helped-tenant-detail">
      <h2 className="helping__title">{tenant.name}</h2>
      <p className="muted">
        {tenant.reference} — {h('home', { building: tenant.building, residence: tenant.residence, floor: tenant.floor, door: tenant.door })}
      </p>
      <p>
        {helped.scopes.map((scope) => h(`scope.${scope}`)).join(' · ')} — {h('since', { date: formatDateTime(helped.createdAt, language) })}
      </p>
      {!helped.active && (
        <Alert
          tone={withdrawnNow ? 'error' : 'info'}
          title={h('withdrawnTitle')}
          testId="mandate-withdrawn"
          action={
            <button className="button button--small" onClick={onBack}>
              {h('backToList')}
            </button>
          }
        >
          {withdrawnNow
            ? h('withdrawnNow', { name: tenant.name })
            : h('withdrawnBody', { name: tenant.name, date: formatDateTime(helped.withdrawnAt!, language) })}
        </Alert>
      )}
      {helped.active && helped.scopes.includes('reports') && (
        <ReportsPart helper={helper} helped={helped} h={h} language={language} onWithdrawn={onWithdrawn} />
      )}
      {helped.active && helped.scopes.includes('eservices') && (
        <EServicesPart helper={helper} helped={helped} h={h} language={language} onWithdrawn={onWithdrawn} />
      )}
    </div>
  );
}

function authorOf(h: HelpingTranslate, event: { author: string; authorName: string | null }): string {
  const key = `by.${event.author}` as 'by.HELPER';
  return h(key, { name: event.authorName ?? '' });
}

interface PartProps {
  helper: PalierClient;
  h: HelpingTranslate;
  language: Language;
  onWithdrawn: () => void;
}

function ReportsPart({ helper, helped, h, language, onWithdrawn }: PartProps & { helped: HelpedTenant }) {
  const i18n = useI18n();
  const r = useMemo(() => reportTranslator(language), [language]);
  const { run, failure, busy } = useMandateCall(onWithdrawn);
  const [openId, setOpenId] = useState<string | null>(null);
  const [report, setReport] = useState<TenantReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  // The new report: one Idempotency-Key per report being written, kept across retries until it is sent.
  const [category, setCategory] = useState<ReportCategory>('PLUMBING');
  const [location, setLocation] = useState<ReportLocation>('HOME');
  const [spot, setSpot] = useState<ReportSpot>('KITCHEN');
  const [urgency, setUrgency] = useState<ReportUrgency>('NORMAL');
  const [description, setDescription] = useState('');
  const [reportKey, setReportKey] = useState(newKey);

  const {
    rows: reports,
    nextCursor,
    load: loadList,
  } = useHelpedList({
    mandateId: helped.id,
    scope: 'reports',
    openId,
    run,
    page: (query) => helper.reports(query),
    item: (id) => helper.report(id),
    onItem: setReport,
    onWithdrawn,
  });
  const open = async (id: string) => {
    setOpenId(id);
    setNotice(null);
    const one = await run(() => helper.report(id));
    if (one) setReport(one);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await run(() => helper.submitReport({ category, location, spot, urgency, description: description.trim() }, reportKey));
    if (!sent) return;
    setNotice(h('reportSent', { number: sent.number, name: helped.tenant.name }));
    setDescription('');
    setReportKey(newKey());
    setReport(sent);
    setOpenId(sent.id);
    void loadList();
  };
  const addInformation = async (event: FormEvent) => {
    event.preventDefault();
    if (!report || !message.trim()) return;
    const updated = await run(() => helper.addReportInformation(report.id, message.trim()));
    if (!updated) return;
    setReport(updated);
    setMessage('');
    setNotice(h('addInfoSent'));
  };
  const accept = async (slotId: string) => {
    if (!report) return;
    const updated = await run(() => helper.acceptReportSlot(report.id, slotId));
    if (!updated) return;
    setReport(updated);
    setNotice(h('slotAccepted'));
    void loadList();
  };

  const spots = location === 'HOME' ? homeSpots : commonAreaSpots;
  const forbidden = problemOf(failure)?.code === 'forbidden';

  return (
    <section className="helping__part" aria-labelledby="helping-reports">
      <h3 id="helping-reports">{h('reports')}</h3>
      {failure !== undefined && <Alert tone="error">{forbidden ? h('noAccess') : problemText(failure, i18n.t)}</Alert>}
      {notice && (
        <Alert tone="success" testId="helping-notice">
          {notice}
        </Alert>
      )}
      {reports.length === 0 && <p className="muted">{h('reportsEmpty')}</p>}
      <ul className="helping__rows">
        {reports.map((item) => (
          <li key={item.id}>
            <button
              className={`helping__row${item.id === openId ? ' helping__row--open' : ''}`}
              onClick={() => void open(item.id)}
              data-testid="helped-report"
            >
              <strong>{item.number}</strong> {categoryLabel(language, item.category)} — {r(`spot.${item.spot}` as 'spot.KITCHEN')} —{' '}
              <span className="tag">{r(reportStatusKey(item.status))}</span>
            </button>
          </li>
        ))}
      </ul>
      {nextCursor && (
        <button className="button button--ghost" onClick={() => void loadList(nextCursor)}>
          {h('more')}
        </button>
      )}
      {report && report.id === openId && (
        <div className="helping__item" data-testid="helped-report-detail">
          <h4>
            {report.number} — {r(reportStatusKey(report.status))}
          </h4>
          <p dir="auto">{report.description}</p>
          <h5>{h('timeline')}</h5>
          <ol className="helping__timeline">
            {report.timeline.map((event: ReportEvent) => (
              <li key={event.id}>
                <time>{formatDateTime(event.at, language)}</time> — {reportEventLabel(r, event, language)}
                {event.kind === 'MESSAGE' && event.body ? ` : ${event.body}` : ''} <span className="muted">({authorOf(h, event)})</span>
              </li>
            ))}
          </ol>
          {report.actions.includes('accept_slot') && (
            <div>
              <h5>{h('slots')}</h5>
              <ul>
                {report.slots
                  .filter((slot) => slot.state === 'OFFERED')
                  .map((slot) => (
                    <li key={slot.id}>
                      {formatDateTime(slot.startsAt, language)} – {formatDateTime(slot.endsAt, language)}{' '}
                      <button className="button button--small" disabled={busy} onClick={() => void accept(slot.id)}>
                        {h('acceptSlot')}
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          )}
          {report.actions.includes('add_information') && (
            <form onSubmit={(event) => void addInformation(event)} className="helping__form">
              <label className="field">
                <span className="field__label">{h('addInfo')}</span>
                <textarea
                  value={message}
                  maxLength={2000}
                  onChange={(event) => setMessage(event.target.value)}
                  data-testid="report-information"
                />
              </label>
              <button className="button button--primary" type="submit" disabled={busy || !message.trim()}>
                {h('send')}
              </button>
            </form>
          )}
        </div>
      )}
      <form className="helping__form" onSubmit={(event) => void submit(event)} data-testid="new-report">
        <h4>{h('newReport', { name: helped.tenant.name })}</h4>
        <label className="field">
          <span className="field__label">{h('category')}</span>
          <select value={category} onChange={(event) => setCategory(event.target.value as ReportCategory)} data-testid="report-category">
            {REPORT_CATEGORIES.map((definition) => (
              <option key={definition.code} value={definition.code}>
                {definition.label[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{h('location')}</span>
          <select
            value={location}
            onChange={(event) => {
              const next = event.target.value as ReportLocation;
              setLocation(next);
              setSpot(next === 'HOME' ? homeSpots[0] : commonAreaSpots[0]);
            }}
            data-testid="report-location"
          >
            <option value="HOME">{h('location.HOME')}</option>
            <option value="COMMON_AREA">{h('location.COMMON_AREA')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">{h('spot')}</span>
          <select value={spot} onChange={(event) => setSpot(event.target.value as ReportSpot)} data-testid="report-spot">
            {spots.map((code) => (
              <option key={code} value={code}>
                {r(`spot.${code}` as 'spot.KITCHEN')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{h('urgency')}</span>
          <select value={urgency} onChange={(event) => setUrgency(event.target.value as ReportUrgency)}>
            {reportUrgencies.map((code) => (
              <option key={code} value={code}>
                {r(`urgency.${code}` as 'urgency.LOW')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{h('description')}</span>
          <textarea
            value={description}
            minLength={3}
            maxLength={2000}
            onChange={(event) => setDescription(event.target.value)}
            aria-describedby="helping-description-help"
            data-testid="report-description"
          />
          <span id="helping-description-help" className="field__help">
            {h('descriptionHelp')}
          </span>
        </label>
        <button className="button button--primary" type="submit" disabled={busy || description.trim().length < 3} data-testid="report-send">
          {busy ? h('sending') : h('send')}
        </button>
      </form>
    </section>
  );
}

function EServicesPart({ helper, helped, h, language, onWithdrawn }: PartProps & { helped: HelpedTenant }) {
  const i18n = useI18n();
  const e = useMemo(() => eserviceTranslator(language), [language]);
  const { run, failure, busy } = useMandateCall(onWithdrawn);
  const [request, setRequest] = useState<TenantEServiceRequest | null>(null);
  const [message, setMessage] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [answerKey, setAnswerKey] = useState(newKey);
  const [notice, setNotice] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);

  const {
    rows: requests,
    nextCursor,
    load: loadList,
  } = useHelpedList({
    mandateId: helped.id,
    scope: 'eservices',
    openId: request?.id ?? null,
    run,
    page: (query) => helper.eserviceRequests(query),
    item: (id) => helper.eserviceRequest(id),
    onItem: setRequest,
    onWithdrawn,
  });
  const open = async (id: string) => {
    setNotice(null);
    setValues({});
    setMessage('');
    const one = await run(() => helper.eserviceRequest(id));
    if (one) setRequest(one);
  };
  const named = request?.infoRequest ? typedQuestions(request.form.questions, request.infoRequest.fields) : [];
  const answer = async (event: FormEvent) => {
    event.preventDefault();
    if (!request) return;
    const answers = answersFrom(named, values);
    const body = { ...(message.trim() ? { message: message.trim() } : {}), ...(Object.keys(answers).length ? { answers } : {}) };
    if (!body.message && !body.answers) return setEmpty(true);
    setEmpty(false);
    const updated = await run(() => helper.provideEServiceInformation(request.id, body, answerKey));
    if (!updated) return;
    setRequest(updated);
    setAnswerKey(newKey());
    setMessage('');
    setValues({});
    setNotice(h('answerSent'));
    void loadList();
  };

  return (
    <section className="helping__part" aria-labelledby="helping-eservices">
      <h3 id="helping-eservices">{h('eservices')}</h3>
      {failure !== undefined && (
        <Alert tone="error">{problemOf(failure)?.code === 'forbidden' ? h('noAccess') : problemText(failure, i18n.t)}</Alert>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {requests.length === 0 && <p className="muted">{h('eservicesEmpty')}</p>}
      <ul className="helping__rows">
        {requests.map((item) => (
          <li key={item.id}>
            <button
              className={`helping__row${item.id === request?.id ? ' helping__row--open' : ''}`}
              onClick={() => void open(item.id)}
              data-testid="helped-request"
            >
              <strong>{item.receiptNumber}</strong> {item.title[language] ?? item.title.fr} —{' '}
              <span className="tag">{e(eserviceStatusKey(item.status))}</span>
            </button>
          </li>
        ))}
      </ul>
      {nextCursor && (
        <button className="button button--ghost" onClick={() => void loadList(nextCursor)}>
          {h('more')}
        </button>
      )}
      {request && (
        <div className="helping__item" data-testid="helped-request-detail">
          <h4>
            {request.receiptNumber} — {e(eserviceStatusKey(request.status))}
          </h4>
          <h5>{h('timeline')}</h5>
          <ol className="helping__timeline">
            {request.timeline.map((event: EServiceRequestEvent) => (
              <li key={event.id}>
                <time>{formatDateTime(event.at, language)}</time> — {e(`event.${event.kind}` as Parameters<typeof e>[0])}
                {event.message ? ` : ${event.message}` : ''} <span className="muted">({authorOf(h, event)})</span>
              </li>
            ))}
          </ol>
          {request.infoRequest && request.status === 'INFO_REQUESTED' && (
            <form className="helping__form" onSubmit={(event) => void answer(event)}>
              <p>
                <strong>{h('question')} :</strong> {request.infoRequest.message}
              </p>
              {named.map((question) => (
                <label className="field" key={question.name}>
                  <span className="field__label">{h('answerAgain', { question: question.title[language] ?? question.title.fr })}</span>
                  <input
                    type={question.widget === 'number' ? 'number' : question.widget === 'date' ? 'date' : 'text'}
                    value={values[question.name] ?? ''}
                    onChange={(event) => setValues((previous) => ({ ...previous, [question.name]: event.target.value }))}
                  />
                </label>
              ))}
              {named.length < request.infoRequest.fields.length && <p className="field__help">{h('answerHelp')}</p>}
              <label className="field">
                <span className="field__label">{h('answerMessage')}</span>
                <textarea
                  value={message}
                  maxLength={2000}
                  onChange={(event) => setMessage(event.target.value)}
                  data-testid="eservice-answer"
                />
              </label>
              {empty && <p className="field__error">{h('answerEmpty')}</p>}
              <button className="button button--primary" type="submit" disabled={busy}>
                {h('send')}
              </button>
            </form>
          )}
        </div>
      )}
      <NewEService
        helper={helper}
        tenantName={helped.tenant.name}
        h={h}
        language={language}
        onWithdrawn={onWithdrawn}
        onSent={(sent) => {
          setRequest(sent);
          void loadList();
        }}
      />
    </section>
  );
}
