// The notices task: publish a notice to a place's homes, and watch it being read.
import type { StaffRole } from '../../api/shapes';
import { Alert } from '../../components/Alert';
import { useI18n } from '../../i18n/I18nProvider';
import { hasAnyRole, useSession } from '../../session';
import { NoticeList } from './NoticeList';
import { PublishNoticeForm } from './PublishNoticeForm';
import { useNoticeFeed } from './useNoticeFeed';

export const NOTICE_ROLES: readonly StaffRole[] = ['CARETAKER', 'ADMIN', 'CLERK'];

export function NoticesPage() {
  const { t } = useI18n();
  const { staff } = useSession();
  const allowed = hasAnyRole(staff, NOTICE_ROLES);
  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('notices.title')}</h1>
        {allowed && <p className="page__intro">{t('notices.intro')}</p>}
      </div>
      {allowed ? (
        <NoticesWorkspace />
      ) : (
        <div data-testid="notices-not-available">
          <Alert tone="info" title={t('notices.notForRole')}>
            {t('notices.notForRoleHint')}
          </Alert>
        </div>
      )}
    </div>
  );
}

function NoticesWorkspace() {
  const feed = useNoticeFeed();
  return (
    <div className="workspace">
      <PublishNoticeForm onPublished={feed.addPublished} />
      <NoticeList
        notices={feed.notices}
        status={feed.status}
        error={feed.error}
        nextCursor={feed.nextCursor}
        loadingMore={feed.loadingMore}
        moreError={feed.moreError}
        live={feed.live}
        onRetry={() => void feed.refresh()}
        onLoadMore={() => void feed.loadMore()}
      />
    </div>
  );
}
