// Whether the page's realtime socket is up: live, connecting, or interrupted and reconnecting.
import type { RealtimeStatus } from '../api/realtime';
import { useI18n } from '../i18n/I18nProvider';

export function LiveIndicator({ status, live }: { status: RealtimeStatus; /** What "live" means on this page */ live: string }) {
  const { t } = useI18n();
  if (status === 'unauthenticated') return null;
  const label = status === 'live' ? live : status === 'connecting' ? t('list.connecting') : t('list.offline');
  return (
    <span className={`live live--${status}`} data-testid="live-status" data-status={status}>
      <span className="live__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
