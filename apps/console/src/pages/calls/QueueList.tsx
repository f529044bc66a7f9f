// The callers waiting for the call-centre, longest wait first, each with who they are, where they live, how long they
// have waited (ticking) and an Answer button.
import { problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import { formatWaiting, homeLabel, isLongWait, waitingNow, type ShownEntry } from './callQueue';
import { OpenReports } from './OpenReports';

export interface QueueListProps {
  entries: ShownEntry[];
  status: 'loading' | 'ready' | 'failed';
  error?: unknown;
  nextCursor: string | null;
  loadingMore: boolean;
  moreError?: unknown;
  now: number;
  /** Why Answer is unavailable (away, already in a call), or null when the agent can answer */
  answerBlockedBy: 'away' | 'inCall' | null;
  claiming: string | null;
  compact?: boolean;
  onAnswer: (entry: ShownEntry) => void;
  onRetry: () => void;
  onLoadMore: () => void;
}

export function QueueList(props: QueueListProps) {
  const { t } = useI18n();
  const { entries, status } = props;
  return (
    <section className="panel" aria-labelledby="queue-heading" aria-busy={status === 'loading' || undefined} data-testid="call-queue">
      <div className="panel__header">
        <h2 id="queue-heading" className="panel__title">
          {t('queue.heading')}
        </h2>
        {status === 'ready' && (
          <span className="tag" data-testid="queue-count" aria-live="polite">
            {entries.length === 0
              ? t('queue.countNone')
              : entries.length === 1
                ? t('queue.countOne')
                : t('queue.count', { count: entries.length })}
          </span>
        )}
      </div>
      {props.answerBlockedBy && entries.length > 0 && (
        <p id="answer-blocked" className="muted" data-testid="answer-blocked">
          {props.answerBlockedBy === 'away' ? t('queue.awayHint') : t('queue.inCallHint')}
        </p>
      )}
      {status === 'loading' && entries.length === 0 && <Spinner label={t('queue.loading')} />}
      {status === 'failed' && (
        <Alert
          tone="error"
          title={t('queue.failed')}
          testId="queue-error"
          action={
            <button type="button" className="button button--small" onClick={props.onRetry}>
              {t('app.retry')}
            </button>
          }
        >
          {problemText(props.error, t)}
        </Alert>
      )}
      {status === 'ready' && entries.length === 0 && (
        <p className="empty" data-testid="queue-empty">
          {t('queue.empty')}
        </p>
      )}
      {entries.length > 0 && (
        <ol className="queue">
          {entries.map((entry) => (
            <QueueRow key={entry.callId} entry={entry} {...props} />
          ))}
        </ol>
      )}
      {props.moreError !== undefined && <Alert tone="error">{problemText(props.moreError, t)}</Alert>}
      {props.nextCursor && (
        <div className="notices__more">
          <button
            type="button"
            className="button"
            onClick={props.onLoadMore}
            disabled={props.loadingMore}
            aria-busy={props.loadingMore || undefined}
            data-testid="queue-more"
          >
            {props.loadingMore ? t('list.loadingMore') : t('queue.more')}
          </button>
        </div>
      )}
    </section>
  );
}

function QueueRow({ entry, now, answerBlockedBy, claiming, compact, onAnswer }: QueueListProps & { entry: ShownEntry }) {
  const { t } = useI18n();
  const { caller } = entry;
  const waited = waitingNow(entry, now);
  const long = isLongWait(waited);
  const nameId = `queue-${entry.callId}-name`;
  const isClaiming = claiming === entry.callId;
  return (
    <li
      className={compact ? 'queue__entry queue__entry--compact' : 'queue__entry'}
      aria-labelledby={nameId}
      data-testid="queue-entry"
      data-call-id={entry.callId}
      data-first-name={caller.firstName}
    >
      <span className="queue__position" aria-label={t('queue.position', { position: entry.position })}>
        {entry.position}
      </span>
      <div className="queue__who">
        <h3 className="queue__name" id={nameId}>
          <span data-testid="queue-first-name">{caller.firstName}</span>
          <span className="queue__fullname">
            {caller.fullName} · {t('caller.reference', { reference: caller.reference })}
          </span>
        </h3>
        <p className="queue__home">{homeLabel(caller, t)}</p>
        {!compact && (
          <>
            <p className="queue__residence muted">
              {caller.residence.name} — {caller.residence.address}
            </p>
            <OpenReports reports={caller.openReports} />
          </>
        )}
      </div>
      <div className="queue__wait">
        <span className="queue__waitLabel">{t('queue.waiting')}</span>
        <span
          className={long ? 'queue__waitTime queue__waitTime--long' : 'queue__waitTime'}
          data-testid="queue-waiting"
          data-seconds={waited}
        >
          {formatWaiting(waited, t)}
        </span>
        {long && <span className="tag tag--urgent">{t('queue.longWait')}</span>}
      </div>
      <div className="queue__action">
        <button
          type="button"
          className="button button--primary"
          onClick={() => onAnswer(entry)}
          disabled={answerBlockedBy !== null || claiming !== null}
          aria-busy={isClaiming || undefined}
          aria-describedby={answerBlockedBy ? 'answer-blocked' : undefined}
          data-testid="answer"
        >
          {isClaiming ? t('queue.answering') : t('queue.answer', { name: caller.firstName })}
        </button>
      </div>
    </li>
  );
}
