// The reports task: the queue (filters, age, overdue) beside the report being handled (timeline, photos, slots, actions).
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  REPORT_CATEGORIES,
  openReportStatuses,
  reportStatuses,
  type EventMessage,
  type PalierClient,
  type ReportCategory,
  type ReportStatus,
  type StaffReport,
  type StaffReportQuery,
  type StaffReportSummary,
} from '@palier/contracts';
import { api } from '../../api/client';
import { problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { useOpenItem, usePages } from '../../api/usePages';
import { useResidences } from '../../api/useResidences';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, formatTime, type Language } from '../../i18n/catalogue';
import { hasAnyRole, useSession } from '../../session';
import './reports.css';
import { categoryLabel, reportEventLabel, reportTranslator, statusKey, type ReportMessageKey, type ReportTranslate } from './messages';

type ReportsClient = Pick<
  PalierClient,
  | 'staffReports'
  | 'staffReport'
  | 'transitionReport'
  | 'offerReportSlots'
  | 'assignReport'
  | 'postReportMessage'
  | 'reportAssignees'
>;
const reports = api as unknown as ReportsClient;

export const REPORT_HANDLERS = ['CARETAKER', 'ADMIN'] as const;

interface Filters {
  residenceId: string;
  category: string;
  status: string;
  minAgeDays: string;
  overdue: boolean;
}

function toQuery(filters: Filters, cursor?: string): StaffReportQuery {
  return {
    ...(filters.residenceId ? { residenceId: filters.residenceId } : {}),
    ...(filters.category ? { category: filters.category as ReportCategory } : {}),
    ...(filters.status ? { status: [filters.status as ReportStatus] } : {}),
    ...(filters.minAgeDays ? { minAgeDays: Number(filters.minAgeDays) } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 25,
  };
}

export function ReportsPage() {
  const i18n = useI18n();
  const language = i18n.t.language;
  const r = useMemo(() => reportTranslator(language), [language]);
  const { staff } = useSession();
  const canHandle = hasAnyRole(staff, REPORT_HANDLERS);
  const [filters, setFilters] = useState<Filters>({ residenceId: '', category: '', status: '', minAgeDays: '', overdue: false });
  const residences = useResidences();
  const [selected, setSelected] = useState<string | null>(null);
  const fetch = useCallback((cursor?: string) => reports.staffReports(toQuery(filters, cursor)), [filters]);
  const { items, nextCursor, status, error, reload, more } = usePages<StaffReportSummary>(fetch);
  const open = useOpenItem<StaffReport>(selected, (id) => reports.staffReport(id));
  const detail = open.item;

  useRealtime(
    (event: EventMessage) => {
      if (event.name !== 'report.updated') return;
      void reload();
      if (event.data.reportId === selected) void open.reload();
    },
    () => void reload(),
  );
  const set = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));

  return (
    <div className="page" data-testid="reports-page">
      <div className="page__header">
        <h1 className="page__title">{r('title')}</h1>
        <p className="page__intro">{r('intro')}</p>
        {!canHandle && <p className="muted">{r('readOnly')}</p>}
      </div>
      <div className="report-filters" role="search">
        <label className="field">
          <span className="field__label">{r('filterResidence')}</span>
          <select value={filters.residenceId} onChange={(event) => set({ residenceId: event.target.value })} data-testid="filter-residence">
            <option value="">{r('all')}</option>
            {residences.map((residence) => (
              <option key={residence.id} value={residence.id}>
                {residence.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{r('filterCategory')}</span>
          <select value={filters.category} onChange={(event) => set({ category: event.target.value })} data-testid="filter-category">
            <option value="">{r('all')}</option>
            {REPORT_CATEGORIES.map((category) => (
              <option key={category.code} value={category.code}>
                {category.label[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{r('filterStatus')}</span>
          <select value={filters.status} onChange={(event) => set({ status: event.target.value })} data-testid="filter-status">
            <option value="">{r('open')}</option>
            {reportStatuses.map((value) => (
              <option key={value} value={value}>
                {r(statusKey(value))}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{r('filterAge')}</span>
          <select value={filters.minAgeDays} onChange={(event) => set({ minAgeDays: event.target.value })}>
            <option value="">{r('ageAny')}</option>
            {[2, 7, 15, 30].map((days) => (
              <option key={days} value={days}>
                {r('ageDays', { days })}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--check">
          <input type="checkbox" checked={filters.overdue} onChange={(event) => set({ overdue: event.target.checked })} />
          <span>{r('overdueOnly')}</span>
        </label>
      </div>
      <div className="workspace">
        <section className="panel" aria-busy={status === 'loading' || undefined}>
          {status === 'loading' && <Spinner label={r('loading')} />}
          {status === 'failed' && (
            <Alert tone="error" title={r('failed')}>
              {problemText(error, i18n.t)}
            </Alert>
          )}
          {status === 'ready' && items.length === 0 && <p className="empty">{r('empty')}</p>}
          <ul className="report-queue" data-testid="report-queue">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={`report-row${item.id === selected ? ' report-row--selected' : ''}${item.overdue ? ' report-row--overdue' : ''}`}
                  onClick={() => setSelected(item.id)}
                  data-testid={`report-row-${item.number}`}
                  aria-current={item.id === selected || undefined}
                >
                  <span className="report-row__head">
                    <strong>{item.number}</strong>
                    <span className="tag">{r(statusKey(item.status))}</span>
                    {item.overdue && <span className="tag tag--urgent">{r('overdue')}</span>}
                    {item.urgency === 'URGENT' && <span className="tag tag--safety">{r('urgency.URGENT')}</span>}
                  </span>
                  <span>
                    {categoryLabel(language, item.category)} · {r(`spot.${item.spot}` as ReportMessageKey)} — {item.description}
                  </span>
                  <span className="muted">
                    {item.place.building}, {item.place.residence} · {item.ageDays === 0 ? r('ageToday') : r('age', { days: item.ageDays })}
                    {item.photoCount > 0 ? ` · ${r('photos', { count: item.photoCount })}` : ''} · {item.assignee?.name ?? r('unassigned')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {nextCursor && (
            <button type="button" className="button button--ghost" onClick={() => void more()}>
              {r('more')}
            </button>
          )}
        </section>
        <section className="panel" data-testid="report-detail">
          {detail ? (
            <ReportDetail key={detail.id} report={detail} r={r} language={language} canHandle={canHandle} onChanged={open.setItem} />
          ) : (
            <p className="empty">{r('pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

/** A local datetime-local value N days from now at the given hour. */
function localSlot(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setHours(hour, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

function ReportDetail({
  report,
  r,
  language,
  canHandle,
  onChanged,
}: {
  report: StaffReport;
  r: ReportTranslate;
  language: Language;
  canHandle: boolean;
  onChanged: (report: StaffReport) => void;
}) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [slots, setSlots] = useState(() => [
    { startsAt: localSlot(1, 9), endsAt: localSlot(1, 11) },
    { startsAt: localSlot(2, 14), endsAt: localSlot(2, 16) },
  ]);
  const [assignees, setAssignees] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (canHandle)
      reports.reportAssignees().then(
        (list) => setAssignees(list.items),
        () => undefined,
      );
  }, [canHandle]);

  const run = async (action: () => Promise<StaffReport>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await action());
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const transitions = report.actions.filter((action): action is 'acknowledge' | 'start' | 'resolve' | 'close' =>
    ['acknowledge', 'start', 'resolve', 'close'].includes(action),
  );

  return (
    <div className="report-detail">
      <div className="panel__header">
        <h2 className="panel__title" data-testid="report-number">
          {report.number} · {categoryLabel(language, report.category)}
        </h2>
        <span className="tag" data-testid="report-status">
          {r(statusKey(report.status))}
        </span>
        {report.overdue && <span className="tag tag--urgent">{r('overdue')}</span>}
      </div>
      <dl className="report-facts">
        <dt>{r('tenant')}</dt>
        <dd>{report.tenant ? `${report.tenant.name} (${report.tenant.reference})` : r('formerTenant')}</dd>
        <dt>{r('home')}</dt>
        <dd>{r('homeValue', { ...report.place })}</dd>
        <dt>{r('place')}</dt>
        <dd>{r(`spot.${report.spot}` as ReportMessageKey)}</dd>
        <dt>{r('urgency')}</dt>
        <dd>{r(`urgency.${report.urgency}` as ReportMessageKey)}</dd>
        <dt>{r('due')}</dt>
        <dd>{formatDateTime(report.dueAt, language)}</dd>
        <dt>{r('assignee')}</dt>
        <dd>
          {canHandle && report.actions.includes('assign') ? (
            <select
              value={report.assignee?.id ?? ''}
              aria-label={r('assign')}
              disabled={busy}
              onChange={(event) => void run(() => reports.assignReport(report.id, { assigneeId: event.target.value || null }))}
            >
              <option value="">{r('unassigned')}</option>
              {assignees.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          ) : (
            (report.assignee?.name ?? r('unassigned'))
          )}
        </dd>
        {report.meTooCount > 0 && (
          <>
            <dt>·</dt>
            <dd>{r('meToo', { count: report.meTooCount })}</dd>
          </>
        )}
        {report.rating !== null && (
          <>
            <dt>★</dt>
            <dd data-testid="report-rating">
              {r('rating', { stars: report.rating })}
              {report.ratingComment ? ` — « ${report.ratingComment} »` : ''}
            </dd>
          </>
        )}
      </dl>
      <h3>{r('description')}</h3>
      <p dir="auto">{report.description}</p>
      {report.photos.length > 0 && (
        <div className="report-photos">
          {report.photos.map((photo) => (
            <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer">
              <img src={photo.thumbUrl} alt="" width={160} data-testid="report-photo" />
            </a>
          ))}
        </div>
      )}
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      {canHandle && transitions.length > 0 && (
        <div className="report-actions">
          <label className="field">
            <span className="field__label">{r('note')}</span>
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
          </label>
          <div className="form__actions">
            {transitions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button ${action === 'resolve' || action === 'acknowledge' ? 'button--primary' : ''}`}
                disabled={busy}
                data-testid={`report-action-${action}`}
                onClick={async () => {
                  if (await run(() => reports.transitionReport(report.id, { action, ...(note.trim() ? { note: note.trim() } : {}) })))
                    setNote('');
                }}
              >
                {r(`action.${action}` as ReportMessageKey)}
              </button>
            ))}
          </div>
        </div>
      )}
      {canHandle && report.actions.includes('offer_slots') && (
        <form
          className="report-slots"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() =>
              reports.offerReportSlots(report.id, {
                slots: slots.map((slot) => ({
                  startsAt: new Date(slot.startsAt).toISOString(),
                  endsAt: new Date(slot.endsAt).toISOString(),
                })),
              }),
            );
          }}
        >
          <h3>{r('slotsTitle')}</h3>
          {slots.map((slot, index) => (
            <div className="form__row" key={index}>
              <label className="field">
                <span className="field__label">{r('slotStart', { n: index + 1 })}</span>
                <input
                  type="datetime-local"
                  value={slot.startsAt}
                  data-testid={`slot-${index}-start`}
                  onChange={(event) => setSlots(slots.map((one, i) => (i === index ? { ...one, startsAt: event.target.value } : one)))}
                />
              </label>
              <label className="field">
                <span className="field__label">{r('slotEnd')}</span>
                <input
                  type="datetime-local"
                  value={slot.endsAt}
                  onChange={(event) => setSlots(slots.map((one, i) => (i === index ? { ...one, endsAt: event.target.value } : one)))}
                />
              </label>
            </div>
          ))}
          <button type="submit" className="button" disabled={busy} data-testid="offer-slots">
            {r('offer')}
          </button>
        </form>
      )}
      {report.slots.length > 0 && (
        <>
          <h3>{r('slots')}</h3>
          <ul className="report-slot-list" data-testid="report-slots">
            {report.slots.map((slot) => (
              <li key={slot.id} className={`report-slot report-slot--${slot.state.toLowerCase()}`}>
                {formatDateTime(slot.startsAt, language)} – {formatTime(slot.endsAt, language)} ·{' '}
                {r(`slot.${slot.state}` as ReportMessageKey)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{r('timeline')}</h3>
      <ol className="report-timeline" data-testid="report-timeline">
        {report.timeline.map((event) => (
          <li key={event.id}>
            <span className="muted">{formatDateTime(event.at, language)}</span> <strong>{reportEventLabel(r, event, language)}</strong>{' '}
            <span className="muted">
              —{' '}
              {event.author === 'STAFF' ? event.authorName : r(`by.${event.author}` as ReportMessageKey, { name: event.authorName ?? '' })}
            </span>
            {event.body && (event.kind === 'MESSAGE' || event.kind === 'STATUS') && (
              <p className="report-timeline__body" dir="auto">
                {event.body}
              </p>
            )}
          </li>
        ))}
      </ol>
      {canHandle && report.actions.includes('message') && (
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (message.trim() && (await run(() => reports.postReportMessage(report.id, message.trim())))) setMessage('');
          }}
        >
          <label className="field">
            <span className="field__label">{r('messageLabel')}</span>
            <textarea
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              rows={3}
              maxLength={2000}
              data-testid="report-message"
            />
          </label>
          <button type="submit" className="button" disabled={busy || !message.trim()}>
            {r('send')}
          </button>
        </form>
      )}
    </div>
  );
}

export const OPEN_STATUSES = openReportStatuses;
