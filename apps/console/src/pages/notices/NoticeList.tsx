// The published notices, newest first, each with its live read count.
import type { StaffNotice } from '../../api/shapes';
import type { RealtimeStatus } from '../../api/realtime';
import { problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { LiveIndicator } from '../../components/LiveIndicator';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, formatNumber } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { readShare } from './noticeList';
import { NoticeBuildings, NoticeReminder } from './NoticeReads';

export interface NoticeListProps {
  notices: StaffNotice[];
  status: 'loading' | 'ready' | 'failed';
  error?: unknown;
  nextCursor: string | null;
  loadingMore: boolean;
  moreError?: unknown;
  live: RealtimeStatus;
  onRetry: () => void;
  onLoadMore: () => void;
}

export function NoticeList(props: NoticeListProps) {
  const { t } = useI18n();
  const { notices, status } = props;
  return (
    <section className="panel" aria-labelledby="list-heading" aria-busy={status === 'loading' || undefined}>
      <div className="panel__header">
        <h2 id="list-heading" className="panel__title">
          {t('list.heading')}
        </h2>
        <LiveIndicator status={props.live} live={t('list.live')} />
      </div>
      {status === 'loading' && notices.length === 0 && <Spinner label={t('list.loading')} />}
      {status === 'failed' && (
        <Alert
          tone="error"
          title={t('list.failed')}
          testId="list-error"
          action={
            <button type="button" className="button button--small" onClick={props.onRetry}>
              {t('app.retry')}
            </button>
          }
        >
          {problemText(props.error, t)}
        </Alert>
      )}
      {status === 'ready' && notices.length === 0 && <p className="empty">{t('list.empty')}</p>}
      {notices.length > 0 && (
        <ul className="notices" data-testid="notice-list">
          {notices.map((notice) => (
            <NoticeRow key={notice.id} notice={notice} />
          ))}
        </ul>
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
            data-testid="load-more"
          >
            {props.loadingMore ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}

function NoticeRow({ notice }: { notice: StaffNotice }) {
  const { t } = useI18n();
  const share = readShare(notice);
  const readLabel = t('list.readCount', {
    read: formatNumber(notice.readHomeCount),
    target: formatNumber(notice.targetHomeCount),
  });
  const titleId = `notice-${notice.id}-title`;
  return (
    <li
      className={notice.urgent ? 'notice notice--urgent' : 'notice'}
      aria-labelledby={titleId}
      data-testid="notice-row"
      data-notice-id={notice.id}
      data-read={notice.readHomeCount}
      data-target={notice.targetHomeCount}
    >
      <div className="notice__head">
        <h3 className="notice__title" id={titleId} data-testid="notice-title" dir="auto">
          {notice.title}
        </h3>
        <div className="notice__tags">
          {notice.urgent && <span className="tag tag--urgent">{t('list.urgent')}</span>}
          <span className={`tag tag--${notice.category.toLowerCase()}`}>{t(`category.${notice.category}`)}</span>
        </div>
      </div>
      <div className="notice__content">
        {notice.picture && (
          <img className="notice__picture" src={notice.picture.url} alt={t('picture.alt')} width={160} data-testid="notice-picture" />
        )}
        <p className="notice__body" dir="auto">
          {notice.body}
        </p>
      </div>
      <dl className="notice__meta">
        <div>
          <dt>{t('list.audience')}</dt>
          <dd>
            {notice.audience.name} <span className="muted">({t(`place.${notice.audience.kind}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('list.author')}</dt>
          <dd>{notice.author}</dd>
        </div>
        <div>
          <dt>{t('list.publishedAt')}</dt>
          <dd>
            <time dateTime={notice.publishedAt}>{formatDateTime(notice.publishedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('list.translations')}</dt>
          <dd data-testid="notice-translations">
            {Object.keys(notice.translations ?? {}).length
              ? Object.keys(notice.translations ?? {})
                  .map((language) => t(`texts.${language as 'en' | 'ar'}`))
                  .join(', ')
              : t('list.noTranslation')}
          </dd>
        </div>
        <div>
          <dt>{t('list.validity')}</dt>
          <dd>
            {notice.validUntil
              ? t('list.validFromUntil', { from: formatDateTime(notice.validFrom), until: formatDateTime(notice.validUntil) })
              : t('list.validFromOnward', { from: formatDateTime(notice.validFrom) })}
          </dd>
        </div>
      </dl>
      <div className="reads">
        <div
          className="reads__bar"
          role="progressbar"
          aria-label={t('list.readProgress')}
          aria-valuemin={0}
          aria-valuemax={notice.targetHomeCount}
          aria-valuenow={notice.readHomeCount}
          aria-valuetext={readLabel}
        >
          <span className="reads__fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
        <span className="reads__label" data-testid="read-count" aria-live="polite">
          {readLabel}
        </span>
      </div>
      <NoticeBuildings notice={notice} />
      <NoticeReminder notice={notice} />
    </li>
  );
}
