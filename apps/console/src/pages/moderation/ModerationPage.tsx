// The moderation task: the queue beside the item under review (content, context, reports, history, decision), the
// decisions log, and the landlord's forbidden words.
import { Fragment, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  moderationCaseStatuses,
  type EventMessage,
  type ForbiddenWord,
  type ModerationCaseDetail,
  type ModerationCaseStatus,
  type ModerationCaseSummary,
  type ModerationDecision,
  type ModerationLogEntry,
  type ModeratedConversationMessage,
  type PalierClient,
} from '@palier/contracts';
import { api } from '../../api/client';
import { problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { usePages } from '../../api/usePages';
import { useResidences } from '../../api/useResidences';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/catalogue';
import { useSession } from '../../session';
import { moderationTranslator, type ModerationMessageKey, type ModerationTranslate } from './messages';
import '../reports/reports.css'; // the queue rows and facts look like the reports' queue
import './moderation.css';

type ModerationClient = Pick<
  PalierClient,
  | 'moderationCases'
  | 'moderationCase'
  | 'moderate'
  | 'moderationLog'
  | 'forbiddenWords'
  | 'addForbiddenWord'
  | 'removeForbiddenWord'
  | 'readReportedConversation'
>;
const moderation = api as unknown as ModerationClient;

type Tab = 'queue' | 'log' | 'words';

export function ModerationPage() {
  const i18n = useI18n();
  const m = useMemo(() => moderationTranslator(i18n.t.language), [i18n.t.language]);
  const [tab, setTab] = useState<Tab>('queue');
  const [version, setVersion] = useState(0); // bumped by realtime: every tab re-reads
  useRealtime(
    (event: EventMessage) => {
      if (event.name === 'moderation.queue') setVersion((value) => value + 1);
    },
    () => setVersion((value) => value + 1),
  );

  return (
    <div className="page" data-testid="moderation-page">
      <div className="page__header">
        <h1 className="page__title">{m('title')}</h1>
        <p className="page__intro">{m('intro')}</p>
      </div>
      <div className="tabs" role="tablist" aria-label={m('title')}>
        {(['queue', 'log', 'words'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            data-testid={`moderation-tab-${id}`}
          >
            {m(`tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'queue' && <Queue m={m} version={version} />}
      {tab === 'log' && <Log m={m} version={version} />}
      {tab === 'words' && <Words m={m} />}
    </div>
  );
}

function Queue({ m, version }: { m: ModerationTranslate; version: number }) {
  const i18n = useI18n();
  const [status, setStatus] = useState<ModerationCaseStatus>('OPEN');
  const [residenceId, setResidenceId] = useState('');
  const residences = useResidences();
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<ModerationCaseDetail | null>(null);
  const [detailError, setDetailError] = useState<unknown>();
  const fetch = useCallback(
    (cursor?: string) =>
      moderation.moderationCases({ status, ...(residenceId ? { residenceId } : {}), ...(cursor ? { cursor } : {}), limit: 25 }),
    // version: a realtime nudge re-reads the first page
    [status, residenceId, version],
  );
  const pages = usePages<ModerationCaseSummary>(fetch);

  useEffect(() => {
    if (!selected) return setDetail(null);
    let cancelled = false;
    moderation.moderationCase(selected).then(
      (found) => !cancelled && (setDetail(found), setDetailError(undefined)),
      (failure: unknown) => !cancelled && setDetailError(failure),
    );
    return () => {
      cancelled = true;
    };
  }, [selected, version]);

  return (
    <>
      <div className="report-filters" role="search">
        <label className="field">
          <span className="field__label">{m('filterStatus')}</span>
          <select
            value={status}
            onChange={(event) => setStatus(event.target.value as ModerationCaseStatus)}
            data-testid="moderation-status"
          >
            {moderationCaseStatuses.map((value) => (
              <option key={value} value={value}>
                {m(`status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{m('filterResidence')}</span>
          <select value={residenceId} onChange={(event) => setResidenceId(event.target.value)}>
            <option value="">{m('all')}</option>
            {residences.map((residence) => (
              <option key={residence.id} value={residence.id}>
                {residence.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="workspace">
        <section className="panel" aria-busy={pages.status === 'loading' || undefined}>
          {pages.status === 'loading' && <Spinner label={m('loading')} />}
          {pages.status === 'failed' && (
            <Alert tone="error" title={m('failed')}>
              {problemText(pages.error, i18n.t)}
            </Alert>
          )}
          {pages.status === 'ready' && pages.items.length === 0 && (
            <p className="empty">{status === 'OPEN' ? m('emptyQueue') : m('empty')}</p>
          )}
          <ul className="report-queue" data-testid="moderation-queue">
            {pages.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={`report-row moderation-row${item.id === selected ? ' report-row--selected' : ''}${item.hidden ? ' moderation-row--hidden' : ''}`}
                  onClick={() => setSelected(item.id)}
                  aria-current={item.id === selected || undefined}
                  data-testid="moderation-row"
                >
                  <span className="report-row__head">
                    <strong>{m(`kind.${item.target.kind}`)}</strong>
                    <span className="tag">{m('reporters', { count: item.reporterCount })}</span>
                    {item.hidden && <span className="tag tag--safety">{m('hidden')}</span>}
                    {item.reasons.map((reason) => (
                      <span key={reason} className="tag tag--information">
                        {m(`reason.${reason}`)}
                      </span>
                    ))}
                  </span>
                  <span className="moderation-row__excerpt">{item.excerpt}</span>
                  <span className="muted">
                    {item.author.firstName}, {item.author.building} — {item.residence.name} ·{' '}
                    {formatDateTime(item.openedAt, i18n.t.language)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {pages.nextCursor && (
            <button type="button" className="button button--ghost" onClick={() => void pages.more()}>
              {m('more')}
            </button>
          )}
        </section>
        <section className="panel" data-testid="moderation-detail">
          {detailError !== undefined && <Alert tone="error">{problemText(detailError, i18n.t)}</Alert>}
          {detail ? (
            <CaseDetail
              key={detail.id}
              item={detail}
              m={m}
              onDecided={(next) => {
                setDetail(next);
                void pages.reload();
              }}
            />
          ) : (
            <p className="empty">{m('pick')}</p>
          )}
        </section>
      </div>
    </>
  );
}

const CONTENT_DECISIONS: ModerationDecision[] = ['KEEP', 'HIDE', 'DELETE'];
const AUTHOR_DECISIONS: ModerationDecision[] = ['WARN', 'SUSPEND'];

/** A week from now, as a datetime-local value: the usual first suspension. */
function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function CaseDetail({
  item,
  m,
  onDecided,
}: {
  item: ModerationCaseDetail;
  m: ModerationTranslate;
  onDecided: (next: ModerationCaseDetail) => void;
}) {
  const i18n = useI18n();
  const language = i18n.t.language;
  const { handle } = useSession();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(inAWeek);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [missing, setMissing] = useState<'reason' | 'until' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const isContent = item.target.kind === 'POST' || item.target.kind === 'REPLY' || item.target.kind === 'MESSAGE';
  const decisionLabel = (decision: ModerationDecision) =>
    decision === 'KEEP' && !isContent ? m('decision.KEEP.USER') : m(`decision.${decision}` as ModerationMessageKey);
  const allowed = (decision: ModerationDecision) => {
    if (item.status === 'DELETED') return !CONTENT_DECISIONS.includes(decision);
    if (!isContent && (decision === 'HIDE' || decision === 'DELETE')) return false;
    if (item.target.kind === 'MESSAGE' && decision === 'HIDE') return false; // a private message is kept or deleted
    if (decision === 'HIDE') return item.status !== 'HIDDEN';
    return true;
  };

  const decide = async (decision: ModerationDecision) => {
    setDone(null);
    if (reason.trim().length < 3) return setMissing('reason');
    const end = new Date(until);
    if (decision === 'SUSPEND' && !(end.getTime() > Date.now())) return setMissing('until');
    setMissing(null);
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await moderation.moderate(item.id, {
        decision,
        reason: reason.trim(),
        ...(decision === 'SUSPEND' ? { suspendedUntil: end.toISOString() } : {}),
      });
      setReason('');
      setDone(m('done', { decision: decisionLabel(decision) }));
      onDecided(next);
    } catch (error) {
      if (!handle(error)) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-detail moderation-detail">
      <div className="panel__header">
        <h2 className="panel__title" data-testid="moderation-detail-title">
          {m(`kind.${item.target.kind}`)} · {m('reporters', { count: item.reporterCount })}
        </h2>
        <span>
          <span className="tag" data-testid="moderation-detail-status">
            {m(`status.${item.status}`)}
          </span>{' '}
          {item.hidden && <span className="tag tag--safety">{m('hidden')}</span>}
        </span>
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      <dl className="report-facts">
        <dt>{m('author')}</dt>
        <dd data-testid="moderation-author">
          {m('authorValue', { ...item.author, residence: item.residence.name })}
          {item.authorSuspendedUntil && (
            <>
              {' '}
              <span className="tag tag--urgent">{m('suspendedUntil', { date: formatDateTime(item.authorSuspendedUntil, language) })}</span>
            </>
          )}
        </dd>
      </dl>
      <h3>{item.target.kind === 'USER' ? m('contentUser') : m('content')}</h3>
      <blockquote className="moderation-content" data-testid="moderation-content">
        {item.content.title && (
          <p className="moderation-content__title" dir="auto">
            {item.content.title}
          </p>
        )}
        <p className="moderation-content__body" dir="auto">
          {item.content.body}
        </p>
        {item.photos.length > 0 && (
          // The post's photos as they are now (hidden ones too); each opens full size in a new tab.
          <div className="moderation-photos" data-testid="moderation-photos">
            {item.photos.map((photo, index) => (
              <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer">
                <img
                  src={photo.thumbUrl}
                  alt={m('photoAlt', { index: index + 1, count: item.photos.length })}
                  width={160}
                  data-testid="moderation-photo"
                />
              </a>
            ))}
          </div>
        )}
        {item.content.createdAt && <p className="muted">{m('postedAt', { date: formatDateTime(item.content.createdAt, language) })}</p>}
      </blockquote>
      {item.inReplyTo && (
        <>
          <h3>{item.target.kind === 'MESSAGE' ? m('aboutPost') : m('inReplyTo')}</h3>
          <blockquote className="moderation-content moderation-content--context">
            <p className="moderation-content__title">{item.inReplyTo.title}</p>
            <p className="moderation-content__body">{item.inReplyTo.body}</p>
            <p className="muted">
              {item.inReplyTo.author.firstName}, {item.inReplyTo.author.building}
            </p>
          </blockquote>
        </>
      )}
      <h3>{m('reports')}</h3>
      <ul className="moderation-list" data-testid="moderation-reports">
        {item.reports.map((report, index) => (
          <li key={index} className={report.dismissed ? 'muted' : undefined}>
            <strong>{m(`reason.${report.reason}`)}</strong> — {report.comment ? `« ${report.comment} »` : <em>{m('noComment')}</em>}{' '}
            <span className="muted">
              · {formatDateTime(report.at, language)}
              {report.dismissed ? ` · ${m('dismissed')}` : ''}
            </span>
          </li>
        ))}
      </ul>

      <form className="moderation-decision" onSubmit={(event: FormEvent) => event.preventDefault()} aria-label={m('decide')}>
        <h3>{m('decide')}</h3>
        <label className={`field${missing === 'reason' ? ' field--invalid' : ''}`}>
          <span className="field__label">{m('reasonLabel')}</span>
          <textarea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={1000}
            rows={3}
            aria-invalid={missing === 'reason' || undefined}
            data-testid="moderation-reason"
          />
          {missing === 'reason' && <span className="field__error">{m('reasonMissing')}</span>}
        </label>
        <div className="moderation-decision__groups">
          <fieldset className="moderation-decision__group">
            <legend>{m('decideContent')}</legend>
            {CONTENT_DECISIONS.filter((decision) => isContent || decision === 'KEEP').map((decision) => (
              <button
                key={decision}
                type="button"
                className={`button ${decision === 'DELETE' ? 'button--danger' : decision === 'KEEP' ? 'button--primary' : ''}`}
                disabled={busy || !allowed(decision)}
                onClick={() => void decide(decision)}
                data-testid={`moderation-decide-${decision}`}
              >
                {decisionLabel(decision)}
              </button>
            ))}
          </fieldset>
          <fieldset className="moderation-decision__group">
            <legend>{m('decideAuthor')}</legend>
            {AUTHOR_DECISIONS.map((decision) => (
              <Fragment key={decision}>
                {decision === 'SUSPEND' && (
                  <label className={`field${missing === 'until' ? ' field--invalid' : ''}`}>
                    <span className="field__label">{m('untilLabel')}</span>
                    <input
                      type="datetime-local"
                      value={until}
                      onChange={(event) => setUntil(event.target.value)}
                      data-testid="moderation-until"
                    />
                    {missing === 'until' && <span className="field__error">{m('untilMissing')}</span>}
                  </label>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={busy || !allowed(decision)}
                  onClick={() => void decide(decision)}
                  data-testid={`moderation-decide-${decision}`}
                >
                  {decisionLabel(decision)}
                </button>
              </Fragment>
            ))}
          </fieldset>
        </div>
        {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
      </form>

      {item.target.kind === 'MESSAGE' && <ConversationReader caseId={item.id} m={m} onLogged={onDecided} />}

      <h3>{m('caseActions')}</h3>
      <History entries={item.actions} m={m} testId="moderation-case-actions" />
      <h3>{m('authorHistory')}</h3>
      <History entries={item.authorHistory} m={m} testId="moderation-author-history" />
    </div>
  );
}

/**
 * A reported private message's conversation: read only on purpose, with a reason that goes to the log; the case is
 * read again afterwards so the moderator sees their reading in its history.
 */
function ConversationReader({
  caseId,
  m,
  onLogged,
}: {
  caseId: string;
  m: ModerationTranslate;
  onLogged: (next: ModerationCaseDetail) => void;
}) {
  const i18n = useI18n();
  const { handle } = useSession();
  const [reason, setReason] = useState('');
  const [messages, setMessages] = useState<ModeratedConversationMessage[] | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const read = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const page = await moderation.readReportedConversation(caseId, reason.trim());
      setMessages([...page.items].reverse()); // oldest first, as a conversation reads
      onLogged(await moderation.moderationCase(caseId));
    } catch (error) {
      if (!handle(error)) setFailure(error);
    }
  };
  if (messages) {
    return (
      <>
        <h3>{m('conversation')}</h3>
        <p className="muted" data-testid="moderation-conversation-logged">
          {m('conversationLogged')}
        </p>
        <ol className="moderation-list" data-testid="moderation-conversation">
          {messages.map((message) => (
            <li key={message.id} className={message.reported ? 'moderation-reported' : undefined}>
              <strong>{message.author.firstName}</strong> — {message.body}{' '}
              <span className="muted">· {formatDateTime(message.createdAt, i18n.t.language)}</span>
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <form className="moderation-word-form" onSubmit={read}>
      <label className="field">
        <span className="field__label">{m('conversationReason')}</span>
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={1000}
          data-testid="moderation-conversation-reason"
        />
      </label>
      <button type="submit" className="button" disabled={reason.trim().length < 3} data-testid="moderation-conversation-read">
        {m('conversationRead')}
      </button>
      {failure !== undefined && <Alert tone="error">{problemText(failure, i18n.t)}</Alert>}
    </form>
  );
}

function History({ entries, m, testId }: { entries: ModerationLogEntry[]; m: ModerationTranslate; testId: string }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p className="empty">{m('noHistory')}</p>;
  return (
    <ol className="moderation-list" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <strong>{m(`action.${entry.kind}`)}</strong>
          {entry.suspendedUntil ? ` ${m('until', { date: formatDateTime(entry.suspendedUntil, t.language) })}` : ''} —{' '}
          <span>{entry.reason}</span>{' '}
          <span className="muted">
            · {entry.staffName ?? m('byPalier')} · {formatDateTime(entry.at, t.language)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Log({ m, version }: { m: ModerationTranslate; version: number }) {
  const i18n = useI18n();
  const fetch = useCallback((cursor?: string) => moderation.moderationLog({ ...(cursor ? { cursor } : {}), limit: 30 }), [version]);
  const pages = usePages<ModerationLogEntry>(fetch);
  return (
    <section className="panel" aria-busy={pages.status === 'loading' || undefined}>
      {pages.status === 'loading' && <Spinner label={m('loading')} />}
      {pages.status === 'failed' && (
        <Alert tone="error" title={m('failed')}>
          {problemText(pages.error, i18n.t)}
        </Alert>
      )}
      {pages.status === 'ready' && pages.items.length === 0 && <p className="empty">{m('empty')}</p>}
      {pages.items.length > 0 && (
        <table className="moderation-log" data-testid="moderation-log">
          <thead>
            <tr>
              <th scope="col">{m('logWhen')}</th>
              <th scope="col">{m('logWhat')}</th>
              <th scope="col">{m('logAbout')}</th>
              <th scope="col">{m('logWho')}</th>
              <th scope="col">{m('logWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at, i18n.t.language)}</td>
                <td>
                  {m(`action.${entry.kind}`)}
                  {entry.suspendedUntil ? ` ${m('until', { date: formatDateTime(entry.suspendedUntil, i18n.t.language) })}` : ''}
                </td>
                <td>
                  {entry.author.firstName}, {entry.author.building}
                </td>
                <td>{entry.staffName ?? m('byPalier')}</td>
                <td>{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.nextCursor && (
        <button type="button" className="button button--ghost" onClick={() => void pages.more()}>
          {m('more')}
        </button>
      )}
    </section>
  );
}

function Words({ m }: { m: ModerationTranslate }) {
  const i18n = useI18n();
  const { handle } = useSession();
  const fetch = useCallback((cursor?: string) => moderation.forbiddenWords({ ...(cursor ? { cursor } : {}), limit: 50 }), []);
  const pages = usePages<ForbiddenWord>(fetch);
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await action();
      // The confirmation shows with the list it speaks of, not before it.
      await pages.reload();
      setMessage({ tone: 'success', text });
    } catch (error) {
      if (!handle(error)) setMessage({ tone: 'error', text: problemText(error, i18n.t) });
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (word.trim().length < 2) return;
    void run(async () => {
      const added = await moderation.addForbiddenWord(word.trim());
      setWord('');
      return m('added', { word: added.word });
    });
  };

  return (
    <section className="panel" data-testid="moderation-words">
      <p className="page__intro">{m('wordsIntro')}</p>
      <form className="moderation-word-form" onSubmit={add}>
        <label className="field">
          <span className="field__label">{m('wordLabel')}</span>
          <input value={word} onChange={(event) => setWord(event.target.value)} maxLength={60} data-testid="moderation-word-input" />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || word.trim().length < 2}
          data-testid="moderation-word-add"
        >
          {m('add')}
        </button>
      </form>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {pages.status === 'loading' && <Spinner label={m('loading')} />}
      {pages.status === 'failed' && <Alert tone="error">{problemText(pages.error, i18n.t)}</Alert>}
      <ul className="moderation-words" data-testid="moderation-word-list">
        {pages.items.map((entry) => (
          <li key={entry.id} className="moderation-words__item">
            <span>{entry.word}</span>
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={busy}
              aria-label={`${m('remove')} « ${entry.word} »`}
              onClick={() =>
                void run(async () => {
                  await moderation.removeForbiddenWord(entry.id);
                  return m('removed', { word: entry.word });
                })
              }
            >
              {m('remove')}
            </button>
          </li>
        ))}
      </ul>
      {pages.nextCursor && (
        <button type="button" className="button button--ghost" onClick={() => void pages.more()}>
          {m('more')}
        </button>
      )}
    </section>
  );
}
