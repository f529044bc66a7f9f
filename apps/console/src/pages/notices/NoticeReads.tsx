// Under each notice: how many homes have read it, per building, and a reminder to the homes that have not.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoticeBuildingReads } from '@palier/contracts';
import type { StaffNotice } from '../../api/shapes';
import { api } from '../../api/client';
import { problemOf, problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { formatDateTime, formatNumber, homes } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';
import { newIdempotencyKey } from './noticeDraft';
import { readShare } from './noticeList';

type Buildings =
  | { status: 'idle' | 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; items: NoticeBuildingReads[]; next: string | null };

export function NoticeBuildings({ notice }: { notice: StaffNotice }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [buildings, setBuildings] = useState<Buildings>({ status: 'idle' });

  const load = useCallback(
    async (cursor?: string) => {
      if (!cursor) setBuildings({ status: 'loading' });
      try {
        const page = await api.noticeBuildingReads(notice.id, { limit: 20, ...(cursor ? { cursor } : {}) });
        setBuildings((current) => ({
          status: 'ready',
          items: cursor && current.status === 'ready' ? [...current.items, ...page.items] : page.items,
          next: page.nextCursor,
        }));
      } catch (error) {
        if (!session.handle(error)) setBuildings({ status: 'failed', error });
      }
    },
    [notice.id],
  );

  // Open, it follows the live read count: re-read the first page when it moves.
  useEffect(() => {
    if (open) void load();
  }, [open, notice.readHomeCount, load]);

  return (
    <details className="buildings" data-testid="notice-buildings" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary data-testid="notice-buildings-toggle">{t('buildings.show')}</summary>
      {buildings.status === 'loading' && <Spinner inline label={t('buildings.loading')} />}
      {buildings.status === 'failed' && (
        <Alert tone="error" title={t('buildings.failed')}>
          {problemText(buildings.error, t)}
        </Alert>
      )}
      {buildings.status === 'ready' && (
        <ul className="buildings__list">
          {buildings.items.map((building) => (
            <li
              key={building.buildingId}
              className="buildings__row"
              data-testid="building-reads"
              data-read={building.readHomeCount}
              data-target={building.targetHomeCount}
            >
              <span className="buildings__name">{building.name}</span>
              <span className="reads__bar" aria-hidden="true">
                <span className="reads__fill" style={{ width: `${Math.round(readShare(building) * 100)}%` }} />
              </span>
              <span className="buildings__count">
                {t('buildings.row', { read: formatNumber(building.readHomeCount), target: formatNumber(building.targetHomeCount) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {buildings.status === 'ready' && buildings.next && (
        <button type="button" className="button button--small" onClick={() => void load(buildings.next!)}>
          {t('buildings.more')}
        </button>
      )}
    </details>
  );
}

type Reminding =
  { status: 'idle' | 'sending' } | { status: 'sent'; homeCount: number; nextAllowedAt: string } | { status: 'failed'; error: unknown };

export function NoticeReminder({ notice }: { notice: StaffNotice }) {
  const { t } = useI18n();
  const session = useSession();
  const [state, setState] = useState<Reminding>({ status: 'idle' });
  // Kept after a failure whose outcome is unknown, so a retry cannot remind twice.
  const key = useRef<string | undefined>(undefined);
  const everyoneRead = notice.readHomeCount >= notice.targetHomeCount;

  const remind = async () => {
    key.current ??= newIdempotencyKey();
    setState({ status: 'sending' });
    try {
      const sent = await api.remindNotice(notice.id, key.current);
      key.current = undefined;
      setState({ status: 'sent', homeCount: sent.homeCount, nextAllowedAt: sent.nextAllowedAt });
    } catch (error) {
      if (session.handle(error)) return;
      const status = problemOf(error)?.status;
      if (status !== undefined && status < 500) key.current = undefined;
      setState({ status: 'failed', error });
    }
  };

  const last = notice.lastReminder;
  return (
    <div className="reminder">
      <button
        type="button"
        className="button button--small"
        onClick={() => void remind()}
        disabled={state.status === 'sending' || state.status === 'sent' || everyoneRead}
        aria-busy={state.status === 'sending' || undefined}
        data-testid="remind"
      >
        {state.status === 'sending' ? t('remind.sending') : t('remind.action')}
      </button>
      <span className="reminder__status" aria-live="polite" data-testid="remind-status">
        {everyoneRead && state.status !== 'sent' && t('remind.nobody')}
        {state.status === 'sent' &&
          `${t('remind.sent', { homes: homes(t, state.homeCount) })} ${t('remind.nextAt', { at: formatDateTime(state.nextAllowedAt) })}`}
        {state.status === 'idle' &&
          last &&
          !everyoneRead &&
          t('remind.last', { at: formatDateTime(last.sentAt), homes: homes(t, last.homeCount) })}
      </span>
      {state.status === 'failed' && (
        <Alert tone="error" testId="remind-error">
          {problemText(state.error, t)}
        </Alert>
      )}
    </div>
  );
}
